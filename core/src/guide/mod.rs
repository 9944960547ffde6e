//! 办事指南: the service guide's items as they travel (one type for the Worker and the
//! SPA), the rules a saved item must pass, the search keys that let a phone search in
//! pinyin without a pinyin table, and the search itself (`search`).

pub mod search;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

/// Life events an item is filed under (how residents browse).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LifeEvent {
    Birth,
    School,
    Work,
    Marriage,
    Hukou,
    Insurance,
    Elderly,
    Disability,
    Assistance,
    Farming,
    Housing,
    Funeral,
}

impl LifeEvent {
    pub const ALL: [LifeEvent; 12] = [
        LifeEvent::Birth,
        LifeEvent::School,
        LifeEvent::Work,
        LifeEvent::Marriage,
        LifeEvent::Hukou,
        LifeEvent::Insurance,
        LifeEvent::Elderly,
        LifeEvent::Disability,
        LifeEvent::Assistance,
        LifeEvent::Farming,
        LifeEvent::Housing,
        LifeEvent::Funeral,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            LifeEvent::Birth => "生育",
            LifeEvent::School => "入学",
            LifeEvent::Work => "就业",
            LifeEvent::Marriage => "婚姻",
            LifeEvent::Hukou => "户籍",
            LifeEvent::Insurance => "社保医保",
            LifeEvent::Elderly => "养老",
            LifeEvent::Disability => "残疾人",
            LifeEvent::Assistance => "低保救助",
            LifeEvent::Farming => "农业补贴",
            LifeEvent::Housing => "建房",
            LifeEvent::Funeral => "殡葬",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            LifeEvent::Birth => "Having a baby",
            LifeEvent::School => "Starting school",
            LifeEvent::Work => "Work",
            LifeEvent::Marriage => "Marriage",
            LifeEvent::Hukou => "Household registration",
            LifeEvent::Insurance => "Social and medical insurance",
            LifeEvent::Elderly => "Old age",
            LifeEvent::Disability => "Disability",
            LifeEvent::Assistance => "Subsistence and relief",
            LifeEvent::Farming => "Farm subsidies",
            LifeEvent::Housing => "Building a house",
            LifeEvent::Funeral => "Funerals",
        }
    }
}

/// Who an item is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 个人
    Person,
    /// 企业
    Business,
}

/// Whether the office wants to see the original, a copy, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaterialForm {
    Original,
    Copy,
    Both,
}

/// One thing to bring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Material {
    pub name: String,
    pub form: MaterialForm,
    pub copies: u8,
    pub notes: String,
    /// A grid worker can collect it at home (帮办代办).
    pub collectable: bool,
}

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    pub name: String,
    pub detail: String,
    /// Working days the office promises for this step, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Faq {
    pub q: String,
    pub a: String,
}

/// The pinyin of an item's name and aliases, computed by the Worker whenever the item is
/// saved: one entry per character, its toneless readings joined by `|` (empty for a
/// character that is not Han). Heteronyms are settled by phrase where the Worker knows the
/// phrase (重新 → `chong`, 重量 → `zhong`), otherwise every reading is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Keys {
    pub name: Vec<String>,
    /// One list per alias, in order.
    pub aliases: Vec<Vec<String>>,
}

/// One service-guide item: one contract in and out (a save sends the item as it was read,
/// keys and all; the server recomputes the keys). Every field is present except a time
/// limit nobody states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideItem {
    pub code: String,
    pub name: String,
    /// The words people actually say (养老金 for 城乡居民基本养老保险待遇领取).
    pub aliases: Vec<String>,
    pub department: String,
    pub events: Vec<LifeEvent>,
    pub audience: Vec<Audience>,
    pub conditions: String,
    pub materials: Vec<Material>,
    pub steps: Vec<Step>,
    /// Working days promised (承诺时限) and allowed by law (法定时限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised_days: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_days: Option<u16>,
    pub fees: String,
    pub place: String,
    pub hours: String,
    pub phone: String,
    pub online: String,
    /// 到现场次数: how many times one must go in person.
    pub visits: u8,
    pub legal_basis: String,
    pub faq: Vec<Faq>,
    /// A grid worker can run it as an errand (可代办).
    pub errand: bool,
    pub updated_at: i64,
    /// Raised by every edit; an edit names the version it started from.
    pub version: u32,
    pub keys: Keys,
}

/// Phrases whose heteronyms are read one way (the pinyin table alone cannot tell 重新 from
/// 重量). Domain words first; extend as items need.
pub const PHRASES: &[(&str, &[&str])] = &[
    ("重新", &["chong", "xin"]),
    ("重量", &["zhong", "liang"]),
    ("重大", &["zhong", "da"]),
    ("重度", &["zhong", "du"]),
    ("重病", &["zhong", "bing"]),
    ("重点", &["zhong", "dian"]),
    ("补发", &["bu", "fa"]),
    ("发放", &["fa", "fang"]),
    ("头发", &["tou", "fa"]),
    ("银行", &["yin", "hang"]),
    ("行业", &["hang", "ye"]),
    ("行政", &["xing", "zheng"]),
    ("还款", &["huan", "kuan"]),
    ("还贷", &["huan", "dai"]),
    ("单位", &["dan", "wei"]),
    ("参保", &["can", "bao"]),
    ("参加", &["can", "jia"]),
    ("调解", &["tiao", "jie"]),
    ("调查", &["diao", "cha"]),
    ("长期", &["chang", "qi"]),
    ("家长", &["jia", "zhang"]),
    ("村长", &["cun", "zhang"]),
    ("校长", &["xiao", "zhang"]),
    ("便民", &["bian", "min"]),
    ("着落", &["zhuo", "luo"]),
    ("地区", &["di", "qu"]),
    ("乐业", &["le", "ye"]),
    ("给付", &["ji", "fu"]),
    ("供给", &["gong", "ji"]),
    ("种植", &["zhong", "zhi"]),
    ("种粮", &["zhong", "liang"]),
    ("种类", &["zhong", "lei"]),
    ("朝阳", &["zhao", "yang"]),
    ("曾孙", &["zeng", "sun"]),
    ("宅基地", &["zhai", "ji", "di"]),
];

/// The search keys of `text` (see `Keys`): each character's readings from `table`, with
/// `PHRASES` deciding heteronyms where one of them occurs.
pub fn readings(text: &str, table: impl Fn(char) -> Vec<String>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = chars
        .iter()
        .map(|c| {
            let mut r = table(*c);
            r.dedup();
            r.join("|")
        })
        .collect();
    for (phrase, read) in PHRASES {
        let p: Vec<char> = phrase.chars().collect();
        if p.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - p.len() {
            if chars[start..start + p.len()] == p[..] {
                for (k, r) in read.iter().enumerate() {
                    out[start + k] = (*r).to_owned();
                }
            }
        }
    }
    out
}

/// `GET /api/v1/guide?since=<cursor>`: what changed since the phone's last sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideDelta {
    /// Items added or changed, in change order.
    pub items: Vec<GuideItem>,
    /// Codes withdrawn since the cursor.
    pub withdrawn: Vec<String>,
    /// Send it back as `since` next time.
    pub cursor: String,
    /// More changes wait: ask again at once with the new cursor.
    pub more: bool,
}

/// `PUT /api/v1/guide/{code}`: an item as an administrator saves it. `item.version` is the
/// version the edit started from (0 for a new item): if the item has moved on since, 409.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideSave {
    pub item: GuideItem,
    /// Withdraw it (residents no longer see it; history keeps it), or bring it back.
    #[serde(default)]
    pub withdrawn: bool,
}

/// One saved version (`GET /api/v1/guide/{code}/versions`, newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideVersion {
    pub version: u32,
    pub withdrawn: bool,
    pub saved_at: i64,
    /// The administrator's name, if known.
    pub saved_by: Option<String>,
    pub item: GuideItem,
}

/// One line of the administrators' list of items (`GET /api/v1/admin/guide`), withdrawn
/// ones included: enough to find an item and see its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideEntry {
    pub code: String,
    pub name: String,
    pub department: String,
    pub version: u32,
    pub withdrawn: bool,
    pub updated_at: i64,
}

/// A page of `GuideEntry` in code order; `next` is the `after` of the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideEntryPage {
    pub items: Vec<GuideEntry>,
    pub next: Option<String>,
}

/// Longest text of a paragraph field (conditions, legal basis, an answer).
pub const MAX_PARAGRAPH: usize = 2000;

impl GuideItem {
    /// The fields that differ from `other`, by wire name, in form order: what an
    /// administrator changed between two versions (the version, date and keys follow).
    pub fn changed_fields(&self, other: &GuideItem) -> Vec<&'static str> {
        let pairs: [(&'static str, bool); 20] = [
            ("code", self.code != other.code),
            ("name", self.name != other.name),
            ("aliases", self.aliases != other.aliases),
            ("department", self.department != other.department),
            ("events", self.events != other.events),
            ("audience", self.audience != other.audience),
            ("conditions", self.conditions != other.conditions),
            ("materials", self.materials != other.materials),
            ("steps", self.steps != other.steps),
            ("promised_days", self.promised_days != other.promised_days),
            ("legal_days", self.legal_days != other.legal_days),
            ("fees", self.fees != other.fees),
            ("place", self.place != other.place),
            ("hours", self.hours != other.hours),
            ("phone", self.phone != other.phone),
            ("online", self.online != other.online),
            ("visits", self.visits != other.visits),
            ("legal_basis", self.legal_basis != other.legal_basis),
            ("faq", self.faq != other.faq),
            ("errand", self.errand != other.errand),
        ];
        pairs
            .into_iter()
            .filter(|(_, changed)| *changed)
            .map(|(f, _)| f)
            .collect()
    }

    /// Every rule a saved item breaks, each under its field (empty: fine).
    pub fn problems(&self) -> Vec<crate::problem::Detail> {
        let mut out = Vec::new();
        let mut bad = |field: String, zh: &str, en: &str| {
            out.push(crate::problem::Detail {
                line: None,
                field: Some(field),
                message_zh: zh.to_owned(),
                message_en: en.to_owned(),
            })
        };
        let slug = |s: &str| {
            !s.is_empty()
                && s.len() <= 40
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let line = |s: &str, max: usize| {
            let n = s.trim().chars().count();
            n >= 1 && n <= max && !s.chars().any(char::is_control)
        };
        let text = |s: &str, max: usize| s.chars().count() <= max;
        // `new` is the address of the form for a new item (`/admin/guide/new`).
        if !slug(&self.code) || self.code == "new" {
            bad(
                "code".into(),
                "编号只能用小写英文字母、数字和 -，最多 40 个字符，且不能是 new",
                "a code is 1 to 40 of a-z, 0-9 and -, and not new",
            );
        }
        if !line(&self.name, 100) {
            bad(
                "name".into(),
                "事项名称应为 1 到 100 个字",
                "the name is 1 to 100 characters",
            );
        }
        if self.aliases.len() > 10 {
            bad("aliases".into(), "别名最多 10 个", "at most 10 aliases");
        }
        for (i, a) in self.aliases.iter().enumerate() {
            if !line(a, 30) {
                bad(
                    format!("aliases[{i}]"),
                    "别名应为 1 到 30 个字",
                    "an alias is 1 to 30 characters",
                );
            }
        }
        if !line(&self.department, 50) {
            bad(
                "department".into(),
                "请填写办理部门（最多 50 个字）",
                "give the department (at most 50 characters)",
            );
        }
        if self.events.is_empty() {
            bad(
                "events".into(),
                "至少选一个人生事件",
                "choose at least one life event",
            );
        }
        if self.audience.is_empty() {
            bad(
                "audience".into(),
                "请选择服务对象（个人或企业）",
                "choose who it is for",
            );
        }
        for (i, m) in self.materials.iter().enumerate() {
            if !line(&m.name, 60) || !text(&m.notes, 200) {
                bad(
                    format!("materials[{i}]"),
                    "材料名称应为 1 到 60 个字，备注最多 200 个字",
                    "a material is 1 to 60 characters, notes at most 200",
                );
            }
        }
        if self.materials.len() > 30 {
            bad("materials".into(), "材料最多 30 项", "at most 30 materials");
        }
        if self.steps.is_empty() || self.steps.len() > 20 {
            bad("steps".into(), "办理流程应有 1 到 20 步", "1 to 20 steps");
        }
        for (i, s) in self.steps.iter().enumerate() {
            if !line(&s.name, 30) || !text(&s.detail, 500) {
                bad(
                    format!("steps[{i}]"),
                    "步骤名称应为 1 到 30 个字，说明最多 500 个字",
                    "a step is 1 to 30 characters, its detail at most 500",
                );
            }
        }
        if let (Some(p), Some(l)) = (self.promised_days, self.legal_days) {
            if p > l {
                bad(
                    "promised_days".into(),
                    "承诺时限不能长于法定时限",
                    "the promised time cannot exceed the legal time",
                );
            }
        }
        if !line(&self.place, 200) {
            bad(
                "place".into(),
                "请填写办理地点（最多 200 个字）",
                "give the place (at most 200 characters)",
            );
        }
        if !text(&self.hours, 200) || !text(&self.fees, 200) || !text(&self.online, 300) {
            bad(
                "hours".into(),
                "办公时间、收费、网址过长",
                "hours, fees or link too long",
            );
        }
        if !self.phone.is_empty() && !crate::households::valid_phone(&self.phone) {
            bad(
                "phone".into(),
                "电话只能有数字和短横线",
                "a phone is digits and dashes",
            );
        }
        if self.visits > 5 {
            bad("visits".into(), "到现场次数最多 5 次", "at most 5 visits");
        }
        if !text(&self.conditions, MAX_PARAGRAPH) || !text(&self.legal_basis, MAX_PARAGRAPH) {
            bad(
                "conditions".into(),
                "申请条件或法律依据过长",
                "conditions or legal basis too long",
            );
        }
        if self.faq.len() > 20
            || self
                .faq
                .iter()
                .any(|f| !line(&f.q, 200) || !text(&f.a, MAX_PARAGRAPH))
        {
            bad(
                "faq".into(),
                "常见问题最多 20 条，问题 1 到 200 个字",
                "at most 20 questions of 1 to 200 characters",
            );
        }
        out
    }
}

/// The search keys of an item's name and aliases from `table` (a character's readings).
pub fn keys(item: &GuideItem, table: impl Fn(char) -> Vec<String> + Copy) -> Keys {
    Keys {
        name: readings(&item.name, table),
        aliases: item.aliases.iter().map(|a| readings(a, table)).collect(),
    }
}

/// A character's readings from the `pinyin` crate (toneless; every heteronym).
#[cfg(any(test, feature = "pinyin"))]
pub fn pinyin_table(c: char) -> Vec<String> {
    use pinyin::ToPinyinMulti;
    c.to_pinyin_multi()
        .map(|m| m.into_iter().map(|p| p.plain().to_owned()).collect())
        .unwrap_or_default()
}
