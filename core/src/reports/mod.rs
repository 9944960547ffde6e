//! 报事: a resident's report and its loop — filed (offline too), taken in by the grid,
//! handled on the spot or escalated level by level, dispatched to a department, resolved,
//! and confirmed or reopened by the resident. `machine` holds the rules; this module the
//! words both sides use.

pub mod deadline;
pub mod errand;
pub mod ledger;
pub mod machine;
pub mod photo;
pub mod supervision;
#[cfg(test)]
mod tests;

use crate::problem::Detail;
use serde::{Deserialize, Serialize};

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// Anonymous: waits for the grid worker before it enters any queue.
    Pending,
    /// Filed; the grid has not taken it in yet.
    Submitted,
    /// 收单: the grid has it.
    Accepted,
    /// 自办自结: the grid (or village) dealt with it; the resident's answer is awaited.
    HandledOnSpot,
    /// 逐级上报: sent up to the village or the township (see `Level`).
    Escalated,
    /// 派单: with a department, not yet taken on.
    Dispatched,
    /// The department sent it back to the dispatcher, with a reason.
    Returned,
    /// 接单: the department is working on it.
    InProgress,
    /// The department says it is fixed; the resident's answer is awaited.
    Resolved,
    /// The resident confirmed it, with a rating (closed).
    Confirmed,
    /// "Not actually fixed": back with whoever last held it.
    Reopened,
    /// Closed without the resident's answer (by the scheduled job).
    Closed,
    /// A duplicate, merged into another report.
    Merged,
    /// Not in scope, with a reason.
    Rejected,
}

impl ReportState {
    pub const ALL: [ReportState; 14] = [
        Self::Pending,
        Self::Submitted,
        Self::Accepted,
        Self::HandledOnSpot,
        Self::Escalated,
        Self::Dispatched,
        Self::Returned,
        Self::InProgress,
        Self::Resolved,
        Self::Confirmed,
        Self::Reopened,
        Self::Closed,
        Self::Merged,
        Self::Rejected,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::HandledOnSpot => "handled_on_spot",
            Self::Escalated => "escalated",
            Self::Dispatched => "dispatched",
            Self::Returned => "returned",
            Self::InProgress => "in_progress",
            Self::Resolved => "resolved",
            Self::Confirmed => "confirmed",
            Self::Reopened => "reopened",
            Self::Closed => "closed",
            Self::Merged => "merged",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Pending => "待网格员确认",
            Self::Submitted => "已提交",
            Self::Accepted => "网格已受理",
            Self::HandledOnSpot => "已就地办结",
            Self::Escalated => "已上报",
            Self::Dispatched => "已派单",
            Self::Returned => "部门退回",
            Self::InProgress => "部门处理中",
            Self::Resolved => "已处理，待确认",
            Self::Confirmed => "已确认办结",
            Self::Reopened => "已重新打开",
            Self::Closed => "已办结",
            Self::Merged => "已合并",
            Self::Rejected => "不予受理",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Pending => "Awaiting the grid worker",
            Self::Submitted => "Submitted",
            Self::Accepted => "Taken in by the grid",
            Self::HandledOnSpot => "Handled on the spot",
            Self::Escalated => "Escalated",
            Self::Dispatched => "Dispatched",
            Self::Returned => "Returned by the department",
            Self::InProgress => "In progress",
            Self::Resolved => "Resolved, awaiting confirmation",
            Self::Confirmed => "Confirmed",
            Self::Reopened => "Reopened",
            Self::Closed => "Closed",
            Self::Merged => "Merged",
            Self::Rejected => "Rejected",
        }
    }

    /// No further work: only a reopening (within its window) can follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Confirmed | Self::Closed | Self::Merged | Self::Rejected
        )
    }
}

/// 逐级上报: who holds a report that is not with a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Grid,
    Village,
    Township,
}

impl Level {
    /// The next level up (the township is the top: dispatch goes sideways, to departments).
    pub fn up(self) -> Level {
        match self {
            Level::Grid => Level::Village,
            Level::Village | Level::Township => Level::Township,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Grid => "grid",
            Level::Village => "village",
            Level::Township => "township",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Level::Grid, Level::Village, Level::Township]
            .into_iter()
            .find(|l| l.as_str() == s)
    }
}

/// What someone does to a report (the `action` of `POST /reports/{id}/actions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// The report was filed (the first record of every timeline; not sent as an action).
    Submit,
    Accept,
    HandleOnSpot,
    Escalate,
    Dispatch,
    DepartmentAccept,
    Return,
    Resolve,
    Confirm,
    Reopen,
    Close,
    Merge,
    Reject,
    Recategorize,
    Note,
    AddPhotos,
    /// The scheduled job: the report is close to its deadline (a record, no change of state).
    DueSoon,
    /// The scheduled job: a deadline passed (督办).
    Overdue,
    /// 代办 steps (`errand`): the materials are collected,
    Collect,
    /// handed in at the office,
    SubmitToOffice,
    /// the result is back,
    ReceiveResult,
    /// and delivered to the resident (the errand is done).
    Deliver,
}

impl ActionKind {
    pub const ALL: [ActionKind; 22] = [
        Self::Submit,
        Self::Accept,
        Self::HandleOnSpot,
        Self::Escalate,
        Self::Dispatch,
        Self::DepartmentAccept,
        Self::Return,
        Self::Resolve,
        Self::Confirm,
        Self::Reopen,
        Self::Close,
        Self::Merge,
        Self::Reject,
        Self::Recategorize,
        Self::Note,
        Self::AddPhotos,
        Self::DueSoon,
        Self::Overdue,
        Self::Collect,
        Self::SubmitToOffice,
        Self::ReceiveResult,
        Self::Deliver,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Accept => "accept",
            Self::HandleOnSpot => "handle_on_spot",
            Self::Escalate => "escalate",
            Self::Dispatch => "dispatch",
            Self::DepartmentAccept => "department_accept",
            Self::Return => "return",
            Self::Resolve => "resolve",
            Self::Confirm => "confirm",
            Self::Reopen => "reopen",
            Self::Close => "close",
            Self::Merge => "merge",
            Self::Reject => "reject",
            Self::Recategorize => "recategorize",
            Self::Note => "note",
            Self::AddPhotos => "add_photos",
            Self::DueSoon => "due_soon",
            Self::Overdue => "overdue",
            Self::Collect => "collect",
            Self::SubmitToOffice => "submit_to_office",
            Self::ReceiveResult => "receive_result",
            Self::Deliver => "deliver",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Longest report text (the Open311 description limit).
pub const MAX_TEXT: usize = 4000;
/// Photos on one report, and on one action.
pub const MAX_PHOTOS: usize = 6;

/// A report category (`GET /api/v1/report-categories`): a tree two levels deep; reports
/// are filed under a second-level category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    pub code: String,
    /// The first-level category, for a second-level one.
    pub parent: Option<String>,
    pub name_zh: String,
    pub name_en: String,
    /// How long reports of it may take (second-level categories; admins choose it).
    #[serde(default = "general")]
    pub deadline_class: deadline::DeadlineClass,
}

fn general() -> deadline::DeadlineClass {
    deadline::DeadlineClass::General
}

/// Where the problem is: the phone's position (with the person's consent), a typed
/// address, or both. Coordinates are kept as sent (no shift between coordinate systems).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long: Option<f64>,
    /// Empty when none was typed.
    pub address: String,
}

/// `POST /api/v1/reports`: a new report. `id` is the phone's UUIDv7: the report's id and
/// the idempotency key, forever.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewReport {
    pub id: String,
    pub category: String,
    pub text: String,
    /// The grid it belongs to; none: the filer's household's grid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<String>,
    #[serde(default)]
    pub location: Location,
    /// Keys from `POST /api/v1/photos`.
    #[serde(default)]
    pub photos: Vec<String>,
    /// Filed by a grid worker on behalf of this household (代报).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// Without signing in: a phone to call back (then the grid worker accepts it first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// 代办: an errand for the grid worker, from a guide item (category `errand::CATEGORY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errand: Option<errand::ErrandRequest>,
}

/// One record of a report's timeline: a transition or a note. Append-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionRecord {
    /// The report's version this record made (1: filed).
    pub version: u32,
    pub action: ActionKind,
    /// Who (a staff member's name; residents appear as 居民).
    pub by: String,
    pub role: Option<crate::accounts::AccountRole>,
    pub at: i64,
    pub from: ReportState,
    pub to: ReportState,
    /// What the resident sees.
    pub public_text: String,
    /// Staff only; `None` for residents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

/// A report as its reader may see it, with its timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub id: String,
    pub category: String,
    pub text: String,
    pub grid: String,
    pub location: Location,
    pub photos: Vec<String>,
    pub state: ReportState,
    pub level: Level,
    pub department: Option<String>,
    /// Raised by every action; an action names the version it was decided on.
    pub version: u32,
    pub created_at: i64,
    pub updated_at: i64,
    pub resolved_at: Option<i64>,
    pub rating: Option<u8>,
    /// Filed without signing in.
    pub anonymous: bool,
    /// Filed by a grid worker on a household's behalf.
    pub on_behalf: bool,
    pub merged_into: Option<String>,
    /// An anonymous reporter's phone: staff only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Someone must respond (be on site, answer) by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respond_by: Option<i64>,
    /// Resolved by then (the end of a working day, Beijing time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve_by: Option<i64>,
    /// The deadline counted plain weekends: the calendar had no data for its year.
    #[serde(default)]
    pub deadline_fallback: bool,
    /// Against its deadline now (none once resolved or closed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<deadline::Urgency>,
    /// 代办: the errand and how far it has got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errand: Option<errand::Errand>,
    pub timeline: Vec<ActionRecord>,
    /// What the reader may do now (the buttons to show).
    pub allowed: Vec<ActionKind>,
}

/// `POST /api/v1/reports/{id}/actions`. `id` is the phone's UUIDv7 for this action (a
/// retry with the same id is answered as the first time); `version` the report's version
/// the action was decided on. Which other fields an action needs: `ActionRequest::problems`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionRequest {
    pub id: String,
    pub action: ActionKind,
    pub version: u32,
    /// For the resident: a result, a reason, a comment, a note.
    #[serde(default)]
    pub text: String,
    /// Staff only.
    #[serde(default)]
    pub internal_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// The report this one duplicates (merge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub into: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

fn problem(field: &str, zh: &str, en: &str) -> Detail {
    Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }
}

/// The key a photo is stored under, made from the UUID the phone gave it (its
/// `Idempotency-Key`): `p-` and the UUID's hex digits.
pub fn photo_key(id: &str) -> String {
    format!("p-{}", id.to_ascii_lowercase().replace('-', ""))
}

/// A photo key as `POST /api/v1/photos` makes it (`p-` and 32 hex digits).
pub fn valid_photo_key(key: &str) -> bool {
    key.len() == 34
        && key.starts_with("p-")
        && key[2..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn photo_problems(photos: &[String], out: &mut Vec<Detail>) {
    if photos.len() > MAX_PHOTOS {
        out.push(problem("photos", "最多 6 张照片", "at most 6 photos"));
    }
    if photos.iter().any(|k| !valid_photo_key(k)) {
        out.push(problem(
            "photos",
            "照片编号不对，请重新上传照片",
            "a photo key is not one the server made; upload the photo again",
        ));
    }
}

impl NewReport {
    /// Every rule a new report breaks, each under its field (empty: fine).
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !is_uuid_v7(&self.id) {
            out.push(problem("id", "报事编号不对", "the report id is malformed"));
        }
        if self.category.trim().is_empty() {
            out.push(problem("category", "请选择问题类别", "choose a category"));
        }
        let n = self.text.trim().chars().count();
        if n == 0 {
            out.push(problem(
                "text",
                "请写一下是什么问题",
                "describe the problem",
            ));
        } else if n > MAX_TEXT {
            out.push(problem(
                "text",
                "描述最多 4000 字",
                "at most 4,000 characters",
            ));
        }
        photo_problems(&self.photos, &mut out);
        let l = &self.location;
        if l.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v))
            || l.long.is_some_and(|v| !(-180.0..=180.0).contains(&v))
            || l.lat.is_some() != l.long.is_some()
        {
            out.push(problem(
                "location",
                "位置坐标不对",
                "the coordinates are not a place",
            ));
        }
        if l.address.chars().count() > 200 {
            out.push(problem(
                "location",
                "地址最多 200 字",
                "an address is at most 200 characters",
            ));
        }
        // An errand is filed under its own category, and only an errand is.
        if self.errand.is_some() != (self.category == errand::CATEGORY) {
            out.push(problem(
                "category",
                "代办请从办事指南提出",
                "ask for an errand from a service-guide item",
            ));
        }
        if self.errand.as_ref().is_some_and(|e| e.ready.len() > 100) {
            out.push(problem("errand", "材料太多", "too many materials"));
        }
        if let Some(c) = &self.contact {
            if !crate::households::valid_phone(c) {
                out.push(problem(
                    "contact",
                    "请留一个能打通的电话",
                    "leave a phone number we can call",
                ));
            }
        }
        out
    }
}

impl ActionRequest {
    /// Every rule this action's fields break (the state machine decides the rest).
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        // A phone's UUIDv7 (system records have ids of their own, never a phone's).
        if !is_uuid_v7(&self.id) {
            out.push(problem("id", "操作编号不对", "the action id is malformed"));
        }
        if self.text.chars().count() > MAX_TEXT || self.internal_text.chars().count() > MAX_TEXT {
            out.push(problem(
                "text",
                "文字最多 4000 字",
                "at most 4,000 characters",
            ));
        }
        photo_problems(&self.photos, &mut out);
        let said = !self.text.trim().is_empty();
        match self.action {
            ActionKind::HandleOnSpot | ActionKind::Resolve if !said => {
                out.push(problem("text", "请写明处理结果", "say what was done"))
            }
            ActionKind::Return | ActionKind::Reject | ActionKind::Reopen if !said => {
                out.push(problem("text", "请写明原因", "give the reason"))
            }
            ActionKind::Dispatch if self.department.as_deref().is_none_or(str::is_empty) => out
                .push(problem(
                    "department",
                    "请选择派往的部门",
                    "choose a department",
                )),
            ActionKind::Confirm if !self.rating.is_some_and(|r| (1..=5).contains(&r)) => out.push(
                problem("rating", "请打 1 到 5 星", "rate from 1 to 5 stars"),
            ),
            ActionKind::Merge if self.into.as_deref().is_none_or(str::is_empty) => {
                out.push(problem(
                    "into",
                    "请选择要合并到的报事",
                    "choose the report it duplicates",
                ))
            }
            ActionKind::Recategorize if self.category.as_deref().is_none_or(str::is_empty) => out
                .push(problem(
                    "category",
                    "请选择新的类别",
                    "choose the new category",
                )),
            ActionKind::Note if !said && self.internal_text.trim().is_empty() => {
                out.push(problem("text", "请写下要说的话", "write the note"))
            }
            ActionKind::AddPhotos if self.photos.is_empty() => {
                out.push(problem("photos", "请选择照片", "choose photos"))
            }
            _ => {}
        }
        out
    }
}

/// One line of a list of reports (a queue, the board, my reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportSummary {
    pub id: String,
    pub category: String,
    /// The first 80 characters of the text.
    pub excerpt: String,
    pub grid: String,
    pub state: ReportState,
    pub level: Level,
    pub department: Option<String>,
    pub version: u32,
    pub created_at: i64,
    pub updated_at: i64,
    pub anonymous: bool,
    pub on_behalf: bool,
}

/// `GET /api/v1/reports`: newest first; `cursor` asks for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportPage {
    pub items: Vec<ReportSummary>,
    pub cursor: Option<String>,
}

/// Before filing, the form shows open reports of the same category in the same grid from
/// this many days back, at most `SIMILAR_MAX` of them.
/// First-level categories about people (disputes, special groups): never shown to
/// neighbours as a similar report, never followed.
pub const PRIVATE_GROUPS: &[&str] = &["dispute", "groups", "errand"];

/// Whether a report of `category` concerns people and stays among those involved.
pub fn private_category(category: &str) -> bool {
    let group = category.split_once('-').map_or(category, |(g, _)| g);
    PRIVATE_GROUPS.contains(&group)
}

/// Whether `role`, held over the grid subtree `root`, works the reports filed in it: grid
/// staff and the dispatcher over theirs; an instructor only over a village or above (a
/// village is 12 digits of grid code), where 逐级上报 brings them.
pub fn works_reports_under(role: crate::accounts::AccountRole, root: &str) -> bool {
    use crate::accounts::AccountRole as R;
    match role {
        R::GridWorker | R::GridLeader | R::Dispatcher => true,
        R::GridInstructor => root.len() <= VILLAGE_CODE_LEN,
        _ => false,
    }
}

/// Digits of a village's grid code.
pub const VILLAGE_CODE_LEN: usize = 12;

/// Whether `id` is a UUIDv7 as a phone makes it (lowercase, hyphenated): a report's id is
/// its idempotency key forever, and one spelling per report keeps it one.
pub fn is_uuid_v7(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'7',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        })
}

pub const SIMILAR_DAYS: i64 = 14;
pub const SIMILAR_MAX: usize = 5;

/// Reports per page of a list.
pub const PAGE_SIZE: usize = 50;

/// The first `n` characters of `text`, with an ellipsis if it was longer.
pub fn excerpt(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// A list's position: the last line's time and id (`<created_at>.<id>`).
pub fn cursor_of(created_at: i64, id: &str) -> String {
    format!("{created_at}.{id}")
}

pub fn parse_cursor(c: &str) -> Option<(i64, String)> {
    let (t, id) = c.split_once('.')?;
    let t = t.parse().ok()?;
    crate::households::valid_id(id).then(|| (t, id.to_owned()))
}

/// `POST /api/v1/photos`: the stored photo's key, for a report or an action to name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhotoKey {
    pub key: String,
}
