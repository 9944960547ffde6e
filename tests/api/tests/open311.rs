//! Open311 GeoReport v2 against the real Worker: every route, the search's filters and
//! window, the spec's error arrays, and POST with and without a valid key — what a 12345
//! hotline sees, and that it never sees anyone's personal fields.

use serde_json::{json, Value};
use wangge_api_tests::{d1, Api, Reply};
use wangge_core::reports::{ActionKind, Report, ReportState};

const KEY: &str = "wangge-demo-open311";
/// worker-a's grid.
const GRID: &str = "990101001003001";
/// Every field a request shows (GeoReport v2), and nothing else.
const FIELDS: [&str; 17] = [
    "address",
    "address_id",
    "agency_responsible",
    "description",
    "expected_datetime",
    "lat",
    "long",
    "media_url",
    "requested_datetime",
    "service_code",
    "service_name",
    "service_notice",
    "service_request_id",
    "status",
    "status_notes",
    "updated_datetime",
    "zipcode",
];

fn get(api: &Api, path: &str) -> Reply {
    api.get(&format!("/open311/v2/{path}"))
}

fn post(api: &Api, form: &str) -> Reply {
    api.send(
        "POST",
        "/open311/v2/requests.json",
        &[(
            "Content-Type",
            "application/x-www-form-urlencoded; charset=utf-8".to_owned(),
        )],
        Some(form),
    )
}

/// The spec's error array: every element `{code, description}`; the codes.
fn error_codes(r: &Reply) -> Vec<u64> {
    let v: Value = r.json();
    let list = v
        .as_array()
        .unwrap_or_else(|| panic!("an error array: {}", r.body));
    assert!(!list.is_empty());
    list.iter()
        .map(|e| {
            assert!(
                e["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{e}"
            );
            e["code"]
                .as_u64()
                .unwrap_or_else(|| panic!("a numeric code: {e}"))
        })
        .collect()
}

fn is_w3c(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 25
        && b[4] == b'-'
        && b[10] == b'T'
        && b[19] == b'+'
        && s.ends_with("+08:00")
        && wangge_core::open311::parse_w3c(s).is_some()
}

fn ids(r: &Reply) -> Vec<String> {
    assert_eq!(r.status, 200, "{}", r.body);
    let v: Vec<Value> = r.json();
    v.iter()
        .map(|x| x["service_request_id"].as_str().expect("an id").to_owned())
        .collect()
}

fn drain_form(text: &str) -> String {
    format!(
        "api_key={KEY}&service_code=muni-drain&lat=28.123456789&long=112.987654321\
         &address_string=%E4%B8%89%E7%BB%84%E8%B7%AF%E5%8F%A3&description={text}\
         &attribute%5Bgrid%5D={GRID}&first_name=%E5%BC%A0&last_name=%E4%B8%89\
         &phone=13800001111&email=zhang%40example.com&device_id=dev-1&account_id=acc-9"
    )
}

#[test]
fn discovery_and_services_describe_the_endpoint() {
    let api = Api::from_env();
    let r = get(&api, "discovery.json");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/json; charset=utf-8")
    );
    let d: Value = r.json();
    for k in ["changeset", "contact", "key_service"] {
        assert!(d[k].as_str().is_some_and(|v| !v.is_empty()), "{k}");
    }
    let e = &d["endpoints"][0];
    assert_eq!(e["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert!(e["url"]
        .as_str()
        .is_some_and(|u| u.ends_with("/open311/v2")));
    assert_eq!(e["type"], "production");
    assert_eq!(e["formats"], json!(["application/json"]));

    let r = get(&api, "services.json");
    assert_eq!(r.status, 200, "{}", r.body);
    let list: Vec<Value> = r.json();
    let drain = list
        .iter()
        .find(|s| s["service_code"] == "muni-drain")
        .expect("muni-drain is a service");
    assert_eq!(drain["service_name"], "下水道堵塞");
    assert_eq!(drain["metadata"], true);
    assert_eq!(drain["type"], "realtime");
    assert_eq!(drain["group"], "市政设施");
    assert!(drain["keywords"].is_string());
    for s in &list {
        let code = s["service_code"].as_str().expect("a string code");
        assert!(
            !["dispute-", "groups-", "errand-"]
                .iter()
                .any(|p| code.starts_with(p)),
            "{code} concerns people: not offered"
        );
    }

    let r = get(&api, "services/muni-drain.json");
    assert_eq!(r.status, 200, "{}", r.body);
    let def: Value = r.json();
    assert_eq!(def["service_code"], "muni-drain");
    let a = &def["attributes"][0];
    assert_eq!(
        (a["code"].as_str(), a["required"].as_bool()),
        (Some("grid"), Some(true))
    );
    assert_eq!(
        (a["variable"].as_bool(), a["datatype"].as_str()),
        (Some(true), Some("string"))
    );
    assert_eq!(a["order"], 1);

    for missing in [
        "services/dispute-neighbour.json",
        "services/nope.json",
        "nothing.json",
    ] {
        let r = get(&api, missing);
        assert_eq!((r.status, error_codes(&r)), (404, vec![404]), "{missing}");
    }
    let r = get(&api, "services.xml");
    assert_eq!(r.status, 404, "JSON only: {}", r.body);
}

#[test]
fn a_hotline_files_with_its_key_and_reads_the_request_without_personal_fields() {
    let api = Api::from_env();
    let worker = api.session("worker-a", "192.0.2.150");
    let text = format!("open311-{}", wangge_api_tests::new_id());

    // No key, a wrong key, a revoked key: 403.
    let r = post(
        &api,
        &drain_form(&text).replace(&format!("api_key={KEY}&"), ""),
    );
    assert_eq!((r.status, error_codes(&r)), (403, vec![403]), "{}", r.body);
    let r = post(&api, &drain_form(&text).replace(KEY, "not-a-key"));
    assert_eq!((r.status, error_codes(&r)), (403, vec![403]));
    d1("INSERT INTO open311_clients (id, name, key_sha256, area, created_at, revoked_at) VALUES \
        ('revoked-test', '已停用', '7648eaac17e0412663fe8064eb3741e04d736ecd8c6468568e3018f29c38b7d7', \
        '990101', 0, 1) ON CONFLICT DO NOTHING");
    let r = post(
        &api,
        &drain_form(&text).replace(KEY, "wangge-revoked-open311"),
    );
    assert_eq!((r.status, error_codes(&r)), (403, vec![403]));
    // A wrong key is refused before its fields are read.
    let r = post(&api, "api_key=not-a-key&lat=91");
    assert_eq!((r.status, error_codes(&r)), (403, vec![403]));
    // Every problem at once, 400 each, in Chinese and English.
    let r = post(&api, &format!("api_key={KEY}&lat=91"));
    assert!(
        r.body.contains("网格编码") && r.body.contains("attribute[grid]"),
        "{}",
        r.body
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(error_codes(&r).len() >= 3 && error_codes(&r).iter().all(|c| *c == 400));
    // A grid outside the client's area (or no such grid), a private service.
    let r = post(&api, &drain_form(&text).replace(GRID, "990102001001001"));
    assert_eq!((r.status, error_codes(&r)), (400, vec![400]), "{}", r.body);
    let r = post(
        &api,
        &drain_form(&text).replace("muni-drain", "dispute-neighbour"),
    );
    assert_eq!((r.status, error_codes(&r)), (404, vec![404]), "{}", r.body);

    // Filed: 200, one element, the id; again the same body: the same id, no second report.
    let r = post(&api, &drain_form(&text));
    assert_eq!(r.status, 200, "{}", r.body);
    let made: Vec<Value> = r.json();
    assert_eq!(made.len(), 1);
    let id = made[0]["service_request_id"]
        .as_str()
        .expect("an id")
        .to_owned();
    assert!(made[0]["service_notice"].is_string());
    assert!(made[0]["account_id"].is_null());
    let again: Vec<Value> = post(&api, &drain_form(&text)).json();
    assert_eq!(again[0]["service_request_id"], id.as_str());
    // The same fields in another order are the same request too (on the same day).
    let reordered = format!(
        "description={text}&{}",
        drain_form("").replace("&description=", "&")
    );
    let same: Vec<Value> = post(&api, &reordered).json();
    assert_eq!(same[0]["service_request_id"], id.as_str());
    let n = d1(&format!(
        "SELECT count(*) AS n FROM reports WHERE text = '{text}'"
    ));
    assert_eq!(n[0]["n"], 1, "a retry makes no second report");
    // With an `Idempotency-Key`, that key decides: another key is another request.
    let keyed = |k: &str| {
        api.send(
            "POST",
            "/open311/v2/requests.json",
            &[
                (
                    "Content-Type",
                    "application/x-www-form-urlencoded".to_owned(),
                ),
                ("Idempotency-Key", k.to_owned()),
            ],
            Some(&drain_form(&format!("{text}-keyed"))),
        )
    };
    let (a, b) = (ids(&keyed("call-1")), ids(&keyed("call-1")));
    assert_eq!(a, b);
    assert_ne!(
        ids(&keyed("call-2")),
        a,
        "a second call about the same thing"
    );

    // One request: an array of one, every field of the spec and no other; coordinates
    // exactly as sent; no name, phone, email, device or account anywhere.
    let r = get(&api, &format!("requests/{id}.json"));
    assert_eq!(r.status, 200, "{}", r.body);
    let list: Vec<Value> = r.json();
    assert_eq!(list.len(), 1);
    let one = list[0].as_object().expect("an object");
    let mut keys: Vec<&str> = one.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, FIELDS);
    assert_eq!(one["lat"], json!(28.123456789));
    assert_eq!(one["long"], json!(112.987654321));
    assert_eq!(one["status"], "open");
    assert_eq!(one["service_code"], "muni-drain");
    assert_eq!(one["description"], text.as_str());
    assert_eq!(one["address"], "三组路口");
    assert!(is_w3c(
        one["requested_datetime"].as_str().expect("a datetime")
    ));
    assert!(is_w3c(
        one["expected_datetime"].as_str().expect("a deadline")
    ));
    for personal in ["13800001111", "zhang@example.com", "dev-1", "acc-9", "张"] {
        assert!(!r.body.contains(personal), "{personal} leaked: {}", r.body);
    }

    // The grid worker has it, with the phone to call back; handled, it is closed.
    let mut rep: Report = api
        .as_user("GET", &format!("/api/v1/reports/{id}"), &worker)
        .json();
    assert_eq!(
        (rep.state, rep.grid.as_str()),
        (ReportState::Submitted, GRID)
    );
    assert_eq!(rep.contact.as_deref(), Some("13800001111"));
    assert!(rep.timeline[0].public_text.contains("12345"));
    rep = api.act(&worker, &rep, ActionKind::Accept, json!({})).json();
    let done = api.act(
        &worker,
        &rep,
        ActionKind::HandleOnSpot,
        json!({"text": "已疏通"}),
    );
    assert_eq!(done.status, 200, "{}", done.body);
    let list: Vec<Value> = get(&api, &format!("requests/{id}.json")).json();
    assert_eq!(list[0]["status"], "closed");
    assert_eq!(list[0]["status_notes"], "已就地办结");
    assert!(is_w3c(
        list[0]["updated_datetime"].as_str().expect("updated")
    ));

    // The search: the default window holds it; the filters narrow; bad ones are refused.
    let all = get(&api, "requests.json");
    let found = ids(&all);
    assert!(found.contains(&id));
    assert!(found.len() <= 1000);
    let listed: Vec<Value> = all.json();
    let now =
        wangge_core::open311::parse_w3c(list[0]["updated_datetime"].as_str().unwrap_or_default())
            .expect("a time");
    for x in &listed {
        let t =
            wangge_core::open311::parse_w3c(x["requested_datetime"].as_str().unwrap_or_default())
                .expect("a W3C time");
        assert!(t > now - 91 * 86_400_000, "within the 90 days");
        let code = x["service_code"].as_str().unwrap_or_default();
        assert!(!code.starts_with("dispute-") && !code.starts_with("groups-"));
    }
    // Newest first.
    let times: Vec<i64> = listed
        .iter()
        .filter_map(|x| wangge_core::open311::parse_w3c(x["requested_datetime"].as_str()?))
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));

    let by_code: Vec<Value> = get(&api, "requests.json?service_code=muni-drain,muni-light").json();
    assert!(by_code
        .iter()
        .all(|x| x["service_code"] == "muni-drain" || x["service_code"] == "muni-light"));
    assert!(ids(&get(&api, "requests.json?service_code=muni-drain")).contains(&id));
    assert!(ids(&get(&api, "requests.json?status=closed")).contains(&id));
    assert!(!ids(&get(&api, "requests.json?status=open")).contains(&id));
    assert!(ids(&get(&api, "requests.json?status=open,closed")).contains(&id));
    assert!(!ids(&get(
        &api,
        "requests.json?service_code=muni-light&status=closed"
    ))
    .contains(&id));
    let start = wangge_core::open311::w3c(now - 86_400_000);
    let q = format!("requests.json?start_date={}", start.replace('+', "%2B"));
    assert!(ids(&get(&api, &q)).contains(&id));
    // A `+` sent raw arrives as a space: still read.
    assert!(ids(&get(&api, &format!("requests.json?start_date={start}"))).contains(&id));
    let old = "requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z";
    assert!(!ids(&get(&api, old)).contains(&id));
    // service_request_id overrides every other argument.
    let q = format!(
        "requests.json?service_request_id={id},nope&status=open&start_date=2025-01-01T00:00:00Z"
    );
    assert_eq!(ids(&get(&api, &q)), std::slice::from_ref(&id));

    // An anonymous report the grid has not confirmed is nobody's business yet.
    let anonymous = api.file_report(
        None,
        "192.0.2.151",
        &json!({"id": wangge_api_tests::new_id(), "category": "muni-light", "text": "路灯坏了",
                "grid": GRID, "contact": "13900002222"}),
    );
    assert_eq!(anonymous.status, 201, "{}", anonymous.body);
    let pending: Report = anonymous.json();
    assert_eq!(pending.state, ReportState::Pending);
    let r = get(&api, &format!("requests/{}.json", pending.id));
    assert_eq!((r.status, error_codes(&r)), (404, vec![404]));
    assert!(ids(&get(
        &api,
        &format!("requests.json?service_request_id={}", pending.id)
    ))
    .is_empty());
    assert!(!get(&api, "requests.json").body.contains(&pending.id));

    for (bad, code) in [
        ("requests.json?status=done", 400),
        ("requests.json?start_date=yesterday", 400),
        ("requests.json?start_date=2026-01-01T00:00:00", 400),
        (
            "requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z",
            400,
        ),
        ("requests.json?service_code=nope", 404),
        ("requests/nope.json", 404),
    ] {
        let r = get(&api, bad);
        assert_eq!(
            (r.status, error_codes(&r)),
            (code, vec![u64::from(code)]),
            "{bad}: {}",
            r.body
        );
    }
}
