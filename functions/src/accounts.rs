//! Signing in and out, and who is acting: sessions are random 256-bit tokens in an
//! `HttpOnly` cookie, stored only as their SHA-256; staff sessions slide to 30 days.

use crate::crypto::{constant_time_eq, hex, pbkdf2, random_bytes, sha256_hex, unhex};
use crate::error::ApiError;
use crate::http::json_no_store;
use crate::routes::Actor;
use crate::store::{Store, StoredAccount};
use wangge_core::accounts::{
    check_password, normalize_code, valid_login, Activation, HouseholdRef, Me, Redeem, SetPassword,
    SignIn, WeakPassword, ACTIVATION_HOURS, PBKDF2_ITERATIONS, RESIDENT_SESSION_DAYS,
};
use wangge_core::problem::Detail;
use worker::{Date, Env, Request, Response};

const COOKIE: &str = "wangge_session";
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Staff sessions last this long after their last use.
const SESSION_MS: i64 = 30 * DAY_MS;
/// Failed sign-ins are counted over this window…
const THROTTLE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// …per login from one address, per login from anywhere (high: anyone could otherwise lock
/// a known login out), per client address, and for all activation codes together (a code
/// is 10 digits: a global cap keeps guessing hopeless however many addresses try).
const MAX_FAILURES_PER_LOGIN_ADDRESS: usize = 5;
const MAX_FAILURES_PER_LOGIN: usize = 50;
const MAX_FAILURES_PER_ADDRESS: usize = 20;
const MAX_FAILED_REDEMPTIONS: usize = 100;

/// A request's live session and who is acting through it.
pub struct Session {
    pub actor: Actor,
    token_hash: String,
    /// The cookie again, when the session's expiry slid: the browser's copy must slide too.
    pub refreshed_cookie: Option<String>,
}

fn now() -> i64 {
    Date::now().as_millis() as i64
}

/// The session cookie's token, if the request carries one.
fn token(req: &Request) -> Option<String> {
    let cookies = req.headers().get("Cookie").ok().flatten()?;
    cookies.split(';').find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == COOKIE && v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| v.to_owned())
    })
}

/// Resolves the request's session, sliding its expiry once a day of use.
pub async fn session(req: &Request, store: &Store) -> Result<Option<Session>, ApiError> {
    let Some(token) = token(req) else {
        return Ok(None);
    };
    let token_hash = sha256_hex(token.as_bytes()).await?;
    let now = now();
    let Some(live) = store.session(&token_hash, now).await? else {
        return Ok(None);
    };
    let mut refreshed_cookie = None;
    if live.expires_at - now < SESSION_MS - DAY_MS {
        store.extend_session(&token_hash, now + SESSION_MS).await?;
        refreshed_cookie = Some(session_cookie(&token, SESSION_MS / 1000));
    }
    let roles = store.roles_of(&live.account_id).await?;
    Ok(Some(Session {
        actor: Actor {
            account_id: live.account_id,
            roles,
            household: live.household_id,
        },
        token_hash,
        refreshed_cookie,
    }))
}

/// The client's address: Cloudflare sets `CF-Connecting-IP` (locally a client can set it).
/// An IPv6 client owns its whole /64, so that is what counts.
pub(crate) fn client_address(req: &Request) -> String {
    let raw = req
        .headers()
        .get("CF-Connecting-IP")
        .ok()
        .flatten()
        .unwrap_or_else(|| "unknown".into());
    match raw.parse::<std::net::Ipv6Addr>() {
        Ok(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Err(_) => raw,
    }
}

/// Counts this attempt under each `(key, limit)` *before* judging it, so parallel
/// requests see each other; then 429 if any key is over its limit. An attempt that
/// succeeds is withdrawn (`Attempt::withdraw`); one that fails stays as a failure.
pub(crate) struct Attempt {
    keys: Vec<String>,
    id: String,
    at: i64,
}

impl Attempt {
    pub(crate) async fn begin(
        store: &Store,
        limits: &[(String, usize)],
        now: i64,
    ) -> Result<Attempt, ApiError> {
        let keys: Vec<String> = limits.iter().map(|(k, _)| k.clone()).collect();
        let id = hex(&random_bytes(8)?);
        store
            .record_failure(&keys, now, &id, now - THROTTLE_WINDOW_MS)
            .await?;
        for (key, max) in limits {
            let failures = store
                .failures_since(key, now - THROTTLE_WINDOW_MS, 200)
                .await?;
            if failures.len() > *max {
                // The count must fall back to `max - 1` before another attempt may count.
                let freeing = failures[failures.len() - *max - 1];
                let wait_ms = (freeing + THROTTLE_WINDOW_MS - now).max(1000);
                return Err(ApiError::TooManyAttempts {
                    retry_after_secs: (wait_ms as u64).div_ceil(1000),
                });
            }
        }
        Ok(Attempt { keys, id, at: now })
    }

    async fn withdraw(self, store: &Store) -> Result<(), ApiError> {
        store.withdraw_failure(&self.keys, self.at, &self.id).await
    }
}

async fn password_matches(account: &StoredAccount, password: &str) -> Result<bool, ApiError> {
    let (Some(hash), Some(salt), Some(iterations)) = (
        account.password_hash.as_deref(),
        account.password_salt.as_deref(),
        account.password_iterations,
    ) else {
        // No password (a resident who never set one): the same work, the same answer.
        pbkdf2(password, &[0u8; 16], PBKDF2_ITERATIONS).await?;
        return Ok(false);
    };
    let (Some(hash), Some(salt)) = (unhex(hash), unhex(salt)) else {
        return Err(ApiError::Storage(format!(
            "account {}: bad hash",
            account.id
        )));
    };
    Ok(constant_time_eq(
        &pbkdf2(password, &salt, iterations).await?,
        &hash,
    ))
}

async fn me(store: &Store, account: StoredAccount) -> Result<Me, ApiError> {
    Ok(Me {
        roles: store.roles_of(&account.id).await?,
        login: account.login,
        name: account.name,
        household: account.household_id.map(|id| HouseholdRef { id }),
        has_password: account.password_hash.is_some(),
    })
}

fn session_cookie(token: &str, max_age_secs: i64) -> String {
    format!("{COOKIE}={token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age={max_age_secs}")
}

/// A cookie the page may read, beside the session's (which it may not): only whether
/// someone is signed in, so the app asks for signed-in things (the unread count) only
/// then. It grants nothing.
fn signed_in_hint(max_age_secs: i64) -> String {
    format!("wangge_signed_in=1; Secure; SameSite=Lax; Path=/; Max-Age={max_age_secs}")
}

/// The hint again, with a session whose cookie was just renewed.
pub(crate) fn refreshed_hint() -> String {
    signed_in_hint(SESSION_MS / 1000)
}

/// `POST /api/v1/session` with `{login, password}`.
pub async fn sign_in(mut req: Request, env: &Env) -> Result<Response, ApiError> {
    let body: SignIn = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let store = Store::new(env)?;
    let now = now();
    let login: String = body.login.trim().chars().take(64).collect();
    let address = client_address(&req);
    let login_here = format!("login:{login}@{address}");
    let attempt = Attempt::begin(
        &store,
        &[
            (format!("addr:{address}"), MAX_FAILURES_PER_ADDRESS),
            (login_here.clone(), MAX_FAILURES_PER_LOGIN_ADDRESS),
            (format!("login:{login}"), MAX_FAILURES_PER_LOGIN),
        ],
        now,
    )
    .await?;

    let account = store.account_by_login(&login).await?;
    let ok = match &account {
        Some(a) => password_matches(a, &body.password).await?,
        None => {
            // The same work either way: the answer's timing must not tell whether the
            // login exists.
            pbkdf2(&body.password, &[0u8; 16], PBKDF2_ITERATIONS).await?;
            false
        }
    };
    let Some(account) = account.filter(|_| ok) else {
        return Err(ApiError::BadCredentials);
    };
    attempt.withdraw(&store).await?;
    store.clear_failures(&login_here).await?;

    signed_in(&store, account, now, SESSION_MS).await
}

/// A new session for `account`, lasting `length_ms`: 200 with `Me` and the cookie.
async fn signed_in(
    store: &Store,
    account: StoredAccount,
    now: i64,
    length_ms: i64,
) -> Result<Response, ApiError> {
    let token = hex(&random_bytes(32)?);
    let token_hash = sha256_hex(token.as_bytes()).await?;
    store
        .create_session(&token_hash, &account.id, now, now + length_ms)
        .await?;
    let resp = json_no_store(&me(store, account).await?)?;
    resp.headers()
        .append("Set-Cookie", &session_cookie(&token, length_ms / 1000))?;
    resp.headers()
        .append("Set-Cookie", &signed_in_hint(length_ms / 1000))?;
    Ok(resp)
}

/// 204, and the cookie removed from this browser.
fn signed_out() -> Result<Response, ApiError> {
    let resp = Response::empty()?.with_status(204);
    resp.headers().set("Cache-Control", "no-store")?;
    resp.headers()
        .append("Set-Cookie", &session_cookie("", 0))?;
    resp.headers().append("Set-Cookie", &signed_in_hint(0))?;
    Ok(resp)
}

/// `DELETE /api/v1/session`: this device.
pub async fn sign_out(session: Option<&Session>, env: &Env) -> Result<Response, ApiError> {
    if let Some(session) = session {
        Store::new(env)?.delete_session(&session.token_hash).await?;
    }
    signed_out()
}

/// `DELETE /api/v1/sessions`: every device.
pub async fn sign_out_everywhere(session: &Session, env: &Env) -> Result<Response, ApiError> {
    Store::new(env)?
        .delete_sessions_of(&session.actor.account_id)
        .await?;
    signed_out()
}

/// The `Me` of an account (signed in, or it would not be asked).
pub async fn me_of(store: &Store, account_id: &str) -> Result<Me, ApiError> {
    let account = store
        .account_by_id(account_id)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    me(store, account).await
}

/// `GET /api/v1/me`.
pub async fn whoami(session: &Session, env: &Env) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let account = store
        .account_by_id(&session.actor.account_id)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    json_no_store(&me(&store, account).await?)
}

/// Ten digits, read aloud over the phone or at the door (`1234 5678 90`).
fn short_code(bytes: &[u8]) -> String {
    let n = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    format!("{:010}", n % 10_000_000_000)
}

/// `POST /api/v1/households/{id}/activations` (staff over the household): a link and a
/// short code that put one phone in for the household's resident account. A new one
/// replaces the old and signs the old phone out.
pub async fn issue_activation(
    req: &Request,
    env: &Env,
    actor: &Actor,
    household_id: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let household = store
        .household(household_id)
        .await?
        .ok_or(ApiError::HouseholdNotFound)?;
    let now = now();
    let account_id = match store.resident_account_of(household_id).await? {
        Some(id) => id,
        None => {
            let id = format!("res-{}", hex(&random_bytes(8)?));
            // The account's name: 张德明家 (within the 50-character limit).
            let head: String = household
                .members
                .first()
                .map(|m| format!("{}家", m.name))
                .unwrap_or_else(|| household.address.clone())
                .chars()
                .take(50)
                .collect();
            store
                .create_resident_account(&id, &head, household_id, &household.grid_code, now)
                .await?;
            id
        }
    };
    activation_for(req, &store, &account_id, actor, now).await
}

/// A new one-time activation (link + short code) for `account_id`, replacing its earlier
/// ones and ending its sessions: 201 with the `Activation`.
async fn activation_for(
    req: &Request,
    store: &Store,
    account_id: &str,
    actor: &Actor,
    now: i64,
) -> Result<Response, ApiError> {
    let token = hex(&random_bytes(32)?);
    let code = short_code(&random_bytes(8)?);
    let expires = now + ACTIVATION_HOURS * 60 * 60 * 1000;
    store
        .replace_activation(
            &hex(&random_bytes(16)?),
            account_id,
            &sha256_hex(token.as_bytes()).await?,
            &sha256_hex(code.as_bytes()).await?,
            &actor.account_id,
            now,
            expires,
        )
        .await?;
    let origin = req.url()?.origin().ascii_serialization();
    let resp = json_no_store(&Activation {
        url: format!("{origin}/activate/{token}"),
        code,
        expires_at: expires,
    })?;
    Ok(resp.with_status(201))
}

/// `POST /api/v1/activations` with `{code}` (the short code or the link's token): signs
/// this phone in for 365 days. Failures are throttled like passwords.
pub async fn redeem(mut req: Request, env: &Env) -> Result<Response, ApiError> {
    let body: Redeem = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let store = Store::new(env)?;
    let now = now();
    let attempt = Attempt::begin(
        &store,
        &[
            (
                format!("addr:{}", client_address(&req)),
                MAX_FAILURES_PER_ADDRESS,
            ),
            ("redeem".to_owned(), MAX_FAILED_REDEMPTIONS),
        ],
        now,
    )
    .await?;
    let raw = body.code.trim();
    let typed = if raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit()) {
        raw.to_ascii_lowercase()
    } else {
        normalize_code(raw)
    };
    let found = if typed.is_empty() {
        None
    } else {
        store
            .activation(&sha256_hex(typed.as_bytes()).await?)
            .await?
    };
    let Some(activation) = found else {
        return Err(ApiError::ActivationNotFound);
    };
    // A real code, used or expired: not a guess.
    attempt.withdraw(&store).await?;
    if activation.used_at.is_some() {
        return Err(ApiError::ActivationUsed);
    }
    if (activation.expires_at as i64) <= now {
        return Err(ApiError::ActivationExpired);
    }
    if !store.use_activation(&activation.id, now).await? {
        return Err(ApiError::ActivationUsed);
    }
    let account = store
        .account_by_id(&activation.account_id)
        .await?
        .ok_or(ApiError::ActivationNotFound)?;
    // A staff member's first sign-in (or a reset) is a staff session; they then set a
    // password. A resident's phone stays in for a year.
    let staff = store
        .roles_of(&account.id)
        .await?
        .iter()
        .any(|g| g.role.is_staff());
    let length = if staff {
        SESSION_MS
    } else {
        RESIDENT_SESSION_DAYS * DAY_MS
    };
    signed_in(&store, account, now, length).await
}

/// `POST /api/v1/admin/accounts/{login}/activation`: how a staff member loaded from a
/// spreadsheet first gets in (or back in, after a lost password): a one-time link and code
/// from an administrator whose area covers every grid role the account holds. Their other
/// sessions end; they set a password once in.
pub async fn issue_staff_activation(
    req: &Request,
    env: &Env,
    actor: &Actor,
    login: &str,
) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let account = store
        .account_by_login(login)
        .await?
        .ok_or(ApiError::AccountNotFound)?;
    let roles = store.roles_of(&account.id).await?;
    if !roles.iter().any(|g| g.role.is_staff()) {
        return Err(ApiError::AccountNotFound);
    }
    let grants: Vec<_> = roles.iter().collect();
    let areas = crate::admin::department_areas(&store, &grants).await?;
    if !roles
        .iter()
        .all(|g| crate::admin::administers_grant(actor, g, &areas))
    {
        return Err(ApiError::Forbidden);
    }
    activation_for(req, &store, &account.id, actor, now()).await
}

fn field_problem(field: &str, zh: &str, en: &str) -> ApiError {
    ApiError::Invalid(vec![Detail {
        line: None,
        field: Some(field.to_owned()),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }])
}

/// `PUT /api/v1/me/password`: sets or changes the password (the current one is needed once
/// there is one; wrong guesses are throttled like sign-ins), and the login if asked. Other
/// devices are signed out; this one stays in.
pub async fn set_password(
    mut req: Request,
    env: &Env,
    session: &Session,
) -> Result<Response, ApiError> {
    let body: SetPassword = req
        .json()
        .await
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let store = Store::new(env)?;
    let account = store
        .account_by_id(&session.actor.account_id)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    if account.password_hash.is_some() {
        let now = now();
        let attempt = Attempt::begin(
            &store,
            &[
                // Its own key: failed sign-ins by others must not lock the owner out of this.
                (
                    format!("pwchange:{}", account.id),
                    MAX_FAILURES_PER_LOGIN_ADDRESS,
                ),
                (
                    format!("addr:{}", client_address(&req)),
                    MAX_FAILURES_PER_ADDRESS,
                ),
            ],
            now,
        )
        .await?;
        let current = body.current.as_deref().unwrap_or_default();
        if !password_matches(&account, current).await? {
            return Err(field_problem(
                "current",
                "当前密码不对。",
                "The current password is wrong.",
            ));
        }
        attempt.withdraw(&store).await?;
    }
    match check_password(&body.password) {
        Ok(()) => {}
        Err(WeakPassword::TooShort) => {
            return Err(field_problem(
                "password",
                "密码至少 8 个字符。",
                "A password has at least 8 characters.",
            ))
        }
        Err(WeakPassword::Common) => {
            return Err(field_problem(
                "password",
                "这个密码太常见，容易被猜到，请换一个。",
                "This password is too common to be safe; choose another.",
            ))
        }
    }
    let login = match body.login.as_deref().map(str::trim) {
        Some(l) if l != account.login => {
            if !valid_login(l) {
                return Err(field_problem(
                    "login",
                    "登录名只能用 2 到 64 个小写英文字母、数字和 . _ -（也可以用手机号）。",
                    "A login is 2 to 64 of a-z, 0-9 and . _ - (a phone number works too).",
                ));
            }
            if store.account_by_login(l).await?.is_some() {
                return Err(field_problem(
                    "login",
                    "这个登录名已被使用，请换一个。",
                    "That login is taken; choose another.",
                ));
            }
            l.to_owned()
        }
        _ => account.login.clone(),
    };
    let salt = random_bytes(16)?;
    let hash = pbkdf2(&body.password, &salt, PBKDF2_ITERATIONS).await?;
    match store
        .set_password(
            &account.id,
            &login,
            &hex(&hash),
            &hex(&salt),
            PBKDF2_ITERATIONS,
            &session.token_hash,
        )
        .await
    {
        // A deactivated account still holds that login.
        Err(ApiError::AlreadyExists) => {
            return Err(field_problem(
                "login",
                "这个登录名已被使用，请换一个。",
                "That login is taken; choose another.",
            ))
        }
        r => r?,
    }
    let account = store
        .account_by_id(&account.id)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    json_no_store(&me(&store, account).await?)
}
