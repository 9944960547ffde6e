//! `dev`, `test` and `deploy`: set-up, local D1, the local server, and the test suites.

use crate::proc::{self, install_ctrlc, run, run_counting, Background, Cmd, Counts};
use crate::tools::{self, node_bin};
use crate::{build, root, step, Result};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const DEV_PORT: u16 = 8787;

fn functions() -> PathBuf {
    root().join("functions")
}

fn wrangler() -> Cmd {
    Cmd::new(node_bin().join("wrangler"))
        .cwd(&functions())
        .env("CI", "true") // never prompt
}

/// Applies migrations and the demo seed to the local D1 state in `persist`.
fn migrate_and_seed(persist: &Path) -> Result<()> {
    step("applying D1 migrations and the demo seed (local)");
    let p = persist.display().to_string();
    run(wrangler().args([
        "d1",
        "migrations",
        "apply",
        "DB",
        "--local",
        "--persist-to",
        &p,
    ]))?;
    seed(persist)
}

/// `wrangler d1 execute DB --local --persist-to <persist> <args…>`
fn d1_execute<'a>(persist: &Path, args: impl IntoIterator<Item = &'a str>) -> Cmd {
    wrangler()
        .args(["d1", "execute", "DB", "--local", "--persist-to"])
        .arg(persist)
        .args(args)
}

fn seed(persist: &Path) -> Result<()> {
    // Quiet: wrangler prints a result object per statement.
    proc::run_quiet(d1_execute(persist, ["--file", "seed/demo.sql"]))
}

/// Every seeded row, as one comparable string.
fn seed_snapshot(persist: &Path) -> Result<String> {
    let sql = "SELECT \
        (SELECT group_concat(code || ifnull(parent_code, '') || level || kind || name || scope || ifnull(households, '') || updated_at, '|') FROM (SELECT * FROM grids ORDER BY code)) AS g, \
        (SELECT group_concat(id || name || phone || updated_at, '|') FROM (SELECT * FROM people ORDER BY id)) AS p, \
        (SELECT group_concat(grid_code || person_id || role || commitment || sort, '|') FROM (SELECT * FROM grid_assignments ORDER BY grid_code, person_id, role)) AS a, \
        (SELECT count(*) FROM grids) + (SELECT count(*) FROM people) + (SELECT count(*) FROM grid_assignments) AS n";
    let out = proc::capture(d1_execute(persist, ["--json", "--command", sql]))?;
    // Drop the timing metadata that follows the results.
    let results = out.split("\"success\"").next().unwrap_or("").to_owned();
    if !results.contains("\"n\"") {
        return Err(format!("unexpected d1 output: {out}"));
    }
    Ok(results)
}

fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Starts `wrangler dev` (local workerd + D1, SPA assets, API) and waits until the API answers.
fn serve(port: u16, persist: &Path, log: &Path) -> Result<Background> {
    step(&format!("starting wrangler dev on 127.0.0.1:{port}"));
    let mut server = Background::start(
        wrangler().args([
            "dev",
            "--local",
            "--ip",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--persist-to",
            &persist.display().to_string(),
            "--show-interactive-dev-session=false",
        ]),
        log,
    )?;
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        if server.exited() {
            let tail = std::fs::read_to_string(log).unwrap_or_default();
            return Err(format!("wrangler dev exited:\n{tail}"));
        }
        if http_status(port, "/api/v1/grids") == Some(200) {
            return Ok(server);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let tail = std::fs::read_to_string(log).unwrap_or_default();
    drop(server); // stops its process group
    Err(format!("wrangler dev did not answer in time:\n{tail}"))
}

/// Status of a GET to 127.0.0.1 (std only: xtask needs no HTTP client).
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0u8; 12];
    s.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

pub fn dev() -> Result<ExitCode> {
    install_ctrlc();
    tools::ensure(true)?;
    build::fetch()?;
    build::spa()?;
    build::worker()?;
    let persist = root().join(".wrangler").join("dev-state");
    migrate_and_seed(&persist)?;
    let log = root().join("target").join("wrangler-dev.log");
    let mut server = serve(DEV_PORT, &persist, &log)?;
    println!(
        "\n网格通 Wangge is running: http://localhost:{DEV_PORT}\n\
         API: http://localhost:{DEV_PORT}/api/v1/grids\n\
         Demo: 禾丰县 柳塘镇 (6 villages/communities, 24 base grids, 2 dedicated grids).\n\
         No sign-in yet: the grid directory is public. Server log: {}\n\
         Ctrl-C stops everything.",
        log.display()
    );
    if server.wait() || proc::STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!(
            "wrangler dev stopped with an error; see {}",
            log.display()
        ))
    }
}

pub fn test() -> Result<ExitCode> {
    install_ctrlc();
    let mut total = Counts::default();
    let mut add = |name: &str, c: Counts| {
        println!("--- {name}: {} passed, {} failed", c.passed, c.failed);
        total.passed += c.passed;
        total.failed += c.failed;
    };
    // A set-up step that fails (build, migration, server) ends the run as one failure;
    // the summary line is printed either way.
    if let Err(e) = suites(&mut add) {
        eprintln!("xtask: {e}");
        add(
            "set-up",
            Counts {
                passed: 0,
                failed: 1,
            },
        );
    }
    println!("\n{} passed, {} failed", total.passed, total.failed);
    Ok(if total.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn suites(add: &mut dyn FnMut(&str, Counts)) -> Result<()> {
    tools::ensure(true)?;
    build::fetch()?;
    build::spa()?;
    build::worker()?;

    step("lint: rustfmt and clippy (native and wasm), warnings are errors");
    for (what, args) in [
        ("fmt", &["fmt", "--all", "--", "--check"][..]),
        (
            "clippy native",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ][..],
        ),
        (
            "clippy wasm",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "wangge-app",
                "-p",
                "wangge-functions",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ][..],
        ),
    ] {
        add(what, check(run(Cmd::new("cargo").args(args).cwd(&root()))));
    }

    step("native tests (core, functions, xtask)");
    add(
        "native",
        run_counting(
            Cmd::new("cargo")
                .args([
                    "test",
                    "--workspace",
                    "--exclude",
                    "wangge-app",
                    "--exclude",
                    "wangge-api-tests",
                ])
                .cwd(&root()),
        ),
    );

    step("wasm tests in headless Chromium (IndexedDB cache layer)");
    add(
        "wasm",
        run_counting(
            Cmd::new("cargo")
                .args([
                    "test",
                    "--target",
                    "wasm32-unknown-unknown",
                    "-p",
                    "wangge-app",
                ])
                .cwd(&root()),
        ),
    );

    let work = root().join("target").join("xtask-test");
    let persist = work.join("d1");
    let _ = std::fs::remove_dir_all(&persist);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    migrate_and_seed(&persist)?;

    step("demo seed is idempotent");
    let seeded_twice = (|| -> Result<bool> {
        let before = seed_snapshot(&persist)?;
        seed(&persist)?;
        Ok(before == seed_snapshot(&persist)?)
    })();
    add(
        "seed idempotent",
        check(seeded_twice.and_then(|same| {
            same.then_some(())
                .ok_or_else(|| "seeding twice changed the data".to_owned())
        })),
    );

    let port = free_port()?;
    let server = serve(port, &persist, &work.join("wrangler.log"))?;
    let base = format!("http://127.0.0.1:{port}");

    step("API tests against the Worker on local workerd + D1");
    add(
        "api",
        run_counting(
            Cmd::new("cargo")
                .args(["test", "-p", "wangge-api-tests"])
                .cwd(&root())
                .env("WANGGE_BASE_URL", &base),
        ),
    );

    step("browser tests (Playwright + Chromium, phone viewport)");
    add(
        "browser",
        run_counting(
            Cmd::new(node_bin().join("node"))
                .args([
                    "--test",
                    "--test-reporter=spec",
                    "--test-concurrency=1",
                    "tests/browser/*.test.mjs",
                ])
                .cwd(&root())
                .env("WANGGE_BASE_URL", &base)
                .env("WANGGE_PERSIST_DIR", &persist)
                .env("WANGGE_FUNCTIONS_DIR", functions()),
        ),
    );
    drop(server); // stops wrangler and workerd

    step("deploy bundle builds (wrangler deploy --dry-run)");
    let out = work.join("deploy-dry-run").display().to_string();
    add(
        "deploy dry-run",
        check(run(wrangler().args([
            "deploy",
            "--dry-run",
            "--outdir",
            &out,
        ]))),
    );

    Ok(())
}

/// A step that is one check: passed, or failed with its reason printed.
fn check(result: Result<()>) -> Counts {
    match result {
        Ok(()) => Counts {
            passed: 1,
            failed: 0,
        },
        Err(e) => {
            eprintln!("{e}");
            Counts {
                passed: 0,
                failed: 1,
            }
        }
    }
}

/// `cargo xtask wrangler …`: the pinned wrangler, with Node 22 and our environment.
/// Its output and exit code pass through untouched (e.g. `d1 execute --json` into a pipe).
pub fn wrangler_passthrough(args: Vec<String>) -> Result<ExitCode> {
    tools::ensure(false)?;
    // Interactive commands (login) need a terminal, so CI=true is not set here.
    let status = std::process::Command::new(node_bin().join("wrangler"))
        .current_dir(functions())
        .args(args)
        .status()
        .map_err(|e| format!("wrangler: {e}"))?;
    Ok(ExitCode::from(
        status.code().unwrap_or(1).clamp(0, 255) as u8
    ))
}

pub fn deploy() -> Result<ExitCode> {
    tools::ensure(false)?;
    build::fetch()?;
    build::spa()?;
    step("applying D1 migrations to the real database, then deploying");
    run(wrangler().args(["d1", "migrations", "apply", "DB", "--remote"]))?;
    run(wrangler().arg("deploy"))?;
    Ok(ExitCode::SUCCESS)
}
