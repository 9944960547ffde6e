//! The grid directory API: the tree and one grid's card. Phones are masked here, in the
//! Worker, so no full number ever leaves the server.

use crate::error::ApiError;
use crate::http::json_etag;
use crate::store::Store;
use wangge_core::grids::{mask_phone, GridCard, GridCode, GridPerson, GridTree};
use worker::{Env, Request, Response};

/// `GET /api/v1/grids`
pub async fn tree(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let store = Store::new(env)?;
    let nodes = store.all_grids().await?;
    json_etag(req, &GridTree { nodes })
}

/// `GET /api/v1/grids/{code}`
pub async fn card(req: &Request, env: &Env, raw_code: &str) -> Result<Response, ApiError> {
    let code = GridCode::parse(raw_code).map_err(|_| ApiError::GridCodeMalformed)?;
    let store = Store::new(env)?;
    let card = store
        .grid_card(&code)
        .await?
        .ok_or(ApiError::GridNotFound)?;
    let people = card
        .people
        .into_iter()
        .map(|p| GridPerson {
            // Shown in full only with the person's recorded consent (四公开).
            phone: if p.phone_public {
                p.phone
            } else {
                mask_phone(&p.phone)
            },
            id: p.id,
            phone_public: p.phone_public,
            name: p.name,
            role: p.role,
            commitment: p.commitment,
        })
        .collect();
    json_etag(
        req,
        &GridCard {
            grid: card.grid,
            households: card.households,
            chain: card.chain,
            children: card.children,
            people,
        },
    )
}
