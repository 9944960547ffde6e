//! The SPA's one error type and the one component that shows it to people.

use crate::settings::Settings;
use leptos::prelude::*;
use wangge_core::problem::{Problem, ProblemCode};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    /// No network and nothing saved to show.
    #[error("offline")]
    Offline,
    /// The server answered with a JSON problem (and this HTTP status).
    #[error("{} (HTTP {status})", problem.message_en)]
    Problem { status: u16, problem: Problem },
    /// Too many failed attempts: try again after this many seconds (from `Retry-After`).
    #[error("too many attempts; wait {wait_secs} s")]
    TooManyAttempts { wait_secs: u32 },
    /// The server answered with something we could not read.
    #[error("unreadable response: {0}")]
    Decode(String),
    /// The browser's storage failed (private mode, quota…).
    #[error("storage: {0}")]
    Storage(String),
}

impl AppError {
    /// The server says the thing asked for no longer exists or may no longer be seen
    /// (404 other than an unknown route, which an old app could meet after an API change;
    /// 401, 403, 410): the saved copy goes too.
    pub fn is_gone(&self) -> bool {
        // 401/403: not (or no longer) allowed to see it — a shared phone must not keep
        // showing someone's household after they signed out.
        matches!(
            self,
            AppError::Problem {
                status: 401 | 403 | 410,
                ..
            }
        ) || matches!(self, AppError::Problem { status: 404, problem } if problem.code != ProblemCode::RouteNotFound)
    }

    /// The server says the thing asked for does not exist or cannot (a 4xx): retrying won't help.
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            AppError::Problem {
                status: 400..=499,
                ..
            } | AppError::TooManyAttempts { .. }
        )
    }

    /// What a person should read.
    pub fn message(&self, s: Settings) -> String {
        match self {
            AppError::Offline => s
                .t(
                    "网络不通，这一页还没有保存过。请连上网络后再打开一次，以后没网也能看。",
                    "You are offline and this page has not been saved yet. Open it once online and it will work offline afterwards.",
                )
                .to_owned(),
            AppError::Problem { problem: p, .. } => {
                s.lang.get().pick(&p.message_zh, &p.message_en).to_owned()
            }
            AppError::TooManyAttempts { wait_secs } => {
                let minutes = wait_secs.div_ceil(60).max(1);
                match s.lang.get() {
                    crate::i18n::Lang::Zh => {
                        format!("尝试次数太多，为了账号安全，请{minutes}分钟后再试。")
                    }
                    crate::i18n::Lang::En => format!(
                        "Too many attempts. For your account's safety, try again in {minutes} minute{}.",
                        if minutes == 1 { "" } else { "s" }
                    ),
                }
            }
            AppError::Decode(_) => s
                .t(
                    "收到的数据看不懂，可能需要刷新页面更新应用。",
                    "The server's answer could not be read; reloading may update the app.",
                )
                .to_owned(),
            AppError::Storage(_) => s
                .t(
                    "手机存储出了问题，离线功能暂时不可用。",
                    "Browser storage failed; offline use is unavailable for now.",
                )
                .to_owned(),
        }
    }
}

/// A human message for an error, in the user's language.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let s = Settings::get();
    view! {
        <div class="error-box" role="alert">
            <p>{move || error.message(s)}</p>
        </div>
    }
}

/// The error of an action that needs the network now (signing in, activating): offline,
/// it says that this action needs the network (`offline`: zh, en), not that a page was never
/// saved; anything else reads as `ErrorMessage`.
#[component]
pub fn ActionError(error: AppError, offline: (&'static str, &'static str)) -> impl IntoView {
    let s = Settings::get();
    if error == AppError::Offline {
        return view! {
            <div class="error-box" role="alert">
                <p>{move || s.t(offline.0, offline.1)}</p>
            </div>
        }
        .into_any();
    }
    view! { <ErrorMessage error/> }.into_any()
}
