//! Running child processes: plainly, captured, counted (test output), or in the
//! background as a process group that is always stopped (also on Ctrl-C).

use crate::Result;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: impl AsRef<std::ffi::OsStr>) -> Cmd {
        let shown = program.as_ref().to_string_lossy().into_owned();
        Cmd {
            inner: Command::new(program),
            shown,
        }
    }
    pub fn arg(mut self, a: impl AsRef<std::ffi::OsStr>) -> Cmd {
        self.shown.push(' ');
        self.shown.push_str(&a.as_ref().to_string_lossy());
        self.inner.arg(a);
        self
    }
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(mut self, args: I) -> Cmd {
        for a in args {
            self = self.arg(a);
        }
        self
    }
    pub fn cwd(mut self, dir: &Path) -> Cmd {
        self.inner.current_dir(dir);
        self
    }
    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Cmd {
        self.inner.env(k, v);
        self
    }
}

/// Runs to completion with inherited output; non-zero exit is an error.
pub fn run(mut cmd: Cmd) -> Result<()> {
    println!("$ {}", cmd.shown);
    let status = cmd
        .inner
        .status()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", cmd.shown))
    }
}

/// Runs with output captured; shows it only if the command fails.
pub fn run_quiet(mut cmd: Cmd) -> Result<()> {
    println!("$ {}", cmd.shown);
    let out = cmd
        .inner
        .output()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if out.status.success() {
        return Ok(());
    }
    eprintln!("{}", String::from_utf8_lossy(&out.stdout));
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    Err(format!("`{}` failed ({})", cmd.shown, out.status))
}

/// Runs and returns stdout; non-zero exit is an error.
pub fn capture(mut cmd: Cmd) -> Result<String> {
    let out = cmd
        .inner
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{}` failed ({})", cmd.shown, out.status))
    }
}

/// Runs and returns stdout; on a non-zero exit the error carries what the command printed
/// (for errors worth reading, such as a database refusing a write).
pub fn capture_explained(mut cmd: Cmd) -> Result<String> {
    let out = cmd
        .inner
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", cmd.shown))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Err(format!(
        "`{}` failed ({}):\n{}",
        cmd.shown,
        out.status,
        printed.trim()
    ))
}

/// Tests passed and failed, as read off a runner's summary lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u32,
    pub failed: u32,
}

/// Reads the summary lines of cargo test / wasm-bindgen-test-runner
/// (`test result: ok. 3 passed; 0 failed; …`) and of node's test runner
/// (`ℹ pass 3`, `ℹ fail 0`, or TAP's `# pass 3`).
pub fn count_line(line: &str, c: &mut Counts) {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("test result:") {
        for part in rest.split([';', '.']) {
            let mut w = part.split_whitespace();
            if let (Some(n), Some(kind)) = (w.next(), w.next()) {
                if let Ok(n) = n.parse::<u32>() {
                    match kind {
                        "passed" => c.passed += n,
                        "failed" => c.failed += n,
                        _ => {}
                    }
                }
            }
        }
        return;
    }
    let rest = line
        .strip_prefix("ℹ ")
        .or_else(|| line.strip_prefix("# "))
        .unwrap_or("");
    let mut w = rest.split_whitespace();
    if let (Some(kind), Some(n), None) = (w.next(), w.next(), w.next()) {
        if let Ok(n) = n.parse::<u32>() {
            match kind {
                "pass" => c.passed += n,
                // A cancelled test (failed hook, timeout) did not pass.
                "fail" | "cancelled" => c.failed += n,
                _ => {}
            }
        }
    }
}

/// Runs a test suite, echoing its output and counting its tests. A suite that fails
/// without reporting a failed test (e.g. it did not compile) counts as one failure.
pub fn run_counting(mut cmd: Cmd) -> Counts {
    println!("$ {}", cmd.shown);
    let mut counts = Counts::default();
    let child = cmd.inner.stdout(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}: {e}", cmd.shown);
            return Counts {
                passed: 0,
                failed: 1,
            };
        }
    };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            count_line(&line, &mut counts);
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok && counts.failed == 0 {
        counts.failed = 1;
    }
    counts
}

/// Process groups started in the background, stopped on exit and on Ctrl-C.
static GROUPS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Set once we were told to stop: a server ending then is our doing, not a failure.
pub static STOPPING: AtomicBool = AtomicBool::new(false);

/// Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed terminal (SIGHUP) all stop every
/// background group before xtask exits, so no server is left holding a port.
pub fn install_stop_handler() {
    let _ = ctrlc::set_handler(|| {
        STOPPING.store(true, Ordering::SeqCst);
        stop_all();
        std::process::exit(130);
    });
}

fn kill_group(pgid: u32, signal: i32) {
    // SAFETY: kill(2) with a negative pid signals a process group we created; no memory involved.
    unsafe {
        libc::kill(-(pgid as i32), signal);
    }
}

/// Stops every background group still running (also called on Ctrl-C and at exit).
pub fn stop_all() {
    let groups: Vec<u32> = GROUPS
        .lock()
        .map(|mut g| g.drain(..).collect())
        .unwrap_or_default();
    for pgid in groups {
        stop_group(pgid, || {});
    }
}

fn group_alive(pgid: u32) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    unsafe { libc::kill(-(pgid as i32), 0) == 0 }
}

/// Whether any process of the group is still running; zombies (exited, waiting for a
/// parent that may never reap them, e.g. PID 1 in a container) do not count.
pub fn group_has_live_member(pgid: u32) -> bool {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return group_alive(pgid);
    };
    entries.flatten().any(|e| {
        let stat = std::fs::read_to_string(e.path().join("stat")).unwrap_or_default();
        // `pid (comm) state ppid pgrp …`; comm may hold spaces and parentheses.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        matches!(fields.as_slice(), [state, _ppid, pgrp, ..] if *state != "Z" && pgrp.parse() == Ok(pgid))
    })
}

/// Sends `signal` to one process (not its group).
pub fn signal_pid(pid: u32, signal: i32) {
    // SAFETY: kill(2) on a child we spawned; no memory involved.
    unsafe {
        libc::kill(pid as i32, signal);
    }
}

/// Stops a group right away (clean-up after a failed check).
pub fn stop_group_now(pgid: u32) {
    stop_group(pgid, || {});
}

/// SIGTERM, up to 3 s to exit (wrangler shuts workerd down), then SIGKILL. `reap` is
/// called while waiting: an exited but unreaped leader still counts as a group member.
fn stop_group(pgid: u32, mut reap: impl FnMut()) {
    kill_group(pgid, libc::SIGTERM);
    for _ in 0..30 {
        reap();
        if !group_alive(pgid) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    kill_group(pgid, libc::SIGKILL);
}

/// A background process (and everything it spawns) in its own process group, stopped
/// when dropped.
pub struct Background {
    child: Child,
}

impl Background {
    /// Starts `cmd` with output to `log` (so no stray process can hold our stdout).
    pub fn start(mut cmd: Cmd, log: &Path) -> Result<Background> {
        println!("$ {}  (log: {})", cmd.shown, log.display());
        let file = std::fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        let child = cmd
            .inner
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(err)
            .process_group(0)
            .spawn()
            .map_err(|e| format!("{}: {e}", cmd.shown))?;
        if let Ok(mut g) = GROUPS.lock() {
            g.push(child.id());
        }
        Ok(Background { child })
    }

    /// The process group id (the leader's pid).
    pub fn pgid(&self) -> u32 {
        self.child.id()
    }

    pub fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// Waits for the process to end by itself; true if it exited successfully.
    pub fn wait(&mut self) -> bool {
        self.child.wait().map(|s| s.success()).unwrap_or(false)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let id = self.child.id();
        if let Ok(mut g) = GROUPS.lock() {
            g.retain(|p| *p != id);
        }
        let child = &mut self.child;
        stop_group(id, || {
            let _ = child.try_wait();
        });
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_summaries() {
        let mut c = Counts::default();
        count_line(
            "test result: ok. 14 passed; 0 failed; 0 ignored; 0 measured",
            &mut c,
        );
        count_line("test result: FAILED. 2 passed; 1 failed; 0 ignored", &mut c);
        count_line("ℹ pass 7", &mut c);
        count_line("ℹ fail 2", &mut c);
        count_line("# pass 1", &mut c);
        count_line("ℹ tests 9", &mut c);
        count_line("something pass 5 unrelated", &mut c);
        assert_eq!(
            c,
            Counts {
                passed: 24,
                failed: 3
            }
        );
    }
}
