//! 代办: a resident asks their grid worker to run a guide item's errand. It is a report of
//! its own category, filed from the guide item and carrying the item and its materials;
//! the grid worker records four steps in order — materials collected, submitted to the
//! office, result received, delivered — and the resident confirms and rates it like any
//! other report. Steps only go forward (one may be skipped: not every errand has materials
//! to collect); a reopening starts them again.

use super::ActionKind;
use crate::guide::GuideItem;
use serde::{Deserialize, Serialize};

/// The category every errand is filed under (first level `errand`, kept among those
/// involved like a dispute: `PRIVATE_GROUPS`).
pub const CATEGORY: &str = "errand-guide";

/// The steps, in order (`Deliver` finishes the errand).
pub const STEPS: [ActionKind; 4] = [
    ActionKind::Collect,
    ActionKind::SubmitToOffice,
    ActionKind::ReceiveResult,
    ActionKind::Deliver,
];

/// Which step `action` is (1–4), if it is one.
pub fn step_of(action: ActionKind) -> Option<u8> {
    STEPS
        .iter()
        .position(|s| *s == action)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Whether the worker may record `action` on an errand that has reached step `done`
/// (0: none yet): steps go forward only.
pub fn may_take(done: u8, action: ActionKind) -> bool {
    step_of(action).is_some_and(|k| k > done)
}

/// What a resident sends with `NewReport` to ask for an errand: the guide item, and the
/// materials they have ready at home (ticked on the item's checklist).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrandRequest {
    /// The guide item's code.
    pub guide: String,
    /// Names of the materials ticked as ready.
    #[serde(default)]
    pub ready: Vec<String>,
}

/// One material of the errand's checklist, as the item listed it when the errand was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrandMaterial {
    pub name: String,
    /// The resident had it ready.
    pub ready: bool,
    /// The grid worker can collect it at home.
    pub collectable: bool,
}

/// The errand a report carries: the item as it was when asked (a later edit of the item
/// does not change what was asked), and how far the worker has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Errand {
    pub guide: String,
    pub name: String,
    pub department: String,
    pub materials: Vec<ErrandMaterial>,
    /// The last step recorded (0: none yet; 4: delivered).
    #[serde(default)]
    pub step: u8,
}

impl Errand {
    /// The errand for `item`, with the materials named in `ready` marked ready.
    pub fn of(item: &GuideItem, ready: &[String]) -> Errand {
        Errand {
            guide: item.code.clone(),
            name: item.name.clone(),
            department: item.department.clone(),
            materials: item
                .materials
                .iter()
                .map(|m| ErrandMaterial {
                    name: m.name.clone(),
                    ready: ready.contains(&m.name),
                    collectable: m.collectable,
                })
                .collect(),
            step: 0,
        }
    }
}

/// The step's name for the resident (the timeline and the progress line).
pub fn step_label_zh(step: u8) -> &'static str {
    match step {
        1 => "材料已收齐",
        2 => "已递交办事窗口",
        3 => "办理结果已取回",
        4 => "已送达",
        _ => "等待网格员",
    }
}

pub fn step_label_en(step: u8) -> &'static str {
    match step {
        1 => "Materials collected",
        2 => "Submitted to the office",
        3 => "Result received",
        4 => "Delivered",
        _ => "Waiting for the grid worker",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_forward_and_may_skip_but_never_back() {
        assert_eq!(STEPS.map(step_of), [Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(step_of(ActionKind::Accept), None);
        assert!(may_take(0, ActionKind::Collect));
        assert!(
            may_take(0, ActionKind::SubmitToOffice),
            "nothing to collect"
        );
        assert!(may_take(3, ActionKind::Deliver));
        assert!(!may_take(2, ActionKind::Collect));
        assert!(!may_take(2, ActionKind::SubmitToOffice), "not twice");
        assert!(!may_take(4, ActionKind::Deliver));
        assert!(!may_take(0, ActionKind::Resolve));
    }

    #[test]
    fn an_errand_keeps_the_items_materials_and_marks_the_ready_ones() {
        let item: GuideItem = serde_json::from_value(serde_json::json!({
            "code": "g1", "name": "老年人优待证办理", "aliases": [], "department": "民政办",
            "events": [], "audience": [], "conditions": "",
            "materials": [
                {"name": "身份证", "form": "original", "copies": 0, "notes": "", "collectable": true},
                {"name": "照片", "form": "original", "copies": 2, "notes": "", "collectable": false}
            ],
            "steps": [], "fees": "", "place": "", "hours": "", "phone": "", "online": "",
            "visits": 0, "legal_basis": "", "faq": [], "errand": true, "updated_at": 0,
            "version": 1, "keys": {"name": [], "aliases": []}
        }))
        .expect("item");
        let e = Errand::of(&item, &["照片".to_owned(), "户口本".to_owned()]);
        assert_eq!(e.name, "老年人优待证办理");
        assert_eq!(e.step, 0);
        let got: Vec<(&str, bool, bool)> = e
            .materials
            .iter()
            .map(|m| (m.name.as_str(), m.ready, m.collectable))
            .collect();
        assert_eq!(got, [("身份证", false, true), ("照片", true, false)]);
    }
}
