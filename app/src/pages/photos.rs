//! Photos for a report, an action, an award's evidence or goods on a shelf. Each is
//! re-encoded on the phone (long side at most 1,600 px, JPEG): drawing it on a canvas keeps
//! only the pixels, so EXIF (GPS included) never leaves the phone. Each photo is its own
//! outbox entry, queued ahead of what names it; its UUIDv7 is its idempotency key and
//! makes its key. (Used by several sections' chunks: its code lands in a shared chunk.)

use crate::error::AppError;
use crate::outbox::{new_id, Entry, EntryState, Outbox};
use crate::settings::Settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wangge_core::reports::MAX_PHOTOS;
use wangge_core::API_PREFIX;
use wasm_bindgen::JsCast;

/// The outbox kind of a photo (its name from when only reports had photos: entries
/// queued then still sync).
pub const PHOTO_KIND: &str = "report.photo";
const LONG_SIDE: f64 = 1600.0;
/// The Worker's limit (2 MB), with room to spare.
const MAX_BYTES: usize = 1_900_000;

/// A photo taken on this phone, re-encoded, not yet (or just) sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    /// Its UUIDv7.
    pub id: String,
    /// The JPEG in base64.
    pub data: String,
}

impl Photo {
    /// The key the Worker stores it under (`p-` and the UUID's hex digits).
    pub fn key(&self) -> String {
        wangge_core::reports::photo_key(&self.id)
    }

    pub fn src(&self) -> String {
        format!("data:image/jpeg;base64,{}", self.data)
    }
}

/// Where a stored photo is read from (the Worker applies its report's access rule).
pub fn photo_url(key: &str) -> String {
    format!("{API_PREFIX}/photos/{key}")
}

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// The picture in `file`, as a JPEG (base64) no longer than 1,600 px on its long side.
async fn reencode(file: web_sys::File) -> Result<String, String> {
    let url = web_sys::Url::create_object_url_with_blob(&file).map_err(js_err)?;
    let img = web_sys::HtmlImageElement::new().map_err(js_err)?;
    img.set_src(&url);
    let decoded = wasm_bindgen_futures::JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(js_err)?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    if w < 1.0 || h < 1.0 {
        return Err("empty image".into());
    }
    let scale = (LONG_SIDE / w.max(h)).min(1.0);
    let (cw, ch) = ((w * scale).round(), (h * scale).round());
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js_err)?
        .unchecked_into();
    canvas.set_width(cw as u32);
    canvas.set_height(ch as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_err)?
        .ok_or("no 2d canvas")?
        .unchecked_into();
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, cw, ch)
        .map_err(js_err)?;
    // A busy picture can stay large at the first quality: step down until it fits.
    for quality in [0.82, 0.65, 0.45] {
        let url = canvas
            .to_data_url_with_type_and_encoder_options("image/jpeg", &quality.into())
            .map_err(js_err)?;
        let data = url
            .split_once(',')
            .map(|(_, d)| d.to_owned())
            .unwrap_or_default();
        if !data.is_empty() && data.len() / 4 * 3 <= MAX_BYTES {
            return Ok(data);
        }
    }
    Err("too large".into())
}

/// Queues `photos` ahead of whatever names them.
pub async fn enqueue(outbox: Outbox, photos: &[Photo]) -> Result<(), AppError> {
    for (i, p) in photos.iter().enumerate() {
        let entry = Entry {
            id: p.id.clone(),
            kind: PHOTO_KIND.to_owned(),
            method: "POST".to_owned(),
            path: format!("{API_PREFIX}/photos"),
            body: p.data.clone(),
            content_type: Some("image/jpeg".to_owned()),
            label_zh: format!("照片 {}", i + 1),
            label_en: format!("Photo {}", i + 1),
            state: EntryState::Waiting,
            attempts: 0,
            problem: None,
            created_at: js_sys::Date::now(),
        };
        outbox.enqueue(entry).await?;
    }
    Ok(())
}

/// Take or choose up to `max` photos (a report's `MAX_PHOTOS` by default); each shows at
/// once, with a remove button.
#[component]
pub fn PhotoPicker(
    photos: RwSignal<Vec<Photo>>,
    #[prop(default = MAX_PHOTOS)] max: usize,
) -> impl IntoView {
    let s = Settings::get();
    let working = RwSignal::new(0usize);
    let failed = RwSignal::new(false);
    let several = max > 1;
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else {
            return;
        };
        failed.set(false);
        let room = max.saturating_sub(photos.with_untracked(Vec::len) + working.get_untracked());
        for i in 0..files.length().min(room as u32) {
            let Some(file) = files.get(i) else {
                continue;
            };
            working.update(|n| *n += 1);
            spawn_local(async move {
                match reencode(file).await {
                    Ok(data) => {
                        photos.try_update(|p| p.push(Photo { id: new_id(), data }));
                    }
                    Err(e) => {
                        web_sys::console::warn_1(&e.into());
                        failed.try_set(true);
                    }
                }
                working.try_update(|n| *n -= 1);
            });
        }
        // The same file chosen again must fire `change` again.
        input.set_value("");
    };
    view! {
        <div class="field photos">
            <span>{move || if max == 1 { s.t("照片", "Photo") } else { s.t("照片（最多 6 张）", "Photos (up to 6)") }}</span>
            <ul class="thumbs">
                {move || photos.get().into_iter().map(|p| {
                    let id = p.id.clone();
                    view! {
                        <li>
                            <img src=p.src() alt=move || s.t("待上传的照片", "Photo to upload") data-testid="photo-thumb"/>
                            <button type="button" class="button small secondary" on:click=move |_| {
                                let id = id.clone();
                                photos.update(|ps| ps.retain(|x| x.id != id));
                            }>{move || s.t("删除", "Remove")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || working.get() != 0>
                <p class="sync" role="status">{move || s.t("正在处理照片…", "Preparing photos…")}</p>
            </Show>
            <Show when=move || failed.get()>
                <p class="field-error" role="alert">{move || s.t("有照片没能打开，请换一张再试。", "A photo could not be opened; try another.")}</p>
            </Show>
            <Show when=move || photos.with(Vec::len) + working.get() < max>
                <label class="button secondary file-button">
                    {move || s.t("拍照或选择照片", "Take or choose photos")}
                    <input type="file" accept="image/*" multiple=several class="visually-hidden" data-testid="photo-input" on:change=on_change/>
                </label>
            </Show>
        </div>
    }
}
