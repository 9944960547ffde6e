//! `/`: what Wangge does, and the way in to each part.

use crate::settings::Settings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let s = Settings::get();
    view! {
        <section class="home">
            <h1>{move || s.t("网格通", "Wangge")}</h1>
            <p class="lead">
                {move || s.t("有事找网格，办事不求人。", "Your grid worker, one tap away.")}
            </p>
            <ul class="tiles">
                <li class="tile">
                    <A href="/grids" attr:class="tile-link">
                        <h2>{move || s.t("找网格", "Find your grid")}</h2>
                        <p>{move || s.t("查看您所在网格的网格长、网格员和服务承诺，扫码即可找到人。", "See who serves your grid, their commitments, and its QR code.")}</p>
                    </A>
                </li>
                <li class="tile">
                    <A href="/reports/new" attr:class="tile-link">
                        <h2>{move || s.t("报事", "Report a problem")}</h2>
                        <p>{move || s.t("下水道堵了、树倒了、邻里纠纷，拍一拍、说一说，网格员来处理。没有网络也能报。", "Blocked drain, fallen tree, a dispute: report it and your grid worker handles it — even offline.")}</p>
                    </A>
                </li>
                <li class="tile">
                    <A href="/points" attr:class="tile-link">
                        <h2>{move || s.t("积分超市", "Points supermarket")}</h2>
                        <p>{move || s.t("按村规民约攒积分，到村里小超市兑换日用品。积分存折随时查，兑换码没网也能出示。", "Earn points under village rules and redeem them at the village shop. Your passbook any time; your pass even offline.")}</p>
                    </A>
                </li>
                <li class="tile">
                    <A href="/guide" attr:class="tile-link">
                        <h2>{move || s.t("办事指南", "Service guide")}</h2>
                        <p>{move || s.t("办什么事、带什么材料、去哪里办、多久办好，一查就知道，没有网络也能查。", "What to bring, where to go and how long it takes — searchable even offline.")}</p>
                    </A>
                </li>
            </ul>
        </section>
    }
}
