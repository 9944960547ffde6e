//! Builds: the SPA (the app's wasm, split into a shell and one chunk per section, then
//! Trunk → dist/, plus public/ and the generated service worker) and the Worker
//! (worker-build → functions/build/).
//!
//! The split: cargo builds the app with relocations kept (`--emit-relocs`, profile
//! `wasm-split`), `wasm-split-cli` cuts it at every `wasm_split` point into a main module and
//! `split_*.wasm` chunks, wasm-bindgen makes the JS glue, wasm-opt shrinks every module and esbuild
//! minifies the glue.
//! The result goes to a directory named by its content hash (`target/spa/app/<hash>/`),
//! which Trunk copies to `dist/app/<hash>/`; `app/boot.js` becomes `target/spa/boot.js`
//! pointing at it. Trunk's own Rust pipeline is not used: unsplit output would import
//! `__wasm_split_placeholder__`, which no browser resolves.

use crate::proc::{run, Cmd};
use crate::tools::{cargo_bin, node_bin};
use crate::{root, step, Result};
use std::path::{Path, PathBuf};

/// The cargo profile of the split build (release, with symbols the splitter needs).
const SPLIT_PROFILE: &str = "wasm-split";
const APP_BIN: &str = "wangge-app";
/// Where a build's files live under dist/ (and in the service worker's eyes).
pub const BUILD_DIR: &str = "app";

/// `cargo fetch` first, so every later step can build without the network.
pub fn fetch() -> Result<()> {
    run(Cmd::new("cargo").arg("fetch").cwd(&root()))
}

pub fn spa() -> Result<()> {
    let build = split_wasm()?;
    step("assembling the SPA (trunk build --release)");
    let dist = root().join("dist");
    // Nothing of an earlier build may linger (the service worker would precache it).
    let _ = std::fs::remove_dir_all(&dist);
    run(Cmd::new("trunk").args(["build", "--release"]).cwd(&root()))?;
    copy_public(&root().join("public"), &dist)?;
    crate::icons::write(&dist)?;
    // Trunk's lock file is not an asset.
    std::fs::write(dist.join(".assetsignore"), ".trunk-lock\n.assetsignore\n")
        .map_err(|e| format!("dist/.assetsignore: {e}"))?;
    preload_main_module(&dist, &build)?;
    write_service_worker(&dist)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn fresh_dir(dir: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    Ok(files)
}

fn is_chunk(name: &str) -> bool {
    (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
}

/// Builds, splits, binds and optimises the app's wasm into `target/spa/app/<hash>/` and
/// writes `target/spa/boot.js`. Returns the build's directory name (the hash).
fn split_wasm() -> Result<String> {
    step("building the app's wasm (release) and splitting it into a shell and chunks");
    let flags = format!(
        "{} -C link-arg=--emit-relocs",
        std::env::var("RUSTFLAGS").unwrap_or_default()
    );
    run(Cmd::new("cargo")
        .args(["build", "--target", "wasm32-unknown-unknown", "--profile"])
        .args([SPLIT_PROFILE, "-p", APP_BIN, "--bin", APP_BIN])
        .env("RUSTFLAGS", flags.trim())
        .cwd(&root()))?;
    let linked = target_dir()
        .join("wasm32-unknown-unknown")
        .join(SPLIT_PROFILE)
        .join(format!("{APP_BIN}.wasm"));

    let spa = root().join("target").join("spa");
    let (split, bound) = (spa.join("split"), spa.join("bound"));
    fresh_dir(&split)?;
    fresh_dir(&bound)?;
    run(Cmd::new(cargo_bin().join("wasm-split-cli"))
        .args(["--target", "web", "--out-name", APP_BIN])
        .arg(&linked)
        .arg(&split))?;
    run(Cmd::new(cargo_bin().join("wasm-bindgen"))
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
        ])
        .args(["--out-name", APP_BIN, "--out-dir"])
        .arg(&bound)
        .arg(split.join(format!("{APP_BIN}.wasm"))))?;
    // The splitter's loader and chunks join the bound main module.
    for f in files_in(&split)? {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name == "__wasm_split.js" || is_chunk(&name) {
            std::fs::copy(&f, bound.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    let mut chunks = 0;
    for f in files_in(&bound)? {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".wasm") {
            chunks += usize::from(is_chunk(&name));
            run(Cmd::new(node_bin().join("wasm-opt"))
                .args([
                    "-Oz",
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                ])
                .args([
                    "--enable-reference-types",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                ])
                .arg(&f)
                .arg("-o")
                .arg(&f))?;
        }
    }
    // wasm-bindgen's glue and the splitter's loader are written for reading; the shell
    // ships them minified (esbuild comes with wrangler).
    for name in [format!("{APP_BIN}.js"), "__wasm_split.js".to_string()] {
        let f = bound.join(&name);
        run(Cmd::new(node_bin().join("esbuild"))
            .arg(&f)
            .args([
                "--minify",
                "--format=esm",
                "--log-level=error",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", f.display())))?;
    }
    if chunks == 0 {
        return Err(
            "wasm-split-cli produced no chunk: are the lazy routes still wasm_split points?".into(),
        );
    }

    let hash = format!("{:016x}", content_hash(&bound)?);
    let builds = spa.join(BUILD_DIR);
    fresh_dir(&builds)?;
    std::fs::rename(&bound, builds.join(&hash)).map_err(|e| format!("move build: {e}"))?;
    let boot = std::fs::read_to_string(root().join("app/boot.js"))
        .map_err(|e| format!("app/boot.js: {e}"))?;
    if !boot.contains("__WANGGE_BUILD__") {
        return Err("app/boot.js lost its __WANGGE_BUILD__ placeholder".into());
    }
    std::fs::write(spa.join("boot.js"), boot.replace("__WANGGE_BUILD__", &hash))
        .map_err(|e| format!("target/spa/boot.js: {e}"))?;
    println!("split build {hash}: main module + {chunks} chunk(s)");
    Ok(hash)
}

/// FNV-1a over every file's relative path and bytes, in sorted order.
fn content_hash(dir: &Path) -> Result<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in shell_files(dir)? {
        let bytes = std::fs::read(dir.join(&f)).map_err(|e| format!("{f}: {e}"))?;
        for b in f.as_bytes().iter().chain(bytes.iter()) {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(hash)
}

/// The main module is found only after boot.js and the glue load; tell the browser at
/// once (what Trunk's Rust pipeline would have written).
fn preload_main_module(dist: &Path, build: &str) -> Result<()> {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("dist/index.html: {e}"))?;
    let dir = format!("/{BUILD_DIR}/{build}");
    let links = format!(
        "<link rel=\"modulepreload\" href=\"{dir}/{APP_BIN}.js\">\n\
         <link rel=\"modulepreload\" href=\"{dir}/__wasm_split.js\">\n\
         <link rel=\"preload\" href=\"{dir}/{APP_BIN}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n</head>"
    );
    if !html.contains("</head>") {
        return Err("dist/index.html has no </head>".into());
    }
    std::fs::write(&path, html.replacen("</head>", &links, 1))
        .map_err(|e| format!("dist/index.html: {e}"))
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
            // Dotfiles, the service worker itself, and the asset server's configuration
            // (`_headers`) are not files a page loads.
            let config = prefix.is_empty() && (name == "sw.js" || name == "_headers");
            if name.starts_with('.') || config {
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
    let hash = content_hash(dist)?;
    let quoted = |f: &String| format!("\"/{f}\"");
    let (chunks, shell): (Vec<&String>, Vec<&String>) = files
        .iter()
        .partition(|f| is_chunk(f.rsplit('/').next().unwrap_or(f)));
    // index.html is cached as "/" (the server redirects /index.html → /).
    let shell_list = std::iter::once("\"/\"".to_owned())
        .chain(
            shell
                .iter()
                .filter(|f| **f != "index.html")
                .map(|f| quoted(f)),
        )
        .collect::<Vec<_>>()
        .join(", ");
    let chunk_list = chunks
        .iter()
        .map(|f| quoted(f))
        .collect::<Vec<_>>()
        .join(", ");
    let (placeholder_shell, placeholder_chunks) = (
        "[\"/\"] /*__WANGGE_PRECACHE__*/",
        "[] /*__WANGGE_CHUNKS__*/",
    );
    if !template.contains(placeholder_shell)
        || !template.contains(placeholder_chunks)
        || !template.contains("__WANGGE_VERSION__")
    {
        return Err("public/sw.js lost its placeholders".into());
    }
    let sw = template
        .replace(placeholder_shell, &format!("[{shell_list}]"))
        .replace(placeholder_chunks, &format!("[{chunk_list}]"))
        .replace("__WANGGE_VERSION__", &format!("{hash:016x}"));
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!(
        "service worker: {} shell files precached at install, {} chunks after the first render, version {hash:016x}",
        shell.len(),
        chunks.len()
    );
    Ok(())
}
