//! QR codes as SVG, so a grid card (and its printed poster) carries a code that opens it.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Error for data too long for any QR version.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("data too long for a QR code")]
pub struct QrTooLong;

/// An SVG document encoding `data` at error-correction level M (survives a scuffed poster).
pub fn svg(data: &str) -> Result<String, QrTooLong> {
    let code =
        QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).map_err(|_| QrTooLong)?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_svg_for_a_grid_url() {
        let s = svg("https://wangge.example.cn/g/990101001001001").unwrap();
        assert!(s.starts_with("<?xml") || s.starts_with("<svg"));
        assert!(s.contains("<svg") && s.contains("</svg>"));
        assert!(s.contains("#000000"));
    }

    #[test]
    fn different_data_gives_different_codes() {
        assert_ne!(svg("a").unwrap(), svg("b").unwrap());
    }

    #[test]
    fn too_long_is_an_error() {
        assert_eq!(svg(&"x".repeat(5000)), Err(QrTooLong));
    }
}
