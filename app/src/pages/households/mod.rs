//! Households for staff (lazy): a base grid's register, registering a household and
//! editing it (through the outbox, so it works in the field without a network), and
//! the activation that puts a resident's phone in: a QR code and a 10-digit code to read
//! aloud; and 迁出, a household that left (deactivated, never deleted; needs the network).
//! `/households` is the register, `/households/new` the form, `/households/{id}` one
//! household.

mod activation;
mod form;
mod register;

use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wangge_core::households::Household;

/// `/households` and `/households/{id}` (`new`: the registration form).
#[component]
pub fn Households() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(|p| p.get("id")) {
        None => view! { <register::Register/> }.into_any(),
        Some(id) if id == "new" => view! { <form::NewHousehold/> }.into_any(),
        Some(id) => view! { <form::Detail id/> }.into_any(),
    }
}

/// `/households?grid=…`
pub fn register_path(grid: &str) -> String {
    format!("/households?grid={grid}")
}

/// A household as the server keeps it: address, members, their phones in full (only its
/// own members and staff over it can read it). Residents' `/household` shows it too.
#[component]
pub fn HouseholdView(h: Household) -> impl IntoView {
    let s = Settings::get();
    view! {
        <article class="grid-card" data-testid="household">
            <p class="scope"><strong>{move || s.t("住址：", "Address: ")}</strong>{h.address}</p>
            <ul class="people">
                {h.members.into_iter().map(|m| {
                    let relation = m.relation;
                    view! {
                        <li class="person">
                            <p class="person-head">
                                <span class="role">{move || s.t(relation.label_zh(), relation.label_en())}</span>
                                <span class="person-name">{m.name}</span>
                            </p>
                            {m.phone.map(|p| view! { <p class="phone"><span aria-hidden="true">"☎ "</span>{p}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
}
