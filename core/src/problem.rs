//! The one error body of the API: `{code, message_zh, message_en}`.
//! Codes are stable identifiers clients can match on; messages are for people.

use serde::{Deserialize, Serialize};

/// Stable machine-readable error codes. New codes may appear; old clients see `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    RouteNotFound,
    MethodNotAllowed,
    GridNotFound,
    GridCodeMalformed,
    /// The body is not the JSON this route expects.
    BadRequest,
    /// Wrong login or password (the same answer whether or not the login exists).
    BadCredentials,
    NotSignedIn,
    /// Signed in, but this role or scope may not do this.
    Forbidden,
    /// A write from a page of another site.
    ForeignOrigin,
    /// Too many failed sign-ins; `Retry-After` says when to try again.
    TooManyAttempts,
    HouseholdNotFound,
    /// No staff member with this id is posted on any grid.
    PersonNotFound,
    /// No staff account with this login (within this administrator's area).
    AccountNotFound,
    GuideItemNotFound,
    ReportNotFound,
    /// No second-level report category with this code.
    CategoryNotFound,
    PhotoNotFound,
    /// The report's state does not allow this action (`state` says where it stands).
    IllegalTransition,
    /// The action was decided on an older version of the report (`state` and `version`
    /// say where it stands now).
    VersionConflict,
    /// An edit started from a version that is no longer the latest.
    StaleVersion,
    DeletionRequestNotFound,
    ActivationNotFound,
    ActivationUsed,
    ActivationExpired,
    /// The body is well-formed but breaks a rule; `errors` lists every broken one.
    Invalid,
    /// A client id (idempotency key) reused with a different body.
    IdempotencyConflict,
    /// A new record's id is taken by another record.
    AlreadyExists,
    /// 积分不足: the household cannot spend this many points.
    InsufficientPoints,
    /// 库存不足: the shop has fewer of a good than asked.
    InsufficientStock,
    /// The household pass is forged, expired or already used.
    PassInvalid,
    /// The rule's limit per household and period is reached.
    RuleLimitReached,
    /// A leader decided this award already (or it is not in public notice).
    AlreadyDecided,
    /// The award's public notice (公示) has not ended yet.
    NoticeNotOver,
    /// This entry or redemption was reversed already (or cannot be).
    AlreadyReversed,
    /// A good changed (price, or withdrawn) since the clerk's screen showed it.
    GoodsChanged,
    ShopNotFound,
    GoodsNotFound,
    RedemptionNotFound,
    EntryNotFound,
    Internal,
    #[serde(other)]
    Unknown,
}

impl ProblemCode {
    /// HTTP status this problem is answered with.
    pub fn status(self) -> u16 {
        match self {
            Self::RouteNotFound
            | Self::GridNotFound
            | Self::HouseholdNotFound
            | Self::PersonNotFound
            | Self::AccountNotFound
            | Self::GuideItemNotFound
            | Self::ReportNotFound
            | Self::CategoryNotFound
            | Self::PhotoNotFound
            | Self::DeletionRequestNotFound
            | Self::ActivationNotFound
            | Self::ShopNotFound
            | Self::GoodsNotFound
            | Self::RedemptionNotFound
            | Self::EntryNotFound => 404,
            Self::ActivationUsed | Self::ActivationExpired => 410,
            Self::Invalid => 422,
            Self::IdempotencyConflict
            | Self::AlreadyExists
            | Self::StaleVersion
            | Self::IllegalTransition
            | Self::VersionConflict
            | Self::InsufficientPoints
            | Self::InsufficientStock
            | Self::RuleLimitReached
            | Self::AlreadyDecided
            | Self::NoticeNotOver
            | Self::AlreadyReversed
            | Self::GoodsChanged => 409,
            Self::MethodNotAllowed => 405,
            Self::GridCodeMalformed | Self::BadRequest => 400,
            Self::BadCredentials | Self::NotSignedIn => 401,
            Self::Forbidden | Self::ForeignOrigin | Self::PassInvalid => 403,
            Self::TooManyAttempts => 429,
            Self::Internal | Self::Unknown => 500,
        }
    }

    /// (Chinese, English) human messages.
    pub fn messages(self) -> (&'static str, &'static str) {
        match self {
            Self::RouteNotFound => ("没有这个接口地址。", "No such API route."),
            Self::MethodNotAllowed => (
                "该接口不支持这种请求方式。",
                "This route does not accept that method.",
            ),
            Self::GridNotFound => (
                "没有找到这个网格，请核对网格编码。",
                "No grid has this code; please check it.",
            ),
            Self::GridCodeMalformed => (
                "网格编码格式不对：应为6、9、12或15位数字。",
                "Malformed grid code: it must be 6, 9, 12 or 15 digits.",
            ),
            Self::BadRequest => (
                "提交的内容格式不对，请刷新页面后重试。",
                "The request body is malformed; reload the page and try again.",
            ),
            Self::BadCredentials => (
                "账号或密码不对，请再试一次。",
                "Wrong login or password; please try again.",
            ),
            Self::NotSignedIn => ("请先登录。", "Please sign in first."),
            Self::Forbidden => (
                "您没有权限进行这项操作。",
                "You are not allowed to do this.",
            ),
            Self::ForeignOrigin => (
                "请求来自其他网站，已被拒绝。",
                "The request came from another site and was refused.",
            ),
            Self::TooManyAttempts => (
                "尝试次数太多，请稍后再试。",
                "Too many attempts; please try again later.",
            ),
            Self::HouseholdNotFound => ("没有找到这一户。", "No such household."),
            Self::PersonNotFound => ("没有找到这位工作人员。", "No such staff member."),
            Self::AccountNotFound => ("没有找到这个工作人员账号。", "No such staff account."),
            Self::GuideItemNotFound => (
                "没有找到这个办事事项，可能已经下架。",
                "No such service-guide item; it may have been withdrawn.",
            ),
            Self::ReportNotFound => ("没有找到这条报事。", "No such report."),
            Self::CategoryNotFound => ("没有这个报事类别。", "No such report category."),
            Self::PhotoNotFound => ("没有找到这张照片。", "No such photo."),
            Self::IllegalTransition => (
                "这条报事现在的状态不能做这一步，请刷新后查看。",
                "The report's current state does not allow this; reload to see where it stands.",
            ),
            Self::VersionConflict => (
                "这条报事刚被别人处理过，请刷新后再操作。您这次的操作没有生效。",
                "Someone acted on this report a moment ago; reload and try again. Nothing was changed.",
            ),
            Self::StaleVersion => (
                "这条内容已被别人修改过，请刷新后再改。您这次的修改没有保存。",
                "Someone else changed this since you opened it; reload and edit again. Nothing was saved.",
            ),
            Self::DeletionRequestNotFound => ("没有找到这条删除申请。", "No such deletion request."),
            Self::ActivationNotFound => (
                "开通码不对，请核对后再输入，或请网格员重新生成。",
                "That activation code is wrong; check it or ask your grid worker for a new one.",
            ),
            Self::ActivationUsed => (
                "这个开通码已经用过了。如需在新手机上使用，请网格员重新生成。",
                "This activation code was already used. Ask your grid worker for a new one.",
            ),
            Self::ActivationExpired => (
                "这个开通码已过期（有效期72小时），请网格员重新生成。",
                "This activation code has expired (valid 72 hours); ask your grid worker for a new one.",
            ),
            Self::Invalid => (
                "填写的内容有误，请按提示修改。",
                "Some of what was entered is wrong; see below.",
            ),
            Self::IdempotencyConflict => (
                "这条记录已用不同的内容提交过，未作更改。",
                "This record was already sent with different content; nothing was changed.",
            ),
            Self::InsufficientPoints => (
                "积分不足，未兑换。",
                "Not enough points; nothing was redeemed.",
            ),
            Self::InsufficientStock => (
                "库存不足，未兑换。",
                "Not enough in stock; nothing was redeemed.",
            ),
            Self::PassInvalid => (
                "兑换码无效（已过期、已使用或不是本系统发的），请让居民刷新兑换码，或按姓名查找。",
                "The household pass is expired, used or not genuine; ask for a fresh one or look the household up by name.",
            ),
            Self::RuleLimitReached => (
                "这一项本期已达到加分次数上限。",
                "This rule's limit for the period is reached.",
            ),
            Self::AlreadyDecided => (
                "这条积分已经审核过了。",
                "This award was decided already.",
            ),
            Self::NoticeNotOver => (
                "公示期还没结束，结束后才能审核通过。",
                "The public notice has not ended; approve it afterwards.",
            ),
            Self::AlreadyReversed => (
                "这条记录已经冲正过了，或不能冲正。",
                "This was reversed already, or cannot be.",
            ),
            Self::GoodsChanged => (
                "商品的积分或上架情况刚有变动，请刷新后再兑换。",
                "A good's price or availability just changed; reload and try again.",
            ),
            Self::ShopNotFound => ("没有找到这个积分超市。", "No such shop."),
            Self::GoodsNotFound => ("没有找到这件商品。", "No such goods."),
            Self::RedemptionNotFound => ("没有找到这笔兑换。", "No such redemption."),
            Self::EntryNotFound => ("没有找到这条积分记录。", "No such ledger entry."),
            Self::AlreadyExists => (
                "已有相同编号的记录，未作更改。",
                "A record with this id already exists; nothing was changed.",
            ),
            Self::Internal | Self::Unknown => (
                "服务器出了点问题，请稍后再试。",
                "Something went wrong on the server; please try again later.",
            ),
        }
    }
}

/// A JSON problem body, as sent by the Worker and read by the SPA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    pub code: ProblemCode,
    pub message_zh: String,
    pub message_en: String,
    /// What exactly is wrong, for a 422: every bad field or spreadsheet row, not just
    /// the first, so a form or a file is fixed in one go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Detail>,
    /// Where a report stands now (`illegal_transition`, `version_conflict`): the state's
    /// wire name (`ReportState::parse` reads it). A string, so that the shell, which reads
    /// every problem, carries no decoder for report states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// A report's version now (`version_conflict`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

/// One thing wrong with what was sent: a form field, or a line of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Detail {
    /// 1-based line of an imported file (the header is line 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The field or column, e.g. `members[1].phone` or `网格编码`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

impl From<ProblemCode> for Problem {
    fn from(code: ProblemCode) -> Self {
        let (zh, en) = code.messages();
        Problem {
            code,
            message_zh: zh.to_owned(),
            message_en: en.to_owned(),
            errors: Vec::new(),
            state: None,
            version: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_snake_case() {
        let p = Problem::from(ProblemCode::GridCodeMalformed);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["code"], "grid_code_malformed");
        assert!(json["message_zh"].as_str().unwrap().contains("网格编码"));
        assert_eq!(p.code.status(), 400);
    }

    #[test]
    fn unknown_future_codes_still_parse() {
        let p: Problem =
            serde_json::from_str(r#"{"code":"brand_new","message_zh":"新","message_en":"new"}"#)
                .unwrap();
        assert_eq!(p.code, ProblemCode::Unknown);
    }
}
