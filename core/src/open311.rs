//! Open311 GeoReport v2 (JSON), so a 12345 hotline or a city-management system can exchange
//! reports with Wangge: the wire shapes as the spec's JSON Schemas have them (codes and
//! ids as strings, lat/long as numbers, real booleans, every key present with `null` when
//! unknown), and its rules as pure functions — statuses, W3C datetimes, the default 90-day
//! window, the form-encoded POST. The Worker (`functions/src/open311.rs`) does the IO.

use crate::reports::deadline::Day;
use crate::reports::ReportState;
use serde::{Deserialize, Serialize};

/// The `specification` token of a GeoReport v2 endpoint.
pub const SPECIFICATION: &str = "http://wiki.open311.org/GeoReport_v2";
/// Where the endpoint lives, below the site's origin.
pub const BASE_PATH: &str = "/open311/v2";
/// "first 1000 requests returned".
pub const MAX_REQUESTS: usize = 1000;
const DAY_MS: i64 = 86_400_000;
/// "the range defaults to most recent 90 days"; a wider one is refused.
pub const WINDOW_MS: i64 = 90 * DAY_MS;
/// The attribute that names the base grid a request belongs to (every report in Wangge
/// belongs to one grid, whose worker takes it in).
pub const GRID_ATTRIBUTE: &str = "grid";
/// Times are written in Beijing time, with its offset.
const BEIJING_MS: i64 = 8 * 3_600_000;

/// `discovery.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discovery {
    pub changeset: String,
    pub contact: String,
    pub key_service: String,
    pub endpoints: Vec<Endpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub specification: String,
    pub url: String,
    pub changeset: String,
    /// `production` or `test`.
    #[serde(rename = "type")]
    pub kind: String,
    pub formats: Vec<String>,
}

/// One line of `services.json`: a second-level report category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    /// Whether `services/{code}.json` lists attributes to send (here: the grid).
    pub metadata: bool,
    /// `realtime`: a POST answers with the request's id at once.
    #[serde(rename = "type")]
    pub kind: String,
    /// Comma-separated.
    pub keywords: String,
    pub group: String,
}

/// `services/{code}.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    pub variable: bool,
    pub code: String,
    pub datatype: String,
    pub required: bool,
    pub datatype_description: Option<String>,
    pub order: u32,
    pub description: String,
    pub values: Vec<AttributeValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

/// `open` (reported, being worked on) or `closed` (resolved, or ended otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Closed,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "open" => Some(Status::Open),
            "closed" => Some(Status::Closed),
            _ => None,
        }
    }

    /// The internal states it stands for.
    pub fn states(self) -> Vec<ReportState> {
        ReportState::ALL
            .into_iter()
            .filter(|s| status_of(*s) == self)
            .collect()
    }
}

/// A request as `requests.json` and `requests/{id}.json` show it: never the submitter's
/// personal fields (name, phone, email, device, account).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRequest {
    pub service_request_id: String,
    pub status: Status,
    pub status_notes: Option<String>,
    pub service_name: String,
    pub service_code: String,
    pub description: Option<String>,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: String,
    pub updated_datetime: String,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub media_url: Option<String>,
}

/// The answer to a POST: one element per request created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    pub service_request_id: String,
    pub service_notice: Option<String>,
    pub account_id: Option<String>,
}

/// One error of the spec's error array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Error {
    /// The HTTP status it is answered with.
    pub code: u16,
    pub description: String,
}

fn error(code: u16, description: impl Into<String>) -> Error {
    Error {
        code,
        description: description.into(),
    }
}

/// A report is `closed` once its work is done or it ended otherwise; `open` before.
pub fn status_of(state: ReportState) -> Status {
    use ReportState as S;
    match state {
        S::Resolved | S::HandledOnSpot | S::Confirmed | S::Closed | S::Merged | S::Rejected => {
            Status::Closed
        }
        _ => Status::Open,
    }
}

/// `ms` as a W3C datetime in Beijing time: `2026-11-23T14:05:09+08:00`.
pub fn w3c(ms: i64) -> String {
    let local = ms + BEIJING_MS;
    let (y, m, d) = Day(local.div_euclid(DAY_MS) as i32).ymd();
    let s = local.rem_euclid(DAY_MS) / 1000;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+08:00",
        s / 3600,
        (s / 60) % 60,
        s % 60
    )
}

/// A W3C datetime with its timezone (`Z` or `±hh:mm`; seconds and fractions optional) as
/// milliseconds. A `+` that a query string turned into a space is read as `+`. Without a
/// timezone it is refused: the spec requires one.
pub fn parse_w3c(text: &str) -> Option<i64> {
    let t = text.trim();
    let (date, rest) = t.split_once('T')?;
    let mut ymd = date.splitn(3, '-');
    let y: i32 = ymd.next()?.parse().ok()?;
    let m: u32 = ymd.next()?.parse().ok()?;
    let d: u32 = ymd.next()?.parse().ok()?;
    let day = Day::from_ymd(y, m, d)?;
    let (time, offset_ms) = if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        (time, 0)
    } else {
        let at = rest.rfind(['+', '-', ' '])?;
        let (time, zone) = rest.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let zone = &zone[1..];
        let (hh, mm) = match zone.split_once(':') {
            Some((h, m)) => (h, m),
            None if zone.len() == 4 => zone.split_at(2),
            None => (zone, "0"),
        };
        let (hh, mm): (i64, i64) = (hh.parse().ok()?, mm.parse().ok()?);
        if hh > 14 || mm > 59 {
            return None;
        }
        (time, sign * (hh * 60 + mm) * 60_000)
    };
    let mut hms = time.splitn(3, ':');
    let h: i64 = hms.next()?.parse().ok()?;
    let mi: i64 = hms.next()?.parse().ok()?;
    let sec: f64 = hms.next().map_or(Some(0.0), |s| s.parse().ok())?;
    if h > 23 || mi > 59 || !(0.0..61.0).contains(&sec) {
        return None;
    }
    let ms = i64::from(day.0) * DAY_MS + (h * 3600 + mi * 60) * 1000 + (sec * 1000.0) as i64;
    Some(ms - offset_ms)
}

/// The range of `requested_datetime` a search covers: [`from`, `to`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: i64,
    pub to: i64,
}

/// The search window: by default the 90 days up to `now`; one bound given, 90 days from
/// (or up to) it; never wider than 90 days (400), never upside down (400).
pub fn window(start: Option<i64>, end: Option<i64>, now: i64) -> Result<Window, Error> {
    let (from, to) = match (start, end) {
        (None, None) => (now - WINDOW_MS, now),
        (Some(s), None) => (s, (s + WINDOW_MS).min(now.max(s))),
        (None, Some(e)) => (e - WINDOW_MS, e),
        (Some(s), Some(e)) => (s, e),
    };
    if to < from {
        return Err(error(
            400,
            "结束时间早于开始时间 / end_date is before start_date",
        ));
    }
    if to - from > WINDOW_MS {
        return Err(error(
            400,
            "时间范围不能超过 90 天 / start_date to end_date may not span more than 90 days",
        ));
    }
    Ok(Window { from, to })
}

/// An `application/x-www-form-urlencoded` body (or query string) as its pairs, in order.
pub fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A POST's fields, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRequest {
    pub api_key: String,
    pub service_code: String,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub address: String,
    pub description: String,
    /// The base grid (`attribute[grid]`).
    pub grid: String,
    /// A phone to call the resident back on (kept for staff; never shown in GET).
    pub phone: Option<String>,
}

/// Reads a POST body's fields; every problem at once, as the spec's error array (a
/// missing or empty key is 403, anything else 400).
pub fn read_post(form: &[(String, String)]) -> Result<NewRequest, Vec<Error>> {
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let Some(api_key) = get("api_key") else {
        return Err(vec![error(403, "API 密钥缺失 / api_key is missing")]);
    };
    let mut errors = Vec::new();
    let service_code = get("service_code").unwrap_or_default();
    if service_code.is_empty() {
        errors.push(error(400, "请选择服务 / service_code was not provided"));
    }
    let coord = |k: &str, range: std::ops::RangeInclusive<f64>| -> Result<Option<f64>, ()> {
        match get(k) {
            None => Ok(None),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|x| range.contains(x))
                .map(Some)
                .ok_or(()),
        }
    };
    let lat = coord("lat", -90.0..=90.0);
    let long = coord("long", -180.0..=180.0);
    let (lat, long) = match (lat, long) {
        (Ok(a), Ok(b)) if a.is_some() == b.is_some() => (a, b),
        _ => {
            errors.push(error(
                400,
                "经纬度要成对、按十进制度数填写 / lat and long must both be sent, as decimal degrees (WGS84)",
            ));
            (None, None)
        }
    };
    let address = get("address_string").unwrap_or_default();
    if lat.is_none() && address.is_empty() {
        errors.push(error(
            400,
            "请给出位置：经纬度或地址 / a location is required: lat and long, or address_string (address_id is not used here)",
        ));
    }
    if address.chars().count() > 200 {
        errors.push(error(
            400,
            "地址最多 200 字 / address_string is at most 200 characters",
        ));
    }
    let description = get("description").unwrap_or_default();
    if description.chars().count() > crate::reports::MAX_TEXT {
        errors.push(error(
            400,
            "描述最多 4000 字 / description is at most 4,000 characters",
        ));
    }
    let grid = get(&format!("attribute[{GRID_ATTRIBUTE}]")).unwrap_or_default();
    if grid.len() != 15 || !grid.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(error(
            400,
            "请给出 15 位网格编码 / attribute[grid] is required: the 15-digit code of the base grid (see services/{code}.json)",
        ));
    }
    let phone = get("phone");
    if phone
        .as_deref()
        .is_some_and(|p| !crate::households::valid_phone(p))
    {
        errors.push(error(400, "电话号码不对 / phone is not a phone number"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewRequest {
        api_key,
        service_code,
        lat,
        long,
        address,
        description,
        grid,
        phone,
    })
}

/// The attributes every service asks for: the grid.
pub fn attributes() -> Vec<Attribute> {
    vec![Attribute {
        variable: true,
        code: GRID_ATTRIBUTE.to_owned(),
        datatype: "string".to_owned(),
        required: true,
        datatype_description: Some("15 digits, e.g. 990101001003001".to_owned()),
        order: 1,
        description: "网格编码：问题所在的基础网格（15 位） / The base grid's code (15 digits)"
            .to_owned(),
        values: Vec::new(),
    }]
}

/// A comma list (`a,b , c`), trimmed, empties dropped.
pub fn comma_list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn datetimes_are_w3c_with_an_offset_and_read_back() {
        assert_eq!(w3c(0), "1970-01-01T08:00:00+08:00");
        assert_eq!(parse_w3c("1970-01-01T08:00:00+08:00"), Some(0));
        assert_eq!(parse_w3c("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_w3c("1994-11-05T08:15:30-05:00"),
            parse_w3c("1994-11-05T13:15:30Z")
        );
        // A `+` a query string turned into a space; fractions; no seconds; ±hhmm.
        assert_eq!(parse_w3c("1970-01-01T08:00:00 08:00"), Some(0));
        assert_eq!(parse_w3c("1970-01-01T00:00:00.250Z"), Some(250));
        assert_eq!(parse_w3c("1970-01-01T08:00+0800"), Some(0));
        for bad in [
            "1970-01-01T00:00:00",
            "1970-01-01",
            "1970-13-01T00:00:00Z",
            "soon",
            "1970-01-01T25:00:00Z",
        ] {
            assert_eq!(parse_w3c(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_written_time_reads_back(ms in -1_000_000_000_000i64..4_000_000_000_000) {
            let whole = ms - ms.rem_euclid(1000);
            prop_assert_eq!(parse_w3c(&w3c(ms)), Some(whole));
        }
    }

    #[test]
    fn the_window_is_ninety_days_by_default_and_never_wider() {
        let now = 1_800_000_000_000;
        assert_eq!(
            window(None, None, now),
            Ok(Window {
                from: now - WINDOW_MS,
                to: now
            })
        );
        assert_eq!(
            window(Some(now - DAY_MS), None, now),
            Ok(Window {
                from: now - DAY_MS,
                to: now
            })
        );
        assert_eq!(
            window(Some(now - 200 * DAY_MS), None, now),
            Ok(Window {
                from: now - 200 * DAY_MS,
                to: now - 110 * DAY_MS
            })
        );
        assert_eq!(
            window(None, Some(now), now),
            Ok(Window {
                from: now - WINDOW_MS,
                to: now
            })
        );
        assert_eq!(
            window(Some(0), Some(WINDOW_MS), now).map(|w| w.to),
            Ok(WINDOW_MS)
        );
        assert_eq!(
            window(Some(0), Some(WINDOW_MS + 1), now).map_err(|e| e.code),
            Err(400)
        );
        assert_eq!(window(Some(10), Some(5), now).map_err(|e| e.code), Err(400));
    }

    #[test]
    fn states_map_to_open_and_closed() {
        assert_eq!(status_of(ReportState::Dispatched), Status::Open);
        assert_eq!(status_of(ReportState::Reopened), Status::Open);
        assert_eq!(status_of(ReportState::Resolved), Status::Closed);
        assert_eq!(status_of(ReportState::Rejected), Status::Closed);
        let mut all = Status::Open.states();
        all.extend(Status::Closed.states());
        assert_eq!(
            all.len(),
            ReportState::ALL.len(),
            "each state in one status"
        );
    }

    fn form(s: &str) -> Vec<(String, String)> {
        parse_form(s)
    }

    #[test]
    fn a_post_is_read_from_its_form_with_every_problem_at_once() {
        let ok = read_post(&form(
            "api_key=k&service_code=muni-drain&lat=28.19&long=112.97&address_string=%E4%B8%89%E7%BB%84+%E8%B7%AF%E5%8F%A3\
             &description=drain%20blocked&attribute%5Bgrid%5D=990101001003001&phone=13800000000&email=a%40b.c",
        ))
        .expect("a good request");
        assert_eq!(ok.address, "三组 路口");
        assert_eq!((ok.lat, ok.long), (Some(28.19), Some(112.97)));
        assert_eq!(ok.grid, "990101001003001");
        assert_eq!(ok.description, "drain blocked");
        assert_eq!(
            read_post(&form("service_code=x")).map_err(|e| e[0].code),
            Err(403)
        );
        let errs = read_post(&form("api_key=k&lat=91&long=1&attribute[grid]=12")).expect_err("bad");
        let codes: Vec<u16> = errs.iter().map(|e| e.code).collect();
        assert_eq!(codes, [400, 400, 400, 400], "{errs:?}");
        let errs = read_post(&form(
            "api_key=k&service_code=x&lat=1&attribute[grid]=990101001003001",
        ))
        .expect_err("lat without long");
        assert!(errs[0].description.contains("lat and long"));
    }

    #[test]
    fn forms_decode_percent_plus_and_odd_input() {
        assert_eq!(
            parse_form("a=1&b=%E7%BD%91+%E6%A0%BC&&c&d=%ZZ%"),
            [
                ("a".into(), "1".into()),
                ("b".into(), "网 格".into()),
                ("c".into(), String::new()),
                ("d".into(), "%ZZ%".into())
            ]
        );
        assert_eq!(comma_list(" open, closed ,,"), ["open", "closed"]);
    }
}
