//! Builds: the SPA (Trunk → dist/, plus public/ and the generated service worker)
//! and the Worker (worker-build → functions/build/).

use crate::proc::{run, Cmd};
use crate::{root, step, Result};
use std::path::Path;

/// `cargo fetch` first: Trunk's offline mode builds with `cargo build --offline`.
pub fn fetch() -> Result<()> {
    run(Cmd::new("cargo").arg("fetch").cwd(&root()))
}

pub fn spa() -> Result<()> {
    step("building the SPA (trunk build --release)");
    run(Cmd::new("trunk").args(["build", "--release"]).cwd(&root()))?;
    let dist = root().join("dist");
    copy_public(&root().join("public"), &dist)?;
    crate::icons::write(&dist)?;
    // Trunk's lock file is not an asset.
    std::fs::write(dist.join(".assetsignore"), ".trunk-lock\n.assetsignore\n")
        .map_err(|e| format!("dist/.assetsignore: {e}"))?;
    write_service_worker(&dist)
}

pub fn worker() -> Result<()> {
    step("building the Worker (worker-build --release)");
    run(Cmd::new("worker-build")
        .arg("--release")
        .cwd(&root().join("functions")))
}

fn copy_public(public: &Path, dist: &Path) -> Result<()> {
    let entries = std::fs::read_dir(public).map_err(|e| format!("public/: {e}"))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name == "sw.js" {
            continue; // generated below
        }
        std::fs::copy(entry.path(), dist.join(&name))
            .map_err(|e| format!("copy {}: {e}", entry.path().display()))?;
    }
    Ok(())
}

/// The files a first visit needs, which the service worker precaches: everything in
/// dist/ (subfolders too, e.g. wasm-bindgen snippets) but sw.js and dotfiles, as paths
/// relative to dist/ with `/` separators.
pub fn shell_files(dist: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("{}: {e} (build first)", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || (prefix.is_empty() && name == "sw.js") {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{rel}/"), out)?;
            } else {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// Fills the precache list and a content-derived version into public/sw.js, so each
/// build that changes the shell gets a new cache (and old ones are dropped).
fn write_service_worker(dist: &Path) -> Result<()> {
    let template = std::fs::read_to_string(root().join("public/sw.js"))
        .map_err(|e| format!("public/sw.js: {e}"))?;
    let files = shell_files(dist)?;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let bytes = std::fs::read(dist.join(f)).map_err(|e| format!("{f}: {e}"))?;
        for b in f.as_bytes().iter().chain(bytes.iter()) {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    // index.html is cached as "/" (the server redirects /index.html → /).
    let list = std::iter::once("\"/\"".to_owned())
        .chain(
            files
                .iter()
                .filter(|f| *f != "index.html")
                .map(|f| format!("\"/{f}\"")),
        )
        .collect::<Vec<_>>()
        .join(", ");
    let placeholder_list = "[\"/\"] /*__WANGGE_PRECACHE__*/";
    if !template.contains(placeholder_list) || !template.contains("__WANGGE_VERSION__") {
        return Err("public/sw.js lost its placeholders".into());
    }
    let sw = template
        .replace(placeholder_list, &format!("[{list}]"))
        .replace("__WANGGE_VERSION__", &format!("{hash:016x}"));
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!(
        "service worker: {} files precached, version {hash:016x}",
        files.len() + 1
    );
    Ok(())
}
