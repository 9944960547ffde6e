//! Languages: Chinese first, English available. Texts sit at their use site as
//! `(zh, en)` pairs; this module only knows how to pick one.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Lang {
        if code.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A UTC millisecond time as Beijing time, e.g. `2026/11/25 14:05`.
pub fn beijing_time(ms: i64) -> String {
    let options = js_sys::Object::new();
    for (k, v) in [
        ("timeZone", "Asia/Shanghai"),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hour12", "false"),
    ] {
        let value = if v == "false" {
            wasm_bindgen::JsValue::FALSE
        } else {
            v.into()
        };
        let _ = js_sys::Reflect::set(&options, &k.into(), &value);
    }
    js_sys::Date::new(&(ms as f64).into())
        .to_locale_string("zh-CN", &options)
        .into()
}
