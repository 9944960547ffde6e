//! 积分超市's expiry: the scheduled job writes an explicit entry for points older than the
//! village's limit. Its own test binary (binaries run one after another), because it
//! changes 西湾村's settings for the time it runs and moves the job's clock forward.

use wangge_api_tests::{d1, new_id, Api};
use wangge_core::points::{AwardRecorded, AwardState, EntryKind, Passbook};

const V2: &str = "990101001004";

/// The scheduled job, as the cron trigger would run it at `time` (ms).
fn tick(api: &Api, time: i64) {
    let r = api.request(
        "GET",
        &format!("/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*&time={time}"),
        None,
    );
    assert_eq!(r.status, 200, "scheduled run: {}", r.body);
}

#[test]
fn old_points_expire_by_an_explicit_entry_once() {
    let api = Api::from_env();
    let addr = "10.10.1.1";
    // 西湾村 for this test: no public notice, points live one month.
    d1(&format!(
        "UPDATE point_villages SET notice_days = 0, expire_months = 1 WHERE village_code = '{V2}'"
    ));
    let worker = api.session("worker-b", addr);
    let hh = new_id();
    let body = serde_json::json!({"id": hh, "address": "西湾村三组 9 号",
        "members": [{"id": new_id(), "name": "孙玉梅", "relation": "head"}]});
    let r = api.as_user_json(
        "POST",
        "/api/v1/grids/990101001004001/households",
        &worker,
        &body.to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let award = |rule: &str| {
        let r = api.as_user_json(
            "POST",
            "/api/v1/points/awards",
            &worker,
            &serde_json::json!({"id": new_id(), "village": V2, "rule": rule,
                "households": [hh]})
            .to_string(),
        );
        assert_eq!(r.status, 201, "{}", r.body);
        r.json::<AwardRecorded>()
    };
    // With no notice period the leader (here the county's administrator: 西湾村 has no
    // leader account) may approve at once.
    let admin = api.session("admin", addr);
    let approve = |a: AwardRecorded| {
        let r = api.as_user_json(
            "POST",
            "/api/v1/points/decisions",
            &admin,
            &serde_json::json!({"id": new_id(), "approve": true, "entries": a.entries}).to_string(),
        );
        assert_eq!(r.status, 201, "{}", r.body);
    };
    let a = award("pa-01");
    assert_eq!(a.state, AwardState::Pending);
    approve(a);
    let book = |api: &Api| -> Passbook {
        api.as_user("GET", &format!("/api/v1/households/{hh}/passbook"), &worker)
            .json()
    };
    assert_eq!(book(&api).spendable, 10);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis() as i64;
    // A day later nothing is a month old.
    tick(&api, now + 86_400_000);
    assert_eq!(book(&api).spendable, 10);
    // Forty days on, the ten points are older than a month: written off, by an entry.
    let later = now + 40 * 86_400_000;
    tick(&api, later);
    let b = book(&api);
    assert_eq!((b.spendable, b.pending), (0, 0));
    let last = &b.entries[0];
    assert_eq!(
        (last.kind, last.spendable_delta, last.spendable_after),
        (EntryKind::Expire, -10, 0)
    );
    // A household is looked at once a day: new points (already a month old in the job's
    // time) stay until the next day's run.
    approve(award("pa-01"));
    let n = book(&api).entries.len();
    tick(&api, later + 300_000);
    let b = book(&api);
    assert_eq!((b.spendable, b.entries.len()), (10, n));
    tick(&api, later + 86_400_000);
    assert_eq!(book(&api).spendable, 0);
    d1(&format!(
        "UPDATE point_villages SET notice_days = 7, expire_months = NULL WHERE village_code = '{V2}'"
    ));
}
