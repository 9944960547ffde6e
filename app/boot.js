// Starts Wangge: registers the service worker and loads this build's wasm. `cargo xtask`
// writes the build's directory (app/<content hash>/) in place of __WANGGE_BUILD__; the
// wasm, its JS glue and every section chunk live there, so two builds never mix.
import init from "./app/__WANGGE_BUILD__/wangge-app.js";

// Plain JS: if the wasm itself cannot load, the app cannot say so.
function bootFailed() {
    // The app removes the splash when it mounts; a failure after that needs a box again.
    let box = document.getElementById("boot");
    if (!box) {
        box = document.createElement("div");
        box.id = "boot";
        box.className = "boot";
        box.setAttribute("role", "alert");
        document.body.prepend(box);
    }
    box.textContent = "";
    const p = document.createElement("p");
    p.textContent = navigator.onLine
        ? "网格通没能加载出来，请刷新页面再试。"
        : "网络不通，网格通还没有保存到这部手机上。请连上网络后刷新页面。";
    const b = document.createElement("button");
    b.className = "button";
    b.textContent = "刷新页面";
    b.addEventListener("click", () => location.reload());
    box.append(p, b);
}

init({ module_or_path: new URL("./app/__WANGGE_BUILD__/wangge-app_bg.wasm", import.meta.url) })
    .then(() => {
        // After the first render, in the background (a first visit's bandwidth goes to the
        // page first): register the service worker, which precaches the shell, then ask it
        // for every section's chunk so each section opens offline later.
        if (!("serviceWorker" in navigator)) return;
        const idle = window.requestIdleCallback || ((f) => setTimeout(f, 2000));
        const askForChunks = () => navigator.serviceWorker.ready
            .then((reg) => reg.active && reg.active.postMessage({ type: "precache-chunks" }));
        idle(() => {
            navigator.serviceWorker.register("/sw.js")
                .then(askForChunks)
                .catch((e) => console.warn("sw", e));
            // A new build's worker took over: it has its own chunks to fetch.
            navigator.serviceWorker.addEventListener("controllerchange", askForChunks);
            // Chunks that failed while the network was gone (the worker skips them) are
            // fetched once it is back, not only at the next page load.
            window.addEventListener("online", askForChunks);
        }, { timeout: 3000 });
    })
    .catch((e) => { console.error(e); bootFailed(); });
