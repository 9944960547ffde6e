//! 细则: the village leader keeps the rule book (村规民约积分细则) — the notice period,
//! expiry, the star households' thresholds, and every rule: edited here or in Excel (export,
//! edit, import), then saved in one go. The save needs the network: the server checks the
//! whole book and the village sees it at once.

use super::my_village;
use crate::api::{load, send};
use crate::error::{ActionError, AppError};
use crate::pages::SyncBadge;
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wangge_core::accounts::Me;
use wangge_core::admin::{parse_rules, rules_csv, RowError};
use wangge_core::points::{Period, Rule, RuleBook, RuleBookSave, StarLevel};
use wangge_core::problem::{Detail, ProblemCode};
use wangge_core::API_PREFIX;

/// One rule being edited; `key` keeps its row on screen while others come and go, `new`
/// lets its code be typed (a saved rule's code is what its awards and limits refer to).
#[derive(Clone)]
struct Row {
    key: u32,
    new: bool,
    rule: Rule,
}

/// Star levels 1 to 5: the least points a quarter must bring (blank: the level is not used).
const LEVELS: u8 = 5;

#[derive(Clone, Copy)]
struct Draft {
    notice: RwSignal<String>,
    expire: RwSignal<String>,
    stars: RwSignal<Vec<String>>,
    rows: RwSignal<Vec<Row>>,
    next_key: RwSignal<u32>,
    dirty: RwSignal<bool>,
    /// The book's version and codes as last read or saved: the save says what it started
    /// from, and what it would withdraw.
    based_on: RwSignal<Option<i64>>,
    saved_codes: RwSignal<Vec<String>>,
}

impl Draft {
    fn new() -> Self {
        Draft {
            notice: RwSignal::new(String::new()),
            expire: RwSignal::new(String::new()),
            stars: RwSignal::new(vec![String::new(); usize::from(LEVELS)]),
            rows: RwSignal::new(Vec::new()),
            next_key: RwSignal::new(0),
            dirty: RwSignal::new(false),
            based_on: RwSignal::new(None),
            saved_codes: RwSignal::new(Vec::new()),
        }
    }

    fn fill(self, b: &RuleBook) {
        self.notice.set(b.notice_days.to_string());
        self.expire
            .set(b.expire_months.map(|m| m.to_string()).unwrap_or_default());
        self.stars.set(
            (1..=LEVELS)
                .map(|n| {
                    b.stars
                        .iter()
                        .find(|l| l.stars == n)
                        .map(|l| l.min_points.to_string())
                        .unwrap_or_default()
                })
                .collect(),
        );
        self.set_rules(b.rules.clone(), false);
        self.based_on.set(Some(b.version));
        self.saved_codes
            .set(b.rules.iter().map(|r| r.code.clone()).collect());
        self.dirty.set(false);
    }

    /// The saved rules this draft leaves out: saving withdraws them.
    fn withdrawn(self) -> Vec<String> {
        let kept = self.rules();
        self.saved_codes.with_untracked(|codes| {
            codes
                .iter()
                .filter(|c| !kept.iter().any(|r| &r.code == *c))
                .cloned()
                .collect()
        })
    }

    fn set_rules(self, rules: Vec<Rule>, new: bool) {
        let rows = rules
            .into_iter()
            .map(|rule| Row {
                key: self.take_key(),
                new,
                rule,
            })
            .collect();
        self.rows.set(rows);
    }

    fn take_key(self) -> u32 {
        let k = self.next_key.get_untracked();
        self.next_key.set(k + 1);
        k
    }

    fn edit(self, key: u32, f: impl FnOnce(&mut Rule)) {
        self.rows.update(|rows| {
            if let Some(r) = rows.iter_mut().find(|r| r.key == key) {
                f(&mut r.rule);
            }
        });
        self.dirty.set(true);
    }

    fn rules(self) -> Vec<Rule> {
        self.rows
            .with(|rows| rows.iter().map(|r| r.rule.clone()).collect())
    }

    /// What is sent: a number that does not read is sent as one the server refuses by name.
    fn save(self) -> RuleBookSave {
        let num = |s: String| s.trim().parse::<u32>().ok();
        RuleBookSave {
            notice_days: num(self.notice.get_untracked()).unwrap_or(u32::MAX),
            expire_months: {
                let e = self.expire.get_untracked();
                if e.trim().is_empty() {
                    None
                } else {
                    Some(num(e).unwrap_or(0))
                }
            },
            stars: self
                .stars
                .get_untracked()
                .iter()
                .zip(1..=LEVELS)
                .filter(|(v, _)| !v.trim().is_empty())
                .map(|(v, n)| StarLevel {
                    stars: n,
                    min_points: v.trim().parse().unwrap_or(-1),
                })
                .collect(),
            rules: self.rules(),
            based_on: self.based_on.get_untracked(),
        }
    }
}

/// `rules[3].points` → 第 4 条.
fn where_zh(field: &str) -> String {
    match field
        .strip_prefix("rules[")
        .and_then(|r| r.split_once(']'))
        .and_then(|(i, _)| i.parse::<usize>().ok())
    {
        Some(i) => format!("第 {} 条细则", i + 1),
        None => match field {
            "notice_days" => "公示天数".into(),
            "expire_months" => "有效期".into(),
            "stars" => "星级".into(),
            "rules" => "细则".into(),
            _ => field.to_owned(),
        },
    }
}

#[component]
pub fn RuleEditor(me: Me) -> impl IntoView {
    let s = Settings::get();
    let Some(village) = my_village(&me) else {
        return ().into_any();
    };
    let path = StoredValue::new(format!("{API_PREFIX}/villages/{village}/points"));
    let book_path = path.get_value();
    let book = load::<RuleBook>(move || book_path.clone());
    let draft = Draft::new();
    let filled = RwSignal::new(false);
    // The phone's saved copy shows first, the server's replaces it when it comes; once
    // something is edited, no later copy overwrites the edits (the save's version check
    // refuses a book changed meanwhile).
    Effect::new(move |_| {
        if let Some(b) = book.get().data {
            if !draft.dirty.get_untracked() {
                draft.fill(&b);
                filled.set(true);
            }
        }
    });
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let details = RwSignal::new(Vec::<Detail>::new());
    let file_errors = RwSignal::new(Vec::<RowError>::new());
    // Rules read from a file, and the saved ones it leaves out.
    let imported = RwSignal::new(None::<(usize, Vec<String>)>);
    // Someone saved the book since this page read it: the edits stay until the leader
    // chooses to load the newer book in their place.
    let newer = RwSignal::new(false);
    let load_newer = move |_| {
        let sure = crate::pages::admin_records::confirmed(
            "载入最新的细则会放弃这一页上的改动（可先点“导出表格”留底）。确定载入？",
            "Loading the latest rules drops the edits on this page (export them first to keep a copy). Load?",
        );
        if !sure {
            return;
        }
        let path = path.get_value();
        busy.set(true);
        spawn_local(async move {
            match send::<(), RuleBook>("GET", &path, None).await {
                Ok(Some(b)) => {
                    draft.fill(&b);
                    newer.try_set(false);
                    error.try_set(None);
                    imported.try_set(None);
                }
                Ok(None) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    let save = move |_| {
        let gone = draft.withdrawn();
        let (zh, en) = if gone.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!("其中 {} 条细则将停用：{}。", gone.len(), gone.join("、")),
                format!(
                    "{} rules will be withdrawn: {}. ",
                    gone.len(),
                    gone.join(", ")
                ),
            )
        };
        let sure = crate::pages::admin_records::confirmed(
            &format!("保存后细则立即生效，全村居民都能看到。{zh}确定保存？"),
            &format!(
                "Once saved the rules apply at once and the whole village sees them. {en}Save?"
            ),
        );
        if !sure {
            return;
        }
        let body = draft.save();
        let path = path.get_value();
        busy.set(true);
        saved.set(false);
        error.set(None);
        details.set(Vec::new());
        spawn_local(async move {
            match send::<_, RuleBook>("PUT", &path, Some(&body)).await {
                Ok(Some(b)) => {
                    draft.fill(&b);
                    saved.try_set(true);
                    imported.try_set(None);
                }
                Ok(None) => {}
                Err(AppError::Problem { problem, .. })
                    if problem.code == ProblemCode::Invalid && !problem.errors.is_empty() =>
                {
                    details.try_set(problem.errors);
                }
                Err(e) => {
                    let stale = matches!(&e, AppError::Problem { problem, .. } if problem.code == ProblemCode::StaleVersion);
                    newer.try_set(stale);
                    error.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match parse_rules(&text) {
                Ok(rules) => {
                    file_errors.try_set(Vec::new());
                    // Codes already in the book stay fixed; others are new.
                    let known = draft.saved_codes.get_untracked();
                    let rows = rules
                        .into_iter()
                        .map(|rule| Row {
                            key: draft.take_key(),
                            new: !known.contains(&rule.code),
                            rule,
                        })
                        .collect();
                    draft.rows.try_set(rows);
                    draft.dirty.try_set(true);
                    saved.try_set(false);
                    imported.try_set(Some((
                        draft.rows.with_untracked(Vec::len),
                        draft.withdrawn(),
                    )));
                }
                Err(errors) => {
                    imported.try_set(None);
                    file_errors.try_set(errors);
                }
            }
        });
    };
    let export = move || {
        let csv = rules_csv(&draft.rules());
        format!(
            "data:text/csv;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&csv))
        )
    };
    let add = move |_| {
        let key = draft.take_key();
        draft.rows.update(|rows| {
            rows.push(Row {
                key,
                new: true,
                rule: Rule {
                    code: String::new(),
                    name: String::new(),
                    category: String::new(),
                    points: 1,
                    limit: None,
                    period: None,
                    evidence: false,
                },
            })
        });
        draft.dirty.set(true);
    };
    let file_name = format!("村规民约积分细则-{village}.csv");
    view! {
        <section class="rule-editor" data-testid="rule-editor">
            <p class="lead">{move || s.t(
                "在这里修改本村的积分细则、公示天数、积分有效期和星级文明户标准。也可以导出成表格，用 Excel 改好后再导入。改完点“保存”才生效。",
                "Edit the village's rules, notice period, expiry and star thresholds here, or export them, edit in Excel and import. Nothing changes until you save.",
            )}</p>
            <SyncBadge sync=Signal::derive(move || book.get().sync)/>
            {move || book.get().error.filter(|_| !filled.get()).map(|e| view! { <crate::error::ErrorMessage error=e/> })}
            <Show when=move || filled.get()>
                <fieldset class="field">
                    <legend>{move || s.t("公示与有效期", "Notice and expiry")}</legend>
                    <label class="field">{move || s.t("公示天数（0 至 30，0 即不公示，仍须审核）", "Days of public notice (0 to 30; 0: approval at once)")}
                        <input type="number" inputmode="numeric" min="0" max="30" data-testid="rules-notice"
                            prop:value=move || draft.notice.get()
                            on:input=move |ev| { draft.notice.set(event_target_value(&ev)); draft.dirty.set(true); }/>
                    </label>
                    <label class="field">{move || s.t("积分有效期（月，留空为长期有效）", "Points expire after (months; empty: never)")}
                        <input type="number" inputmode="numeric" min="1" max="120" data-testid="rules-expire"
                            prop:value=move || draft.expire.get()
                            on:input=move |ev| { draft.expire.set(event_target_value(&ev)); draft.dirty.set(true); }/>
                    </label>
                </fieldset>
                <fieldset class="field stars-edit">
                    <legend>{move || s.t("星级文明户（一个季度所得积分达到）", "Star households (points earned in a quarter)")}</legend>
                    {(0..usize::from(LEVELS)).map(|i| view! {
                        <label>{"★".repeat(i + 1)}
                            <input type="number" inputmode="numeric" data-testid=format!("rules-star-{}", i + 1)
                                prop:value=move || draft.stars.with(|v| v.get(i).cloned().unwrap_or_default())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    draft.stars.update(|s| if let Some(x) = s.get_mut(i) { *x = v; });
                                    draft.dirty.set(true);
                                }/>
                        </label>
                    }).collect_view()}
                </fieldset>
                <h2>{move || s.t("积分细则", "Rules")}" "<small class="muted">{move || draft.rows.with(Vec::len)}</small></h2>
                {move || draft.rows.with(Vec::is_empty).then(|| view! {
                    <p class="empty">{move || s.t("还没有细则：点“添加一条”，或导入表格。", "No rules yet: add one, or import a spreadsheet.")}</p>
                })}
                <ol class="list rules-edit">
                    <For each=move || draft.rows.get() key=|r| r.key let:row>
                        <RuleRow row draft/>
                    </For>
                </ol>
                <p class="actions no-print">
                    <button type="button" class="button secondary" data-testid="rules-add" on:click=add>
                        {move || s.t("添加一条", "Add a rule")}
                    </button>
                    <a class="button secondary" data-testid="rules-export" download=file_name.clone() href=export>
                        {move || s.t("导出表格", "Export CSV")}
                    </a>
                    <label class="button secondary">{move || s.t("导入表格", "Import CSV")}
                        <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="rules-file" on:change=on_file/>
                    </label>
                </p>
                {move || imported.get().map(|(n, gone)| view! {
                    <p class="ok-box" role="status" data-testid="rules-imported">{move || match s.lang.get() {
                        crate::i18n::Lang::Zh => format!("已从表格读入 {n} 条细则，检查无误后点“保存”。"),
                        crate::i18n::Lang::En => format!("{n} rules read from the file; check them, then save."),
                    }}</p>
                    {(!gone.is_empty()).then(|| {
                        let gone = gone.clone();
                        view! {
                            <p class="notice" role="status" data-testid="rules-withdrawn">{move || match s.lang.get() {
                                crate::i18n::Lang::Zh => format!("表格里没有的 {} 条细则保存后将停用：{}", gone.len(), gone.join("、")),
                                crate::i18n::Lang::En => format!("{} rules not in the file will be withdrawn on saving: {}", gone.len(), gone.join(", ")),
                            }}</p>
                        }
                    })}
                })}
                {move || (!file_errors.with(Vec::is_empty)).then(|| view! {
                    <div class="error-box" role="alert" data-testid="rules-file-errors">
                        <p>{move || s.t("表格有错误，没有读入。请改正后再导入：", "The file has errors and was not read. Fix them and import again:")}</p>
                        <ul>{move || file_errors.get().into_iter().map(|e| view! {
                            <li>{move || match s.lang.get() {
                                crate::i18n::Lang::Zh => format!("第 {} 行：{}", e.line, e.message_zh),
                                crate::i18n::Lang::En => format!("Line {}: {}", e.line, e.message_en),
                            }}</li>
                        }).collect_view()}</ul>
                    </div>
                })}
                {move || (!details.with(Vec::is_empty)).then(|| view! {
                    <div class="error-box" role="alert" data-testid="rules-problems">
                        <p>{move || s.t("没有保存，请改正：", "Not saved; please fix:")}</p>
                        <ul>{move || details.get().into_iter().map(|d| {
                            let at = d.field.as_deref().map(where_zh).unwrap_or_default();
                            view! {
                                <li>{move || match s.lang.get() {
                                    crate::i18n::Lang::Zh => format!("{at}：{}", d.message_zh),
                                    crate::i18n::Lang::En => format!("{}: {}", d.field.clone().unwrap_or_default(), d.message_en),
                                }}</li>
                            }
                        }).collect_view()}</ul>
                    </div>
                })}
                {move || error.get().map(|e| view! {
                    <ActionError error=e offline=("保存细则需要联网：请连上网络后再保存，改动还在这一页上。", "Saving the rules needs the network: connect and save again; your edits are still here.")/>
                })}
                {move || newer.get().then(|| view! {
                    <p class="actions">
                        <button type="button" class="button secondary" data-testid="rules-load-newer" on:click=load_newer disabled=move || busy.get()>
                            {move || s.t("载入最新的细则", "Load the latest rules")}
                        </button>
                    </p>
                })}
                {move || saved.get().then(|| view! {
                    <p class="ok-box" role="status" data-testid="rules-saved">{move || s.t("已保存，全村即刻生效。", "Saved; it applies to the village now.")}</p>
                })}
                {move || draft.dirty.get().then(|| view! {
                    <p class="muted" data-testid="rules-dirty">{move || s.t("有改动还没保存。", "There are unsaved changes.")}</p>
                })}
                <p class="actions">
                    <button type="button" class="button" data-testid="rules-save" on:click=save disabled=move || busy.get()>
                        {move || if busy.get() { s.t("正在保存…", "Saving…") } else { s.t("保存细则", "Save the rules") }}
                    </button>
                </p>
            </Show>
        </section>
    }
    .into_any()
}

/// One rule's fields. Each keystroke lands in the draft; the list is keyed by row, so the
/// row being typed in is never rendered again under the finger.
#[component]
fn RuleRow(row: Row, draft: Draft) -> impl IntoView {
    let s = Settings::get();
    let key = row.key;
    let r = row.rule;
    let new = row.new;
    let remove = move |_| {
        let sure = crate::pages::admin_records::confirmed(
            "删除这条细则？保存后不能再按它记分，已记的积分不受影响。",
            "Remove this rule? Once saved, no new awards under it; past awards stay.",
        );
        if sure {
            draft.rows.update(|rows| rows.retain(|x| x.key != key));
            draft.dirty.set(true);
        }
    };
    let period_value = r.period.map(|p| p.as_str()).unwrap_or_default();
    view! {
        <li class="list-item rule-edit" data-testid="rules-row" data-code=r.code.clone()>
            <label class="field">{move || s.t("编号", "Code")}
                <input type="text" maxlength="32" data-testid="rules-code" value=r.code.clone() readonly=!new
                    placeholder=move || new.then(|| s.t("如 ws-05", "e.g. ws-05"))
                    on:input=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.code = v.trim().to_owned()); }/>
            </label>
            <label class="field">{move || s.t("类别", "Category")}
                <input type="text" maxlength="20" data-testid="rules-category" value=r.category.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.category = v.trim().to_owned()); }/>
            </label>
            <label class="field wide">{move || s.t("细则内容", "Rule")}
                <input type="text" maxlength="100" data-testid="rules-name" value=r.name.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.name = v.trim().to_owned()); }/>
            </label>
            <label class="field">{move || s.t("分值（扣分填负数）", "Points (negative: deduct)")}
                <input type="number" inputmode="numeric" data-testid="rules-points" value=r.points.to_string()
                    on:input=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.points = v.trim().parse().unwrap_or(0)); }/>
            </label>
            <label class="field">{move || s.t("次数上限", "At most")}
                <input type="number" inputmode="numeric" min="1" data-testid="rules-limit" value=r.limit.map(|n| n.to_string()).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.limit = v.trim().parse().ok()); }/>
            </label>
            <label class="field">{move || s.t("周期", "Per")}
                <select data-testid="rules-period" on:change=move |ev| { let v = event_target_value(&ev); draft.edit(key, |x| x.period = Period::parse(&v)); }>
                    <option value="" selected=period_value.is_empty()>{move || s.t("不限", "No limit")}</option>
                    {[Period::Month, Period::Quarter, Period::Year].into_iter().map(|p| view! {
                        <option value=p.as_str() selected=period_value == p.as_str()>{p.label_zh()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="rules-evidence" checked=r.evidence
                    on:change=move |ev| { let on = event_target_checked(&ev); draft.edit(key, |x| x.evidence = on); }/>
                {move || s.t("须附照片", "Photo needed")}
            </label>
            <button type="button" class="link-button danger" data-testid="rules-remove" on:click=remove>
                {move || s.t("删除", "Remove")}
            </button>
        </li>
    }
}
