//! `/admin` (lazy): an administrator loads a real township's grids, staff and households
//! from spreadsheets and downloads them again. An import is all or nothing: a file with
//! any bad row changes nothing, and every bad row is listed with its line and reason. A
//! county's administrators also load and download the service guide (CSV or JSON).

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
    // The guide is the county's: only its administrators keep it.
    let county = move || {
        me.with(|m| {
            m.data.as_ref().is_some_and(|m| {
                m.roles.iter().any(|g| {
                    g.role == AccountRole::Admin
                        && matches!(&g.scope, wangge_core::accounts::Scope::Grid(c) if c.len() == 6)
                })
            })
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
                <nav class="actions" aria-label=move || s.t("逐条管理", "One record at a time")>
                    <A href="/admin/grids" attr:class="button secondary" attr:data-testid="to-admin-grids">{move || s.t("网格", "Grids")}</A>
                    <A href="/admin/people" attr:class="button secondary" attr:data-testid="to-admin-people">{move || s.t("工作人员和角色", "Staff and roles")}</A>
                    <A href="/admin/departments" attr:class="button secondary" attr:data-testid="to-admin-departments">{move || s.t("部门", "Departments")}</A>
                    <Show when=county>
                        <A href="/admin/guide" attr:class="button secondary" attr:data-testid="to-admin-guide">{move || s.t("办事指南", "Service guide")}</A>
                    </Show>
                </nav>
                <p class="lead">{move || s.t(
                    "用 Excel 编辑后“另存为 CSV UTF-8”再导入。导入时只要有一行有错，整个文件都不会导入，并列出每一处错误。",
                    "Edit in Excel, save as CSV UTF-8, then import. If any row is wrong nothing is imported, and every error is listed.")}</p>
                {LISTS.into_iter().map(|(list, zh, en, cols_zh, cols_en)| view! {
                    <ListPanel list zh en cols_zh cols_en/>
                }).collect_view()}
                <Show when=county>
                    <ListPanel list="guide" zh="办事指南" en="Service guide" json=true
                        cols_zh="编号,名称,别名,部门,人生事件,服务对象,办理条件,所需材料,办理流程,承诺时限,法定时限,收费,办理地点,办公时间,咨询电话,网上办理,到现场次数,法律依据,常见问题,可代办。所需材料每行一项：名称|原件/复印件/原件和复印件|份数|备注|可代收；办理流程每行一步：名称|说明|工作日；常见问题每行一条：问|答。也可导入导出 JSON。"
                        cols_en="code, name, aliases, department, life events, audience, conditions, materials, steps, promised days, legal days, fees, place, hours, phone, online, visits, legal basis, FAQ, errand. Materials one per line: name|original/copy/both|copies|notes|collectable; steps one per line: name|detail|days; FAQ one per line: question|answer. JSON in and out too."/>
                </Show>
                <Show when=county>
                    <CalendarPanel/>
                    <CategoryClassPanel/>
                </Show>
                <StaffActivation/>
                <WorkPhones/>
                <DeletionQueue/>
                <AccessLogPanel/>
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
    /// JSON in and out as well as CSV (the guide).
    #[prop(optional)]
    json: bool,
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
            // A JSON file goes to the JSON route of the same list.
            let is_json = json && f.name().to_lowercase().ends_with(".json");
            let path = if is_json {
                path.replace(".csv", ".json")
            } else {
                path
            };
            spawn_local(async move {
                match upload(&path, &f, is_json).await {
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
                {json.then(|| view! {
                    <a class="button secondary" href=path.replace(".csv", ".json") download="" data-testid=format!("export-{list}-json")>
                        {move || s.t("导出 JSON", "Export JSON")}
                    </a>
                })}
            </p>
            <label class="field" for=input_id.clone()>
                <span>{move || if json {
                    s.t("选择要导入的 CSV 或 JSON 文件", "Choose a CSV or JSON file to import")
                } else {
                    s.t("选择要导入的 CSV 文件", "Choose a CSV file to import")
                }}</span>
            </label>
            <input id=input_id type="file" accept=if json { ".csv,text/csv,.json,application/json" } else { ".csv,text/csv" } data-testid=format!("file-{list}")
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
async fn upload(path: &str, file: &web_sys::File, json: bool) -> Result<ImportDone, AppError> {
    use gloo_net::http::{Method, RequestBuilder};
    let kind = if json {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    let resp = RequestBuilder::new(path)
        .method(Method::POST)
        .header("Content-Type", kind)
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

/// Residents' requests to delete their household's data: carried out as anonymisation
/// (names, address, phones erased; rows kept so history keeps its shape), confirmed first.
#[component]
pub fn DeletionQueue() -> impl IntoView {
    let s = Settings::get();
    let tick = RwSignal::new(0u32);
    let list = load::<Vec<wangge_core::privacy::DeletionRequest>>(move || {
        tick.track();
        format!("{API_PREFIX}/admin/deletion-requests")
    });
    view! {
        <article class="admin-list" data-testid="deletion-queue">
            <h2>{move || s.t("删除申请", "Deletion requests")}</h2>
            {move || list.get().error.map(|e| view! { <ErrorMessage error=e/> })}
            {move || list.get().data.map(|items| {
                if items.is_empty() {
                    return view! { <p class="empty">{move || s.t("没有待处理的删除申请。", "No open deletion requests.")}</p> }.into_any();
                }
                view! {
                    <ul class="list">
                        {items.into_iter().map(|r| view! { <DeletionRow r tick/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </article>
    }
}

#[component]
fn DeletionRow(r: wangge_core::privacy::DeletionRequest, tick: RwSignal<u32>) -> impl IntoView {
    let s = Settings::get();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let path = format!("{API_PREFIX}/admin/deletion-requests/{}/anonymise", r.id);
    let run = move |_| {
        let path = path.clone();
        confirming.set(false);
        spawn_local(async move {
            match crate::api::send::<(), wangge_core::privacy::DeletionRequest>("POST", &path, None)
                .await
            {
                Ok(_) => {
                    tick.try_update(|t| *t += 1);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <li class="list-item" data-testid="deletion-row">
            <strong>{r.address.clone()}</strong>
            " "
            <small>{r.household_id.clone()}</small>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            <p class="actions">
                <Show when=move || !confirming.get()>
                    <button class="button secondary" data-testid="anonymise" on:click=move |_| confirming.set(true)>
                        {move || s.t("执行删除（匿名化）", "Carry out (anonymise)")}
                    </button>
                </Show>
                <Show when=move || confirming.get()>
                    <span role="alert">{move || s.t("姓名、地址、电话将被清除，无法恢复。确定吗？", "Names, address and phones will be erased for good. Sure?")}</span>
                    <button class="button" data-testid="confirm-anonymise" on:click=run.clone()>{move || s.t("确定删除", "Erase")}</button>
                    <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                </Show>
            </p>
        </li>
    }
}

/// Which staff account read or changed whose personal data, newest first.
#[component]
pub fn AccessLogPanel() -> impl IntoView {
    let s = Settings::get();
    let first =
        load::<wangge_core::privacy::AccessPage>(move || format!("{API_PREFIX}/admin/access-log"));
    let more = RwSignal::new(Vec::<wangge_core::privacy::AccessEntry>::new());
    let next = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        more.set(Vec::new());
        next.set(first.with(|f| f.data.as_ref().and_then(|p| p.next.clone())));
    });
    let load_more = move |_| {
        let Some(after) = next.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let url = format!("{API_PREFIX}/admin/access-log?after={after}");
            if let Ok(Some(page)) =
                crate::api::send::<(), wangge_core::privacy::AccessPage>("GET", &url, None).await
            {
                more.update(|m| m.extend(page.items));
                next.set(page.next);
            }
        });
    };
    let row = move |e: wangge_core::privacy::AccessEntry| {
        let action = e.action;
        view! {
            <tr>
                <td>{crate::i18n::beijing_time(e.at)}</td>
                <td>{format!("{}（{}）", e.name, e.login)}</td>
                <td>{move || s.t(action.label_zh(), action.label_en())}</td>
                <td>{e.subject}</td>
            </tr>
        }
    };
    view! {
        <article class="admin-list" data-testid="access-log">
            <h2>{move || s.t("个人信息访问记录", "Personal data access log")}</h2>
            {move || first.get().error.map(|e| view! { <ErrorMessage error=e/> })}
            <table class="errors">
                <thead><tr>
                    <th>{move || s.t("时间", "When")}</th>
                    <th>{move || s.t("工作人员", "Staff")}</th>
                    <th>{move || s.t("操作", "Action")}</th>
                    <th>{move || s.t("对象", "Subject")}</th>
                </tr></thead>
                <tbody>
                    {move || first.get().data.map(|p| p.items.into_iter().map(row).collect_view())}
                    {move || more.get().into_iter().map(row).collect_view()}
                </tbody>
            </table>
            {move || next.get().is_some().then(|| view! {
                <button class="button secondary" on:click=load_more>{move || s.t("加载更多", "Load more")}</button>
            })}
        </article>
    }
}

/// How a staff member loaded from a spreadsheet first gets in, or back in after losing
/// their password: a one-time QR link and 10-digit code; they then set a password.
#[component]
pub fn StaffActivation() -> impl IntoView {
    let s = Settings::get();
    let login = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let issued = RwSignal::new(None::<wangge_core::accounts::Activation>);
    let error = RwSignal::new(None::<AppError>);
    let issue = move |_| {
        confirming.set(false);
        error.set(None);
        issued.set(None);
        let path = format!(
            "{API_PREFIX}/admin/accounts/{}/activation",
            login.get_untracked().trim()
        );
        spawn_local(async move {
            match crate::api::send::<(), wangge_core::accounts::Activation>("POST", &path, None)
                .await
            {
                Ok(a) => {
                    issued.try_set(a);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <article class="admin-list" data-testid="staff-activation">
            <h2>{move || s.t("工作人员开通 / 重置密码", "Staff first sign-in / password reset")}</h2>
            <p class="lead">{move || s.t(
                "导入的工作人员没有密码：在此生成一次性开通码，本人扫码或输入开通码登录后自行设置密码。生成后，此人其他设备上的登录会失效。",
                "Imported staff have no password: issue a one-time code here; they sign in with it and set their own password. Their other sessions end.")}</p>
            <label class="field">
                <span>{move || s.t("登录名", "Login")}</span>
                <input name="staff-login" prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev))/>
            </label>
            <Show when=move || !confirming.get()>
                <button class="button secondary" data-testid="staff-issue" disabled=move || login.with(|l| l.trim().is_empty())
                    on:click=move |_| confirming.set(true)>{move || s.t("生成开通码", "Issue a code")}</button>
            </Show>
            <Show when=move || confirming.get()>
                <p role="alert">{move || s.t("此人其他设备上的登录将失效。确定生成吗？", "Their other sessions will end. Issue it?")}</p>
                <p class="actions">
                    <button class="button" data-testid="staff-confirm" on:click=issue>{move || s.t("确定生成", "Issue it")}</button>
                    <button class="button secondary" on:click=move |_| confirming.set(false)>{move || s.t("取消", "Cancel")}</button>
                </p>
            </Show>
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {move || issued.get().map(|a| {
                let qr = wangge_core::qr::svg(&a.url).unwrap_or_default();
                view! {
                    <div class="activation-slip" data-testid="staff-slip">
                        <div class="qr" inner_html=qr role="img" aria-label=move || s.t("开通二维码", "Sign-in QR code")></div>
                        <p class="big-code">{a.code.clone()}</p>
                        <p>{move || s.t("有效期至 ", "Valid until ")}{crate::i18n::beijing_time(a.expires_at)}</p>
                    </div>
                }
            })}
        </article>
    }
}

/// 节假日安排: the working-day calendar deadlines count on. The State Council publishes each
/// year's notice (usually in November); until it is entered, deadlines reaching into that
/// year count plain weekends, and this panel says so. A year is loaded from a CSV
/// (`date,kind,name`, as `functions/seed/calendar-cn.csv`) and replaces that year's dates.
#[component]
fn CalendarPanel() -> impl IntoView {
    use wangge_core::reports::deadline::{
        parse_calendar_csv, CalendarDay, CalendarView, CalendarYearSave,
    };
    let s = Settings::get();
    let tick = RwSignal::new(0u32);
    let view_of = load::<CalendarView>(move || {
        tick.track();
        format!("{API_PREFIX}/calendar")
    });
    let year = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<AppError>);
    let problem = RwSignal::new(None::<Problem>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let Ok(y) = year.get_untracked().trim().parse::<i32>() else {
            problem.set(Some(invalid(vec![Detail {
                line: None,
                field: Some("year".into()),
                message_zh: "请先填年份，例如 2027".into(),
                message_en: "enter the year first, e.g. 2027".into(),
            }])));
            return;
        };
        busy.set(true);
        done.set(None);
        error.set(None);
        problem.set(None);
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
            let days = match parse_calendar_csv(&text) {
                Ok(rows) => rows,
                Err(bad) => {
                    problem.try_set(Some(invalid(
                        bad.into_iter()
                            .map(|(line, en)| Detail {
                                line: Some(line),
                                field: None,
                                message_zh: format!("这一行看不懂：{en}"),
                                message_en: en,
                            })
                            .collect(),
                    )));
                    busy.try_set(false);
                    return;
                }
            };
            let body = CalendarYearSave {
                days: days
                    .into_iter()
                    .map(|l| CalendarDay {
                        day: l.day.iso(),
                        kind: l.kind,
                        name: l.name,
                    })
                    .collect(),
            };
            let path = format!("{API_PREFIX}/admin/calendar/{y}");
            match crate::api::send::<_, CalendarYearSave>("PUT", &path, Some(&body)).await {
                Ok(saved) => {
                    done.try_set(Some(saved.map_or(0, |x| x.days.len())));
                    tick.try_update(|t| *t += 1);
                }
                Err(AppError::Problem { problem: p, .. }) => {
                    problem.try_set(Some(p));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <article class="card" data-testid="calendar-panel">
            <h2>{move || s.t("节假日安排（办理时限按工作日计算）", "Holidays (deadlines count working days)")}</h2>
            {move || view_of.get().data.map(|v| {
                let published = v.published.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、");
                view! {
                    <p>{move || s.t("已录入：", "Entered: ")}{published.clone()}</p>
                    {v.missing.map(|y| view! {
                        <p class="error-box" role="alert" data-testid="calendar-missing">{move || format!(
                            "{y}{}",
                            s.t(
                                " 年的节假日安排还没有录入：跨到这一年的办理时限只按双休日计算。国务院办公厅发布通知后请尽快导入。",
                                ": holidays not entered yet. Deadlines reaching into that year count weekends only; import the notice once it is published.",
                            )
                        )}</p>
                    })}
                    <details>
                        <summary>{move || s.t("查看已录入的日期", "The dates entered")}</summary>
                        <table class="errors">
                            <tbody>
                                {v.days.into_iter().map(|d| view! {
                                    <tr>
                                        <td>{d.day.clone()}</td>
                                        <td>{move || if d.kind == wangge_core::reports::deadline::DayKind::Holiday { s.t("放假", "Day off") } else { s.t("调休上班", "Working day") }}</td>
                                        <td>{d.name.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }
            })}
            <p class="lead">{move || s.t(
                "导入一年：CSV 三列“日期,类型,名称”，类型写 holiday（放假）或 workday（调休上班）。导入会替换这一年原有的全部日期。",
                "Import a year: a CSV of date,kind,name, kind being holiday or workday. It replaces every date of that year.")}</p>
            <label>{move || s.t("年份", "Year")}
                <input type="number" inputmode="numeric" min="2000" max="2100" data-testid="calendar-year"
                    prop:value=move || year.get() on:input=move |ev| year.set(event_target_value(&ev))/>
            </label>
            <label class="button secondary">{move || s.t("选择 CSV 文件导入", "Choose a CSV to import")}
                <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="calendar-file"
                    on:change=on_file disabled=move || busy.get()/>
            </label>
            {move || done.get().map(|n| view! { <p role="status" data-testid="calendar-done">{move || format!("{}{n}{}", s.t("已导入 ", "Imported "), s.t(" 个日期。", " dates."))}</p> })}
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
            {move || problem.get().map(|p| view! { <ImportErrors p/> })}
        </article>
    }
}

/// A file refused on the phone, shown as the server would refuse it.
fn invalid(errors: Vec<Detail>) -> Problem {
    let code = wangge_core::problem::ProblemCode::Invalid;
    let (zh, en) = code.messages();
    Problem {
        code,
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
        errors,
        state: None,
        version: None,
    }
}

/// 办理时限 per category (a county's administrators): each second-level category's class,
/// saved as soon as it is changed. Reports filed from then on follow it.
#[component]
fn CategoryClassPanel() -> impl IntoView {
    use wangge_core::reports::deadline::{CategoryClassSave, DeadlineClass};
    use wangge_core::reports::Category;
    let s = Settings::get();
    let cats = load::<Vec<Category>>(|| format!("{API_PREFIX}/report-categories"));
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    let classes = [
        DeadlineClass::General,
        DeadlineClass::Utilities,
        DeadlineClass::Urgent,
    ];
    let save = move |code: String, name: String, value: String| {
        let Some(class) = DeadlineClass::parse(&value) else {
            return;
        };
        saved.set(None);
        error.set(None);
        spawn_local(async move {
            let path = format!("{API_PREFIX}/admin/report-categories/{code}");
            let body = CategoryClassSave {
                deadline_class: class,
            };
            match crate::api::send::<_, CategoryClassSave>("PUT", &path, Some(&body)).await {
                Ok(_) => {
                    saved.try_set(Some(name));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <article class="card" data-testid="category-classes">
            <h2>{move || s.t("各类报事的办理时限", "Deadlines per report category")}</h2>
            <p class="lead">{move || s.t(
                "改动立即生效：之后提交（或改类、重新打开）的报事按新的时限计算，已有的不变。",
                "Takes effect at once for reports filed, recategorised or reopened from now on; existing deadlines stay.",
            )}</p>
            {move || cats.get().data.map(|list| {
                let children: Vec<Category> = list.iter().filter(|c| c.parent.is_some()).cloned().collect();
                view! {
                    <table class="errors">
                        <tbody>
                            {children.into_iter().map(|c| {
                                let code = c.code.clone();
                                let current = c.deadline_class;
                                let (zh, en) = (c.name_zh.clone(), c.name_en.clone());
                                let (zh2, en2) = (zh.clone(), en.clone());
                                let shown = zh.clone();
                                view! {
                                    <tr>
                                        <td>{move || s.lang.get().pick(&zh, &en).to_owned()}</td>
                                        <td>
                                            <select data-testid=format!("class-{}", c.code)
                                                aria-label=move || format!("{}{}", s.lang.get().pick(&zh2, &en2), s.t("的办理时限", ": deadline"))
                                                on:change=move |ev| save(code.clone(), shown.clone(), event_target_value(&ev))>
                                                {classes.into_iter().map(|k| view! {
                                                    <option value=k.as_str() selected=k == current>
                                                        {move || s.lang.get().pick(k.label_zh(), k.label_en()).to_owned()}
                                                    </option>
                                                }).collect_view()}
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
            {move || saved.get().map(|code| view! { <p role="status" data-testid="class-saved">{move || s.t("已保存：", "Saved: ")}{code.clone()}</p> })}
            {move || error.get().map(|e| view! { <ErrorMessage error=e/> })}
        </article>
    }
}
