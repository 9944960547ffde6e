//! Personal data (PIPL): what a resident can see and take away about their household, their
//! request to delete it, and the log of which staff account read or changed whose data.

use crate::accounts::Me;
use crate::households::Household;
use serde::{Deserialize, Serialize};

/// What a staff account did with personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccessAction {
    Read,
    Change,
    Export,
    Import,
    Anonymise,
}

impl AccessAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Change => "change",
            Self::Export => "export",
            Self::Import => "import",
            Self::Anonymise => "anonymise",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Read => "查看",
            Self::Change => "修改",
            Self::Export => "导出",
            Self::Import => "导入",
            Self::Anonymise => "匿名化",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Read => "Read",
            Self::Change => "Changed",
            Self::Export => "Exported",
            Self::Import => "Imported",
            Self::Anonymise => "Anonymised",
        }
    }
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccessEntry {
    pub id: String,
    /// UTC milliseconds.
    pub at: i64,
    pub login: String,
    pub name: String,
    pub action: AccessAction,
    /// `household:<id>`, `grid:<code>` (a register), `list:<name>` (a file), `deletion:<id>`.
    pub subject: String,
}

/// `GET /api/v1/admin/access-log[?after=<id>]`: newest first; `next` continues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccessPage {
    pub items: Vec<AccessEntry>,
    pub next: Option<String>,
}

/// `POST /api/v1/me/deletion-request` body: said on purpose, not by a stray tap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AskDeletion {
    pub confirm: bool,
}

/// A resident's request to delete their household's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeletionRequest {
    pub id: String,
    pub household_id: String,
    /// The household's address (until it is anonymised).
    pub address: String,
    pub requested_at: i64,
    pub done_at: Option<i64>,
}

/// An activation of the household's phone, as its resident may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActivationRecord {
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// `GET /api/v1/me/data`: everything stored about the signed-in account and its household,
/// as a JSON download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyData {
    pub exported_at: i64,
    pub account: Me,
    pub household: Option<Household>,
    pub activations: Vec<ActivationRecord>,
    /// Which staff read or changed the household's data, newest first (up to 500).
    pub access: Vec<AccessEntry>,
    pub deletion: Option<DeletionRequest>,
}

/// What anonymisation leaves in place of a name and an address: rows stay, so reports and
/// points that refer to the household keep their shape.
pub const ANONYMISED_NAME: &str = "已注销";
pub const ANONYMISED_ADDRESS: &str = "（已注销）";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_stored_by_their_wire_names() {
        for a in [
            AccessAction::Read,
            AccessAction::Change,
            AccessAction::Export,
            AccessAction::Import,
            AccessAction::Anonymise,
        ] {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
            assert!(!a.label_zh().is_empty() && !a.label_en().is_empty());
        }
    }
}
