//! Open311 GeoReport v2 under `/open311/v2/` (JSON): a 12345 hotline or a city-management
//! system reads the services (second-level report categories, the private ones left out)
//! and the public reports, and files reports with an API key an administrator issued.
//! A report filed here is like one filed without an account: it waits in its grid's queue
//! with the phone to call back, which no GET ever shows. The shapes and rules are
//! `core::open311`; answers and refusals are the spec's (a bare array of `{code,
//! description}` for errors: 404 for what does not exist, 403 for a key, else 400).

use crate::error::ApiError;
use crate::store::{NewAction, Notices, ReportRow, RequestQuery, RequestRow, Store};
use wangge_core::open311::{
    self as spec, attributes, comma_list, parse_form, parse_w3c, read_post, status_of, w3c, window,
    Created, Discovery, Endpoint, Service, ServiceDefinition, ServiceRequest, Status,
};
use wangge_core::problem::Problem;
use wangge_core::reports::{private_category, ActionKind, Level, Location, ReportState};
use worker::{Date, Env, Headers, Request, Response};

/// Where the endpoint is served.
pub const PREFIX: &str = "/open311/v2/";

/// When this endpoint's discovery document last changed.
const CHANGESET: &str = "2026-11-23T00:00:00+08:00";

/// Why a request was refused: the spec's own errors, or the API's (mapped once, below).
pub enum Refusal {
    Spec(Vec<spec::Error>),
    Api(ApiError),
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal::Api(e)
    }
}

impl From<worker::Error> for Refusal {
    fn from(e: worker::Error) -> Self {
        Refusal::Api(ApiError::from(e))
    }
}

fn refuse(code: u16, description: &str) -> Refusal {
    Refusal::Spec(vec![spec::Error {
        code,
        description: description.to_owned(),
    }])
}

fn now() -> i64 {
    Date::now().as_millis() as i64
}

fn json<T: serde::Serialize>(value: &T) -> Result<Response, Refusal> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "no-store")?;
    headers.set("Access-Control-Allow-Origin", "*")?;
    let body = serde_json::to_vec(value).map_err(ApiError::from)?;
    Ok(Response::from_bytes(body)?.with_headers(headers))
}

/// The answer to a refusal: the error array, with the first error's status.
pub fn refusal(r: Refusal) -> worker::Result<Response> {
    let errors = match r {
        Refusal::Spec(errors) => errors,
        Refusal::Api(e) => {
            let code = e.code();
            if code.status() >= 500 {
                worker::console_error!("open311: {e}");
            }
            let p = Problem::from(code);
            let status = match code.status() {
                404 => 404,
                s if s >= 500 => 500,
                _ => 400,
            };
            vec![spec::Error {
                code: status,
                description: format!("{} {}", p.message_zh, p.message_en),
            }]
        }
    };
    let status = errors.first().map_or(400, |e| e.code);
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "no-store")?;
    Ok(Response::from_bytes(serde_json::to_vec(&errors)?)?
        .with_status(status)
        .with_headers(headers))
}

/// Serves one Open311 request.
pub async fn serve(mut req: Request, env: &Env) -> Result<Response, Refusal> {
    let url = req.url()?;
    let path = url.path().to_owned();
    let rest = path
        .strip_prefix(PREFIX)
        .ok_or_else(|| refuse(404, "没有这个资源 / not an Open311 resource"))?;
    let Some(resource) = rest.strip_suffix(".json") else {
        return Err(refuse(
            404,
            "只提供 JSON 格式 / only the JSON format is served (.json)",
        ));
    };
    let method = req.method().to_string();
    let query: Vec<(String, String)> = url.query().map(parse_form).unwrap_or_default();
    let store = Store::new(env)?;
    match (method.as_str(), resource.split_once('/')) {
        ("GET", None) if resource == "discovery" => discovery(&url),
        ("GET", None) if resource == "services" => services(&store).await,
        ("GET", Some(("services", code))) => service(&store, code).await,
        ("GET", None) if resource == "requests" => requests(&store, &query).await,
        ("POST", None) if resource == "requests" => {
            let idempotency_key = req.headers().get("Idempotency-Key")?;
            let body = req.text().await?;
            file(&store, &body, idempotency_key).await
        }
        ("GET", Some(("requests", id))) => request(&store, id).await,
        (_, _) => Err(refuse(
            404,
            "没有这个资源或方法 / no such Open311 resource or method",
        )),
    }
}

fn discovery(url: &worker::Url) -> Result<Response, Refusal> {
    let origin = url.origin().ascii_serialization();
    json(&Discovery {
        changeset: CHANGESET.to_owned(),
        contact: "网格通所在乡镇的系统管理员 / the township's Wangge administrator".to_owned(),
        key_service: "API 密钥由县级管理员签发（见 README）/ A county administrator issues keys (see the README)".to_owned(),
        endpoints: vec![Endpoint {
            specification: spec::SPECIFICATION.to_owned(),
            url: format!("{origin}{}", spec::BASE_PATH),
            changeset: CHANGESET.to_owned(),
            kind: "production".to_owned(),
            formats: vec!["application/json".to_owned()],
        }],
    })
}

/// Second-level categories that may be filed and shown (not the private ones).
async fn public_services(store: &Store) -> Result<Vec<Service>, Refusal> {
    let cats = store.report_categories().await?;
    let group = |code: &Option<String>| {
        cats.iter()
            .find(|c| Some(&c.code) == code.as_ref())
            .map(|c| c.name_zh.clone())
            .unwrap_or_default()
    };
    Ok(cats
        .iter()
        .filter(|c| c.parent.is_some() && !private_category(&c.code))
        .map(|c| Service {
            service_code: c.code.clone(),
            service_name: c.name_zh.clone(),
            description: c.name_en.clone(),
            metadata: true,
            kind: "realtime".to_owned(),
            keywords: format!("{},{}", group(&c.parent), c.name_en),
            group: group(&c.parent),
        })
        .collect())
}

async fn services(store: &Store) -> Result<Response, Refusal> {
    json(&public_services(store).await?)
}

async fn service(store: &Store, code: &str) -> Result<Response, Refusal> {
    let known = public_services(store)
        .await?
        .into_iter()
        .any(|s| s.service_code == code);
    if !known {
        return Err(refuse(404, "没有这项服务 / service_code was not found"));
    }
    json(&ServiceDefinition {
        service_code: code.to_owned(),
        attributes: attributes(),
    })
}

/// Rows as the spec's requests, with the names of services and agencies (read once per
/// distinct code on the page).
async fn shaped(store: &Store, rows: Vec<RequestRow>) -> Result<Vec<ServiceRequest>, Refusal> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut codes: Vec<&str> = rows.iter().map(|r| r.category.as_str()).collect();
    let mut deps: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.department_id.as_deref())
        .collect();
    for v in [&mut codes, &mut deps] {
        v.sort_unstable();
        v.dedup();
    }
    let (cats, deps) = store.open311_names(&codes, &deps).await?;
    let name = |list: &[crate::store::Named], code: &str| {
        list.iter().find(|n| n.code == code).map(|n| n.name.clone())
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let state = ReportState::parse(&r.state)
            .ok_or_else(|| ApiError::Storage(format!("state {}", r.state)))?;
        let loc: Location = serde_json::from_str(&r.location).map_err(ApiError::from)?;
        let agency = match &r.department_id {
            Some(d) => name(&deps, d),
            None => Some("网格".to_owned()),
        };
        let status = status_of(state);
        out.push(ServiceRequest {
            service_request_id: r.id,
            status,
            status_notes: Some(state.label_zh().to_owned()),
            service_name: name(&cats, &r.category).unwrap_or_default(),
            service_code: r.category,
            description: Some(r.text).filter(|t| !t.is_empty()),
            agency_responsible: agency,
            service_notice: None,
            requested_datetime: w3c(r.created_at),
            updated_datetime: w3c(match status {
                Status::Closed => r.resolved_at.unwrap_or(r.updated_at),
                Status::Open => r.updated_at,
            }),
            // Resolve by, or (urgent safety) respond by.
            expected_datetime: r.resolve_by.or(r.respond_by).map(w3c),
            address: Some(loc.address).filter(|a| !a.is_empty()),
            address_id: None,
            zipcode: None,
            lat: loc.lat,
            long: loc.long,
            media_url: None,
        });
    }
    Ok(out)
}

/// Every value of parameter `k` (comma lists and repeats), trimmed.
fn values(query: &[(String, String)], k: &str) -> Vec<String> {
    query
        .iter()
        .filter(|(key, _)| key == k)
        .flat_map(|(_, v)| comma_list(v))
        .collect()
}

async fn requests(store: &Store, query: &[(String, String)]) -> Result<Response, Refusal> {
    let ids = values(query, "service_request_id");
    let mut q = RequestQuery {
        limit: spec::MAX_REQUESTS,
        ..RequestQuery::default()
    };
    if !ids.is_empty() {
        // "This overrides all other arguments."
        if ids.len() > 50 {
            return Err(refuse(
                400,
                "一次最多查 50 个编号 / at most 50 service_request_id at once",
            ));
        }
        q.ids = ids;
        return json(&shaped(store, store.open311_requests(&q).await?).await?);
    }
    let codes = values(query, "service_code");
    if codes.len() > 20 {
        return Err(refuse(
            400,
            "一次最多查 20 项服务 / at most 20 service_code at once",
        ));
    }
    // Services are the public second-level categories (`a-b` codes).
    let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
    let (known, _) = store.open311_names(&refs, &[]).await?;
    for c in &codes {
        if !c.contains('-') || private_category(c) || !known.iter().any(|k| &k.code == c) {
            return Err(refuse(
                404,
                &format!("没有这项服务 / service_code {c} was not found"),
            ));
        }
    }
    q.categories = codes;
    let mut statuses = Vec::new();
    for s in values(query, "status") {
        statuses.push(Status::parse(&s).ok_or_else(|| {
            refuse(
                400,
                "状态只能是 open 或 closed / status is open or closed (comma delimited)",
            )
        })?);
    }
    statuses.sort_by_key(|s| *s == Status::Closed);
    statuses.dedup();
    // Both statuses are all of them.
    if statuses.len() == 1 {
        q.states = statuses[0]
            .states()
            .into_iter()
            .map(ReportState::as_str)
            .collect();
    }
    let date = |k: &str| -> Result<Option<i64>, Refusal> {
        match values(query, k).first() {
            None => Ok(None),
            Some(v) => parse_w3c(v).map(Some).ok_or_else(|| {
                refuse(
                    400,
                    &format!(
                        "{k} 应为带时区的 W3C 时间 / {k} must be a W3C datetime with a timezone"
                    ),
                )
            }),
        }
    };
    let w = window(date("start_date")?, date("end_date")?, now())
        .map_err(|e| Refusal::Spec(vec![e]))?;
    q.from = w.from;
    q.to = w.to;
    json(&shaped(store, store.open311_requests(&q).await?).await?)
}

async fn request(store: &Store, id: &str) -> Result<Response, Refusal> {
    let row = store
        .open311_request(id)
        .await?
        .ok_or_else(|| refuse(404, "没有这条报事 / service_request_id was not found"))?;
    json(&shaped(store, vec![row]).await?)
}

/// `POST requests.json`: a report from a client holding a valid key, into a base grid of
/// its area. The same body again from the same client answers with the same request.
async fn file(
    store: &Store,
    body: &str,
    idempotency_key: Option<String>,
) -> Result<Response, Refusal> {
    let form = parse_form(body);
    // The key first: a caller without a valid one learns nothing about its fields.
    let key = form
        .iter()
        .find(|(k, v)| k == "api_key" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .ok_or_else(|| refuse(403, "API 密钥缺失 / api_key is missing"))?;
    let key_hash = crate::crypto::sha256_hex(key.as_bytes()).await?;
    let client = store
        .open311_client(&key_hash)
        .await?
        .filter(|c| c.revoked_at.is_none())
        .ok_or_else(|| refuse(403, "API 密钥缺失或无效 / Missing or invalid api_key"))?;
    let new = read_post(&form).map_err(Refusal::Spec)?;
    // A retry finds what its first try filed: by the client's `Idempotency-Key` if it
    // sends one, else by the same fields (in any order) on the same day (Beijing time) — a
    // hotline's identical report on another day is a new one.
    let retry_of = match idempotency_key.filter(|k| !k.is_empty() && k.len() <= 200) {
        Some(k) => format!("key {k}"),
        None => {
            let mut asked: Vec<&(String, String)> =
                form.iter().filter(|(k, _)| k != "api_key").collect();
            asked.sort();
            let day = wangge_core::reports::deadline::Day::of_ms(now()).iso();
            format!("day {day} {asked:?}")
        }
    };
    let body_hash = crate::crypto::sha256_hex(format!("open311 {retry_of}").as_bytes()).await?;
    if let Some(id) = store.open311_filed(&client.id, &body_hash).await? {
        return json(&[created(id)]);
    }
    let service = public_services(store)
        .await?
        .into_iter()
        .find(|s| s.service_code == new.service_code)
        .ok_or_else(|| refuse(404, "没有这项服务 / service_code was not found"))?;
    if !new.grid.starts_with(&client.area) || !store.grid_exists(&new.grid).await? {
        return Err(refuse(
            400,
            "attribute[grid] 不是本系统辖区内在用的基础网格 / attribute[grid] is not an active base grid in this client's area",
        ));
    }
    let at = now();
    let random: [u8; 10] = crate::crypto::random_bytes(10)?
        .try_into()
        .map_err(|_| ApiError::Storage("random".into()))?;
    let id = wangge_core::households::uuid_v7(at as u64, random);
    let clock = crate::deadline::clocks(store, &service.service_code, at).await?;
    let text = if new.description.is_empty() {
        service.service_name.clone()
    } else {
        new.description.clone()
    };
    let location = Location {
        lat: new.lat,
        long: new.long,
        address: new.address.clone(),
    };
    let state = ReportState::Submitted;
    let row = ReportRow {
        id: id.clone(),
        body_hash,
        category: service.service_code.clone(),
        text,
        grid_code: new.grid.clone(),
        location: serde_json::to_string(&location).map_err(ApiError::from)?,
        photos: "[]".to_owned(),
        state: state.as_str().to_owned(),
        level: Level::Grid.as_str().to_owned(),
        department_id: None,
        version: 1,
        created_at: at,
        updated_at: at,
        resolved_at: None,
        rating: None,
        reporter_id: None,
        household_id: None,
        contact: new.phone.clone(),
        on_behalf: 0,
        merged_into: None,
        respond_by: clock.respond_by,
        resolve_by: clock.resolve_by,
        deadline_fallback: u8::from(clock.fallback),
        responded_at: None,
        due_flag: None,
        respond_flag: None,
        errand: None,
        errand_step: None,
        via: Some(client.id.clone()),
    };
    let note = format!("经{}转来", client.name);
    let first = NewAction {
        report_id: &row.id,
        version: 1,
        id: &row.id,
        body_hash: &row.body_hash,
        action: ActionKind::Submit.as_str(),
        account_id: None,
        role: None,
        at,
        from_state: state.as_str(),
        to_state: state.as_str(),
        public_text: &note,
        internal_text: "",
        photos: &row.photos,
        department_id: None,
        category: Some(&row.category),
        rating: None,
    };
    let notices: Notices = crate::reports::notices_of(&row, &first, None);
    match store.file_report(&row, &first, &notices).await {
        Ok(()) => json(&[created(id)]),
        // Its twin (the same POST at once) won: answer as it was answered.
        Err(ApiError::AlreadyExists) => {
            let id = store
                .open311_filed(&client.id, &row.body_hash)
                .await?
                .ok_or(ApiError::AlreadyExists)?;
            json(&[created(id)])
        }
        Err(e) => Err(e.into()),
    }
}

fn created(id: String) -> Created {
    Created {
        service_request_id: id,
        service_notice: Some("已转到所在网格，网格员会尽快处理。".to_owned()),
        account_id: None,
    }
}
