//! PNG app icons for the web manifest, drawn at build time from the same design as
//! public/icon.svg: Android's "add to home screen" wants 192 and 512 px PNGs.

use crate::Result;
use std::io::Write;
use std::path::Path;

const RED: [u8; 4] = [0xb7, 0x1c, 0x1c, 0xff];
const WHITE: [u8; 4] = [0xff, 0xff, 0xff, 0xff];
const GOLD: [u8; 4] = [0xff, 0xd5, 0x4f, 0xff];
const CLEAR: [u8; 4] = [0, 0, 0, 0];

/// The icon's colour at (x, y) in a 512-unit design space (see icon.svg).
fn pixel(x: f32, y: f32) -> [u8; 4] {
    // Rounded square, radius 96.
    let (cx, cy) = (x.clamp(96.0, 416.0), y.clamp(96.0, 416.0));
    if (x - cx).powi(2) + (y - cy).powi(2) > 96.0 * 96.0 {
        return CLEAR;
    }
    if (x - 256.0).powi(2) + (y - 256.0).powi(2) <= 34.0 * 34.0 {
        return GOLD;
    }
    // A 3×3 grid: outer square 112..400 and lines at 208 and 304, 28 units wide.
    let near = |v: f32, at: f32| (v - at).abs() <= 14.0;
    let inside = (98.0..=414.0).contains(&x) && (98.0..=414.0).contains(&y);
    let on_line = [112.0, 208.0, 304.0, 400.0]
        .iter()
        .any(|&at| near(x, at) || near(y, at));
    if inside && on_line {
        WHITE
    } else {
        RED
    }
}

/// An RGBA PNG of the icon at `size` px (one sample per pixel centre).
pub fn png(size: u32) -> Vec<u8> {
    let scale = 512.0 / size as f32;
    let mut raw = Vec::with_capacity((size * (size * 4 + 1)) as usize);
    for y in 0..size {
        raw.push(0); // filter: none
        for x in 0..size {
            raw.extend(pixel((x as f32 + 0.5) * scale, (y as f32 + 0.5) * scale));
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(&raw);
    let idat = z.finish().unwrap_or_default();

    let mut ihdr = Vec::new();
    ihdr.extend(size.to_be_bytes());
    ihdr.extend(size.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]); // 8-bit RGBA, no interlace

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &ihdr), (b"IDAT", &idat), (b"IEND", &Vec::new())] {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data.iter());
        out.extend(crc.sum().to_be_bytes());
    }
    out
}

pub fn write(dist: &Path) -> Result<()> {
    for size in [192, 512] {
        let path = dist.join(format!("icon-{size}.png"));
        std::fs::write(&path, png(size)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_has_signature_header_and_size() {
        let p = png(192);
        assert_eq!(&p[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&p[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes([p[16], p[17], p[18], p[19]]), 192);
        assert!(p.ends_with(&[0xae, 0x42, 0x60, 0x82])); // IEND's fixed CRC
    }

    #[test]
    fn design_matches_the_svg() {
        assert_eq!(pixel(2.0, 2.0), CLEAR); // rounded corner
        assert_eq!(pixel(256.0, 256.0), GOLD); // centre dot
        assert_eq!(pixel(208.0, 150.0), WHITE); // a grid line
        assert_eq!(pixel(160.0, 160.0), RED); // inside a cell
        assert_eq!(pixel(60.0, 256.0), RED); // margin
    }
}
