// The loader, boot-<hash>.js: written by the release's boot step
// (xtask/src/release/boot.rs), which fills each {{…}} below and drops these
// comment lines, blank lines and indentation (the script ships on every
// visit). The globals and attributes it names are the prerender hand-off's
// (pages-table/src/handoff.rs; xtask/src/handoff.rs checks them).
//
// It fetches the main wasm and the module of the opened route (a static
// route wins over one with parameters, as in the router) and names it for
// the app (data-first-module, see lazy_routes::first_module); on a
// protected route, once the early script's start-up check
// (window.kabinetSession, src/early.js) says no one is signed in, fetches
// the sign-in page's module too, where the app will send the visitor;
// starts the app, and once the page has loaded and the browser is idle,
// prefetches every other module into the HTTP cache, so that later pages
// open without a download (unless the visitor's browser asks to save data:
// then each page downloads its module when it opens).
//
// Early downloads are this script's own fetch()es, whose answers the glue
// and the split modules' loader take (window.kabinetPreloaded, see
// split::rewrite_split_loader), not <link rel=preload as=fetch>: WebKit
// never gives a preloaded as=fetch answer to a fetch(), and downloaded every
// module twice.
//
// Each file is asked for once; the answer waits for whoever takes it first
// (the glue, the split modules' loader), later ones fetch anew. A file the
// loader asked for first (the app redirected before the start-up check's
// answer reached this script) is not fetched again here.
//
// In a browser that cannot run the app (src/browser_check.js says so on the
// page), nothing is fetched.
if (window.kabinetUnsupported?.()) throw new Error("this browser cannot run the app");
const asked = new Set();
const waiting = new Map();
const preload = (href) => {
  if (asked.has(href)) return;
  asked.add(href);
  const answer = fetch(href);
  answer.catch(() => {});
  waiting.set(href, answer);
};
window.kabinetPreloaded = (url) => {
  const answer = waiting.get(url.pathname) ?? fetch(url);
  waiting.delete(url.pathname);
  asked.add(url.pathname);
  return answer;
};
preload("/{{MAIN_WASM}}");
// The pages' table: [path, group, the group's files, protected], the
// static paths first.
const routes = [
/* {{ROUTES}} */
];
const route = routes.find(([re]) => re.test(location.pathname));
const opened = route ? route[2] : [];
if (route) document.documentElement.setAttribute("data-first-module", route[1]);
opened.forEach(preload);
const signIn = routes.find(([re]) => re.test("/login"));
if (route && route[3] && signIn) window.kabinetSession?.then((answer) => answer.status === 401 && signIn[2].forEach(preload), () => {});
// A retry after a failed start (src/early.js) imports this script again as
// ?attempt=N, and the glue with it: a browser keeps a failed import under
// its address.
const bindings = await import("/{{MAIN_JS}}" + new URL(import.meta.url).search);
window.wasmBindings = bindings;
await bindings.default({ module_or_path: window.kabinetPreloaded(new URL("/{{MAIN_WASM}}", location.href)) });
// Where rel=prefetch does nothing (WebKit), the prefetch is a fetch() whose
// body is read into the HTTP cache. It waits for the start-up check's
// answer, after which the sign-in page's files are either fetched already
// or not needed first.
const link = document.createElement("link");
const prefetchOne = link.relList?.supports?.("prefetch")
  ? (href) => document.head.append(Object.assign(link.cloneNode(), { rel: "prefetch", href }))
  : (href) => fetch(href).then((answer) => answer.arrayBuffer()).catch(() => {});
const prefetchRest = () => routes.flatMap(([, , files]) => files).forEach((href) => asked.has(href) || (asked.add(href), prefetchOne(href)));
const prefetch = () => navigator.connection?.saveData || (window.kabinetSession ?? Promise.resolve()).then(prefetchRest, prefetchRest);
const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(prefetch, { timeout: 5000 }) : setTimeout(prefetch, 1000));
if (document.readyState === "complete") whenIdle();
else addEventListener("load", whenIdle, { once: true });
