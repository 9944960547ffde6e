//! 办事指南: the service guide's items as they travel (one type for the Worker and the
//! SPA), the search keys that let a phone search in pinyin without a pinyin table, and the
//! search itself (`search`).

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
    #[serde(default)]
    pub notes: String,
    /// A grid worker can collect it at home (帮办代办).
    #[serde(default)]
    pub collectable: bool,
}

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    pub name: String,
    #[serde(default)]
    pub detail: String,
    /// Working days the office promises for this step, if it says.
    #[serde(default)]
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

/// One service-guide item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuideItem {
    pub code: String,
    pub name: String,
    /// The words people actually say (养老金 for 城乡居民基本养老保险待遇领取).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub department: String,
    pub events: Vec<LifeEvent>,
    pub audience: Vec<Audience>,
    #[serde(default)]
    pub conditions: String,
    pub materials: Vec<Material>,
    pub steps: Vec<Step>,
    /// Working days promised (承诺时限) and allowed by law (法定时限).
    pub promised_days: Option<u16>,
    pub legal_days: Option<u16>,
    #[serde(default)]
    pub fees: String,
    pub place: String,
    pub hours: String,
    pub phone: String,
    #[serde(default)]
    pub online: String,
    /// 到现场次数: how many times one must go in person.
    pub visits: u8,
    #[serde(default)]
    pub legal_basis: String,
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// A grid worker can run it as an errand (可代办).
    pub errand: bool,
    pub updated_at: i64,
    /// Raised by every edit; an edit names the version it started from.
    pub version: u32,
    #[serde(default)]
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
