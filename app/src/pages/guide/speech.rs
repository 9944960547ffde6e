//! 朗读: reading an item aloud with the browser's own speech (`speechSynthesis`, zh-CN).
//! The button shows only where the browser has a Chinese voice; voices often arrive a
//! moment after the page (`voiceschanged`). A second tap stops.

use crate::settings::Settings;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// The browser's speech, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    value.is_object().then(|| value.unchecked_into())
}

/// A Chinese voice (mainland first), read field by field so any voice-like object works.
fn chinese_voice(synth: &SpeechSynthesis) -> Option<JsValue> {
    let lang = |v: &JsValue| {
        js_sys::Reflect::get(v, &"lang".into())
            .ok()
            .and_then(|l| l.as_string())
            .map(|l| l.replace('_', "-").to_ascii_lowercase())
            .unwrap_or_default()
    };
    let voices: Vec<JsValue> = synth.get_voices().iter().collect();
    voices
        .iter()
        .find(|v| lang(v) == "zh-cn")
        .or_else(|| {
            voices
                .iter()
                .find(|v| lang(v).starts_with("zh") || lang(v).starts_with("cmn"))
        })
        .cloned()
}

/// The 朗读 button for `parts` (each read as one utterance, in order; short utterances
/// also keep some engines from stopping half-way through a long text).
#[component]
pub fn ReadAloud(parts: Vec<String>) -> impl IntoView {
    let s = Settings::get();
    let available = RwSignal::new(false);
    let speaking = RwSignal::new(false);
    if let Some(synth) = synthesis() {
        available.set(chinese_voice(&synth).is_some());
        if !available.get_untracked() {
            let watched = synth.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                let _ = available.try_set(chinese_voice(&watched).is_some());
            });
            synth.set_onvoiceschanged(Some(changed.as_ref().unchecked_ref()));
            let kept = SendWrapper::new((synth.clone(), changed));
            on_cleanup(move || {
                let (synth, changed) = kept.take();
                synth.set_onvoiceschanged(None);
                drop(changed);
            });
        }
        // Leaving the page stops the reading.
        let stop = SendWrapper::new(synth);
        on_cleanup(move || stop.cancel());
    }
    let toggle = move |_| {
        let Some(synth) = synthesis() else {
            return;
        };
        synth.cancel();
        if speaking.get_untracked() {
            speaking.set(false);
            return;
        }
        let voice = chinese_voice(&synth);
        let last = parts.len().saturating_sub(1);
        for (i, text) in parts.iter().enumerate() {
            let Ok(u) = SpeechSynthesisUtterance::new_with_text(text) else {
                continue;
            };
            u.set_lang("zh-CN");
            // A little slower than the default, for older listeners.
            u.set_rate(0.9);
            if let Some(v) = &voice {
                // A stand-in voice that is not a real SpeechSynthesisVoice is refused
                // (a TypeError, caught here): the language alone then picks the voice.
                let _ = js_sys::Reflect::set(&u, &"voice".into(), v);
            }
            if i == last {
                let ended = Closure::once_into_js(move || {
                    let _ = speaking.try_set(false);
                });
                let failed = Closure::once_into_js(move || {
                    let _ = speaking.try_set(false);
                });
                u.set_onend(Some(ended.unchecked_ref()));
                u.set_onerror(Some(failed.unchecked_ref()));
            }
            synth.speak(&u);
        }
        speaking.set(true);
    };
    view! {
        <Show when=move || available.get()>
            <button
                class="button"
                data-testid="guide-read"
                on:click=toggle.clone()
            >
                {move || if speaking.get() {
                    s.t("停止朗读", "Stop reading")
                } else {
                    s.t("朗读", "Read aloud")
                }}
            </button>
        </Show>
    }
}
