//! `cargo xtask open311 issue|revoke|list`: the API keys of Open311 clients (a 12345
//! hotline, a city-management system). A key is shown once, when issued; the database
//! keeps only its SHA-256. A revoked client stays on record (its reports name it).

use crate::admin::{check_grid_code, check_name, db_of, hex, random_bytes, sql_str, Db};
use crate::proc::capture_explained;
use crate::{step, tools, Result};
use sha2::{Digest, Sha256};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask open311 issue --id ID --name NAME --area GRID_CODE [--remote | --persist DIR]
       cargo xtask open311 revoke --id ID [--remote | --persist DIR]
       cargo xtask open311 list [--remote | --persist DIR]

  --id       the client's id: 1 to 64 of a-z 0-9 - (e.g. hotline-12345)
  --name     who it is, as staff see it on the reports it files (e.g. 禾丰县 12345 热线)
  --area     the grid subtree it may file into (a county's or a township's code)
  --remote   the real D1 database (after `cargo xtask wrangler login`); default: local
  --persist  the local D1 state (default: the one `cargo xtask dev` uses)";

fn check_id(id: &str) -> Result<()> {
    let ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!("id {id:?}: 1 to 64 of a-z 0-9 -"))
    }
}

/// A new key: `w311-` and 128 random bits in hex.
pub fn new_key() -> Result<String> {
    Ok(format!("w311-{}", hex(&random_bytes::<16>()?)))
}

pub fn key_sha256(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

fn now_ms() -> Result<i64> {
    Ok(std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_millis() as i64)
}

/// Issues a key to a new client; the key (shown once).
pub fn issue(db: &Db, id: &str, name: &str, area: &str) -> Result<String> {
    check_id(id)?;
    check_name(name)?;
    check_grid_code(area)?;
    let key = new_key()?;
    let sql = format!(
        "INSERT INTO open311_clients (id, name, key_sha256, area, created_at, revoked_at) \
         VALUES ({}, {}, {}, {}, {}, NULL)",
        sql_str(id),
        sql_str(name),
        sql_str(&key_sha256(&key)),
        sql_str(area),
        now_ms()?
    );
    capture_explained(db.execute(["--command", &sql])).map_err(|e| {
        format!("the database refused client {id:?} (an id taken, or no grid {area}?): {e}")
    })?;
    Ok(key)
}

/// Revokes a client's key: its next request is refused (403).
pub fn revoke(db: &Db, id: &str) -> Result<()> {
    check_id(id)?;
    let row = db.query_row(&format!(
        "SELECT count(*) AS n FROM open311_clients WHERE id = {}",
        sql_str(id)
    ))?;
    if row.get("n").and_then(serde_json::Value::as_i64) != Some(1) {
        return Err(format!("no Open311 client {id:?}"));
    }
    let sql = format!(
        "UPDATE open311_clients SET revoked_at = {} WHERE id = {} AND revoked_at IS NULL",
        now_ms()?,
        sql_str(id)
    );
    capture_explained(db.execute(["--command", &sql]))?;
    Ok(())
}

/// `cargo xtask open311 …`
pub fn cmd(args: &[String]) -> Result<ExitCode> {
    let Some((sub, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let (mut id, mut name, mut area, mut persist, mut remote) = (None, None, None, None, false);
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--id" => id = Some(value()?),
            "--name" => name = Some(value()?),
            "--area" => area = Some(value()?),
            "--persist" => persist = Some(value()?),
            "--remote" => remote = true,
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let db = db_of(remote, persist)?;
    tools::ensure(false)?;
    match (sub.as_str(), id, name, area) {
        ("issue", Some(id), Some(name), Some(area)) => {
            step("issuing an Open311 key");
            let key = issue(&db, &id, &name, &area)?;
            println!("client {id} ({name}) may file into grid {area} with the key:\n\n    {key}\n");
            println!("It is shown only now: hand it over safely. Revoke it with `cargo xtask open311 revoke --id {id}`.");
        }
        ("revoke", Some(id), _, _) => {
            step("revoking an Open311 key");
            revoke(&db, &id)?;
            println!("client {id}: key revoked; its next request gets 403");
        }
        ("list", _, _, _) => {
            let out = capture_explained(db.execute([
                "--command",
                "SELECT id, name, area, datetime(created_at / 1000, 'unixepoch') AS issued, \
                 CASE WHEN revoked_at IS NULL THEN '' ELSE datetime(revoked_at / 1000, 'unixepoch') END \
                 AS revoked FROM open311_clients ORDER BY id",
            ]))?;
            println!("{out}");
        }
        _ => {
            eprintln!("{USAGE}");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The suite's check, against the running Worker at `base` on the D1 state in `persist`:
/// a key issued by the command files a request; revoked, it is refused with 403.
pub fn suite_check(persist: &std::path::Path, base: &str) -> Result<()> {
    let db = Db::Local(persist.to_path_buf());
    let id = format!("suite-{}", hex(&random_bytes::<4>()?));
    let key = issue(&db, &id, "测试热线", "990101")?;
    let post = |key: &str| -> Result<(u16, String)> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut resp = agent
            .post(format!("{base}/open311/v2/requests.json"))
            .content_type("application/x-www-form-urlencoded")
            .send(format!(
                "api_key={key}&service_code=muni-light&address_string=suite&attribute%5Bgrid%5D=990101001003001&description={id}"
            ))
            .map_err(|e| format!("POST open311: {e}"))?;
        let body = resp.body_mut().read_to_string().unwrap_or_default();
        Ok((resp.status().as_u16(), body))
    };
    match post(&key)? {
        (200, body) if body.contains("service_request_id") => {}
        other => return Err(format!("a fresh key was refused: {other:?}")),
    }
    revoke(&db, &id)?;
    match post(&key)? {
        (403, body) if body.contains("\"code\":403") => Ok(()),
        other => Err(format!("a revoked key was let in: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_key().expect("key"), new_key().expect("key"));
        assert_ne!(a, b);
        assert_eq!(a.len(), 5 + 32);
        // The demo seed's key, as the migration's seed stores it.
        assert_eq!(
            key_sha256("wangge-demo-open311"),
            "ac9961a64bf1afe4ef06d66018dd345b47763fc9613a530ffdc8c4037ccbab05"
        );
        assert!(check_id("hotline-12345").is_ok());
        assert!(check_id("Hotline 1").is_err());
    }
}
