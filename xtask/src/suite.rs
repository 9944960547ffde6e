//! `dev`, `test` and `deploy`: set-up, local D1, the local server, and the test suites.

use crate::proc::{self, install_stop_handler, run, run_counting, Background, Cmd, Counts};
use crate::tools::{self, node_bin};
use crate::{build, root, step, Result};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const DEV_PORT: u16 = 8787;
/// A base grid of the demo seed (柳塘社区第一网格), for checks that open a card.
pub const DEMO_GRID: &str = "990101001001001";

fn functions() -> PathBuf {
    root().join("functions")
}

pub fn wrangler() -> Cmd {
    Cmd::new(node_bin().join("wrangler"))
        .cwd(&functions())
        .env("CI", "true") // never prompt
}

/// Applies migrations and the demo seed to the local D1 state in `persist`.
pub fn migrate_and_seed(persist: &Path) -> Result<()> {
    step("applying D1 migrations and the demo seed (local)");
    migrate(persist)?;
    seed(persist)
}

/// Applies the migrations to the local D1 state in `persist`.
fn migrate(persist: &Path) -> Result<()> {
    let p = persist.display().to_string();
    run(wrangler().args([
        "d1",
        "migrations",
        "apply",
        "DB",
        "--local",
        "--persist-to",
        &p,
    ]))
}

/// `wrangler d1 execute DB --local --persist-to <persist> <args…>`
pub fn d1_execute<'a>(persist: &Path, args: impl IntoIterator<Item = &'a str>) -> Cmd {
    wrangler()
        .args(["d1", "execute", "DB", "--local", "--persist-to"])
        .arg(persist)
        .args(args)
}

fn seed(persist: &Path) -> Result<()> {
    // Quiet: wrangler prints a result object per statement.
    proc::run_quiet(d1_execute(persist, ["--file", "seed/demo.sql"]))?;
    let guide = crate::guide_seed::sql(&crate::guide_seed::items()?)?;
    proc::run_quiet(d1_execute(persist, ["--file"]).arg(&guide))
}

/// Every seeded row, as one comparable string.
fn seed_snapshot(persist: &Path) -> Result<String> {
    let sql = "SELECT \
        (SELECT group_concat(code || ifnull(parent_code, '') || level || kind || name || scope || ifnull(households, '') || updated_at || active, '|') FROM (SELECT * FROM grids ORDER BY code)) AS g, \
        (SELECT group_concat(id || name || area || active || updated_at, '|') FROM (SELECT * FROM departments ORDER BY id)) AS d, \
        (SELECT group_concat(code || version || withdrawn || seq || length(body) || updated_at, '|') FROM (SELECT * FROM guide_items ORDER BY code)) AS gi, \
        (SELECT count(*) FROM guide_versions) AS gv, \
        (SELECT group_concat(id || name || phone || updated_at, '|') FROM (SELECT * FROM people ORDER BY id)) AS p, \
        (SELECT group_concat(grid_code || person_id || role || commitment || sort, '|') FROM (SELECT * FROM grid_assignments ORDER BY grid_code, person_id, role)) AS a, \
        (SELECT group_concat(id || login || name || ifnull(household_id, '') || ifnull(password_hash, '') || ifnull(password_salt, '') || ifnull(password_iterations, '') || active || created_at, '|') FROM (SELECT * FROM accounts ORDER BY id)) AS acc, \
        (SELECT group_concat(account_id || role || scope_kind || scope_id, '|') FROM (SELECT * FROM account_roles ORDER BY account_id, role, scope_kind, scope_id)) AS r, \
        (SELECT group_concat(id || grid_code || address || active || updated_at, '|') FROM (SELECT * FROM households ORDER BY id)) AS h, \
        (SELECT group_concat(id || household_id || name || relation || ifnull(phone, '') || sort || active || updated_at, '|') FROM (SELECT * FROM household_members ORDER BY id)) AS m, \
        (SELECT count(*) FROM grids) + (SELECT count(*) FROM people) + (SELECT count(*) FROM grid_assignments) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM account_roles) + (SELECT count(*) FROM households) + (SELECT count(*) FROM household_members) + (SELECT count(*) FROM departments) AS n";
    let out = proc::capture(d1_execute(persist, ["--json", "--command", sql]))?;
    // Drop the timing metadata that follows the results.
    let results = out.split("\"success\"").next().unwrap_or("").to_owned();
    if !results.contains("\"n\"") {
        return Err(format!("unexpected d1 output: {out}"));
    }
    Ok(results)
}

pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Starts `wrangler dev` (local workerd + D1, SPA assets, API) and waits until the API answers.
pub fn serve(port: u16, persist: &Path, log: &Path) -> Result<Background> {
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
            // Local only: every answer says how many D1 rows it read (the bench's budget);
            // a deployed Worker does not tell.
            "--var",
            "WANGGE_ROWS_READ:1",
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
    install_stop_handler();
    tools::ensure(true)?;
    build::fetch()?;
    build::spa()?;
    build::worker()?;
    let persist = dev_persist();
    migrate_and_seed(&persist)?;
    serve_until_stopped(DEV_PORT, &persist)
}

pub fn dev_persist() -> PathBuf {
    root().join(".wrangler").join("dev-state")
}

/// `cargo xtask serve [--port N] [--persist DIR]`: serves the last build (no rebuild, no
/// seeding) until stopped. The suite uses it to check that a signal stops the servers.
pub fn serve_cmd(args: &[String]) -> Result<ExitCode> {
    install_stop_handler();
    tools::ensure(false)?;
    let mut port = DEV_PORT;
    let mut persist = dev_persist();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--port" => port = value.parse().map_err(|_| format!("bad port {value}"))?,
            // wrangler runs in functions/: a relative path means one from here.
            "--persist" => {
                persist = std::env::current_dir()
                    .map_err(|e| e.to_string())?
                    .join(value)
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    // Idempotent: a state from an older checkout gets the new migrations.
    migrate_and_seed(&persist)?;
    serve_until_stopped(port, &persist)
}

fn serve_until_stopped(port: u16, persist: &Path) -> Result<ExitCode> {
    let log = root()
        .join("target")
        .join(format!("wrangler-dev-{port}.log"));
    let mut server = serve(port, persist, &log)?;
    println!(
        "\n网格通 Wangge is running: http://localhost:{port}\n\
         API: http://localhost:{port}/api/v1/grids\n\
         Demo: 禾丰县 柳塘镇 (6 villages/communities, 24 base grids, 2 dedicated grids).\n\
         Demo logins (password wangge-demo; staff sign in at /account): admin, dispatcher,\n\
         leader, worker-a, worker-b, handler, clerk, resident-a, resident-b, instructor, admin-b. Server log: {}\n\
         Ctrl-C (or SIGTERM / SIGHUP) stops everything.\n\
         server process group: {}",
        log.display(),
        server.pgid()
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

/// Starts `cargo xtask serve` as a child, sends it `signal` once the server answers, and
/// checks that the whole server process group is gone and the port is free again.
fn stops_on_signal(signal: i32, persist: &Path) -> Result<()> {
    let port = free_port()?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = std::process::Command::new(exe)
        .args(["serve", "--port", &port.to_string(), "--persist"])
        .arg(persist)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("xtask serve: {e}"))?;
    let out = child.stdout.take().ok_or("no stdout")?;
    let mut reader = std::io::BufReader::new(out);
    let mut pgid = None;
    let mut line = String::new();
    while std::io::BufRead::read_line(&mut reader, &mut line).unwrap_or(0) > 0 {
        if let Some(id) = line.trim().strip_prefix("server process group: ") {
            pgid = id.parse::<u32>().ok();
            break;
        }
        line.clear();
    }
    let Some(pgid) = pgid else {
        let _ = child.kill();
        return Err("xtask serve never reported its server".into());
    };
    // Keep reading what it prints, so its output never hits a closed pipe.
    let drain = std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    if http_status(port, "/api/v1/grids") != Some(200) {
        proc::stop_group_now(pgid);
        return Err("the server did not answer".into());
    }
    // The signal goes to xtask alone, as `kill` or a closing terminal would send it.
    proc::signal_pid(child.id(), signal);
    let exited = child.wait().map_err(|e| e.to_string())?;
    let _ = drain.join();
    let deadline = Instant::now() + Duration::from_secs(10);
    while proc::group_has_live_member(pgid) || http_status(port, "/api/v1/grids").is_some() {
        if Instant::now() > deadline {
            proc::stop_group_now(pgid);
            return Err(format!(
                "after signal {signal} xtask exited ({exited}) but its server group {pgid} or port {port} is still alive"
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    println!(
        "signal {signal}: xtask exited ({exited}); server group {pgid} gone, port {port} free"
    );
    Ok(())
}

pub fn test() -> Result<ExitCode> {
    install_stop_handler();
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

    step("migrations alone create no account (demo accounts come only from the demo seed)");
    let bare = work.join("d1-migrations-only");
    let _ = std::fs::remove_dir_all(&bare);
    add(
        "no accounts without the seed",
        check(migrate(&bare).and_then(|()| crate::admin::migrations_create_no_account(&bare))),
    );

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
                .env("WANGGE_BASE_URL", &base)
                .env("WANGGE_PERSIST_DIR", &persist)
                .env("WANGGE_FUNCTIONS_DIR", functions()),
        ),
    );

    step("`xtask admin create`: the new administrator signs in; the same login again is refused");
    add(
        "admin create",
        check(crate::admin::suite_check(&persist, &base)),
    );

    step("`xtask open311 issue|revoke`: an issued key files a request; revoked, it is refused");
    add(
        "open311 keys",
        check(crate::open311::suite_check(&persist, &base)),
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

    step("Lighthouse runs (the scores are `cargo xtask bench`'s business)");
    let report = work.join("lighthouse.json");
    add(
        "lighthouse",
        check(
            crate::bench::lighthouse(&format!("{base}/g/{DEMO_GRID}"), &report).map(|r| {
                println!(
                    "lighthouse /g/{DEMO_GRID}: score {:.0}, LCP {:.0} ms, TBT {:.0} ms",
                    r.score, r.lcp_ms, r.tbt_ms
                )
            }),
        ),
    );
    drop(server); // stops wrangler and workerd

    step("`xtask serve` stops its servers on SIGTERM and SIGHUP");
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        add(
            &format!("stop on signal {signal}"),
            check(stops_on_signal(signal, &persist)),
        );
    }

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
