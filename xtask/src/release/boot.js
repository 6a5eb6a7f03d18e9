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
// starts the app, and once the page has loaded prefetches into the HTTP
// cache the modules of where the page leads: a cabinet page, at idle, the
// menu's sections; a public page, once the visitor starts on its form (a
// focus, a key, autofill's input, a press, a submit), the page a visitor
// goes to next (after /login, home), so that a visitor who only looks pays
// for nothing more, and one who signs in has home before the API has
// checked the password. And the module of any link the pointer, the focus
// or a finger reaches. The next page then opens without a download (unless
// the visitor's browser asks to save data: then each page downloads its
// module when it opens).
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
// The pages' table: [path, group, the group's files, protected, the files
// of where it leads], the static paths first.
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
// ?attempt=N, and the glue and the groups' loader with it: a browser keeps a
// failed import under its address.
const again = new URL(import.meta.url).search;
// The app: the glue, handed the groups' loader (imported here, not by the
// glue, so that it takes the query too), puts its exports on
// window.wasmBindings and starts the main module. No top-level await
// (Firefox has it from 89 only): early.js waits for `started` and shows
// a failure; on the app's own page (index.html, no early.js) a start this
// browser cannot make says so (browser_check.js).
export const started = Promise.all([import("/{{MAIN_JS}}" + again), import("/{{SPLIT_LOADER}}" + again)]).then(([bindings, loader]) => {
  bindings.{{TAKE_LOADER}}(loader);
  window.wasmBindings = bindings;
  return bindings.default({ module_or_path: window.kabinetPreloaded(new URL("/{{MAIN_WASM}}", location.href)) });
});
// Where rel=prefetch does nothing (WebKit), the prefetch is a fetch() whose
// body is read into the HTTP cache. Each file once.
const link = document.createElement("link");
const prefetchOne = link.relList?.supports?.("prefetch")
  ? (href) => document.head.append(Object.assign(link.cloneNode(), { rel: "prefetch", href }))
  : (href) => fetch(href).then((answer) => answer.arrayBuffer()).catch(() => {});
const prefetchFiles = (files) => navigator.connection?.saveData || files.forEach((href) => asked.has(href) || (asked.add(href), prefetchOne(href)));
// It waits for the start-up check's answer: a visitor of a cabinet page who
// is not signed in is on the sign-in page by then, and goes on from there.
const leadsTo = (answer) => (route && route[3] && signIn && answer?.status === 401 ? signIn[4] : route ? route[4] : []);
const onPublicPage = (answer) => !route || !route[3] || answer?.status === 401;
// The visitor's start on a form, heard from the first moment: a quick one
// may press before the page has loaded.
const intentTypes = ["focusin", "input", "pointerdown", "submit"];
let heardIntent;
const intent = new Promise((resolve) => (heardIntent = resolve));
const hearIntent = (event) => {
  if (!event.target.closest?.("form")) return;
  intentTypes.forEach((type) => removeEventListener(type, hearIntent, true));
  heardIntent();
};
intentTypes.forEach((type) => addEventListener(type, hearIntent, { capture: true, passive: true }));
const whenIdle = (then) => (window.requestIdleCallback ? requestIdleCallback(then, { timeout: 5000 }) : setTimeout(then, 1000));
const prefetch = () =>
  (window.kabinetSession ?? Promise.resolve()).then((answer) => answer, () => undefined).then((answer) => {
    const next = () => prefetchFiles(leadsTo(answer));
    if (onPublicPage(answer)) intent.then(next);
    else whenIdle(next);
  });
started.then(
  () => (document.readyState === "complete" ? prefetch() : addEventListener("load", prefetch, { once: true })),
  (error) => window.kabinetUnsupported?.(error),
);
// A link about to be followed: its page's group.
const toLink = (event) => {
  const a = event.target.closest?.("a[href]");
  const target = a && a.origin === location.origin && routes.find(([re]) => re.test(a.pathname));
  if (target) prefetchFiles(target[2]);
};
for (const type of ["pointerover", "focusin", "touchstart"]) addEventListener(type, toLink, { capture: true, passive: true });
