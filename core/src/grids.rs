//! The grid directory (网格目录): the territory tree, the people serving each grid,
//! and the rules on them — grid codes, tree shape, the directory filter, phone masking.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Levels of the territory, top down. A grid code's length tells its level:
/// 6 digits county, 9 township, 12 village/community, 15 base or dedicated grid —
/// each level appends a 3-digit segment to its parent's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GridLevel {
    County,
    Township,
    Village,
    Grid,
}

impl GridLevel {
    pub const ALL: [GridLevel; 4] = [Self::County, Self::Township, Self::Village, Self::Grid];

    pub fn code_len(self) -> usize {
        match self {
            Self::County => 6,
            Self::Township => 9,
            Self::Village => 12,
            Self::Grid => 15,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::County => "县",
            Self::Township => "镇/街道",
            Self::Village => "村/社区",
            Self::Grid => "网格",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::County => "County",
            Self::Township => "Township",
            Self::Village => "Village / community",
            Self::Grid => "Grid",
        }
    }
}

/// Basic grids cover territory; dedicated grids (专属网格) cover a school, market, company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GridKind {
    Basic,
    Dedicated,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GridCodeError {
    #[error("grid code must be 6, 9, 12 or 15 ASCII digits")]
    Malformed,
}

/// A validated grid code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GridCode(String);

impl GridCode {
    pub fn parse(raw: &str) -> Result<Self, GridCodeError> {
        let ok = raw.bytes().all(|b| b.is_ascii_digit())
            && GridLevel::ALL.iter().any(|l| l.code_len() == raw.len());
        if ok {
            Ok(GridCode(raw.to_owned()))
        } else {
            Err(GridCodeError::Malformed)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> GridLevel {
        GridLevel::ALL
            .into_iter()
            .find(|l| l.code_len() == self.0.len())
            .unwrap_or(GridLevel::Grid)
    }

    /// The parent's code (a county has none).
    pub fn parent(&self) -> Option<GridCode> {
        (self.0.len() > GridLevel::County.code_len())
            .then(|| GridCode(self.0[..self.0.len() - 3].to_owned()))
    }

    /// Codes of all ancestors, root first.
    pub fn ancestors(&self) -> Vec<GridCode> {
        let mut out = Vec::new();
        let mut cur = self.parent();
        while let Some(c) = cur {
            cur = c.parent();
            out.push(c);
        }
        out.reverse();
        out
    }
}

impl std::fmt::Display for GridCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One node of the tree, as listed by `GET /api/v1/grids`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridNode {
    pub code: String,
    pub parent: Option<String>,
    pub name: String,
    pub level: GridLevel,
    pub kind: GridKind,
    /// What the grid covers, in words residents know (streets, groups, buildings).
    pub scope: String,
}

/// `GET /api/v1/grids`: every node, sorted by code — which, codes being hierarchical,
/// is also depth-first pre-order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridTree {
    pub nodes: Vec<GridNode>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    #[error("malformed code {0}")]
    MalformedCode(String),
    #[error("duplicate code {0}")]
    Duplicate(String),
    #[error("{0}: parent does not match its code")]
    WrongParent(String),
    #[error("{0}: parent is missing")]
    MissingParent(String),
    #[error("{0}: level does not match its code")]
    WrongLevel(String),
    #[error("nodes are not sorted by code")]
    Unsorted,
}

impl GridTree {
    /// Checks the invariants the SPA relies on.
    pub fn check(&self) -> Result<(), TreeError> {
        let mut seen = BTreeSet::new();
        for n in &self.nodes {
            let code =
                GridCode::parse(&n.code).map_err(|_| TreeError::MalformedCode(n.code.clone()))?;
            if code.level() != n.level {
                return Err(TreeError::WrongLevel(n.code.clone()));
            }
            if code.parent().map(|p| p.0) != n.parent {
                return Err(TreeError::WrongParent(n.code.clone()));
            }
            if let Some(p) = &n.parent {
                if !seen.contains(p.as_str()) {
                    // Sorted order puts a parent before its children.
                    return Err(TreeError::MissingParent(n.code.clone()));
                }
            }
            if !seen.insert(n.code.as_str()) {
                return Err(TreeError::Duplicate(n.code.clone()));
            }
        }
        if !self.nodes.windows(2).all(|w| w[0].code < w[1].code) {
            return Err(TreeError::Unsorted);
        }
        Ok(())
    }

    pub fn get(&self, code: &str) -> Option<&GridNode> {
        self.nodes
            .binary_search_by(|n| n.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.nodes[i])
    }

    /// Direct children of `parent` (`None`: the roots), in code order.
    pub fn children<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a GridNode> {
        self.nodes
            .iter()
            .filter(move |n| n.parent.as_deref() == parent)
    }

    /// The directory filter: which nodes to show for what the user typed.
    ///
    /// Every whitespace-separated term must appear in the node's own name, scope or code,
    /// or in an ancestor's name — so "东岗 二" finds 东岗村第二网格, and "东岗村" finds the
    /// village with all its grids. Matches come with their ancestors so the tree keeps its
    /// context. An empty query shows everything.
    pub fn filter(&self, query: &str) -> BTreeSet<String> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return self.nodes.iter().map(|n| n.code.clone()).collect();
        }
        let by_code: HashMap<&str, &GridNode> =
            self.nodes.iter().map(|n| (n.code.as_str(), n)).collect();
        let mut visible = BTreeSet::new();
        for n in &self.nodes {
            let mut hay = format!("{} {} {}", n.name, n.scope, n.code).to_lowercase();
            let mut parent = n.parent.as_deref();
            while let Some(p) = parent.and_then(|p| by_code.get(p)) {
                hay.push(' ');
                hay.push_str(&p.name.to_lowercase());
                parent = p.parent.as_deref();
            }
            if terms.iter().all(|t| hay.contains(t.as_str())) {
                visible.insert(n.code.clone());
                let mut parent = n.parent.as_deref();
                while let Some(p) = parent {
                    visible.insert(p.to_owned());
                    parent = by_code.get(p).and_then(|p| p.parent.as_deref());
                }
            }
        }
        visible
    }
}

/// What someone does for a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    GridLeader,
    GridWorker,
    Instructor,
    MicroGridLeader,
    Police,
    Mediator,
    Supervisor,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Self::GridLeader,
        Self::GridWorker,
        Self::Instructor,
        Self::MicroGridLeader,
        Self::Police,
        Self::Mediator,
        Self::Supervisor,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GridLeader => "grid_leader",
            Self::GridWorker => "grid_worker",
            Self::Instructor => "instructor",
            Self::MicroGridLeader => "micro_grid_leader",
            Self::Police => "police",
            Self::Mediator => "mediator",
            Self::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::GridLeader => "网格长",
            Self::GridWorker => "网格员",
            Self::Instructor => "网格指导员",
            Self::MicroGridLeader => "微网格长",
            Self::Police => "社区民警",
            Self::Mediator => "调解员",
            Self::Supervisor => "监督员",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::GridLeader => "Grid leader",
            Self::GridWorker => "Grid worker",
            Self::Instructor => "Grid instructor",
            Self::MicroGridLeader => "Micro-grid leader",
            Self::Police => "Community police officer",
            Self::Mediator => "Mediator",
            Self::Supervisor => "Supervisor",
        }
    }
}

/// A person on a grid card (四公开: name, position, phone, service commitment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridPerson {
    /// The person's id (for an administrator recording phone consent).
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Masked by the server (`138****5678`) unless `phone_public`.
    pub phone: String,
    /// The person agreed to show their work phone in full (四公开), so residents can call.
    #[serde(default)]
    pub phone_public: bool,
    pub commitment: String,
}

/// `GET /api/v1/grids/{code}`: one grid's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridCard {
    pub grid: GridNode,
    pub households: Option<u32>,
    /// Ancestors, root first.
    pub chain: Vec<GridNode>,
    pub children: Vec<GridNode>,
    pub people: Vec<GridPerson>,
}

/// The SPA route of a grid's card; the QR code on its poster opens this.
pub fn card_path(code: &str) -> String {
    format!("/g/{code}")
}

/// Masks a phone number for showing to others: at least four digits are always hidden;
/// of the rest, up to the last four and then the first three stay visible
/// (`13812345678` → `138****5678`, `55512345` → `****2345`). Any Unicode digit counts as
/// a digit (a full-width `１３８…` typed with a Chinese IME is masked too); other
/// characters (dashes, spaces) stay put.
pub fn mask_phone(raw: &str) -> String {
    let is_digit = |c: &char| c.is_numeric();
    let digits = raw.chars().filter(is_digit).count();
    let keep_tail = 4.min(digits.saturating_sub(4));
    let keep_head = 3.min(digits.saturating_sub(4 + keep_tail));
    let mut seen = 0;
    raw.chars()
        .map(|c| {
            if !is_digit(&c) {
                return c;
            }
            seen += 1;
            if seen <= keep_head || seen > digits - keep_tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn node(code: &str, name: &str, scope: &str) -> GridNode {
        let c = GridCode::parse(code).unwrap();
        GridNode {
            code: code.into(),
            parent: c.parent().map(|p| p.to_string()),
            name: name.into(),
            level: c.level(),
            kind: GridKind::Basic,
            scope: scope.into(),
        }
    }

    fn sample() -> GridTree {
        GridTree {
            nodes: vec![
                node("990101", "禾丰县", ""),
                node("990101001", "柳塘镇", ""),
                node("990101001001", "东岗村", ""),
                node("990101001001001", "东岗村第一网格", "一组、二组"),
                node("990101001001002", "东岗村第二网格", "三组、四组"),
                node("990101001002", "新桥社区", ""),
                node("990101001002001", "新桥社区第一网格", "幸福路1-20号"),
            ],
        }
    }

    #[test]
    fn codes_parse_by_length_and_digits() {
        assert_eq!(
            GridCode::parse("990101").unwrap().level(),
            GridLevel::County
        );
        assert_eq!(
            GridCode::parse("990101001001001").unwrap().level(),
            GridLevel::Grid
        );
        for bad in [
            "",
            "99010",
            "9901011",
            "99010a",
            "９９０１０１",
            "990101001001001001",
        ] {
            assert_eq!(GridCode::parse(bad), Err(GridCodeError::Malformed), "{bad}");
        }
    }

    #[test]
    fn parent_and_ancestors_follow_the_code() {
        let c = GridCode::parse("990101001002001").unwrap();
        assert_eq!(c.parent().unwrap().as_str(), "990101001002");
        let chain: Vec<_> = c.ancestors().into_iter().map(|a| a.0).collect();
        assert_eq!(chain, ["990101", "990101001", "990101001002"]);
        assert!(GridCode::parse("990101").unwrap().parent().is_none());
    }

    #[test]
    fn sample_tree_is_valid_and_navigable() {
        let t = sample();
        t.check().unwrap();
        let roots: Vec<_> = t.children(None).map(|n| n.name.as_str()).collect();
        assert_eq!(roots, ["禾丰县"]);
        let villages: Vec<_> = t
            .children(Some("990101001"))
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(villages, ["东岗村", "新桥社区"]);
        assert_eq!(t.get("990101001002").unwrap().name, "新桥社区");
        assert!(t.get("990101009").is_none());
    }

    #[test]
    fn check_rejects_broken_trees() {
        let mut t = sample();
        t.nodes.remove(2); // orphan the 东岗村 grids
        assert!(matches!(t.check(), Err(TreeError::MissingParent(_))));

        let mut t = sample();
        t.nodes[3].parent = Some("990101001002".into());
        assert!(matches!(t.check(), Err(TreeError::WrongParent(_))));

        let mut t = sample();
        t.nodes[3].level = GridLevel::Village;
        assert!(matches!(t.check(), Err(TreeError::WrongLevel(_))));

        let mut t = sample();
        let dup = t.nodes[4].clone();
        t.nodes.push(dup);
        assert!(t.check().is_err());
    }

    #[test]
    fn filter_keeps_ancestors_and_matches_through_them() {
        let t = sample();
        let v = t.filter("幸福路");
        assert_eq!(
            v.into_iter().collect::<Vec<_>>(),
            ["990101", "990101001", "990101001002", "990101001002001"]
        );
        // A village name finds the village and every grid in it.
        let v = t.filter("东岗村");
        assert!(v.contains("990101001001001") && v.contains("990101001001002"));
        assert!(!v.contains("990101001002001"));
        // All terms must match.
        let v = t.filter("东岗 第二");
        assert!(v.contains("990101001001002") && !v.contains("990101001001001"));
        assert!(t.filter("无此地").is_empty());
        assert_eq!(t.filter("  ").len(), t.nodes.len());
        // Codes are searchable too.
        assert!(t.filter("001002001").contains("990101001002001"));
    }

    #[test]
    fn masks_mobile_and_landline_numbers() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0372-5551234"), "037*-***1234");
        assert_eq!(mask_phone("55512345"), "****2345");
        assert_eq!(mask_phone("5551234"), "****234");
        assert_eq!(mask_phone("110"), "***");
        assert_eq!(mask_phone("１３８１２３４５６７８"), "１３８****５６７８");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn roles_round_trip_their_names() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!(Role::parse("boss"), None);
    }

    proptest! {
        #[test]
        fn masked_phone_never_reveals_the_number(
            raw in "[0-9]{3,13}|1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}|[０-９]{7,11}"
        ) {
            let masked = mask_phone(&raw);
            prop_assert_eq!(masked.chars().count(), raw.chars().count());
            let digits = |s: &str| s.chars().filter(|c| c.is_numeric()).count();
            let (total, shown) = (digits(&raw), digits(&masked));
            // At least four digits are always hidden, at most seven ever shown…
            prop_assert!(total - shown >= 4.min(total));
            prop_assert!(shown <= 7);
            // …and the tail survives for recognising whose number it is.
            if total >= 8 {
                let tail = |s: &str| s.chars().rev().take(4).collect::<String>();
                prop_assert_eq!(tail(&masked), tail(&raw));
            }
        }

        #[test]
        fn ancestors_are_prefixes(code in "[0-9]{15}") {
            let c = GridCode::parse(&code).unwrap();
            let a = c.ancestors();
            prop_assert_eq!(a.len(), 3);
            for anc in a {
                prop_assert!(code.starts_with(anc.as_str()));
            }
        }
    }
}
