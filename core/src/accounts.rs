//! Accounts: who is acting, in which role, over which part of the grid tree. Wire types
//! for sign-in and `Me`, the scope test every access rule uses, and the password policy.

use serde::{Deserialize, Serialize};

/// What an account may be: one person may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountRole {
    /// A member of a household.
    Resident,
    GridWorker,
    GridLeader,
    GridInstructor,
    /// 乡镇调度员: dispatches reports for a township.
    Dispatcher,
    /// 部门处置人员: a department such as 水务, 供电, 城管.
    DepartmentHandler,
    /// 积分超市店员: one village's points shop.
    ShopClerk,
    /// A county's or a township's administrator.
    Admin,
}

impl AccountRole {
    pub const ALL: [AccountRole; 8] = [
        Self::Resident,
        Self::GridWorker,
        Self::GridLeader,
        Self::GridInstructor,
        Self::Dispatcher,
        Self::DepartmentHandler,
        Self::ShopClerk,
        Self::Admin,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resident => "resident",
            Self::GridWorker => "grid_worker",
            Self::GridLeader => "grid_leader",
            Self::GridInstructor => "grid_instructor",
            Self::Dispatcher => "dispatcher",
            Self::DepartmentHandler => "department_handler",
            Self::ShopClerk => "shop_clerk",
            Self::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<AccountRole> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Resident => "居民",
            Self::GridWorker => "网格员",
            Self::GridLeader => "网格长",
            Self::GridInstructor => "网格指导员",
            Self::Dispatcher => "乡镇调度员",
            Self::DepartmentHandler => "部门处置人员",
            Self::ShopClerk => "积分超市店员",
            Self::Admin => "管理员",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Resident => "Resident",
            Self::GridWorker => "Grid worker",
            Self::GridLeader => "Grid leader",
            Self::GridInstructor => "Grid instructor",
            Self::Dispatcher => "Township dispatcher",
            Self::DepartmentHandler => "Department handler",
            Self::ShopClerk => "Shop clerk",
            Self::Admin => "Administrator",
        }
    }

    /// Staff who register and serve households in their grid subtree.
    pub fn serves_households(self) -> bool {
        matches!(
            self,
            Self::GridWorker
                | Self::GridLeader
                | Self::GridInstructor
                | Self::Dispatcher
                | Self::Admin
        )
    }

    /// Staff sign in with a password; residents get onto their phone by activation.
    pub fn is_staff(self) -> bool {
        self != Self::Resident
    }
}

/// The part of the world a role applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Scope {
    /// A subtree of the grid tree, named by its root's code (a household's grid for a
    /// resident, a village for a leader, a county for an administrator).
    Grid(String),
    /// A department (水务, 供电, 城管 …), by its id.
    Department(String),
    /// A village's points shop, by its id.
    Shop(String),
}

impl Scope {
    /// Whether this scope reaches the grid `code`: grid codes are hierarchical, so a
    /// subtree is every code that starts with its root's code.
    pub fn covers_grid(&self, code: &str) -> bool {
        match self {
            Scope::Grid(root) => !root.is_empty() && code.starts_with(root.as_str()),
            Scope::Department(_) | Scope::Shop(_) => false,
        }
    }
}

/// One role an account holds, with where it holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleGrant {
    pub role: AccountRole,
    pub scope: Scope,
}

/// `GET /api/v1/me`, and the answer to a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Me {
    pub login: String,
    pub name: String,
    pub roles: Vec<RoleGrant>,
    /// The household a resident belongs to.
    pub household: Option<HouseholdRef>,
    /// Whether a password is set (a resident who got in by activation has none; changing
    /// one needs the current one).
    #[serde(default)]
    pub has_password: bool,
}

impl Me {
    /// Whether the account holds `role` somewhere that covers grid `code`.
    pub fn can_in_grid(&self, role: AccountRole, code: &str) -> bool {
        self.roles
            .iter()
            .any(|g| g.role == role && g.scope.covers_grid(code))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdRef {
    pub id: String,
}

/// `POST /api/v1/households/{id}/activations`: a one-time way onto a resident's phone —
/// a link (shown as a QR code) or a short code to read aloud; valid until `expires_at`
/// (UTC milliseconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activation {
    pub url: String,
    pub code: String,
    pub expires_at: i64,
}

/// `POST /api/v1/activations`: the short code, or the token from the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Redeem {
    pub code: String,
}

/// An activation lasts 72 hours; the phone it signs in stays signed in for 365 days.
pub const ACTIVATION_HOURS: i64 = 72;
pub const RESIDENT_SESSION_DAYS: i64 = 365;

/// A short code as typed: digits only (spaces and dashes people add are dropped).
pub fn normalize_code(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// `POST /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignIn {
    pub login: String,
    pub password: String,
}

/// `PUT /api/v1/me/password`: set or change one's password, and optionally one's login (a
/// resident picks one to sign in on another phone). `current` is needed once a password
/// exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetPassword {
    #[serde(default)]
    pub login: Option<String>,
    #[serde(default)]
    pub current: Option<String>,
    pub password: String,
}

/// `PUT /api/v1/admin/people/{id}/work-phone`: show a staff member's work phone in full
/// on cards and posters, recording that they consented (or stop showing it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkPhoneConsent {
    pub public: bool,
}

/// The answer: the setting now, who recorded it and when (UTC milliseconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkPhone {
    pub id: String,
    pub public: bool,
    pub recorded_by: String,
    pub recorded_at: i64,
}

/// A login as the accounts table keeps it: 2–64 of `[a-z0-9._-]` (sign-in compares
/// exactly, so no capitals and no spaces).
pub fn valid_login(login: &str) -> bool {
    (2..=64).contains(&login.len())
        && login.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// PBKDF2-SHA256 iterations for new password hashes. Cloudflare's production runtime
/// refuses more than 100,000; the local one does not, so the Worker enforces the cap.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
pub const PBKDF2_MAX_ITERATIONS: u32 = 100_000;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    #[error("shorter than 8 characters")]
    TooShort,
    #[error("one of the most common passwords")]
    Common,
}

/// Among the most used passwords, Chinese ones included (birthdays, 520 = 我爱你, keyboard
/// runs, pinyin); compared case-insensitively.
const COMMON: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "88888888",
    "11111111",
    "00000000",
    "66666666",
    "87654321",
    "11223344",
    "12341234",
    "5201314520",
    "52013141",
    "1314520520",
    "147258369",
    "123123123",
    "password",
    "password1",
    "passw0rd",
    "qwertyui",
    "qwerty123",
    "1qaz2wsx",
    "a1234567",
    "aa123456",
    "abc12345",
    "abcd1234",
    "iloveyou",
    "woaini1314",
    "woaini520",
    "zhang123",
    "wang1234",
    "asdfghjkl",
    "zxcvbnm123",
    "admin123",
    "admin888",
    "wangge123",
    "wangge-demo",
    "11112222",
    "12344321",
    "99999999",
    "qq123456",
    "w123456789",
];

/// The policy for a new password: at least 8 characters and not a common one.
pub fn check_password(password: &str) -> Result<(), WeakPassword> {
    if password.chars().count() < 8 {
        return Err(WeakPassword::TooShort);
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) {
        return Err(WeakPassword::Common);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn roles_round_trip() {
        for r in AccountRole::ALL {
            assert_eq!(AccountRole::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!(AccountRole::parse("root"), None);
    }

    #[test]
    fn scope_wire_shape() {
        let g = RoleGrant {
            role: AccountRole::GridWorker,
            scope: Scope::Grid("990101001001001".into()),
        };
        let v = serde_json::to_value(&g).unwrap();
        assert_eq!(v["role"], "grid_worker");
        assert_eq!(v["scope"]["kind"], "grid");
        assert_eq!(v["scope"]["id"], "990101001001001");
    }

    #[test]
    fn department_and_shop_scopes_cover_no_grid() {
        assert!(!Scope::Department("water".into()).covers_grid("990101"));
        assert!(!Scope::Shop("990101001003".into()).covers_grid("990101001003"));
        assert!(!Scope::Grid(String::new()).covers_grid("990101"));
    }

    #[test]
    fn typed_codes_keep_only_digits() {
        assert_eq!(normalize_code(" 1234-5678 "), "12345678");
        assert_eq!(normalize_code("１２"), "");
    }

    #[test]
    fn logins() {
        assert!(valid_login("zhang-deming.1950"));
        assert!(valid_login("13907310012"));
        assert!(!valid_login("a"));
        assert!(!valid_login("Zhang"));
        assert!(!valid_login("张德明"));
        assert!(!valid_login("a b"));
        assert!(!valid_login(&"a".repeat(65)));
    }

    #[test]
    fn passwords() {
        assert_eq!(check_password("1234567"), Err(WeakPassword::TooShort));
        assert_eq!(check_password("网格通密码"), Err(WeakPassword::TooShort));
        assert_eq!(check_password("5201314520"), Err(WeakPassword::Common));
        assert_eq!(check_password("PassWord1"), Err(WeakPassword::Common));
        assert_eq!(check_password("wangge-demo"), Err(WeakPassword::Common));
        assert_eq!(check_password("柳塘镇网格员2026"), Ok(()));
        const { assert!(PBKDF2_ITERATIONS <= PBKDF2_MAX_ITERATIONS) };
    }

    fn code(levels: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(0u16..1000, levels)
            .prop_map(|parts| parts.iter().map(|p| format!("{p:03}")).collect())
    }

    proptest! {
        /// A subtree covers exactly the codes that extend its root: itself and every
        /// descendant, never a sibling's descendant or an ancestor.
        #[test]
        fn grid_scope_is_the_subtree(root in (2usize..=4).prop_flat_map(code), tail in (0usize..=2).prop_flat_map(code), other in (2usize..=5).prop_flat_map(code)) {
            let scope = Scope::Grid(root.clone());
            let inside = format!("{root}{tail}");
            prop_assert!(scope.covers_grid(&inside));
            prop_assert_eq!(scope.covers_grid(&other), other.starts_with(&root));
            if root.len() > 3 {
                prop_assert!(!scope.covers_grid(&root[..root.len() - 3]));
            }
        }
    }
}
