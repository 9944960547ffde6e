//! WebCrypto in the Worker: random tokens, SHA-256 and PBKDF2-SHA256 password hashes.
//! workers-rs has no wrapper, so this goes through web-sys.

use crate::error::ApiError;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wangge_core::accounts::PBKDF2_MAX_ITERATIONS;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, Pbkdf2Params, SubtleCrypto, WorkerGlobalScope};

fn crypto_error(what: &str) -> ApiError {
    ApiError::Storage(format!("webcrypto: {what}"))
}

fn crypto() -> Result<Crypto, ApiError> {
    js_sys::global()
        .unchecked_into::<WorkerGlobalScope>()
        .crypto()
        .map_err(|_| crypto_error("no crypto"))
}

fn subtle() -> Result<SubtleCrypto, ApiError> {
    Ok(crypto()?.subtle())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// `n` bytes from the platform's CSPRNG.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, ApiError> {
    let mut buf = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| crypto_error("getRandomValues"))?;
    Ok(buf)
}

async fn bytes_of(promise: js_sys::Promise, what: &str) -> Result<Vec<u8>, ApiError> {
    let buf = JsFuture::from(promise)
        .await
        .map_err(|_| crypto_error(what))?
        .dyn_into::<ArrayBuffer>()
        .map_err(|_| crypto_error(what))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// SHA-256, hex-encoded (how session tokens are stored).
pub async fn sha256_hex(data: &[u8]) -> Result<String, ApiError> {
    let promise = subtle()?
        .digest_with_str_and_u8_array("SHA-256", data)
        .map_err(|_| crypto_error("digest"))?;
    Ok(hex(&bytes_of(promise, "digest").await?))
}

/// Whether this many iterations may run: Cloudflare's production runtime refuses more
/// than 100,000, and local workerd does not, so the limit is enforced here.
pub fn iterations_allowed(iterations: u32) -> Result<u32, ApiError> {
    if iterations == 0 || iterations > PBKDF2_MAX_ITERATIONS {
        return Err(ApiError::Storage(format!(
            "PBKDF2 iterations {iterations} outside 1..={PBKDF2_MAX_ITERATIONS}"
        )));
    }
    Ok(iterations)
}

/// PBKDF2-SHA256 of `password` with `salt`, 256 bits.
pub async fn pbkdf2(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, ApiError> {
    let iterations = iterations_allowed(iterations)?;
    let subtle = subtle()?;
    let raw = Uint8Array::from(password.as_bytes());
    let usages = Array::of1(&"deriveBits".into());
    let key: CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(|_| crypto_error("importKey"))?,
    )
    .await
    .map_err(|_| crypto_error("importKey"))?
    .unchecked_into();
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let promise = subtle
        .derive_bits_with_object(&params, &key, 256)
        .map_err(|_| crypto_error("deriveBits"))?;
    bytes_of(promise, "deriveBits").await
}

/// Equal without an early exit (no timing hint about where two hashes differ).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(unhex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
    }

    #[test]
    fn iteration_cap_is_enforced() {
        assert_eq!(iterations_allowed(100_000).ok(), Some(100_000));
        assert!(iterations_allowed(100_001).is_err());
        assert!(iterations_allowed(1_000_000).is_err());
        assert!(iterations_allowed(0).is_err());
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
