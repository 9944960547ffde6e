//! Every external tool Wangge builds with, pinned here and checked before use.
//! npm packages are pinned in package.json and cross-checked against these constants;
//! wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, and the splitter
//! (wasm-split-cli) must meet the leptos / wasm_split_helpers versions it was proven with.

use crate::proc::{capture, run, Cmd};
use crate::{root, step, Result};
use std::path::{Path, PathBuf};

pub const TRUNK: &str = "0.22.1";
pub const WORKER_BUILD: &str = "0.8.7";
pub const WASM_BINDGEN: &str = "0.2.130";
/// `wasm-split-cli` (crate wasm_split_cli_support): must suit the wasm_split_helpers in
/// Cargo.lock (leptos' splitting runtime); see ARCHITECTURE.md before changing either.
pub const WASM_SPLIT: &str = "0.2.4";
pub const LIGHTHOUSE: &str = "13.5.0";
/// Crates whose versions the split build was proven with (Cargo.lock must hold exactly these).
const SPLIT_SET: &[(&str, &str)] = &[
    ("leptos", "0.8.23"),
    ("leptos_router", "0.8.17"),
    ("wasm_split_helpers", "0.2.3"),
    ("wasm_split_macros", "0.2.2"),
];
pub const NPM_PINS: &[(&str, &str)] = &[
    ("wrangler", "4.164.0"),
    ("node", "22.23.3"),
    ("binaryen", "132.0.0"),
    ("playwright-core", "1.64.1"),
    ("@axe-core/playwright", "4.14.0"),
    ("lighthouse", LIGHTHOUSE),
];
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A CJK font, so browser tests lay out Chinese as phones do (not as tofu boxes).
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const BROWSER_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-wqy-microhei"];

pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

pub fn node_bin() -> PathBuf {
    root().join("node_modules").join(".bin")
}

/// Environment every child process gets: our tools first on PATH, nothing downloaded,
/// no telemetry (wrangler then only talks to 127.0.0.1).
pub fn set_env() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut parts = vec![node_bin(), cargo_bin()];
    parts.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(parts) {
        std::env::set_var("PATH", joined);
    }
    let nb = node_bin();
    for (k, v) in [
        ("TRUNK_SKIP_VERSION_CHECK", "true".to_owned()),
        (
            "WASM_BINDGEN_BIN",
            cargo_bin().join("wasm-bindgen").display().to_string(),
        ),
        ("WASM_OPT_BIN", nb.join("wasm-opt").display().to_string()),
        ("ESBUILD_BIN", nb.join("esbuild").display().to_string()),
        ("WRANGLER_SEND_METRICS", "false".into()),
        ("WRANGLER_SEND_ERROR_REPORTS", "false".into()),
        ("CLOUDFLARE_TELEMETRY_DISABLED", "1".into()),
        ("CLOUDFLARE_CF_FETCH_ENABLED", "false".into()),
        ("WRANGLER_HIDE_BANNER", "true".into()),
        ("CHROMEDRIVER", CHROMEDRIVER.into()),
        ("CHROMIUM", CHROMIUM.into()),
    ] {
        std::env::set_var(k, v);
    }
}

fn version_of(bin: &str, arg: &str) -> Option<String> {
    capture(Cmd::new(bin).arg(arg)).ok()
}

/// Installs whatever is missing, then checks every pinned version.
pub fn ensure(with_browser: bool) -> Result<()> {
    set_env();
    step("checking tools (pinned versions)");
    check_pins_agree()?;

    let targets = capture(Cmd::new("rustup").args(["target", "list", "--installed"]))?;
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    cargo_tool(
        "trunk",
        TRUNK,
        &[
            "--locked",
            "trunk",
            "--version",
            TRUNK,
            "--ignore-rust-version",
        ],
    )?;
    // Not --locked: its lock pins a crate version the registry no longer has.
    cargo_tool(
        "wasm-bindgen",
        WASM_BINDGEN,
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN],
    )?;
    cargo_tool(
        "wasm-split-cli",
        WASM_SPLIT,
        &[
            "--locked",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT,
            "--features",
            "build-binary",
        ],
    )?;
    cargo_tool(
        "worker-build",
        WORKER_BUILD,
        &["--locked", "worker-build", "--version", WORKER_BUILD],
    )?;

    if NPM_PINS
        .iter()
        .any(|(p, v)| npm_installed(p).as_deref() != Some(*v))
    {
        // `npm install`, not `npm ci`: the registry lacks some non-Linux workerd builds
        // of the locked version, which `npm ci` reports as an out-of-sync lock.
        run(Cmd::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .cwd(&root()))?;
    }
    for (pkg, want) in NPM_PINS {
        let got = npm_installed(pkg).unwrap_or_else(|| "missing".into());
        if got != *want {
            return Err(format!("npm package {pkg}: want {want}, have {got}"));
        }
    }
    let node =
        version_of(&node_bin().join("node").display().to_string(), "--version").unwrap_or_default();
    if !node.starts_with("v22.") {
        return Err(format!(
            "node_modules/.bin/node should be Node 22, is {node:?}"
        ));
    }

    let have_browser = [CHROMIUM, CHROMEDRIVER, CJK_FONT]
        .iter()
        .all(|p| Path::new(p).exists());
    if with_browser && !have_browser {
        let packages = BROWSER_PACKAGES.join(" ");
        if is_root() {
            run(Cmd::new("apt-get").arg("update"))?;
            run(Cmd::new("apt-get")
                .args(["-o", "DPkg::Lock::Timeout=300", "install", "-y"])
                .args(BROWSER_PACKAGES)
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
        } else {
            return Err(format!(
                "Chromium or a CJK font is missing: install the Debian packages {packages} \
                 (sudo apt-get install {packages})"
            ));
        }
    }
    println!(
        "tools ok: trunk {TRUNK}, wasm-bindgen {WASM_BINDGEN}, wasm-split-cli {WASM_SPLIT}, worker-build {WORKER_BUILD}, {}",
        NPM_PINS
            .iter()
            .map(|(p, v)| format!("{p} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

fn is_root() -> bool {
    capture(Cmd::new("id").arg("-u"))
        .map(|u| u.trim() == "0")
        .unwrap_or(false)
}

/// The version `cargo install --list` records for the crate that installed `bin`
/// (for tools whose `--version` says nothing useful).
fn installed_version(bin: &str) -> Option<String> {
    let list = capture(Cmd::new("cargo").args(["install", "--list"])).ok()?;
    version_in_install_list(&list, bin)
}

fn version_in_install_list(list: &str, bin: &str) -> Option<String> {
    let mut current = None;
    for line in list.lines() {
        if !line.starts_with(char::is_whitespace) {
            // `name v1.2.3:` or `name v1.2.3 (path):`
            current = line
                .split_whitespace()
                .nth(1)
                .map(|v| v.trim_end_matches(':').trim_start_matches('v').to_owned());
        } else if line.trim() == bin {
            return current;
        }
    }
    None
}

fn has_version(bin: &str, version: &str) -> bool {
    let path = cargo_bin().join(bin).display().to_string();
    let have = version_of(&path, "--version").unwrap_or_default();
    have.split_whitespace()
        .any(|w| w.trim_start_matches('v') == version)
        || (Path::new(&path).exists() && installed_version(bin).as_deref() == Some(version))
}

/// `cargo install` a tool unless it is there in `version` already.
fn cargo_tool(bin: &str, version: &str, install_args: &[&str]) -> Result<()> {
    if has_version(bin, version) {
        return Ok(());
    }
    step(&format!(
        "installing {bin} {version} (cargo install; one-off, takes minutes)"
    ));
    run(Cmd::new("cargo")
        .arg("install")
        .args(install_args.iter().copied()))?;
    if !has_version(bin, version) {
        return Err(format!("{bin}: want {version} after installing it"));
    }
    Ok(())
}

fn npm_installed(pkg: &str) -> Option<String> {
    let text =
        std::fs::read_to_string(root().join("node_modules").join(pkg).join("package.json")).ok()?;
    json_string_field(&text, "version")
}

/// The first `"key": "value"` in a JSON text (enough for package.json files).
pub fn json_string_field(text: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\"");
    let at = text.find(&pat)? + pat.len();
    let rest = text[at..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// The pins written elsewhere (package.json, Cargo.lock) must equal ours.
fn check_pins_agree() -> Result<()> {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).map_err(|e| format!("{p}: {e}"));
    let pkg = read("package.json")?;
    for (name, v) in NPM_PINS {
        if !pkg.contains(&format!("\"{name}\": \"{v}\"")) {
            return Err(format!("package.json must pin {name} to exactly {v}"));
        }
    }
    let lock = read("Cargo.lock")?;
    let needle = format!("name = \"wasm-bindgen\"\nversion = \"{WASM_BINDGEN}\"");
    if !lock.contains(&needle) {
        return Err(format!("Cargo.lock's wasm-bindgen is not {WASM_BINDGEN}; update xtask/src/tools.rs and Cargo.toml together"));
    }
    for (name, version) in SPLIT_SET {
        if !lock.contains(&format!("name = \"{name}\"\nversion = \"{version}\"")) {
            return Err(format!(
                "Cargo.lock's {name} is not {version}: the split build was proven with \
                 {SPLIT_SET:?} and wasm-split-cli {WASM_SPLIT}; prove a new set, then update \
                 xtask/src/tools.rs and ARCHITECTURE.md together"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_package_json_versions() {
        let t = r#"{ "name": "x", "version" : "1.2.3", "dependencies": {"version": "9"} }"#;
        assert_eq!(json_string_field(t, "version").as_deref(), Some("1.2.3"));
        assert_eq!(json_string_field(t, "nope"), None);
    }

    #[test]
    fn parses_cargo_install_list() {
        let list = "trunk v0.22.1:\n    trunk\nwasm_split_cli_support v0.2.4:\n    wasm-split-cli\nx v1.0.0 (/src/x):\n    x\n";
        assert_eq!(
            version_in_install_list(list, "wasm-split-cli").as_deref(),
            Some("0.2.4")
        );
        assert_eq!(
            version_in_install_list(list, "trunk").as_deref(),
            Some("0.22.1")
        );
        assert_eq!(version_in_install_list(list, "x").as_deref(), Some("1.0.0"));
        assert_eq!(version_in_install_list(list, "nope"), None);
    }

    #[test]
    fn repository_pins_agree() {
        check_pins_agree().unwrap();
    }
}
