//! Wangge's shared core: every JSON body that crosses the wire, and the pure domain
//! rules both the Worker and the SPA rely on. No IO, no web-sys, no `worker`: it
//! compiles natively (and is tested there) and to wasm.

pub mod accounts;
pub mod admin;
pub mod grids;
pub mod guide;
pub mod households;
pub mod inbox;
pub mod open311;
pub mod points;
pub mod privacy;
pub mod problem;
pub mod qr;
pub mod reports;

/// Version prefix of every API route; the SPA and the Worker both build paths from it.
pub const API_PREFIX: &str = "/api/v1";
