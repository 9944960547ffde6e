//! Sections that load as their own wasm chunk (lazy routes), and what a person sees when a
//! chunk cannot be fetched: a message in their language and a retry button — never a blank
//! page or a spinner that never ends.
//!
//! Leptos' own `#[lazy_route]` turns a failed chunk load into a panic (an abort, in our
//! release profile), so routes are split with `wasm_split(…, fallible)` instead, which
//! hands the failure back as a `Result`. A failed load is not remembered by the loader, so
//! retrying in place works once the network is back.

use crate::settings::Settings;
use futures_util::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// How long a chunk may take before the page says it did not load (a 100 KB chunk on a
/// 2G link takes about 20 s). Giving up is safe: a later attempt starts afresh.
const CHUNK_TIMEOUT_MS: u32 = 45_000;

/// A chunk's loader: one plain function type for every section, so the shell holds one
/// copy of the loading and retry code, not one per section.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// The chunk's view, or `None` if it failed or took too long.
async fn load_in_time(load: Loader) -> Option<AnyView> {
    let load = load();
    match select(load, TimeoutFuture::new(CHUNK_TIMEOUT_MS)).await {
        Either::Left((Ok(view), _)) => Some(view),
        Either::Left((Err(_), _)) | Either::Right(_) => None,
    }
}

/// Declares a lazy route `$route` (use it as `Lazy::<$route>::new()`). The view `$view`
/// (a component without props) and everything only it uses moves into the chunk
/// `split_$chunk.wasm`.
macro_rules! lazy_route {
    ($(#[$meta:meta])* $route:ident => $chunk:ident, $view:path) => {
        $(#[$meta])*
        pub struct $route;

        mod $chunk {
            #[::leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
            pub fn view() -> ::std::result::Result<
                ::leptos::prelude::AnyView,
                ::leptos::wasm_split::SplitLoaderError,
            > {
                Ok(::leptos::prelude::IntoAny::into_any($view()))
            }
        }

        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> ::leptos::prelude::AnyView {
                fn load() -> ::std::pin::Pin<Box<dyn ::std::future::Future<
                    Output = ::std::result::Result<
                        ::leptos::prelude::AnyView,
                        ::leptos::wasm_split::SplitLoaderError,
                    >,
                >>> {
                    Box::pin($chunk::view())
                }
                $crate::pages::lazy::load_or_explain(load).await
            }
        }
    };
}
pub(crate) use lazy_route;

/// Declares `$name`, a component without props whose view `$view` (and what only it uses)
/// moves into the chunk `split_$chunk.wasm`, loaded when it is first shown: a section too
/// big for one chunk splits its pages this way (the section's own chunk holds only what
/// they share and which one to show).
macro_rules! lazy_part {
    ($(#[$meta:meta])* $name:ident => $chunk:ident, $view:path) => {
        mod $chunk {
            #[::leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
            pub fn view() -> ::std::result::Result<
                ::leptos::prelude::AnyView,
                ::leptos::wasm_split::SplitLoaderError,
            > {
                Ok(::leptos::prelude::IntoAny::into_any($view()))
            }
        }

        $(#[$meta])*
        #[::leptos::component]
        pub fn $name() -> impl ::leptos::prelude::IntoView {
            fn load() -> ::std::pin::Pin<Box<dyn ::std::future::Future<
                Output = ::std::result::Result<
                    ::leptos::prelude::AnyView,
                    ::leptos::wasm_split::SplitLoaderError,
                >,
            >>> {
                Box::pin($chunk::view())
            }
            $crate::pages::lazy::part(load)
        }
    };
}
pub(crate) use lazy_part;

/// A lazily loaded part: a loading line until its chunk is in, then its view (or the
/// chunk-failed message with its retry button).
pub fn part(load: Loader) -> impl IntoView {
    let s = Settings::get();
    let view = SendWrapper::new(load_or_explain(load));
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{move || s.t("正在加载…", "Loading…")}</p> }>
            {Suspend::new(view)}
        </Suspense>
    }
}

/// Loads a chunk's view; if the chunk cannot be fetched, shows why with a retry button.
pub async fn load_or_explain(load: Loader) -> AnyView {
    match load_in_time(load).await {
        Some(view) => view,
        None => view! { <ChunkRetry load/> }.into_any(),
    }
}

#[component]
fn ChunkRetry(load: Loader) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    move || {
        if attempt.get() == 0 {
            return view! { <ChunkFailed attempt/> }.into_any();
        }
        // The loader's future is not Send; the SPA is single-threaded.
        let retry = SendWrapper::new(async move {
            match load_in_time(load).await {
                Some(view) => view,
                None => view! { <ChunkFailed attempt/> }.into_any(),
            }
        });
        view! {
            <Suspense fallback=move || view! { <ChunkLoading/> }>
                {Suspend::new(retry)}
            </Suspense>
        }
        .into_any()
    }
}

#[component]
fn ChunkLoading() -> impl IntoView {
    let s = Settings::get();
    view! { <p class="loading" role="status">{move || s.t("正在重新加载…", "Loading again…")}</p> }
}

#[component]
fn ChunkFailed(attempt: RwSignal<u32>) -> impl IntoView {
    let s = Settings::get();
    let online = window().navigator().on_line();
    view! {
        <section class="empty chunk-failed" data-testid="chunk-failed">
            <div class="error-box" role="alert">
                <p>
                    {move || if online {
                        s.t(
                            "这一部分没能加载出来，可能是网络不稳定，或者应用刚刚更新。请点“重试”；还不行就刷新页面。",
                            "This part of the app did not load: the network may be unstable, or the app was just updated. Tap Retry; if that fails, reload the page.",
                        )
                    } else {
                        s.t(
                            "网络不通，这一部分还没有保存到手机上。请连上网络后点“重试”。",
                            "You are offline and this part of the app is not saved on this phone yet. Connect, then tap Retry.",
                        )
                    }}
                </p>
            </div>
            <p class="actions">
                <button class="button" data-testid="chunk-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    {move || s.t("重试", "Retry")}
                </button>
                <button class="button secondary" on:click=|_| { let _ = window().location().reload(); }>
                    {move || s.t("刷新页面", "Reload page")}
                </button>
            </p>
        </section>
    }
}
