//! `cargo xtask <command>`: every set-up, build, test and benchmark step of Wangge,
//! in Rust, so a fresh machine needs only rustup and Node/npm.

mod admin;
mod bench;
mod build;
mod guide_seed;
mod icons;
mod open311;
mod points_bench;
mod proc;
mod reports_bench;
mod suite;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dev      install missing tools, build, migrate + seed local D1, serve on http://localhost:8787
  serve [--port N] [--persist DIR]  serve the last build again (no rebuild), until stopped
  test     the same set-up on a throwaway D1, then every test suite; ends with `N passed, M failed`
  bench    build, then print first-load and chunk sizes, Lighthouse scores and build time against the budgets
  deploy   build and `wrangler deploy` (needs a Cloudflare login and a real D1 id; see README)
  admin create --login L --name N [--scope CODE] [--remote | --persist DIR] [--password-stdin]
           create an administrator (prompts for the password; see `cargo xtask admin`)
  wrangler <args…>  the pinned wrangler (Node 22) in functions/, e.g. `cargo xtask wrangler login`";

fn main() -> ExitCode {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    let result = match cmd.as_str() {
        "dev" => suite::dev(),
        "serve" => suite::serve_cmd(&std::env::args().skip(2).collect::<Vec<_>>()),
        "test" => suite::test(),
        "bench" => bench::run(),
        "deploy" => suite::deploy(),
        "admin" => admin::cmd(&std::env::args().skip(2).collect::<Vec<_>>()),
        "open311" => open311::cmd(&std::env::args().skip(2).collect::<Vec<_>>()),
        "wrangler" => suite::wrangler_passthrough(std::env::args().skip(2).collect()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Whatever happened, leave no server behind.
    proc::stop_all();
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

pub type Result<T> = std::result::Result<T, String>;

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Prints a step header.
pub fn step(what: &str) {
    println!("\n==> {what}");
}
