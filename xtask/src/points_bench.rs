//! 积分超市 at county scale, for `cargo xtask bench`: 50,000 households and 500,000 ledger
//! entries. Redemptions by 50 concurrent clients, their p50/p95 printed beside the floor
//! (a grid card, asked by 50 concurrent clients in the same run; budget p95 ≤ 3× the
//! floor's); and the passbook, whose rows read must stay within 2× the rows it returns
//! (the balance is one row: it never adds up the ledger).

use crate::reports_bench::{median, percentile, Client};
use crate::suite::{self, DEMO_GRID};
use crate::{root, step, Result};
use std::path::Path;
use std::time::{Duration, Instant};

const HOUSEHOLDS: usize = 50_000;
/// Entries of every household: five awards, each approved.
const ENTRIES_EACH: usize = 10;
/// One household with a long history, for a deep passbook page.
const LONG_HISTORY: usize = 200;
/// Concurrent clients, and requests each makes.
const CLIENTS: usize = 50;
const ROUNDS: usize = 10;
const VILLAGE: &str = "990101001003";
const SHOP: &str = "shop-990101001003";
const GOODS: &str = "g-bench";
/// Redemption p95 may be at most this many times the floor's.
const TIMES_FLOOR: f64 = 3.0;

/// Household `k`'s id; the first `CLIENTS + 1` live in the shop's village, the rest in
/// 西湾村's four grids.
fn household(k: usize) -> String {
    format!("hh-pb-{k:05}")
}

fn seed_sql() -> String {
    let at = 1_767_225_600_000_i64;
    let mut sql = String::from("-- 积分超市 at county scale, for `cargo xtask bench` only.\n");
    sql += &format!(
        "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {last}) \
         INSERT INTO households (id, grid_code, address, active, updated_at) \
         SELECT 'hh-pb-' || printf('%05d', k), \
           CASE WHEN k <= {CLIENTS} THEN '{VILLAGE}002' ELSE '990101001004' || printf('%03d', 1 + k % 4) END, \
           '压测积分户' || k || '号', 1, {at} FROM s;\n",
        last = HOUSEHOLDS - 1,
    );
    sql += &format!(
        "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {last}) \
         INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) \
         SELECT 'm-pb-' || printf('%05d', k), 'hh-pb-' || printf('%05d', k), '压测户主' || k, 'head', NULL, 0, 1, {at} FROM s;\n",
        last = HOUSEHOLDS - 1,
    );
    // Entry j (1-based) of a household: odd, an award into notice; even, its approval.
    let entries = |from_k: usize, to_k: usize, from_j: usize, to_j: usize| {
        format!(
            "WITH RECURSIVE s(k) AS (SELECT {from_k} UNION ALL SELECT k + 1 FROM s WHERE k < {to_k}), \
             e(j) AS (SELECT {from_j} UNION ALL SELECT j + 1 FROM e WHERE j < {to_j}) \
             INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, \
               spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, \
               rule_code, rule_name, note, recorded_by, by_name, at) \
             SELECT 'pb-' || k || '-' || j, 'hh-pb-' || printf('%05d', k), \
               CASE WHEN k <= {CLIENTS} THEN '{VILLAGE}' ELSE '990101001004' END, j, \
               CASE j % 2 WHEN 1 THEN 'award' ELSE 'approve' END, 10, \
               CASE j % 2 WHEN 1 THEN 0 ELSE 10 END, CASE j % 2 WHEN 1 THEN 10 ELSE -10 END, \
               (j / 2) * 10, (j % 2) * 10, NULL, \
               CASE j % 2 WHEN 0 THEN 'pb-' || k || '-' || (j - 1) END, 'pa-01', \
               '参与矛盾调解、提供安全隐患线索', '压测', 'acc-worker-a', '李秀梅', \
               {at} + j * 3600000 FROM s, e;\n"
        )
    };
    sql += &entries(0, HOUSEHOLDS - 1, 1, ENTRIES_EACH);
    sql += &entries(0, 0, ENTRIES_EACH + 1, LONG_HISTORY);
    sql += &format!(
        "WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {last}) \
         INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) \
         SELECT 'hh-pb-' || printf('%05d', k), \
           CASE WHEN k <= {CLIENTS} THEN '{VILLAGE}' ELSE '990101001004' END, \
           CASE WHEN k = 0 THEN {LONG_HISTORY} ELSE {ENTRIES_EACH} END, \
           CASE WHEN k = 0 THEN {long} ELSE {each} END, 0, \
           CASE WHEN k = 0 THEN {long} ELSE {each} END FROM s;\n",
        last = HOUSEHOLDS - 1,
        long = LONG_HISTORY / 2 * 10,
        each = ENTRIES_EACH / 2 * 10,
    );
    sql += &format!(
        "INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) \
         VALUES ('{GOODS}', '{SHOP}', '压测肥皂', '块', NULL, 1, 1000000, 1, 99, {at});\n"
    );
    sql
}

fn seed(persist: &Path) -> Result<()> {
    let total = (HOUSEHOLDS - 1) * ENTRIES_EACH + LONG_HISTORY;
    step(&format!(
        "积分超市 at county scale: adding {HOUSEHOLDS} households, {total} ledger entries"
    ));
    let path = root().join("target").join("points-bench.sql");
    std::fs::write(&path, seed_sql()).map_err(|e| format!("{}: {e}", path.display()))?;
    let started = Instant::now();
    crate::proc::run_quiet(suite::d1_execute(persist, ["--file"]).arg(&path))?;
    println!("loaded in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// `CLIENTS` threads, each making `ROUNDS` requests with `ask(client, round)`; the
/// latencies, sorted, and every answer's status.
fn storm(
    ask: impl Fn(usize, usize) -> Result<crate::reports_bench::Answer> + Sync,
) -> Result<(Vec<f64>, Vec<u16>)> {
    let results: Vec<Result<Vec<(f64, u16)>>> = std::thread::scope(|s| {
        let ask = &ask;
        let handles: Vec<_> = (0..CLIENTS)
            .map(|c| {
                s.spawn(move || {
                    (0..ROUNDS)
                        .map(|r| ask(c, r).map(|a| (a.ms, a.status)))
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a client thread panicked".into()))
            })
            .collect()
    });
    let mut ms = Vec::new();
    let mut statuses = Vec::new();
    for r in results {
        for (m, st) in r? {
            ms.push(m);
            statuses.push(st);
        }
    }
    ms.sort_by(f64::total_cmp);
    Ok((ms, statuses))
}

/// Measures; true when within budget.
fn measure(base: &str) -> Result<bool> {
    step(&format!(
        "积分超市 through the local Worker: {CLIENTS} concurrent clients × {ROUNDS} requests"
    ));
    let clerk = Client::signed_in(base, "clerk", "198.51.100.21")?;
    // The county's administrator reads any household's passbook.
    let reader = Client::signed_in(base, "admin", "198.51.100.22")?;
    let anon = Client::new(base);
    // Warm up both paths.
    for k in 0..5 {
        anon.get(&format!("/api/v1/grids/{DEMO_GRID}"))?;
        reader.get(&format!("/api/v1/households/{}/passbook", household(k + 1)))?;
    }
    let (floor, floor_status) = storm(|_, _| anon.get(&format!("/api/v1/grids/{DEMO_GRID}")))?;
    if floor_status.iter().any(|s| *s != 200) {
        return Err("the grid card failed under load".into());
    }
    let started = Instant::now();
    let (redeem, statuses) = storm(|c, r| {
        let id = format!("0199b000-{c:04x}-7000-8000-{r:012x}");
        clerk.send(
            "POST",
            &format!("/api/v1/shops/{SHOP}/redemptions"),
            Some(&serde_json::json!({"id": id, "household": household(c + 1),
                "items": [{"goods": GOODS, "qty": 1}]})),
        )
    })?;
    let wall = started.elapsed();
    let done = statuses.iter().filter(|s| **s == 201).count();
    if done != CLIENTS * ROUNDS {
        return Err(format!(
            "{done} of {} redemptions succeeded: {:?}",
            CLIENTS * ROUNDS,
            statuses.iter().filter(|s| **s != 201).collect::<Vec<_>>()
        ));
    }
    // The passbook: a short one (10 entries), and page 3 of a long one (200 entries).
    let long = household(0);
    let first = reader.get(&format!("/api/v1/households/{long}/passbook"))?;
    let cursor = first.body["cursor"].as_str().unwrap_or_default().to_owned();
    let second = reader.get(&format!(
        "/api/v1/households/{long}/passbook?cursor={cursor}"
    ))?;
    let deep_cursor = second.body["cursor"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let pages = [
        (
            "passbook: 10 entries".to_owned(),
            format!("/api/v1/households/{}/passbook", household(CLIENTS + 7)),
        ),
        (
            "passbook: page 1 of 200 entries".into(),
            format!("/api/v1/households/{long}/passbook"),
        ),
        (
            "passbook: page 3 of 200 entries".into(),
            format!("/api/v1/households/{long}/passbook?cursor={deep_cursor}"),
        ),
    ];
    let mut ok = true;
    let (f50, f95) = (percentile(&floor, 0.5), percentile(&floor, 0.95));
    let (r50, r95) = (percentile(&redeem, 0.5), percentile(&redeem, 0.95));
    println!(
        "\n{:<36} {:>7} {:>7}  budget",
        "request (50 clients at once)", "p50 ms", "p95 ms"
    );
    println!(
        "{:<36} {f50:>7.1} {f95:>7.1}  (floor)",
        format!("floor: grid card /grids/{DEMO_GRID}")
    );
    let within = r95 <= TIMES_FLOOR * f95;
    ok &= within;
    println!(
        "{:<36} {r50:>7.1} {r95:>7.1}  p95 ≤ {TIMES_FLOOR}× floor ({:.1}): {}",
        "redemption (one D1 batch)",
        TIMES_FLOOR * f95,
        if within { "ok" } else { "OVER" }
    );
    println!(
        "{} redemptions in {:.1} s ({:.0} a second)",
        CLIENTS * ROUNDS,
        wall.as_secs_f64(),
        (CLIENTS * ROUNDS) as f64 / wall.as_secs_f64()
    );
    println!(
        "\n{:<36} {:>9} {:>9}  rows ≤2×",
        "passbook page", "rows read", "returned"
    );
    for (name, path) in pages {
        let mut read = Vec::new();
        let mut returned = 0;
        for _ in 0..5 {
            let a = reader.get(&path)?;
            if a.status != 200 {
                return Err(format!("GET {path}: {} {}", a.status, a.body));
            }
            read.push(
                a.rows_read
                    .ok_or_else(|| format!("GET {path}: no X-Rows-Read"))?,
            );
            // The entries, and the balance.
            returned = a.body["entries"].as_array().map_or(0, Vec::len) + 1;
        }
        let r = median(&read).unwrap_or(0);
        let fine = read.iter().all(|n| *n <= 2 * returned as u64);
        ok &= fine;
        println!(
            "{name:<36} {r:>9} {returned:>9}  {}",
            if fine { "ok" } else { "OVER" }
        );
    }
    println!(
        "rows read: D1 meta.rows_read of every statement of the request (session, roles, \
         the household's grid for the access rule, the access log, the balance row, the page)"
    );
    Ok(ok)
}

/// Seeds the ledger into `persist`, serves it on a free port, measures.
pub fn run(persist: &Path, work: &Path) -> Result<bool> {
    seed(persist)?;
    let port = suite::free_port()?;
    let server = suite::serve(port, persist, &work.join("wrangler-points.log"))?;
    let ok = measure(&format!("http://127.0.0.1:{port}"));
    drop(server);
    std::thread::sleep(Duration::from_millis(200));
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_is_whole() {
        let sql = seed_sql();
        assert_eq!(sql.matches("INSERT INTO").count(), 6);
        assert!(sql.contains("k < 49999"));
        assert_eq!(household(7), "hh-pb-00007");
    }
}
