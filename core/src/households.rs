//! Households (户) and their members: what a grid worker registers, what a resident
//! reads about their own household, and the rules a registration must pass.

use crate::problem::Detail;
use serde::{Deserialize, Serialize};

/// A member's place in the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Sibling,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Self::Head,
        Self::Spouse,
        Self::Child,
        Self::Parent,
        Self::Grandchild,
        Self::Sibling,
        Self::Other,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Spouse => "spouse",
            Self::Child => "child",
            Self::Parent => "parent",
            Self::Grandchild => "grandchild",
            Self::Sibling => "sibling",
            Self::Other => "other",
        }
    }

    /// A relation from its wire name or its Chinese label (spreadsheets use either).
    pub fn parse(s: &str) -> Option<Relation> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s || r.label_zh() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Head => "户主",
            Self::Spouse => "配偶",
            Self::Child => "子女",
            Self::Parent => "父母",
            Self::Grandchild => "孙辈",
            Self::Sibling => "兄弟姐妹",
            Self::Other => "其他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Head => "Head",
            Self::Spouse => "Spouse",
            Self::Child => "Child",
            Self::Parent => "Parent",
            Self::Grandchild => "Grandchild",
            Self::Sibling => "Sibling",
            Self::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Member {
    pub id: String,
    pub name: String,
    pub relation: Relation,
    pub phone: Option<String>,
}

/// `GET /api/v1/households/{id}`: for its own members and staff whose scope covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Household {
    pub id: String,
    pub grid_code: String,
    pub address: String,
    pub members: Vec<Member>,
}

/// A member as sent by whoever registers or edits a household: `id` is made by the client
/// (a UUIDv7), so a member added offline keeps its id once it reaches the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberDraft {
    pub id: String,
    pub name: String,
    pub relation: Relation,
    pub phone: Option<String>,
}

/// `POST /api/v1/grids/{code}/households` (a new household, `id` a client UUIDv7 that is
/// also the write's idempotency key) and `PUT /api/v1/households/{id}` (`id` must match).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdDraft {
    pub id: String,
    pub address: String,
    pub members: Vec<MemberDraft>,
}

/// The body of `POST /api/v1/households/{id}/move-out`: the worker confirmed it (it
/// cannot be undone from the register; a re-import brings a household back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoveOut {
    pub confirm: bool,
}

/// The answer to `POST /api/v1/households/{id}/move-out`: the household left (迁出). It is deactivated,
/// never deleted (history refers to it); its residents' phones are signed out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MovedOut {
    pub id: String,
}

/// One line of a grid's household register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdSummary {
    pub id: String,
    pub address: String,
    /// The head's name (户主), if the household has one.
    pub head: Option<String>,
    pub members: u32,
    /// Whether a resident phone has been signed in through an activation.
    pub activated: bool,
}

/// `GET /api/v1/grids/{code}/households[?after=<id>]`: one page of the register, in id
/// order; `next` is the `after` for the following page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdPage {
    pub items: Vec<HouseholdSummary>,
    pub next: Option<String>,
}

pub const MAX_MEMBERS: usize = 20;
pub const PAGE_SIZE: usize = 50;

/// Whether `id` may name a household or member: 1–64 of `[A-Za-z0-9._-]` (client UUIDs,
/// imported ids such as `hh-990101001003001-012`).
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A phone as stored: digits with optional dashes, 3–20 characters, at least 3 digits
/// (mobiles and rural landlines such as 0731-5551234).
pub fn valid_phone(phone: &str) -> bool {
    (3..=20).contains(&phone.len())
        && phone.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && phone.bytes().filter(u8::is_ascii_digit).count() >= 3
}

fn detail(field: String, zh: String, en: String) -> Detail {
    Detail {
        line: None,
        field: Some(field),
        message_zh: zh,
        message_en: en,
    }
}

impl HouseholdDraft {
    /// Trims what people type, and drops the spaces they put inside phone numbers.
    pub fn normalized(mut self) -> HouseholdDraft {
        self.address = self.address.trim().to_owned();
        for m in &mut self.members {
            m.name = m.name.trim().to_owned();
            m.phone = m
                .phone
                .take()
                .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect::<String>())
                .filter(|p| !p.is_empty());
        }
        self
    }

    /// Every rule a registration breaks (empty: it may be saved). Run on a normalized draft.
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(detail(
                "id".into(),
                "户编号格式不对。".into(),
                "Malformed household id.".into(),
            ));
        }
        let address_len = self.address.chars().count();
        if !(1..=200).contains(&address_len) {
            out.push(detail(
                "address".into(),
                "请填写地址（200字以内）。".into(),
                "Enter an address (at most 200 characters).".into(),
            ));
        }
        if self.members.is_empty() || self.members.len() > MAX_MEMBERS {
            out.push(detail(
                "members".into(),
                format!("每户应有 1 至 {MAX_MEMBERS} 名成员。"),
                format!("A household has 1 to {MAX_MEMBERS} members."),
            ));
        }
        let heads = self
            .members
            .iter()
            .filter(|m| m.relation == Relation::Head)
            .count();
        if heads != 1 && !self.members.is_empty() {
            out.push(detail(
                "members".into(),
                "每户须有且只有一位户主。".into(),
                "A household has exactly one head.".into(),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, m) in self.members.iter().enumerate() {
            let n = i + 1;
            if !valid_id(&m.id) || !seen.insert(m.id.as_str()) {
                out.push(detail(
                    format!("members[{i}].id"),
                    format!("第 {n} 位成员的编号有误。"),
                    format!("Member {n}: bad or repeated id."),
                ));
            }
            if !(1..=50).contains(&m.name.chars().count()) {
                out.push(detail(
                    format!("members[{i}].name"),
                    format!("请填写第 {n} 位成员的姓名（50字以内）。"),
                    format!("Member {n}: enter a name (at most 50 characters)."),
                ));
            }
            if let Some(phone) = &m.phone {
                if !valid_phone(phone) {
                    out.push(detail(
                        format!("members[{i}].phone"),
                        format!("第 {n} 位成员的电话号码格式不对。"),
                        format!("Member {n}: the phone number is malformed."),
                    ));
                }
            }
        }
        out
    }
}

/// A UUIDv7 (RFC 9562) from a millisecond timestamp and 10 random bytes: ids made on a
/// phone, offline, that sort by creation time.
pub fn uuid_v7(unix_ms: u64, random: [u8; 10]) -> String {
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&unix_ms.to_be_bytes()[2..]);
    b[6..].copy_from_slice(&random);
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn member(id: &str, relation: Relation, phone: Option<&str>) -> MemberDraft {
        MemberDraft {
            id: id.into(),
            name: "张德明".into(),
            relation,
            phone: phone.map(str::to_owned),
        }
    }

    fn draft(members: Vec<MemberDraft>) -> HouseholdDraft {
        HouseholdDraft {
            id: "0190a3c4-0000-7000-8000-000000000001".into(),
            address: " 东岗村一组12号 ".into(),
            members,
        }
        .normalized()
    }

    #[test]
    fn a_good_household_passes() {
        let d = draft(vec![
            member("m1", Relation::Head, Some("138 1234 5678")),
            member("m2", Relation::Spouse, None),
        ]);
        assert_eq!(d.address, "东岗村一组12号");
        assert_eq!(d.members[0].phone.as_deref(), Some("13812345678"));
        assert_eq!(d.problems(), vec![]);
    }

    #[test]
    fn every_problem_is_listed() {
        let mut d = draft(vec![
            member("m1", Relation::Spouse, Some("12")),
            member("m1", Relation::Child, Some("138-abc")),
        ]);
        d.address = String::new();
        d.members[1].name = String::new();
        let fields: Vec<String> = d.problems().into_iter().filter_map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "address",
                "members",
                "members[0].phone",
                "members[1].id",
                "members[1].name",
                "members[1].phone"
            ]
        );
        assert!(!draft(vec![]).problems().is_empty());
        let two_heads = draft(vec![
            member("a", Relation::Head, None),
            member("b", Relation::Head, None),
        ]);
        assert_eq!(two_heads.problems().len(), 1);
    }

    #[test]
    fn relations_round_trip() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
            assert_eq!(Relation::parse(r.label_zh()), Some(r));
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
        assert_eq!(Relation::parse("boss"), None);
    }

    #[test]
    fn ids_and_phones() {
        assert!(valid_id("hh-990101001003001-012"));
        assert!(!valid_id(""));
        assert!(!valid_id("a/b"));
        assert!(!valid_id(&"x".repeat(65)));
        assert!(valid_phone("0731-5551234"));
        assert!(!valid_phone("--1"));
        assert!(!valid_phone("１３８１２３４５６７８"));
    }

    proptest! {
        /// Version 7, RFC 4122 variant, and ordered by time.
        #[test]
        fn uuid_v7_shape_and_order(t in 0u64..(1 << 48), r in any::<[u8; 10]>(), r2 in any::<[u8; 10]>()) {
            let a = uuid_v7(t, r);
            prop_assert_eq!(a.len(), 36);
            prop_assert_eq!(&a[14..15], "7");
            prop_assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
            prop_assert!(valid_id(&a));
            prop_assert!(uuid_v7(t + 1, r2) > a);
        }
    }
}
