//! The household pass: the text of the QR code a resident shows at the shop.
//! `WGP1.<household>.<expires, unix seconds>.<nonce>.<signature>`: the Worker signs it
//! (HMAC-SHA256 under a key only the database holds, truncated to 128 bits), so it cannot
//! be forged; it names one household, runs out after `PASS_TTL_SECS`, and its nonce is
//! good for one redemption. The phone keeps it and shows it offline.

/// How long a pass lasts: a resident can fetch it at home and walk to the shop without
/// network, and a pass photographed over a shoulder is of no use the next day.
pub const PASS_TTL_SECS: i64 = 12 * 3600;
const PREFIX: &str = "WGP1.";

/// A pass's parts, before the signature is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassParts {
    pub household: String,
    pub expires: i64,
    pub nonce: String,
    pub signature: String,
}

impl PassParts {
    /// What the signature covers.
    pub fn signed_text(&self) -> String {
        format!("{PREFIX}{}.{}.{}", self.household, self.expires, self.nonce)
    }

    pub fn text(&self) -> String {
        format!("{}.{}", self.signed_text(), self.signature)
    }

    /// Reads a scanned text; `None` if it is not a pass at all.
    pub fn parse(text: &str) -> Option<PassParts> {
        let rest = text.trim().strip_prefix(PREFIX)?;
        let mut parts = rest.rsplitn(4, '.');
        let signature = parts.next()?;
        let nonce = parts.next()?;
        let expires = parts.next()?.parse().ok()?;
        let household = parts.next()?;
        let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex(signature, 32) || !hex(nonce, 16) || !crate::households::valid_id(household) {
            return None;
        }
        Some(PassParts {
            household: household.to_owned(),
            expires,
            nonce: nonce.to_owned(),
            signature: signature.to_owned(),
        })
    }
}

/// Signing and checking, for the Worker and the tests (not the SPA: it only shows passes).
#[cfg(feature = "sign")]
pub mod sign {
    use super::PassParts;
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

    fn mac(key: &[u8], text: &str) -> String {
        // HMAC takes a key of any length, so `new_from_slice` cannot fail.
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("any key length");
        m.update(text.as_bytes());
        m.finalize().into_bytes()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// A signed pass for `household`.
    pub fn issue(key: &[u8], household: &str, expires: i64, nonce: &str) -> PassParts {
        let mut p = PassParts {
            household: household.to_owned(),
            expires,
            nonce: nonce.to_owned(),
            signature: String::new(),
        };
        p.signature = mac(key, &p.signed_text());
        p
    }

    /// Whether `p` was signed with `key` and is still good at `now` (unix seconds). Its
    /// single use is the database's to enforce.
    pub fn valid(key: &[u8], p: &PassParts, now: i64) -> bool {
        let want = mac(key, &p.signed_text());
        let same = want.len() == p.signature.len()
            && want
                .bytes()
                .zip(p.signature.to_ascii_lowercase().bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        same && now < p.expires && p.expires <= now + super::PASS_TTL_SECS
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_pass_checks_only_with_its_key_its_household_and_in_time() {
            let key = b"0123456789abcdef0123456789abcdef";
            let p = issue(key, "hh-990101001003001-012", 2_000, "00112233aabbccdd");
            let read = PassParts::parse(&p.text()).expect("parses");
            assert_eq!(read, p);
            assert!(valid(key, &read, 1_999));
            assert!(!valid(key, &read, 2_000), "expired");
            assert!(!valid(b"another key", &read, 1_999), "forged");
            let other = PassParts {
                household: "hh-990101001003001-013".into(),
                ..read.clone()
            };
            assert!(!valid(key, &other, 1_999), "bound to its household");
            let later = PassParts {
                expires: 3_000,
                ..read.clone()
            };
            assert!(!valid(key, &later, 1_999), "its expiry is signed");
            // A pass claiming a life longer than any issued is refused even if signed.
            let long = issue(key, "h1", 100_000, "00112233aabbccdd");
            assert!(!valid(key, &long, 1_000));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_passes_and_nothing_else() {
        let t = "WGP1.hh-1.two.1700000000.00112233aabbccdd.00112233445566778899aabbccddeeff";
        let p = PassParts::parse(t).expect("a pass");
        assert_eq!(p.household, "hh-1.two");
        assert_eq!(p.expires, 1_700_000_000);
        assert_eq!(p.text(), t);
        for bad in [
            "",
            "hello",
            "WGP1.",
            "WGP2.hh-1.1700000000.00112233aabbccdd.00112233445566778899aabbccddeeff",
            "WGP1.hh-1.soon.00112233aabbccdd.00112233445566778899aabbccddeeff",
            "WGP1.hh-1.1700000000.0011.00112233445566778899aabbccddeeff",
            "WGP1.hh 1.1700000000.00112233aabbccdd.00112233445566778899aabbccddeeff",
            "WGP1.1700000000.00112233aabbccdd.00112233445566778899aabbccddeeff",
        ] {
            assert_eq!(PassParts::parse(bad), None, "{bad}");
        }
    }
}
