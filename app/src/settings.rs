//! User preferences (language, elderly mode), remembered in localStorage (gloo-storage,
//! JSON values) and applied to the `<html>` element so CSS can follow them.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const LANG_KEY: &str = "wangge.lang";
const ELDERLY_KEY: &str = "wangge.elderly";

#[derive(Clone, Copy)]
pub struct Settings {
    pub lang: RwSignal<Lang>,
    pub elderly: RwSignal<bool>,
}

impl Settings {
    /// Loads saved preferences, provides them as context and keeps them saved and applied.
    pub fn provide() -> Settings {
        // Before gloo-storage the values were raw text ("en", "1"): still understood.
        let raw = |k: &str| LocalStorage::raw().get_item(k).ok().flatten();
        let lang = LocalStorage::get::<String>(LANG_KEY)
            .ok()
            .or_else(|| raw(LANG_KEY))
            .map_or(Lang::Zh, |c| Lang::from_code(&c));
        let elderly = LocalStorage::get::<bool>(ELDERLY_KEY)
            .unwrap_or_else(|_| raw(ELDERLY_KEY).as_deref() == Some("1"));
        let settings = Settings {
            lang: RwSignal::new(lang),
            elderly: RwSignal::new(elderly),
        };
        Effect::new(move |_| {
            let lang = settings.lang.get();
            let elderly = settings.elderly.get();
            // A full or forbidden storage only means the choice is not remembered.
            let _ = LocalStorage::set(LANG_KEY, lang.code());
            let _ = LocalStorage::set(ELDERLY_KEY, elderly);
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
                let _ = html.class_list().toggle_with_force("elderly", elderly);
            }
        });
        provide_context(settings);
        settings
    }

    pub fn get() -> Settings {
        expect_context::<Settings>()
    }

    /// The text for the current language (reactive when called inside a view closure).
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.get().pick(zh, en)
    }
}
