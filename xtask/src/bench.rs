//! `cargo xtask bench`: the figures the issues set budgets for.
//! Today: the app shell's bytes as transferred (gzip and brotli), per file and total.

use crate::build::{self, shell_files};
use crate::{root, tools, Result};
use std::io::Write;
use std::process::ExitCode;

/// App shell budget (HTML + JS + wasm + CSS, gzip, first load).
const SHELL_BUDGET_GZIP: usize = 250 * 1024;

fn gzip(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out.len()
}

pub fn run() -> Result<ExitCode> {
    tools::ensure(false)?;
    build::fetch()?;
    build::spa()?;
    let dist = root().join("dist");
    let mut files = shell_files(&dist)?;
    files.push("sw.js".into());
    println!("\nApp shell as transferred (gzip level 6, brotli q11):");
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let (mut shell_gz, mut shell_br, mut all_gz) = (0, 0, 0);
    for f in &files {
        let bytes = std::fs::read(dist.join(f)).map_err(|e| format!("{f}: {e}"))?;
        let (gz, br) = (gzip(&bytes), brotli(&bytes));
        println!("{f:<44} {:>10} {gz:>10} {br:>10}", bytes.len());
        let is_shell = [".html", ".js", ".wasm", ".css"]
            .iter()
            .any(|e| f.ends_with(e))
            && f != "sw.js";
        if is_shell {
            shell_gz += gz;
            shell_br += br;
        }
        all_gz += gz;
    }
    println!("\nshell (HTML+JS+wasm+CSS): {shell_gz} B gzip, {shell_br} B brotli — budget {SHELL_BUDGET_GZIP} B gzip: {}",
        if shell_gz <= SHELL_BUDGET_GZIP { "within" } else { "OVER" });
    println!("everything precached (shell + manifest, icon, sw.js): {all_gz} B gzip");
    println!("repeat visit: shell served by the service worker; only API revalidations (If-None-Match → 304) and the sw.js update check reach the network (asserted in tests/browser).");
    Ok(if shell_gz <= SHELL_BUDGET_GZIP {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
