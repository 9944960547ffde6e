//! Photos of a report: JPEG only, at most 2 MB, and stripped of every metadata segment
//! before they are stored. The phone already re-encodes through a canvas (which drops
//! EXIF, GPS included); the Worker strips again so that a photo sent some other way
//! cannot carry a location either.

/// Largest photo accepted (the phone sends ≈ 200–400 KB at 1,600 px).
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

/// Why a photo was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoError {
    TooBig,
    NotJpeg,
}

/// The JPEG without its APP1–APP15 (EXIF, XMP, ICC …) and comment segments; the image
/// data itself is copied unchanged.
pub fn strip_jpeg_metadata(b: &[u8]) -> Result<Vec<u8>, PhotoError> {
    if b.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooBig);
    }
    if b.len() < 4 || b[0] != 0xFF || b[1] != 0xD8 {
        return Err(PhotoError::NotJpeg);
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    let mut i = 2;
    let mut scanned = false;
    loop {
        if b.get(i) != Some(&0xFF) {
            return Err(PhotoError::NotJpeg);
        }
        // Fill bytes: any number of 0xFF before the marker.
        let mut j = i;
        while b.get(j) == Some(&0xFF) {
            j += 1;
        }
        let marker = *b.get(j).ok_or(PhotoError::NotJpeg)?;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i = j + 1;
                continue;
            }
            // The end: anything after it (where data can hide) is dropped.
            0xD9 if scanned => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Ok(out);
            }
            // The end before any image data, or a second start: not a photo.
            0xD8 | 0xD9 | 0x00 => return Err(PhotoError::NotJpeg),
            _ => {}
        }
        let len_bytes = b.get(j + 1..j + 3).ok_or(PhotoError::NotJpeg)?;
        let len = usize::from(u16::from_be_bytes([len_bytes[0], len_bytes[1]]));
        let end = j + 1 + len;
        if len < 2 || end > b.len() {
            return Err(PhotoError::NotJpeg);
        }
        if !matches!(marker, 0xE1..=0xEF | 0xFE) {
            out.push(0xFF);
            out.extend_from_slice(&b[j..end]);
        }
        i = end;
        // Start of scan: image data up to the next real marker (a 0xFF followed by 0x00 is a
        // data byte, by 0xD0–0xD7 a restart, by 0xFF fill). Progressive photos have several
        // scans, with tables — or metadata — between them: the loop goes on from there.
        if marker == 0xDA {
            scanned = true;
            let mut k = i;
            loop {
                match (b.get(k), b.get(k + 1)) {
                    (Some(0xFF), Some(0x00 | 0xD0..=0xD7)) => k += 2,
                    (Some(0xFF), Some(0xFF)) => k += 1,
                    (Some(0xFF), Some(_)) => break,
                    (Some(_), _) => k += 1,
                    (None, _) => return Err(PhotoError::NotJpeg),
                }
            }
            out.extend_from_slice(&b[i..k]);
            i = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let len = (body.len() + 2) as u16;
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&len.to_be_bytes());
        s.extend_from_slice(body);
        s
    }

    /// SOI, APP0 (JFIF), APP1 (EXIF with a GPS tag name), COM, DQT, SOS, data, EOI.
    fn photo() -> (Vec<u8>, Vec<u8>) {
        let mut with = vec![0xFF, 0xD8];
        let mut without = vec![0xFF, 0xD8];
        let app0 = segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let exif = segment(0xE1, b"Exif\0\0GPSLatitude 28.19 GPSLongitude 112.97");
        let com = segment(0xFE, b"taken at home");
        let dqt = segment(0xDB, &[0u8; 65]);
        let sos = segment(0xDA, &[1, 1, 0, 0, 63, 0]);
        let data = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9];
        for s in [&app0, &exif, &com, &dqt, &sos] {
            with.extend_from_slice(s);
        }
        for s in [&app0, &dqt, &sos] {
            without.extend_from_slice(s);
        }
        with.extend_from_slice(&data);
        without.extend_from_slice(&data);
        (with, without)
    }

    #[test]
    fn exif_and_comments_go_and_the_image_stays() {
        let (with, without) = photo();
        let stripped = strip_jpeg_metadata(&with).expect("a jpeg");
        assert_eq!(stripped, without);
        assert!(!stripped.windows(4).any(|w| w == b"Exif"));
        // Stripping twice changes nothing.
        assert_eq!(strip_jpeg_metadata(&stripped).expect("a jpeg"), stripped);
    }

    #[test]
    fn metadata_between_scans_and_bytes_after_the_end_go_too() {
        let (_, clean) = photo();
        let mut crafted = clean[..clean.len() - 2].to_vec();
        // A second scan preceded by an EXIF segment, then a comment after the end.
        crafted.extend(segment(0xE1, b"Exif\0\0GPSLatitude 30.1"));
        crafted.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        crafted.extend_from_slice(&[0x77, 0xFF, 0xD0, 0x78, 0xFF, 0xD9]);
        crafted.extend_from_slice(b"GPSLatitude 30.1 trailing");
        let stripped = strip_jpeg_metadata(&crafted).expect("a jpeg");
        assert!(!stripped.windows(3).any(|w| w == b"GPS"));
        assert!(stripped.ends_with(&[0x77, 0xFF, 0xD0, 0x78, 0xFF, 0xD9]));
        // Without an end marker it is not a whole photo.
        assert_eq!(
            strip_jpeg_metadata(&clean[..clean.len() - 2]),
            Err(PhotoError::NotJpeg)
        );
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(strip_jpeg_metadata(b"GIF89a"), Err(PhotoError::NotJpeg));
        assert_eq!(
            strip_jpeg_metadata(&[0xFF, 0xD8, 0xFF, 0xD9]),
            Err(PhotoError::NotJpeg)
        );
        let (with, _) = photo();
        // Cut inside a segment.
        assert_eq!(strip_jpeg_metadata(&with[..20]), Err(PhotoError::NotJpeg));
        let big = vec![0u8; MAX_PHOTO_BYTES + 1];
        assert_eq!(strip_jpeg_metadata(&big), Err(PhotoError::TooBig));
    }
}
