//! `/admin` (lazy): an administrator loads a real township's grids, staff and households
//! from spreadsheets and downloads them again. An import is all or nothing: a file with
//! any bad row changes nothing, and every bad row is listed with its line and reason.

use crate::api::load;
use crate::error::{ActionError, AppError, ErrorMessage};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wangge_core::accounts::{AccountRole, Me};
use wangge_core::admin::ImportDone;
use wangge_core::problem::{Detail, Problem};
use wangge_core::API_PREFIX;

/// The three lists, as (path segment, Chinese title, English title, what a row is).
const LISTS: [(&str, &str, &str, &str, &str); 3] = [
    (
        "grids",
        "网格",
        "Grids",
        "编码,名称,类型,范围,户数",
        "code, name, kind, scope, households",
    ),
    (
        "people",
        "工作人员",
        "Staff",
        "登录名,姓名,电话,角色,范围,服务承诺",
        "login, name, phone, role, scope, commitment",
    ),
    (
        "households",
        "住户",
        "Households",
        "户编号,网格编码,地址,姓名,与户主关系,电话",
        "id, grid code, address, name, relation, phone",
    ),
];

#[component]
pub fn Admin() -> impl IntoView {
    let s = Settings::get();
    let me = load::<Me>(|| format!("{API_PREFIX}/me"));
    let is_admin = move || {
        me.with(|m| {
            m.data
                .as_ref()
                .is_some_and(|m| m.roles.iter().any(|g| g.role == AccountRole::Admin))
        })
    };
    view! {
        <section class="admin">
            <h1>{move || s.t("管理", "Administration")}</h1>
            {move || me.get().error.map(|e| view! {
                <ErrorMessage error=e/>
                <p class="actions"><A href="/account" attr:class="button">{move || s.t("去登录", "Sign in")}</A></p>
            })}
            {move || (me.get().data.is_some() && !is_admin()).then(|| view! {
                <p class="empty">{move || s.t("只有管理员可以使用这一页。", "Only administrators can use this page.")}</p>
            })}
            <Show when=is_admin>
                <p class="lead">{move || s.t(
                    "用 Excel 编辑后“另存为 CSV UTF-8”再导入。导入时只要有一行有错，整个文件都不会导入，并列出每一处错误。",
                    "Edit in Excel, save as CSV UTF-8, then import. If any row is wrong nothing is imported, and every error is listed.")}</p>
                {LISTS.into_iter().map(|(list, zh, en, cols_zh, cols_en)| view! {
                    <ListPanel list zh en cols_zh cols_en/>
                }).collect_view()}
                <WorkPhones/>
            </Show>
        </section>
    }
}

#[component]
fn ListPanel(
    list: &'static str,
    zh: &'static str,
    en: &'static str,
    cols_zh: &'static str,
    cols_en: &'static str,
) -> impl IntoView {
    let s = Settings::get();
    let file = RwSignal::new(None::<send_wrapper::SendWrapper<web_sys::File>>);
    let pending = RwSignal::new(false);
    let done = RwSignal::new(None::<ImportDone>);
    let problem = RwSignal::new(None::<Problem>);
    let error = RwSignal::new(None::<AppError>);
    let path = format!("{API_PREFIX}/admin/{list}.csv");
    let input_id = format!("import-{list}");
    let import = {
        let path = path.clone();
        move |_| {
            let Some(f) = file.get_untracked() else {
                return;
            };
            let path = path.clone();
            pending.set(true);
            done.set(None);
            problem.set(None);
            error.set(None);
            spawn_local(async move {
                match upload(&path, &f).await {
                    Ok(d) => {
                        done.try_set(Some(d));
                    }
                    Err(AppError::Problem { problem: p, .. }) if !p.errors.is_empty() => {
                        problem.try_set(Some(p));
                    }
                    Err(e) => {
                        error.try_set(Some(e));
                    }
                }
                pending.try_set(false);
            });
        }
    };
    view! {
        <article class="admin-list" data-testid=format!("admin-{list}")>
            <h2>{move || s.t(zh, en)}</h2>
            <p class="lead">{move || s.t("列：", "Columns: ")}{move || s.t(cols_zh, cols_en)}</p>
            <p class="actions">
                <a class="button secondary" href=path.clone() download="" data-testid=format!("export-{list}")>
                    {move || s.t("导出（也可作模板）", "Export (also a template)")}
                </a>
            </p>
            <label class="field" for=input_id.clone()>
                <span>{move || s.t("选择要导入的 CSV 文件", "Choose a CSV file to import")}</span>
            </label>
            <input id=input_id type="file" accept=".csv,text/csv" data-testid=format!("file-{list}")
                on:change=move |ev| {
                    use wasm_bindgen::JsCast;
                    let picked = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .and_then(|i| i.files())
                        .and_then(|fs| fs.get(0));
                    done.set(None);
                    problem.set(None);
                    file.set(picked.map(send_wrapper::SendWrapper::new));
                }/>
            <button class="button" data-testid=format!("import-{list}")
                disabled=move || pending.get() || file.with(Option::is_none)
                on:click=import>
                {move || if pending.get() { s.t("正在导入…", "Importing…") } else { s.t("开始导入", "Import") }}
            </button>
            {move || done.get().map(|d| view! {
                <p class="ok-box" role="status" data-testid="import-done">
                    {move || format!("{}{}{}", s.t("导入成功：", "Imported: "), d.rows, s.t(" 条。", " records."))}
                </p>
            })}
            {move || error.get().map(|e| view! {
                <ActionError error=e offline=("导入需要网络，请连上网络后再试。", "Importing needs the network; connect and try again.")/>
            })}
            {move || problem.get().map(|p| view! { <ImportErrors p/> })}
        </article>
    }
}

/// Every bad row of a refused file: line, column, reason.
#[component]
fn ImportErrors(p: Problem) -> impl IntoView {
    let s = Settings::get();
    let count = p.errors.len();
    view! {
        <div class="error-box" role="alert" data-testid="import-errors">
            <p>{move || format!("{}{count}{}", s.t("文件有 ", "The file has "), s.t(" 处错误，没有导入任何内容：", " problems; nothing was imported:"))}</p>
            <table class="errors">
                <thead><tr>
                    <th>{move || s.t("行", "Line")}</th>
                    <th>{move || s.t("列", "Column")}</th>
                    <th>{move || s.t("问题", "Problem")}</th>
                </tr></thead>
                <tbody>
                    {p.errors.into_iter().map(|d: Detail| view! {
                        <tr>
                            <td>{d.line.map(|l| l.to_string()).unwrap_or_default()}</td>
                            <td>{d.field.clone().unwrap_or_default()}</td>
                            <td>{move || s.lang.get().pick(&d.message_zh, &d.message_en).to_owned()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Sends the file as it is (the server reads UTF-8, with or without a BOM).
async fn upload(path: &str, file: &web_sys::File) -> Result<ImportDone, AppError> {
    use gloo_net::http::{Method, RequestBuilder};
    let resp = RequestBuilder::new(path)
        .method(Method::POST)
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Accept", "application/json")
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|e| AppError::Decode(e.to_string()))?
        .send()
        .await
        .map_err(|_| AppError::Offline)?;
    crate::api::answer(resp).await
}

/// 四公开: an administrator shows a staff member's work phone in full on the grid's card and
/// poster, after the person agreed — confirmed here, recorded by the server (who, when).
#[component]
pub fn WorkPhones() -> impl IntoView {
    let s = Settings::get();
    let code = RwSignal::new(String::new());
    let shown = RwSignal::new(String::new());
    // Bumped after a change: the card is read again, as residents will see it.
    let tick = RwSignal::new(0u32);
    let card = load::<wangge_core::grids::GridCard>(move || {
        tick.track();
        let c = shown.get();
        if c.is_empty() {
            String::new()
        } else {
            format!("{API_PREFIX}/grids/{c}")
        }
    });
    view! {
        <article class="admin-list" data-testid="work-phones">
            <h2>{move || s.t("四公开：公开工作电话", "Public work phones (四公开)")}</h2>
            <p class="lead">{move || s.t(
                "本人同意后，工作电话在网格卡和公示牌上完整显示，居民可一键拨打。其他号码一律隐藏，个人电话从不公开。",
                "With the person's consent, their work phone shows in full on the card and poster, one tap to call. Every other number stays masked; personal phones are never public.")}</p>
            <form class="form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                shown.set(code.get_untracked().trim().to_owned());
            }>
                <label class="field">
                    <span>{move || s.t("网格编码", "Grid code")}</span>
                    <input name="grid-code" inputmode="numeric" prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))/>
                </label>
                <button class="button secondary" type="submit">{move || s.t("查看人员", "Show its people")}</button>
            </form>
            {move || (!shown.get().is_empty()).then(|| card.get().error.map(|e| view! { <ErrorMessage error=e/> }))}
            {move || (!shown.get().is_empty()).then(|| card.get().data.map(|c| view! {
                <ul class="list">
                    {c.people.into_iter().map(|p| view! { <PhoneRow p tick/> }).collect_view()}
                </ul>
            }))}
        </article>
    }
}

#[component]
fn PhoneRow(p: wangge_core::grids::GridPerson, tick: RwSignal<u32>) -> impl IntoView {
    let s = Settings::get();
    let public = RwSignal::new(p.phone_public);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let path = format!("{API_PREFIX}/admin/people/{}/work-phone", p.id);
    let set = move |want: bool| {
        let path = path.clone();
        confirming.set(false);
        error.set(None);
        spawn_local(async move {
            let body = wangge_core::accounts::WorkPhoneConsent { public: want };
            match crate::api::send::<_, wangge_core::accounts::WorkPhone>("PUT", &path, Some(&body))
                .await
            {
                Ok(_) => {
                    public.try_set(want);
                    tick.try_update(|t| *t += 1);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let set_on = set.clone();
    let name = p.name.clone();
    view! {
        <li class="list-item" data-testid="phone-row">
            <strong>{p.name.clone()}</strong>
            " "
            <span data-testid="admin-phone">{p.phone.clone()}</span>
            " "
            <span class=move || if public.get() { "tag tag-ok" } else { "tag" }>
                {move || if public.get() { s.t("已公开", "Public") } else { s.t("已隐藏", "Masked") }}
            </span>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            <p class="actions">
                <Show when=move || !public.get() && !confirming.get()>
                    <button class="button secondary" data-testid="make-public" on:click=move |_| confirming.set(true)>
                        {move || s.t("公开工作电话", "Make public")}
                    </button>
                </Show>
                <Show when=move || confirming.get()>
                    <span role="alert">{
                        let name = name.clone();
                        move || format!("{}{name}{}", s.t("确认已征得 ", "Confirm that "), s.t(" 本人同意公开工作电话？", " agreed to show their work phone?"))
                    }</span>
                    <button class="button" data-testid="confirm-public" on:click={
                        let set_on = set_on.clone();
                        move |_| set_on(true)
                    }>{move || s.t("本人已同意", "They agreed")}</button>
                    <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                </Show>
                <Show when=move || public.get()>
                    <button class="button secondary" data-testid="make-private" on:click={
                        let set = set.clone();
                        move |_| set(false)
                    }>{move || s.t("改为隐藏", "Mask again")}</button>
                </Show>
            </p>
        </li>
    }
}
