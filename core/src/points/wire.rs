//! 积分超市's JSON bodies, used by the Worker and the SPA alike, and the rules a body must
//! pass before anything is written.

use super::{AwardState, EntryKind};
use crate::households::valid_id;
use crate::problem::Detail;
use crate::reports::deadline::Day;
use serde::{Deserialize, Serialize};

/// Households one recording may cover (a village's monthly inspection, at most).
pub const MAX_AWARD_HOUSEHOLDS: usize = 200;
/// Entries one decision may settle.
pub const MAX_DECISION_ENTRIES: usize = 200;
/// Lines of one redemption.
pub const MAX_ITEMS: usize = 20;
/// A passbook or board page.
pub const PAGE_SIZE: usize = 50;

fn problem(field: &str, zh: &str, en: &str) -> Detail {
    Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }
}

/// The span a rule's limit counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        [Self::Month, Self::Quarter, Self::Year]
            .into_iter()
            .find(|p| p.as_str() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Month => "每月",
            Self::Quarter => "每季度",
            Self::Year => "每年",
        }
    }

    /// The period an instant falls in, in Beijing time: `2026-11`, `2026-Q4`, `2026`.
    pub fn key(self, at_ms: i64) -> String {
        let (y, m, _) = Day::of_ms(at_ms).ymd();
        match self {
            Self::Month => format!("{y}-{m:02}"),
            Self::Quarter => format!("{y}-Q{}", (m - 1) / 3 + 1),
            Self::Year => format!("{y}"),
        }
    }
}

/// The quarter an instant falls in (Beijing time): `2026-Q4` (star ratings).
pub fn quarter_of(at_ms: i64) -> String {
    Period::Quarter.key(at_ms)
}

/// One item of a village's rule book (村规民约积分细则).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rule {
    pub code: String,
    pub name: String,
    /// 环境卫生, 孝老爱亲, 移风易俗 …
    pub category: String,
    /// Positive for good conduct, negative for a violation.
    pub points: i64,
    /// At most this many awards per household per `period`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// A photo must go with the award.
    pub evidence: bool,
}

/// A star-household level (星级文明户): earned at least `min_points` in a quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StarLevel {
    pub stars: u8,
    pub min_points: i64,
}

/// How many stars `earned` points in a quarter give (0: none).
pub fn stars_for(levels: &[StarLevel], earned: i64) -> u8 {
    levels
        .iter()
        .filter(|l| earned >= l.min_points)
        .map(|l| l.stars)
        .max()
        .unwrap_or(0)
}

/// The Beijing-time bounds `[start, end)` (ms) of a quarter key such as `2026-Q4`.
pub fn quarter_bounds(key: &str) -> Option<(i64, i64)> {
    let (y, q) = key.split_once("-Q")?;
    let (y, q): (i32, u32) = (y.parse().ok()?, q.parse().ok()?);
    if !(1..=4).contains(&q) {
        return None;
    }
    let start = Day::from_ymd(y, 3 * (q - 1) + 1, 1)?;
    let end = if q == 4 {
        Day::from_ymd(y + 1, 1, 1)?
    } else {
        Day::from_ymd(y, 3 * q + 1, 1)?
    };
    Some((Day(start.0 - 1).end_ms(), Day(end.0 - 1).end_ms()))
}

/// One household on the village's ranking (names masked), with its stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RankLine {
    pub household: String,
    pub earned: i64,
    pub stars: u8,
}

/// `GET /api/v1/villages/{code}/points/ranking?quarter=`: points earned in a quarter,
/// most first, and the star-household ratings (星级文明户) they give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ranking {
    pub village: String,
    pub quarter: String,
    pub levels: Vec<StarLevel>,
    pub lines: Vec<RankLine>,
}

/// `PUT /api/v1/villages/{code}/points`: the village leader's rule book and settings, whole.
/// Rules left out are withdrawn (kept: old entries name them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleBookSave {
    pub notice_days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_months: Option<u32>,
    pub stars: Vec<StarLevel>,
    pub rules: Vec<Rule>,
    /// The book's `version` the editor started from: the save is refused (`stale_version`)
    /// if someone saved since, so one leader's save never silently undoes another's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<i64>,
}

impl RuleBookSave {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if self.notice_days > 30 {
            out.push(problem(
                "notice_days",
                "公示期为 0 至 30 天",
                "notice is 0 to 30 days",
            ));
        }
        if self.expire_months.is_some_and(|m| !(1..=120).contains(&m)) {
            out.push(problem(
                "expire_months",
                "有效期为 1 至 120 个月，或不设",
                "expiry is 1 to 120 months, or none",
            ));
        }
        if self.stars.len() > 5 || self.stars.iter().any(|l| !(1..=5).contains(&l.stars)) {
            out.push(problem("stars", "星级为 1 至 5 星", "stars are 1 to 5"));
        }
        // A threshold of 0 or less would make every household, even one with nothing, a
        // star household; a higher star must ask for more than a lower one.
        let mut levels: Vec<&StarLevel> = self.stars.iter().collect();
        levels.sort_by_key(|l| l.stars);
        let climbs = levels
            .windows(2)
            .all(|w| w[0].stars < w[1].stars && w[0].min_points < w[1].min_points);
        if !climbs
            || levels
                .iter()
                .any(|l| !(1..=100_000).contains(&l.min_points))
        {
            out.push(problem(
                "stars",
                "星级标准须为 1 至 100000 的整数，星越多分越高，每级只填一次",
                "thresholds are whole numbers from 1 to 100000, rising with each star, one per level",
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, r) in self.rules.iter().enumerate() {
            let field = |f: &str| format!("rules[{i}].{f}");
            let code_ok = (1..=32).contains(&r.code.len())
                && r.code
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !code_ok {
                out.push(problem(
                    &field("code"),
                    "请填写编号：1 至 32 个字母、数字、- 或 _",
                    "give a code: 1 to 32 letters, digits, - or _",
                ));
            } else if !seen.insert(r.code.clone()) {
                out.push(problem(
                    &field("code"),
                    "编号与前面的细则重复",
                    "code repeats an earlier rule's",
                ));
            }
            if !(1..=100).contains(&r.name.trim().chars().count()) {
                out.push(problem(
                    &field("name"),
                    "请填写细则内容",
                    "describe the rule",
                ));
            }
            if !(1..=20).contains(&r.category.trim().chars().count()) {
                out.push(problem(&field("category"), "请填写类别", "give a category"));
            }
            if r.points == 0 || !(-1000..=1000).contains(&r.points) {
                out.push(problem(
                    &field("points"),
                    "分值须在 -1000 至 1000 之间且不为 0",
                    "points must be -1000 to 1000, not 0",
                ));
            }
            if r.limit.is_some() != r.period.is_some() || r.limit == Some(0) {
                out.push(problem(
                    &field("limit"),
                    "次数上限和周期要一起填",
                    "a limit needs a period, and the other way round",
                ));
            }
        }
        if self.rules.len() > 200 {
            out.push(problem("rules", "最多 200 条细则", "at most 200 rules"));
        }
        out
    }

    /// Whether `book` reads as this save would leave it (names and categories are kept
    /// trimmed): a retried save that already landed.
    pub fn is_saved_in(&self, book: &RuleBook) -> bool {
        let trimmed = |r: &Rule| Rule {
            name: r.name.trim().to_owned(),
            category: r.category.trim().to_owned(),
            ..r.clone()
        };
        self.notice_days == book.notice_days
            && self.expire_months == book.expire_months
            && self.stars == book.stars
            && self.rules.len() == book.rules.len()
            && self
                .rules
                .iter()
                .zip(&book.rules)
                .all(|(sent, kept)| trimmed(sent) == *kept)
    }
}

/// `GET /api/v1/villages/{code}/points`: a village's rule book and settings (publicly
/// posted to its residents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleBook {
    pub village: String,
    pub village_name: String,
    /// Days of public notice (公示); 0: awards are spendable at once.
    pub notice_days: u32,
    /// Approved points older than this many months expire (none if absent).
    #[serde(default)]
    pub expire_months: Option<u32>,
    pub stars: Vec<StarLevel>,
    pub rules: Vec<Rule>,
    /// When the book was last saved (ms; 0: never): what a save is `based_on`.
    #[serde(default)]
    pub version: i64,
    /// The village's shop, if it has one.
    #[serde(default)]
    pub shop: Option<String>,
}

/// `POST /api/v1/points/awards`: one rule applied to one household or many at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewAward {
    /// The phone's UUIDv7: the idempotency key.
    pub id: String,
    pub village: String,
    pub rule: String,
    pub households: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// Evidence: keys of photos uploaded first (`POST /api/v1/photos`).
    #[serde(default)]
    pub photos: Vec<String>,
}

impl NewAward {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        if self.households.is_empty() {
            out.push(problem(
                "households",
                "请至少选择一户",
                "choose at least one household",
            ));
        }
        if self.households.len() > MAX_AWARD_HOUSEHOLDS {
            out.push(problem(
                "households",
                "一次最多给 200 户记分",
                "at most 200 households at once",
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        if self
            .households
            .iter()
            .any(|h| !valid_id(h) || !seen.insert(h))
        {
            out.push(problem(
                "households",
                "户的编号有误或重复",
                "a household id is malformed or repeated",
            ));
        }
        if self.note.chars().count() > 500 {
            out.push(problem("note", "说明最多 500 字", "at most 500 characters"));
        }
        if self.photos.len() > 9 {
            out.push(problem("photos", "最多 9 张照片", "at most 9 photos"));
        }
        out
    }
}

/// The answer to a recorded award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AwardRecorded {
    pub id: String,
    /// The ledger entries, one per household, in the order sent.
    pub entries: Vec<String>,
    pub points: i64,
    /// Pending until a leader decides, after `notice_until`; approved at once with no
    /// notice period.
    pub state: AwardState,
    pub notice_until: i64,
}

/// `POST /api/v1/points/decisions`: a village leader approves or voids awards in notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decide {
    pub id: String,
    pub approve: bool,
    pub entries: Vec<String>,
    #[serde(default)]
    pub note: String,
}

impl Decide {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        let mut seen = std::collections::BTreeSet::new();
        if self.entries.is_empty()
            || self.entries.len() > MAX_DECISION_ENTRIES
            || self
                .entries
                .iter()
                .any(|e| e.len() > 160 || !seen.insert(e))
        {
            out.push(problem(
                "entries",
                "请选择 1 至 200 条待审核的积分",
                "choose 1 to 200 awards",
            ));
        }
        if self.note.chars().count() > 500 {
            out.push(problem("note", "说明最多 500 字", "at most 500 characters"));
        }
        out
    }
}

/// The answer to a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decided {
    pub id: String,
    pub approve: bool,
    pub entries: Vec<String>,
}

/// `POST /api/v1/points/entries/{id}/objections`: a resident of the village objects to an
/// award in public notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewObjection {
    pub id: String,
    pub reason: String,
}

impl NewObjection {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        let n = self.reason.trim().chars().count();
        if !(1..=500).contains(&n) {
            out.push(problem(
                "reason",
                "请写明异议理由（500 字以内）",
                "give a reason (up to 500 characters)",
            ));
        }
        out
    }
}

/// One award on the village board (公示栏). Household names are masked (张*明户).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardLine {
    pub entry: String,
    pub household: String,
    pub rule: String,
    pub points: i64,
    pub note: String,
    pub at: i64,
    pub notice_until: i64,
    pub state: AwardState,
    pub objections: u32,
}

/// `GET /api/v1/villages/{code}/points/board?cursor=`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Board {
    pub village: String,
    pub lines: Vec<BoardLine>,
    #[serde(default)]
    pub cursor: Option<String>,
}

/// 张德明 → 张*明户; 李明 → 李*户: the board shows whose household without naming it.
pub fn mask_household(head: &str) -> String {
    let chars: Vec<char> = head.trim().chars().collect();
    let masked = match chars.len() {
        0 => "*".to_owned(),
        1 | 2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    };
    format!("{masked}户")
}

/// One passbook line (积分存折): what happened, and the balances after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PassbookEntry {
    pub id: String,
    pub seq: u64,
    pub at: i64,
    pub kind: EntryKind,
    /// What the entry names: an award's points, a redemption's cost (negative) …
    pub points: i64,
    pub spendable_delta: i64,
    pub pending_delta: i64,
    pub spendable_after: i64,
    pub pending_after: i64,
    /// The rule's name (awards and their decisions).
    #[serde(default)]
    pub rule: Option<String>,
    pub note: String,
    /// Who recorded it (a name), if a person did.
    #[serde(default)]
    pub by: Option<String>,
    /// The entry this one settles or reverses, or the redemption it pays for.
    #[serde(default)]
    pub reference: Option<String>,
}

/// `GET /api/v1/households/{id}/passbook?cursor=`: balances and entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Passbook {
    pub household: String,
    pub spendable: i64,
    pub pending: i64,
    pub entries: Vec<PassbookEntry>,
    #[serde(default)]
    pub cursor: Option<String>,
}

/// `GET /api/v1/households/{id}/pass`: the household's QR pass. `text` is what the QR code
/// holds; the phone keeps it to show offline until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdPass {
    pub household: String,
    pub text: String,
    pub expires_at: i64,
}

/// Goods on a shop's shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Goods {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub photo: Option<String>,
    pub price: i64,
    pub stock: i64,
    pub active: bool,
}

/// `GET /api/v1/shops/{id}/goods`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Shop {
    pub id: String,
    pub village: String,
    pub name: String,
    pub goods: Vec<Goods>,
}

/// `PUT /api/v1/shops/{shop}/goods` body: a clerk adds or edits one good (by its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoodsSave {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub photo: Option<String>,
    pub price: i64,
    pub stock: i64,
    pub active: bool,
    /// The stock the clerk's screen showed: the save is refused (`goods_changed`) if a
    /// redemption changed it since, so no redemption is undone in the count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was_stock: Option<i64>,
}

impl GoodsSave {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        if !(1..=100).contains(&self.name.trim().chars().count()) {
            out.push(problem("name", "请填写商品名称", "name the goods"));
        }
        if !(1..=10).contains(&self.unit.trim().chars().count()) {
            out.push(problem("unit", "请填写单位，如 袋、瓶", "give a unit"));
        }
        if !(1..=100_000).contains(&self.price) {
            out.push(problem(
                "price",
                "兑换积分须在 1 至 100000 之间",
                "price must be 1 to 100000 points",
            ));
        }
        if !(0..=1_000_000).contains(&self.stock) {
            out.push(problem(
                "stock",
                "库存须在 0 至 1000000 之间",
                "stock must be 0 to 1000000",
            ));
        }
        out
    }
}

/// One line of a redemption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    pub goods: String,
    pub qty: i64,
}

/// `POST /api/v1/shops/{id}/redemptions`: the clerk redeems for a household, named by its
/// pass (scanned) or its id (looked up by name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Redeem {
    pub id: String,
    #[serde(default)]
    pub household: Option<String>,
    #[serde(default)]
    pub pass: Option<String>,
    pub items: Vec<Item>,
}

impl Redeem {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        if self.household.is_some() == self.pass.is_some() {
            out.push(problem(
                "household",
                "请扫描兑换码或按姓名选择一户",
                "scan a pass or choose a household",
            ));
        }
        if self.household.as_deref().is_some_and(|h| !valid_id(h)) {
            out.push(problem("household", "户的编号有误", "malformed household"));
        }
        let mut seen = std::collections::BTreeSet::new();
        if self.items.is_empty()
            || self.items.len() > MAX_ITEMS
            || self
                .items
                .iter()
                .any(|i| !valid_id(&i.goods) || !seen.insert(&i.goods))
        {
            out.push(problem(
                "items",
                "请选择 1 至 20 种商品（每种一行）",
                "choose 1 to 20 goods, each once",
            ));
        }
        if self.items.iter().any(|i| !(1..=1000).contains(&i.qty)) {
            out.push(problem(
                "items",
                "每种商品的数量须在 1 至 1000 之间",
                "each quantity must be 1 to 1000",
            ));
        }
        out
    }
}

/// A redeemed line with its price then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RedeemedItem {
    pub goods: String,
    pub name: String,
    pub qty: i64,
    pub price: i64,
}

/// A redemption as done (201), and in the clerk's list of the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Redemption {
    pub id: String,
    pub shop: String,
    pub household: String,
    /// The household as the clerk may see it (its head's name).
    pub household_name: String,
    pub items: Vec<RedeemedItem>,
    pub total: i64,
    /// What the household can still spend, right after.
    pub spendable_after: i64,
    pub at: i64,
    /// Reversed (goods returned) since.
    pub reversed: bool,
    /// When the goods came back, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_at: Option<i64>,
}

/// `POST /api/v1/redemptions/{id}/reverse` and `POST /api/v1/points/entries/{id}/reverse`:
/// a compensating entry under the phone's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reverse {
    pub id: String,
    #[serde(default)]
    pub note: String,
}

impl Reverse {
    pub fn problems(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if !valid_id(&self.id) {
            out.push(problem("id", "编号格式不对", "malformed id"));
        }
        if self.note.chars().count() > 500 {
            out.push(problem("note", "说明最多 500 字", "at most 500 characters"));
        }
        out
    }
}

/// The answer to a reversal: the compensating entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reversed {
    pub id: String,
    pub reverses: String,
    pub household: String,
    pub points: i64,
    pub spendable_after: i64,
}

/// A household the clerk finds by name in the shop's village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShopHousehold {
    pub id: String,
    /// The head's name.
    pub name: String,
    pub address: String,
    pub spendable: i64,
}

/// `GET /api/v1/shops/{id}/day?date=`: a day's redemptions, its returns and its
/// reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShopDay {
    pub shop: String,
    /// `YYYY-MM-DD`, Beijing time.
    pub date: String,
    pub redemptions: Vec<Redemption>,
    /// The redemptions whose goods came back this day, whichever day they were made.
    #[serde(default)]
    pub returns: Vec<Redemption>,
    pub lines: Vec<ReconLine>,
}

/// Goods out against points in, per good, for one day: what was redeemed that day less
/// what came back that day (negative when returns outweigh redemptions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReconLine {
    pub goods: String,
    pub name: String,
    pub qty: i64,
    pub points: i64,
}

/// Sums a day per good: its redemptions less its returns. A return counts on the day the
/// goods came back, so a day's figures, once the day is over, never change: yesterday's
/// sheet in the drawer still matches the screen.
pub fn reconcile(redemptions: &[Redemption], returns: &[Redemption]) -> Vec<ReconLine> {
    let mut lines: Vec<ReconLine> = Vec::new();
    let signed = redemptions
        .iter()
        .map(|r| (1, r))
        .chain(returns.iter().map(|r| (-1, r)));
    for (sign, r) in signed {
        for i in &r.items {
            let (qty, points) = (sign * i.qty, sign * i.qty * i.price);
            match lines.iter_mut().find(|l| l.goods == i.goods) {
                Some(l) => {
                    l.qty += qty;
                    l.points += points;
                }
                None => lines.push(ReconLine {
                    goods: i.goods.clone(),
                    name: i.name.clone(),
                    qty,
                    points,
                }),
            }
        }
    }
    lines.sort_by(|a, b| a.name.cmp(&b.name).then(a.goods.cmp(&b.goods)));
    lines
}

/// The reconciliation as CSV for Excel: every redemption and every return (negative), each
/// at its own time, then the totals per good.
pub fn reconciliation_csv(day: &ShopDay) -> String {
    const HEADER: [&str; 8] = [
        "时间",
        "兑换单号",
        "户",
        "商品",
        "数量",
        "单价（积分）",
        "积分",
        "状态",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Each redemption and each return on its own line, at its own time, signed.
    let redeemed = day.redemptions.iter().map(|r| (1, r.at, "已兑换", r));
    let returned = day
        .returns
        .iter()
        .map(|r| (-1, r.returned_at.unwrap_or(r.at), "已退回", r));
    for (sign, at, status, r) in redeemed.chain(returned) {
        for i in &r.items {
            rows.push(vec![
                crate::reports::ledger::beijing_time(at),
                r.id.clone(),
                r.household_name.clone(),
                i.name.clone(),
                (sign * i.qty).to_string(),
                i.price.to_string(),
                (sign * i.qty * i.price).to_string(),
                status.into(),
            ]);
        }
    }
    rows.push(vec![]);
    rows.push(vec![
        "合计".into(),
        String::new(),
        String::new(),
        "商品".into(),
        "出库数量".into(),
        String::new(),
        "收入积分".into(),
    ]);
    let (mut qty, mut points) = (0, 0);
    for l in reconcile(&day.redemptions, &day.returns) {
        qty += l.qty;
        points += l.points;
        rows.push(vec![
            String::new(),
            String::new(),
            String::new(),
            l.name,
            l.qty.to_string(),
            String::new(),
            l.points.to_string(),
        ]);
    }
    rows.push(vec![
        day.date.clone(),
        String::new(),
        String::new(),
        "全部".into(),
        qty.to_string(),
        String::new(),
        points.to_string(),
    ]);
    crate::admin::to_csv(&HEADER, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_masks_household_names() {
        assert_eq!(mask_household("张德明"), "张*明户");
        assert_eq!(mask_household("李明"), "李*户");
        assert_eq!(mask_household("欧阳春晓"), "欧**晓户");
        assert_eq!(mask_household("王"), "王*户");
        assert_eq!(mask_household(""), "*户");
    }

    #[test]
    fn periods_follow_beijing_time() {
        // 2026-12-31 16:30 UTC is already 2027-01-01 in Beijing.
        let new_year = 1_798_734_600_000;
        assert_eq!(Period::Month.key(new_year), "2027-01");
        assert_eq!(Period::Quarter.key(new_year), "2027-Q1");
        assert_eq!(Period::Year.key(new_year - 3_600_000), "2026");
        assert_eq!(quarter_of(new_year - 3_600_000), "2026-Q4");
    }

    #[test]
    fn quarters_have_beijing_bounds() {
        let (start, end) = quarter_bounds("2026-Q4").expect("a quarter");
        assert_eq!(Period::Quarter.key(start), "2026-Q4");
        assert_eq!(Period::Quarter.key(start - 1), "2026-Q3");
        assert_eq!(Period::Quarter.key(end - 1), "2026-Q4");
        assert_eq!(Period::Quarter.key(end), "2027-Q1");
        assert_eq!(quarter_bounds("2026-Q5"), None);
        assert_eq!(quarter_bounds("2026"), None);
    }

    #[test]
    fn a_rule_book_says_every_problem() {
        let rule = |code: &str, points, limit, period| Rule {
            code: code.into(),
            name: "参加义务劳动".into(),
            category: "公益".into(),
            points,
            limit,
            period,
            evidence: false,
        };
        let book = RuleBookSave {
            notice_days: 7,
            expire_months: None,
            stars: vec![],
            rules: vec![rule("gy-01", 5, Some(4), Some(Period::Month))],
            based_on: None,
        };
        assert!(book.problems().is_empty());
        let bad = RuleBookSave {
            notice_days: 31,
            expire_months: Some(0),
            stars: vec![StarLevel {
                stars: 1,
                min_points: -1,
            }],
            rules: vec![
                rule("gy-01", 0, Some(4), None),
                rule("gy-01", 5, None, None),
            ],
            ..book
        };
        let fields: Vec<String> = bad.problems().into_iter().filter_map(|d| d.field).collect();
        assert_eq!(
            fields,
            [
                "notice_days",
                "expire_months",
                "stars",
                "rules[0].points",
                "rules[0].limit",
                "rules[1].code"
            ]
        );
    }

    #[test]
    fn a_save_is_known_in_the_book_it_left() {
        let rule = Rule {
            code: "gy-01".into(),
            name: " 参加义务劳动 ".into(),
            category: "公益".into(),
            points: 5,
            limit: None,
            period: None,
            evidence: false,
        };
        let save = RuleBookSave {
            notice_days: 7,
            expire_months: Some(12),
            stars: vec![StarLevel {
                stars: 3,
                min_points: 20,
            }],
            rules: vec![rule.clone()],
            based_on: Some(1),
        };
        let book = RuleBook {
            village: "990101001003".into(),
            village_name: "东山村".into(),
            notice_days: 7,
            expire_months: Some(12),
            stars: save.stars.clone(),
            rules: vec![Rule {
                name: "参加义务劳动".into(),
                ..rule.clone()
            }],
            version: 2,
            shop: None,
        };
        assert!(save.is_saved_in(&book));
        for other in [
            RuleBook {
                notice_days: 0,
                ..book.clone()
            },
            RuleBook {
                rules: vec![],
                ..book.clone()
            },
            RuleBook {
                rules: vec![Rule {
                    points: 6,
                    ..rule.clone()
                }],
                ..book.clone()
            },
        ] {
            assert!(!save.is_saved_in(&other));
        }
    }

    #[test]
    fn star_thresholds_are_positive_rising_and_one_per_level() {
        let book = |stars: &[(u8, i64)]| RuleBookSave {
            notice_days: 7,
            expire_months: None,
            stars: stars
                .iter()
                .map(|&(stars, min_points)| StarLevel { stars, min_points })
                .collect(),
            rules: vec![],
            based_on: None,
        };
        assert!(book(&[(3, 60), (1, 20), (5, 100)]).problems().is_empty());
        for bad in [
            &[(1, 0)][..],
            &[(1, -1)],
            &[(1, 30), (2, 30)],
            &[(1, 50), (2, 30)],
            &[(2, 30), (2, 40)],
        ] {
            let fields: Vec<_> = book(bad)
                .problems()
                .into_iter()
                .filter_map(|d| d.field)
                .collect();
            assert_eq!(fields, ["stars"], "{bad:?}");
        }
    }

    #[test]
    fn stars_take_the_highest_threshold_met() {
        let levels = [
            StarLevel {
                stars: 3,
                min_points: 60,
            },
            StarLevel {
                stars: 5,
                min_points: 100,
            },
            StarLevel {
                stars: 4,
                min_points: 80,
            },
        ];
        assert_eq!(stars_for(&levels, 59), 0);
        assert_eq!(stars_for(&levels, 85), 4);
        assert_eq!(stars_for(&levels, 100), 5);
        assert_eq!(stars_for(&[], 1_000), 0);
    }

    #[test]
    fn reconciliation_nets_out_returns() {
        let item = |g: &str, qty, price| RedeemedItem {
            goods: g.into(),
            name: g.to_uppercase(),
            qty,
            price,
        };
        let r = |id: &str, items, returned_at: Option<i64>| Redemption {
            id: id.into(),
            shop: "s".into(),
            household: "h".into(),
            household_name: "张德明".into(),
            items,
            total: 0,
            spendable_after: 0,
            at: 0,
            reversed: returned_at.is_some(),
            returned_at,
        };
        let same_day = r("3", vec![item("salt", 9, 3)], Some(60_000));
        let yesterdays = r("0", vec![item("soap", 4, 5)], Some(120_000));
        let day = ShopDay {
            shop: "s".into(),
            date: "2026-11-23".into(),
            redemptions: vec![
                r("1", vec![item("soap", 2, 5), item("salt", 1, 3)], None),
                r("2", vec![item("soap", 1, 5)], None),
                same_day.clone(),
            ],
            // Returned today: one of today's, and one redeemed on an earlier day.
            returns: vec![same_day, yesterdays],
            lines: vec![],
        };
        let lines = reconcile(&day.redemptions, &day.returns);
        assert_eq!(
            lines
                .iter()
                .map(|l| (l.goods.as_str(), l.qty, l.points))
                .collect::<Vec<_>>(),
            [("salt", 1, 3), ("soap", -1, -5)]
        );
        let csv = reconciliation_csv(&day);
        assert!(csv.contains(",0,张德明,SOAP,-4,5,-20,已退回"), "{csv}");
        assert!(csv.contains(",3,张德明,SALT,9,3,27,已兑换"), "{csv}");
        assert!(csv.contains(",3,张德明,SALT,-9,3,-27,已退回"), "{csv}");
        assert!(csv.contains("2026-11-23,,,全部,0,,-2"), "{csv}");
    }
}
