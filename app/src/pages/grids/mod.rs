//! The grid directory (网格目录): browse and filter the tree, open a grid's card.

mod card;
mod directory;

pub use card::Card;

super::lazy::lazy_route!(
    /// `/grids`, in its own chunk: a QR scan lands on a card, which must not wait for it.
    DirectoryRoute => grids_directory, super::directory::Directory
);

use crate::settings::Settings;
use wangge_core::grids::{GridKind, GridLevel, Role};

fn level_label(s: Settings, level: GridLevel) -> &'static str {
    s.t(level.label_zh(), level.label_en())
}

fn kind_tag(s: Settings, kind: GridKind) -> Option<&'static str> {
    (kind == GridKind::Dedicated).then(|| s.t("专属网格", "Dedicated"))
}

fn role_label(s: Settings, role: Role) -> &'static str {
    s.t(role.label_zh(), role.label_en())
}
