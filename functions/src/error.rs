//! The Worker's one error type, mapped to a JSON problem in exactly one place
//! (`http::problem`).

use wangge_core::problem::ProblemCode;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no such route")]
    RouteNotFound,
    #[error("method not allowed")]
    MethodNotAllowed { allow: String },
    #[error("grid not found")]
    GridNotFound,
    #[error("malformed grid code")]
    GridCodeMalformed,
    #[error("malformed body: {0}")]
    BadRequest(String),
    #[error("bad credentials")]
    BadCredentials,
    #[error("not signed in")]
    NotSignedIn,
    #[error("foreign origin")]
    ForeignOrigin,
    #[error("household not found")]
    HouseholdNotFound,
    #[error("person not found")]
    PersonNotFound,
    #[error("guide item not found")]
    GuideItemNotFound,
    #[error("stale version")]
    StaleVersion,
    #[error("report not found")]
    ReportNotFound,
    #[error("category not found")]
    CategoryNotFound,
    #[error("photo not found")]
    PhotoNotFound,
    #[error("illegal transition from {state:?}")]
    IllegalTransition {
        state: wangge_core::reports::ReportState,
    },
    #[error("version conflict: now {version}")]
    VersionConflict {
        state: wangge_core::reports::ReportState,
        version: u32,
    },
    #[error("account not found")]
    AccountNotFound,
    #[error("deletion request not found")]
    DeletionRequestNotFound,
    #[error("activation not found")]
    ActivationNotFound,
    #[error("activation used")]
    ActivationUsed,
    #[error("activation expired")]
    ActivationExpired,
    #[error("forbidden")]
    Forbidden,
    #[error("too many attempts; retry after {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },
    /// Well-formed but breaking rules: every broken one.
    #[error("invalid: {0:?}")]
    Invalid(Vec<wangge_core::problem::Detail>),
    #[error("idempotency key reused with another body")]
    IdempotencyConflict,
    #[error("id already taken")]
    AlreadyExists,
    #[error("insufficient points")]
    InsufficientPoints,
    #[error("insufficient stock")]
    InsufficientStock,
    #[error("pass invalid")]
    PassInvalid,
    #[error("rule limit reached")]
    RuleLimitReached,
    #[error("already decided")]
    AlreadyDecided,
    #[error("notice not over")]
    NoticeNotOver,
    #[error("already reversed")]
    AlreadyReversed,
    #[error("goods changed")]
    GoodsChanged,
    #[error("shop not found")]
    ShopNotFound,
    #[error("goods not found")]
    GoodsNotFound,
    #[error("redemption not found")]
    RedemptionNotFound,
    #[error("entry not found")]
    EntryNotFound,
    #[error("storage: {0}")]
    Storage(String),
    #[error("encoding: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("worker: {0}")]
    Worker(#[from] worker::Error),
}

impl ApiError {
    pub fn code(&self) -> ProblemCode {
        match self {
            Self::RouteNotFound => ProblemCode::RouteNotFound,
            Self::MethodNotAllowed { .. } => ProblemCode::MethodNotAllowed,
            Self::GridNotFound => ProblemCode::GridNotFound,
            Self::GridCodeMalformed => ProblemCode::GridCodeMalformed,
            Self::BadRequest(_) => ProblemCode::BadRequest,
            Self::BadCredentials => ProblemCode::BadCredentials,
            Self::NotSignedIn => ProblemCode::NotSignedIn,
            Self::ForeignOrigin => ProblemCode::ForeignOrigin,
            Self::TooManyAttempts { .. } => ProblemCode::TooManyAttempts,
            Self::HouseholdNotFound => ProblemCode::HouseholdNotFound,
            Self::PersonNotFound => ProblemCode::PersonNotFound,
            Self::GuideItemNotFound => ProblemCode::GuideItemNotFound,
            Self::StaleVersion => ProblemCode::StaleVersion,
            Self::ReportNotFound => ProblemCode::ReportNotFound,
            Self::CategoryNotFound => ProblemCode::CategoryNotFound,
            Self::PhotoNotFound => ProblemCode::PhotoNotFound,
            Self::IllegalTransition { .. } => ProblemCode::IllegalTransition,
            Self::VersionConflict { .. } => ProblemCode::VersionConflict,
            Self::AccountNotFound => ProblemCode::AccountNotFound,
            Self::DeletionRequestNotFound => ProblemCode::DeletionRequestNotFound,
            Self::ActivationNotFound => ProblemCode::ActivationNotFound,
            Self::ActivationUsed => ProblemCode::ActivationUsed,
            Self::ActivationExpired => ProblemCode::ActivationExpired,
            Self::Forbidden => ProblemCode::Forbidden,
            Self::Invalid(_) => ProblemCode::Invalid,
            Self::IdempotencyConflict => ProblemCode::IdempotencyConflict,
            Self::AlreadyExists => ProblemCode::AlreadyExists,
            Self::InsufficientPoints => ProblemCode::InsufficientPoints,
            Self::InsufficientStock => ProblemCode::InsufficientStock,
            Self::PassInvalid => ProblemCode::PassInvalid,
            Self::RuleLimitReached => ProblemCode::RuleLimitReached,
            Self::AlreadyDecided => ProblemCode::AlreadyDecided,
            Self::NoticeNotOver => ProblemCode::NoticeNotOver,
            Self::AlreadyReversed => ProblemCode::AlreadyReversed,
            Self::GoodsChanged => ProblemCode::GoodsChanged,
            Self::ShopNotFound => ProblemCode::ShopNotFound,
            Self::GoodsNotFound => ProblemCode::GoodsNotFound,
            Self::RedemptionNotFound => ProblemCode::RedemptionNotFound,
            Self::EntryNotFound => ProblemCode::EntryNotFound,
            Self::Storage(_) | Self::Encode(_) | Self::Worker(_) => ProblemCode::Internal,
        }
    }
}
