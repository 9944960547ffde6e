//! `cargo xtask bench`, 报事 at county scale (issue 8): a local database with 1,000 more
//! grids, 100,000 reports and 500,000 timeline records, then the dispatcher's board, a
//! grid worker's queue and the report page through the local Worker. For each: p50/p95
//! latency beside the floor (a grid card, `GET /grids/{code}`, in the same run, requests
//! taken in turns so both see the same machine), and the rows D1 read (the Worker's
//! `X-Rows-Read`, every statement of the request, session look-up included) against the
//! rows returned. Budgets: rows read ≤ 2 × rows returned on every request; p95 ≤ 2 × the
//! floor's p95.

use crate::suite::{self, DEMO_GRID};
use crate::{root, step, Result};
use std::path::Path;
use std::time::{Duration, Instant};

const GRIDS: usize = 1_000;
const REPORTS: usize = 100_000;
const ACTIONS_PER_REPORT: usize = 5;
/// New villages under the demo township (codes 990101001101 …), 25 grids each.
const VILLAGES: usize = 40;
/// Reports go round 1,024 grid slots: the 1,000 new grids and the demo township's 24
/// base grids (so the demo grid workers have a queue).
const SLOTS: usize = 1_024;
/// The year the reports span, ending where the demo reports begin (2026-01-01 UTC).
const YEAR_START_MS: i64 = 1_735_689_600_000;
const STEP_MS: i64 = 315_360; // one year / 100,000
/// Reports this old or newer are recent: most are still open.
const RECENT_FROM: usize = 92_000;
/// 2025-03-01 UTC, inside the year the reports span.
const MARCH: i64 = 1_740_787_200_000;
/// A report's resolve-by in this seed: nine days after filing (seven working days, about;
/// the seed does not need the calendar, only deadlines that pass).
const RESOLVE_MS: i64 = 9 * 86_400_000;
/// The scheduled runs measured: from ten days after the last report, when every report
/// still open is overdue and the job has the most to do, a run every five minutes.
const SCHEDULED_FROM_MS: i64 = YEAR_START_MS + 365 * 86_400_000 + 10 * 86_400_000;
const SCHEDULED_RUNS: usize = 3;
/// The end of the year the seed spans, as Open311 writes it (its 90 days hold ~25,000).
const OPEN311_END: &str = "2026-01-01T00:00:00Z";
/// Requests per measured case, after warm-ups.
const N: usize = 200;
const WARM_UP: usize = 5;
/// A page this many pages down the board, for the deeper-page case.
const DEEP_PAGES: usize = 20;
const DEMO_PASSWORD: &str = "wangge-demo";
/// A grid worker whose queue is not empty in this seed: worker-b (西湾村第一网格; the
/// seed leaves worker-a's grid with nothing submitted or accepted).
const WORKER_LOGIN: &str = "worker-b";

type Step = (
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Every timeline: template, version, action, from, to, level after it, who (`reporter`,
/// `grid`, `village`, `dispatcher`, `system`), public text. `S` is the first state
/// (`submitted`, or `pending` when the reporter is anonymous).
#[rustfmt::skip]
const STEPS: &[Step] = &[
    // A: handled on the spot, closed without a rating.
    ("A", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("A", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("A", 3, "note", "accepted", "accepted", "grid", "grid", "已约好明天上门查看。"),
    ("A", 4, "handle_on_spot", "accepted", "handled_on_spot", "grid", "grid", "已现场处理。"),
    ("A", 5, "close", "handled_on_spot", "closed", "grid", "system", "七天未评价，自动办结。"),
    // B: handled on the spot, confirmed with a rating.
    ("B", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("B", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("B", 3, "note", "accepted", "accepted", "grid", "grid", "已约好明天上门查看。"),
    ("B", 4, "handle_on_spot", "accepted", "handled_on_spot", "grid", "grid", "已现场处理。"),
    ("B", 5, "confirm", "handled_on_spot", "confirmed", "grid", "reporter", "处理得很及时，满意。"),
    // C: rejected.
    ("C", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("C", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("C", 3, "note", "accepted", "accepted", "grid", "grid", "已到现场核实。"),
    ("C", 4, "note", "accepted", "accepted", "grid", "grid", "已电话联系反映人。"),
    ("C", 5, "reject", "accepted", "rejected", "grid", "grid", "不属于受理范围，已告知反映人。"),
    // D: merged into another report.
    ("D", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("D", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("D", 3, "note", "accepted", "accepted", "grid", "grid", "已到现场核实。"),
    ("D", 4, "note", "accepted", "accepted", "grid", "grid", "已电话联系反映人。"),
    ("D", 5, "merge", "accepted", "merged", "grid", "grid", "与同一问题的报事合并办理。"),
    // E: escalated twice and dispatched to a department.
    ("E", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("E", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("E", 3, "escalate", "accepted", "escalated", "village", "grid", "网格内无法处理，已上报村里。"),
    ("E", 4, "escalate", "escalated", "escalated", "township", "village", "已上报镇里派单。"),
    ("E", 5, "dispatch", "escalated", "dispatched", "township", "dispatcher", "已派单。"),
    // F: escalated to the village.
    ("F", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("F", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("F", 3, "note", "accepted", "accepted", "grid", "grid", "已到现场核实。"),
    ("F", 4, "note", "accepted", "accepted", "grid", "grid", "已电话联系反映人。"),
    ("F", 5, "escalate", "accepted", "escalated", "village", "grid", "网格内无法处理，已上报村里。"),
    // G: handled on the spot, awaiting the rating.
    ("G", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("G", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("G", 3, "note", "accepted", "accepted", "grid", "grid", "已到现场核实。"),
    ("G", 4, "note", "accepted", "accepted", "grid", "grid", "已联系维修人员。"),
    ("G", 5, "handle_on_spot", "accepted", "handled_on_spot", "grid", "grid", "已现场处理。"),
    // H: taken in, being worked on.
    ("H", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("H", 2, "accept", "S", "accepted", "grid", "grid", "网格员已受理。"),
    ("H", 3, "note", "accepted", "accepted", "grid", "grid", "已到现场核实。"),
    ("H", 4, "note", "accepted", "accepted", "grid", "grid", "已联系相关单位。"),
    ("H", 5, "note", "accepted", "accepted", "grid", "grid", "正在协调，请耐心等待。"),
    // I: filed, not yet taken in (the reporter and the worker have written).
    ("I", 1, "submit", "S", "S", "grid", "reporter", ""),
    ("I", 2, "note", "S", "S", "grid", "reporter", "补充：晚上更严重。"),
    ("I", 3, "note", "S", "S", "grid", "reporter", "补充：附近住户也反映过。"),
    ("I", 4, "note", "S", "S", "grid", "grid", "已收到，今天去看。"),
    ("I", 5, "note", "S", "S", "grid", "reporter", "谢谢。"),
];

/// Category and text, by report number mod 10.
const CATEGORIES: [(&str, &str); 10] = [
    ("env-garbage", "垃圾桶满了好几天没人清运，天热有味道。"),
    ("muni-light", "路口的路灯坏了，晚上很黑。"),
    ("muni-road", "路面塌了一个坑，电动车经过很危险。"),
    ("muni-drain", "下水道堵了，污水漫到路面上。"),
    ("order-noise", "晚上十一点后还有人放高音喇叭。"),
    ("order-parking", "货车长期停在消防通道上。"),
    ("dispute-neighbour", "邻居装修占用公共楼道，协商不成。"),
    ("groups-elderly", "独居老人几天没出门，请网格员去看看。"),
    ("safety-fire", "楼道里堆满纸箱和电动车，有火灾隐患。"),
    ("muni-water", "小区停水一整天了，没有通知。"),
];

const DEPARTMENTS: [&str; 5] = ["water", "power", "urban", "civil", "police"];

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The SQL expression for the code of grid slot `k` (0..1024).
fn slot_grid(k: &str) -> String {
    format!(
        "(CASE WHEN {k} < {GRIDS} THEN '990101001' || printf('%03d', 101 + {k} / 25) || printf('%03d', 1 + {k} % 25) \
         ELSE '990101001' || printf('%03d', 1 + ({k} - {GRIDS}) / 4) || printf('%03d', 1 + ({k} - {GRIDS}) % 4) END)"
    )
}

/// Report `i`'s creation time, in SQL and in Rust.
fn created_sql(i: &str) -> String {
    format!("({YEAR_START_MS} + {i} * {STEP_MS})")
}

/// Report `i`'s id: UUIDv7-shaped (its time in the first 48 bits), as SQL builds it.
fn id_sql(i: &str) -> String {
    let t = created_sql(i);
    format!(
        "printf('%08x-%04x-7%03x-8%03x-%012x', {t} / 65536, {t} % 65536, {i} % 4096, ({i} / 4096) % 4096, {i})"
    )
}

pub fn report_id(i: usize) -> String {
    let t = YEAR_START_MS + i as i64 * STEP_MS;
    format!(
        "{:08x}-{:04x}-7{:03x}-8{:03x}-{:012x}",
        t / 65536,
        t % 65536,
        i % 4096,
        (i / 4096) % 4096,
        i
    )
}

/// The rows every report statement starts from: number, grid slot, time, template and
/// whether the reporter is anonymous (about 2 in 7: a phone to call back).
fn report_rows() -> String {
    // A multiplicative hash spreads templates over grids and time.
    let h = "((i * 2654435761) % 4294967296) % 100";
    format!(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last}), \
         r AS (SELECT i, i % {SLOTS} AS k, {created} AS t, (i * 40503) % 7 < 2 AS anon, \
           CASE WHEN i < {RECENT_FROM} THEN \
             CASE WHEN {h} < 55 THEN 'A' WHEN {h} < 80 THEN 'B' WHEN {h} < 88 THEN 'C' \
               WHEN {h} < 92 THEN 'D' WHEN {h} < 95 THEN 'E' WHEN {h} < 97 THEN 'F' \
               WHEN {h} < 98 THEN 'G' WHEN {h} < 99 THEN 'H' ELSE 'I' END \
           ELSE \
             CASE WHEN {h} < 15 THEN 'I' WHEN {h} < 30 THEN 'H' WHEN {h} < 45 THEN 'G' \
               WHEN {h} < 58 THEN 'F' WHEN {h} < 78 THEN 'E' WHEN {h} < 85 THEN 'C' \
               WHEN {h} < 92 THEN 'A' ELSE 'B' END \
           END AS tpl FROM n), \
         steps(tpl, v, action, from_state, to_state, level, who, public_text) AS (VALUES {steps}), \
         cats(c, code, text) AS (VALUES {cats})",
        last = REPORTS - 1,
        created = created_sql("i"),
        steps = STEPS
            .iter()
            .map(|(t, v, a, f, to, l, w, p)| format!(
                "({}, {v}, {}, {}, {}, {}, {}, {})",
                quote(t),
                quote(a),
                quote(f),
                quote(to),
                quote(l),
                quote(w),
                quote(p)
            ))
            .collect::<Vec<_>>()
            .join(", "),
        cats = CATEGORIES
            .iter()
            .enumerate()
            .map(|(c, (code, text))| format!("({c}, {}, {})", quote(code), quote(text)))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// `S` as the reporter's first state.
fn state(col: &str) -> String {
    format!("(CASE WHEN {col} = 'S' THEN (CASE WHEN r.anon THEN 'pending' ELSE 'submitted' END) ELSE {col} END)")
}

/// The seed: grids, one household with a resident account per grid slot, the reports and
/// their timelines, each a single `INSERT … SELECT` over a recursive counter.
fn seed_sql() -> String {
    let mut sql = String::from("-- 报事 at county scale, for `cargo xtask bench` only.\n");
    sql += &format!(
        "WITH RECURSIVE v(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM v WHERE n < {VILLAGES}) \
         INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) \
         SELECT '990101001' || printf('%03d', 100 + n), '990101001', '压测第' || n || '村', \
         'village', 'basic', '压测数据', NULL, 1767225600 FROM v;\n"
    );
    sql += &format!(
        "WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k < {last}) \
         INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) \
         SELECT {code}, substr({code}, 1, 12), '压测第' || (1 + k / 25) || '村第' || (1 + k % 25) || '网格', \
         'grid', 'basic', '压测数据', 100, 1767225600 FROM g;\n",
        last = GRIDS - 1,
        code = slot_grid("k"),
    );
    sql += &format!(
        "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {last}) \
         INSERT INTO households (id, grid_code, address, active, updated_at) \
         SELECT 'hh-bench-' || printf('%04d', k), {code}, '压测地址' || k || '号', 1, 1767225600000 FROM s;\n",
        last = SLOTS - 1,
        code = slot_grid("k"),
    );
    sql += &format!(
        "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {last}) \
         INSERT INTO accounts (id, login, name, household_id, active, created_at) \
         SELECT 'acc-bench-' || printf('%04d', k), 'bench-' || printf('%04d', k), '压测居民' || k, \
         'hh-bench-' || printf('%04d', k), 1, 1767225600000 FROM s;\n",
        last = SLOTS - 1,
    );
    let departments = DEPARTMENTS
        .iter()
        .enumerate()
        .map(|(n, d)| format!("WHEN {n} THEN '{d}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let at = |v: &str| format!("(r.t + ({v} - 1) * 10800000)");
    sql += &format!(
        "{rows} INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, \
         state, level, department_id, version, created_at, updated_at, resolved_at, rating, \
         reporter_id, household_id, contact, on_behalf, merged_into, respond_by, resolve_by) \
         SELECT {id}, printf('%064d', r.i), c.code, c.text || '（压测第' || r.i || '号）', {grid}, \
         json_object('address', '压测地址' || r.k || '号附近'), '[]', {to}, s.level, \
         CASE WHEN s.action = 'dispatch' THEN CASE r.i % 5 {departments} END END, 5, r.t, {at5}, \
         CASE WHEN s.to_state IN ('handled_on_spot', 'closed', 'confirmed') THEN r.t + 3 * 10800000 END, \
         CASE WHEN s.action = 'confirm' THEN 3 + r.i % 3 END, \
         CASE WHEN r.anon THEN NULL ELSE 'acc-bench-' || printf('%04d', r.k) END, \
         CASE WHEN r.anon THEN NULL ELSE 'hh-bench-' || printf('%04d', r.k) END, \
         CASE WHEN r.anon THEN '137' || printf('%08d', r.i) END, 0, \
         CASE WHEN s.action = 'merge' THEN '0194a000-0000-7000-8000-000000000002' END, \
         CASE c.code WHEN 'safety-fire' THEN r.t + 900000 WHEN 'muni-water' THEN r.t + 86400000 END, \
         CASE WHEN c.code <> 'safety-fire' THEN r.t + {RESOLVE_MS} END \
         FROM r JOIN steps s ON s.tpl = r.tpl AND s.v = 5 JOIN cats c ON c.c = r.i % 10;\n",
        rows = report_rows(),
        id = id_sql("r.i"),
        grid = slot_grid("r.k"),
        to = state("s.to_state"),
        at5 = at("5"),
    );
    sql += &format!(
        "{rows} INSERT INTO report_actions (report_id, version, id, body_hash, action, account_id, \
         role, at, from_state, to_state, public_text, internal_text, photos, department_id, \
         category, rating, by_name) \
         SELECT {id}, s.v, CASE WHEN s.v = 1 THEN {id} ELSE \
         printf('%08x-%04x-7000-%04x-%012x', {at} / 65536, {at} % 65536, 36864 + s.v, r.i) END, \
         printf('%063d', r.i) || s.v, s.action, \
         CASE s.who WHEN 'reporter' THEN CASE WHEN r.anon THEN NULL ELSE 'acc-bench-' || printf('%04d', r.k) END \
           WHEN 'grid' THEN 'acc-worker-a' WHEN 'village' THEN 'acc-leader' \
           WHEN 'dispatcher' THEN 'acc-dispatcher' END, \
         CASE s.who WHEN 'reporter' THEN CASE WHEN r.anon THEN NULL ELSE 'resident' END \
           WHEN 'grid' THEN 'grid_worker' WHEN 'village' THEN 'grid_leader' \
           WHEN 'dispatcher' THEN 'dispatcher' END, \
         {at}, {from}, {to}, s.public_text, '', '[]', \
         CASE WHEN s.action = 'dispatch' THEN CASE r.i % 5 {departments} END END, \
         CASE WHEN s.v = 1 THEN c.code END, CASE WHEN s.action = 'confirm' THEN 3 + r.i % 3 END, \
         (SELECT a.name FROM accounts a WHERE a.id = CASE s.who WHEN 'grid' THEN 'acc-worker-a' \
           WHEN 'village' THEN 'acc-leader' WHEN 'dispatcher' THEN 'acc-dispatcher' END) \
         FROM r JOIN steps s ON s.tpl = r.tpl JOIN cats c ON c.c = r.i % 10;\n",
        rows = report_rows(),
        id = id_sql("r.i"),
        at = at("s.v"),
        from = state("s.from_state"),
        to = state("s.to_state"),
    );
    sql
}

/// Adds the county-scale reports to the local D1 state in `persist` (no server running).
pub fn seed(persist: &Path) -> Result<()> {
    step(&format!(
        "报事 at county scale: adding {GRIDS} grids, {REPORTS} reports, {} timeline records",
        REPORTS * ACTIONS_PER_REPORT
    ));
    let path = root().join("target").join("reports-bench.sql");
    std::fs::write(&path, seed_sql()).map_err(|e| format!("{}: {e}", path.display()))?;
    let started = Instant::now();
    crate::proc::run_quiet(suite::d1_execute(persist, ["--file"]).arg(&path))?;
    println!(
        "loaded in {:.1} s ({} B of SQL)",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
    );
    Ok(())
}

/// A signed-in (or anonymous) client of the local Worker.
pub(crate) struct Client {
    base: String,
    agent: ureq::Agent,
    cookie: Option<String>,
}

/// One answer: status, `X-Rows-Read`, body, and how long it took.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) rows_read: Option<u64>,
    pub(crate) body: serde_json::Value,
    pub(crate) ms: f64,
}

impl Client {
    pub(crate) fn new(base: &str) -> Client {
        Client {
            base: base.to_owned(),
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
            cookie: None,
        }
    }

    pub(crate) fn signed_in(base: &str, login: &str, address: &str) -> Result<Client> {
        let mut c = Client::new(base);
        let resp = c
            .agent
            .post(format!("{base}/api/v1/session"))
            .header("Origin", base)
            .header("CF-Connecting-IP", address)
            .send_json(serde_json::json!({ "login": login, "password": DEMO_PASSWORD }))
            .map_err(|e| format!("sign in as {login}: {e}"))?;
        if resp.status() != 200 {
            return Err(format!("sign in as {login}: {}", resp.status()));
        }
        c.cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("wangge_session="))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        if c.cookie.is_none() {
            return Err(format!("sign in as {login}: no session cookie"));
        }
        Ok(c)
    }

    pub(crate) fn get(&self, path: &str) -> Result<Answer> {
        self.send("GET", path, None)
    }

    /// A request with an optional JSON body (writes carry our own `Origin`).
    pub(crate) fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<Answer> {
        let url = format!("{}{path}", self.base);
        let mut req = ureq::http::Request::builder()
            .method(method)
            .uri(&url)
            .header("Origin", &self.base)
            .header("Content-Type", "application/json");
        if let Some(c) = &self.cookie {
            req = req.header("Cookie", c);
        }
        let req = req
            .body(body.map(|b| b.to_string()).unwrap_or_default())
            .map_err(|e| format!("{method} {url}: {e}"))?;
        let started = Instant::now();
        let mut resp = self
            .agent
            .run(req)
            .map_err(|e| format!("{method} {url}: {e}"))?;
        let text = resp
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("GET {url}: {e}"))?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let rows_read = resp
            .headers()
            .get("x-rows-read")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok());
        Ok(Answer {
            status: resp.status().as_u16(),
            rows_read,
            body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
            ms,
        })
    }
}

/// What a measured request returned, in rows: a page's items, a report and its timeline,
/// a grid card's grid, chain, children and people.
fn rows_returned(body: &serde_json::Value) -> usize {
    let len = |k: &str| body[k].as_array().map_or(0, Vec::len);
    if let Some(list) = body.as_array() {
        list.len()
    } else if body.get("items").is_some() {
        len("items")
    } else if body.get("timeline").is_some() {
        1 + len("timeline")
    } else {
        1 + len("chain") + len("children") + len("people")
    }
}

/// One measured case: who asks, and the paths it asks for (one, or one per request).
struct Case {
    name: String,
    client: usize,
    paths: Vec<String>,
    /// Held to the rows budget (the floor is not).
    budget: bool,
    /// Held to the time budget too (issue 8's lists; not a 1,000-request Open311 answer,
    /// whose issue sets a rows budget only).
    timed: bool,
    ms: Vec<f64>,
    read: Vec<u64>,
    returned: Vec<usize>,
}

impl Case {
    fn new(name: &str, client: usize, paths: Vec<String>, budget: bool) -> Case {
        Case {
            name: name.to_owned(),
            client,
            paths,
            budget,
            timed: budget,
            ms: Vec::new(),
            read: Vec::new(),
            returned: Vec::new(),
        }
    }

    /// Held to the rows budget only.
    fn untimed(self) -> Case {
        Case {
            timed: false,
            ..self
        }
    }

    fn path(&self, round: usize) -> &str {
        &self.paths[round % self.paths.len()]
    }

    /// Whether every request read at most twice the rows it returned.
    fn rows_ok(&self) -> bool {
        self.read
            .iter()
            .zip(&self.returned)
            .all(|(r, n)| *r <= 2 * *n as u64)
    }
}

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

pub(crate) fn median<T: Copy + Ord>(v: &[T]) -> Option<T> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.get(v.len() / 2).copied()
}

/// A small deterministic generator for the report ids asked for (no randomness crate).
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Signs in, takes every case in turns (`N` rounds after warm-ups) and prints the table;
/// true when every budgeted case is within budget.
pub fn measure(base: &str) -> Result<bool> {
    step(&format!(
        "报事 at county scale through the local Worker ({N} requests each, taken in turns)"
    ));
    let clients = [
        Client::new(base),
        // TEST-NET-2 addresses: never the API tests' or the admin check's.
        Client::signed_in(base, "dispatcher", "198.51.100.1")?,
        Client::signed_in(base, WORKER_LOGIN, "198.51.100.2")?,
    ];
    let (anon, dispatcher, worker) = (0, 1, 2);
    // The cursor of a page DEEP_PAGES down the board.
    let mut cursor = String::new();
    for _ in 0..DEEP_PAGES {
        let a = clients[dispatcher].get(&format!("/api/v1/reports?cursor={cursor}"))?;
        cursor = a.body["cursor"]
            .as_str()
            .ok_or_else(|| format!("the board ended before page {DEEP_PAGES}"))?
            .to_owned();
    }
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let report_pages: Vec<String> = (0..N)
        .map(|_| {
            let i = (xorshift(&mut seed) % REPORTS as u64) as usize;
            format!("/api/v1/reports/{}", report_id(i))
        })
        .collect();
    let village = "990101001101";
    let mut cases = vec![
        Case::new(
            &format!("floor: grid card /grids/{DEMO_GRID}"),
            anon,
            vec![format!("/api/v1/grids/{DEMO_GRID}")],
            false,
        ),
        Case::new(
            "board: first page",
            dispatcher,
            vec!["/api/v1/reports".into()],
            true,
        ),
        Case::new(
            &format!("board: page {}", DEEP_PAGES + 1),
            dispatcher,
            vec![format!("/api/v1/reports?cursor={cursor}")],
            true,
        ),
        Case::new(
            "board: status=dispatched",
            dispatcher,
            vec!["/api/v1/reports?status=dispatched".into()],
            true,
        ),
        Case::new(
            &format!("board: grid={village} (a village)"),
            dispatcher,
            vec![format!("/api/v1/reports?grid={village}")],
            true,
        ),
        Case::new(
            "board: category=muni-light (a tenth)",
            dispatcher,
            vec!["/api/v1/reports?category=muni-light".into()],
            true,
        ),
        Case::new(
            "board: category=muni, two states",
            dispatcher,
            vec!["/api/v1/reports?category=muni&status=escalated,dispatched".into()],
            true,
        ),
        Case::new(
            "board: department=water",
            dispatcher,
            vec!["/api/v1/reports?department=water".into()],
            true,
        ),
        Case::new(
            "board: filed in one month (March)",
            dispatcher,
            vec![format!(
                "/api/v1/reports?from={MARCH}&to={}",
                MARCH + 31 * 86_400_000
            )],
            true,
        ),
        Case::new(
            &format!("queue: {WORKER_LOGIN} submitted,accepted"),
            worker,
            vec!["/api/v1/reports?status=submitted,accepted".into()],
            true,
        ),
        Case::new("report page: random report", dispatcher, report_pages, true),
        // The default window is the last 90 days, which this seed (a past year) leaves
        // nearly empty: shown, not held to the budget; the next case is the same span
        // where the seed has reports.
        Case::new(
            "open311 requests.json (default: 90 days to now)",
            anon,
            vec!["/open311/v2/requests.json".into()],
            false,
        ),
        Case::new(
            "open311 requests.json, 90 days to the seed's end",
            anon,
            vec![format!("/open311/v2/requests.json?end_date={OPEN311_END}")],
            true,
        )
        .untimed(),
    ];
    for round in 0..WARM_UP + N {
        for case in cases.iter_mut() {
            let path = case.path(round).to_owned();
            let a = clients[case.client].get(&path)?;
            if a.status != 200 {
                return Err(format!("GET {path}: {} {}", a.status, a.body));
            }
            if round < WARM_UP {
                continue;
            }
            case.ms.push(a.ms);
            case.read.push(
                a.rows_read
                    .ok_or_else(|| format!("GET {path}: no X-Rows-Read header"))?,
            );
            case.returned.push(rows_returned(&a.body));
        }
    }
    for case in cases.iter_mut() {
        case.ms.sort_by(f64::total_cmp);
    }
    let floor_p95 = percentile(&cases[0].ms, 0.95);
    println!(
        "\n{:<40} {:>7} {:>7} {:>10} {:>9}  {:<10} p95 ≤2× floor",
        "request", "p50 ms", "p95 ms", "rows read", "returned", "rows ≤2×"
    );
    let mut ok = true;
    for case in &cases {
        let (p50, p95) = (percentile(&case.ms, 0.5), percentile(&case.ms, 0.95));
        let read = match (median(&case.read), case.read.iter().max()) {
            (Some(m), Some(x)) if m == *x => format!("{m}"),
            (Some(m), Some(x)) => format!("{m} (≤{x})"),
            _ => "-".into(),
        };
        let returned = match (median(&case.returned), case.returned.iter().min()) {
            (Some(m), Some(n)) if m == *n => format!("{m}"),
            (Some(m), Some(n)) => format!("{m} (≥{n})"),
            _ => "-".into(),
        };
        let (rows, time) = if case.budget {
            let rows_ok = case.rows_ok();
            let time_ok = p95 <= 2.0 * floor_p95;
            ok &= rows_ok && (time_ok || !case.timed);
            (
                if rows_ok { "ok" } else { "OVER" },
                match (case.timed, time_ok) {
                    (false, _) => "(no budget)",
                    (true, true) => "ok",
                    (true, false) => "OVER",
                },
            )
        } else {
            ("(floor)", "(floor)")
        };
        println!(
            "{:<40} {p50:>7.1} {p95:>7.1} {read:>10} {returned:>9}  {rows:<10} {time}",
            case.name
        );
    }
    println!(
        "rows read: D1 meta.rows_read of every statement of the request (session, roles, \
         access log, the query), median (max); returned: items, or a report and its timeline"
    );
    Ok(ok)
}

/// One scheduled run as the job logged it (`deadlines at {time}: …` in `lib.rs`).
#[derive(Debug, Default, PartialEq, Eq)]
struct JobLine {
    due_soon: u64,
    overdue: u64,
    unanswered: u64,
    notices: u64,
    statements: u64,
    rows_read: u64,
}

/// The numbers of the job's line for `time` in the Worker's log.
fn job_line(log: &str, time: i64) -> Option<JobLine> {
    let line = log
        .lines()
        .rev()
        .find(|l| l.contains(&format!("deadlines at {time}:")))?;
    let rest = line.split_once(&format!("deadlines at {time}:"))?.1;
    let n: Vec<u64> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse().ok())
        .collect();
    match n.as_slice() {
        [due_soon, overdue, unanswered, notices, statements, rows_read, ..] => Some(JobLine {
            due_soon: *due_soon,
            overdue: *overdue,
            unanswered: *unanswered,
            notices: *notices,
            statements: *statements,
            rows_read: *rows_read,
        }),
        _ => None,
    }
}

/// D1 queries one invocation may make on the free plan.
const QUERIES_PER_INVOCATION: u64 = 50;

/// The scheduled job over the county-scale seed: `SCHEDULED_RUNS` runs five minutes
/// apart, each through wrangler's scheduled endpoint, with what the job logged (records,
/// notices, D1 statements in its one batch, rows read) and the run's wall time (local
/// workerd reports no CPU time: wall time, D1 included, bounds it).
pub fn scheduled(base: &str, log: &Path) -> Result<bool> {
    step(&format!(
        "the scheduled job over {REPORTS} reports ({SCHEDULED_RUNS} runs, five minutes apart)"
    ));
    let client = Client::new(base);
    println!(
        "\n{:<6} {:>9} {:>8} {:>11} {:>8} {:>11} {:>10} {:>8}",
        "run", "due soon", "overdue", "unanswered", "notices", "statements", "rows read", "wall ms"
    );
    let mut ok = true;
    for k in 0..SCHEDULED_RUNS {
        let time = SCHEDULED_FROM_MS + k as i64 * 300_000;
        let a = client.get(&format!(
            "/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*&time={time}"
        ))?;
        if a.status != 200 {
            return Err(format!("scheduled run at {time}: {}", a.status));
        }
        // The log line is written as the run ends; give the file a moment.
        let mut line = None;
        for _ in 0..50 {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            line = job_line(&text, time);
            if line.is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let j =
            line.ok_or_else(|| format!("no log line of the run at {time} in {}", log.display()))?;
        // One batch is one call; its statements are what the plan counts.
        ok &= j.statements <= QUERIES_PER_INVOCATION;
        println!(
            "{:<6} {:>9} {:>8} {:>11} {:>8} {:>11} {:>10} {:>8.0}",
            k + 1,
            j.due_soon,
            j.overdue,
            j.unanswered,
            j.notices,
            j.statements,
            j.rows_read,
            a.ms
        );
    }
    println!(
        "each run: one D1 batch (budget: ≤ {QUERIES_PER_INVOCATION} queries an invocation on the \
         free plan); at most {} reports recorded per clock and run, the rest in the next runs",
        500
    );
    Ok(ok)
}

/// Seeds the county-scale reports into `persist`, serves it on a free port, measures.
pub fn run(persist: &Path, work: &Path) -> Result<bool> {
    seed(persist)?;
    let port = suite::free_port()?;
    let log = work.join("wrangler-reports.log");
    let server = suite::serve(port, persist, &log)?;
    let base = format!("http://127.0.0.1:{port}");
    // The job changes versions and flags: after the measured reads.
    let ok = measure(&base).and_then(|ok| Ok(scheduled(&base, &log)? && ok));
    drop(server);
    // Let the server go before anything else uses the state.
    std::thread::sleep(Duration::from_millis(200));
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jobs_log_line_is_read_back() {
        let log = "x\n[wrangler:info] deadlines at 5: 1 due soon, 500 overdue, 3 unanswered, \
                   1200 notices; 12 statements, 4567 rows read\n";
        assert_eq!(
            job_line(log, 5),
            Some(JobLine {
                due_soon: 1,
                overdue: 500,
                unanswered: 3,
                notices: 1200,
                statements: 12,
                rows_read: 4567
            })
        );
        assert_eq!(job_line(log, 6), None);
    }

    #[test]
    fn report_ids_are_uuid_shaped_and_distinct() {
        let a = report_id(0);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "7");
        assert_ne!(report_id(1), report_id(4097));
        assert!(wangge_core::households::valid_id(&report_id(REPORTS - 1)));
    }

    #[test]
    fn every_template_has_five_steps() {
        for t in ["A", "B", "C", "D", "E", "F", "G", "H", "I"] {
            let v: Vec<u32> = STEPS.iter().filter(|s| s.0 == t).map(|s| s.1).collect();
            assert_eq!(v, [1, 2, 3, 4, 5], "template {t}");
        }
        for s in STEPS {
            for state in [s.3, s.4] {
                assert!(
                    state == "S" || wangge_core::reports::ReportState::parse(state).is_some(),
                    "{state}"
                );
            }
            assert!(
                wangge_core::reports::ActionKind::parse(s.2).is_some(),
                "{}",
                s.2
            );
        }
    }
}
