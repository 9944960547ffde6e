//! User preferences (language, elderly mode), remembered in localStorage and applied
//! to the `<html>` element so CSS can follow them.

use crate::i18n::Lang;
use leptos::prelude::*;

const LANG_KEY: &str = "wangge.lang";
const ELDERLY_KEY: &str = "wangge.elderly";

#[derive(Clone, Copy)]
pub struct Settings {
    pub lang: RwSignal<Lang>,
    pub elderly: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Settings {
    /// Loads saved preferences, provides them as context and keeps them saved and applied.
    pub fn provide() -> Settings {
        let saved = |k: &str| storage().and_then(|s| s.get_item(k).ok().flatten());
        let settings = Settings {
            lang: RwSignal::new(saved(LANG_KEY).map_or(Lang::Zh, |c| Lang::from_code(&c))),
            elderly: RwSignal::new(saved(ELDERLY_KEY).as_deref() == Some("1")),
        };
        Effect::new(move |_| {
            let lang = settings.lang.get();
            let elderly = settings.elderly.get();
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, lang.code());
                let _ = s.set_item(ELDERLY_KEY, if elderly { "1" } else { "0" });
            }
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
