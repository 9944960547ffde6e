//! The Wangge SPA: Leptos (client-side rendered), offline-first through an IndexedDB
//! cache (`cache`) and a service worker (`public/sw.js`).

pub mod api;
pub mod cache;
pub mod error;
pub mod i18n;
pub mod outbox;
pub mod pages;
pub mod settings;

use leptos::prelude::*;

/// Entry point called by `main`: mounts the app and removes the boot splash.
pub fn start() {
    console_error_panic_hook_lite();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(pages::App);
}

/// Panics become a console message instead of a silent dead page (no extra crate).
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
