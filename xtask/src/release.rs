//! The release build of `cargo xtask dist`, the xtask's own pipeline rather
//! than trunk's (trunk runs wasm-bindgen right after cargo and cannot split
//! the module in between, trunk-rs/trunk#1022):
//!
//! 1. `cargo build --release --features split` for wasm32, with a smaller std
//!    (`-Zbuild-std`, panics abort at once, no panic locations, no `Debug`
//!    formatting) and `--emit-relocs` for the splitter;
//! 2. `wasm-split-cli`: the main module, one `split_<module>.wasm` per group
//!    of pages of `src/lazy_routes.rs`, `chunk_N.wasm` for code several
//!    groups share, and `__wasm_split.js` that loads them;
//! 3. `wasm-bindgen --target web` on the main module;
//! 4. `wasm-opt -Oz` on every module;
//! 5. `dist/`: every file named after its content (so a CDN may cache it
//!    forever; the stylesheet without its comments), `index.html` with no
//!    inline script and a loader `boot-<hash>.js` that starts downloading
//!    the opened route's modules beside the main one (then
//!    `deploy::finish_release` writes the `.br` and `.gz` copies).

use crate::Ctx;
use crate::process;
use crate::tools::WASM_TARGET;
use anyhow::{Context, Result, bail};
use pages_table::handoff::{FIRST_MODULE, PRELOADED, SESSION, UNSUPPORTED, WASM_BINDINGS};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const APP: &str = "kabinet";
/// What rustc 1.95 enables for wasm32-unknown-unknown, so wasm-opt keeps it.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// Builds the release into `dist`.
pub fn build(ctx: &Ctx, dist: &Path) -> Result<()> {
    // A target folder of its own: its flags differ from every other build's,
    // which would otherwise rebuild each other's dependencies.
    let target_dir = ctx.target_dir().join("release-split");
    let wasm = cargo_build(ctx, &target_dir)?;
    let work = target_dir.join("pipeline");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;

    let split_dir = work.join("split");
    process::run(
        ctx.tool_command("wasm-split-cli")
            .arg(&wasm)
            .arg(&split_dir)
            .args(["--out-name", APP]),
    )?;
    let main_wasm = split_dir.join(format!("{APP}.wasm"));

    let bindgen_dir = work.join("bindgen");
    let mut bindgen = ctx.tool_command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-name", APP])
        .arg("--out-dir")
        .arg(&bindgen_dir)
        // What __wasm_split.js links the page modules with.
        .args(["--keep-lld-exports", "--no-demangle"]);
    process::run(bindgen.arg(&main_wasm))?;

    let main_bg = bindgen_dir.join(format!("{APP}_bg.wasm"));
    let mut chunks = Vec::new();
    for entry in fs::read_dir(&split_dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") && path != main_wasm {
            chunks.push(path);
        }
    }
    chunks.sort();
    let mut modules = chunks.clone();
    modules.push(main_bg);
    wasm_opt_all(ctx, &modules)?;
    assemble(ctx, dist, &bindgen_dir, &split_dir, &chunks)
}

/// `cargo build --release --features split` for wasm32, with std rebuilt
/// for size: panics abort at once without a message or a location, `{:?}`
/// prints nothing (the app shows no Debug output), std's smaller variants of
/// its algorithms. 8 % less brotli than the prebuilt std (2026-11-30). The
/// pinned stable rustc takes these unstable flags under RUSTC_BOOTSTRAP,
/// with std's sources from the rust-src component.
fn cargo_build(ctx: &Ctx, target_dir: &Path) -> Result<PathBuf> {
    process::run(
        ctx.cargo()
            .args(["build", "--release", "--target", WASM_TARGET, "--bin", APP])
            .args(["--features", "split"])
            .env("CARGO_TARGET_DIR", target_dir)
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
            // Replaces .cargo/config.toml's target rustflags: repeats them.
            // --emit-relocs: what wasm-split-cli reads to cut the module.
            .env(
                "RUSTFLAGS",
                "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort \
                 -Zlocation-detail=none -Zfmt-debug=none -Clink-args=--emit-relocs",
            ),
    )?;
    Ok(target_dir
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{APP}.wasm")))
}

/// `wasm-opt` on each module, two at a time (npm's wasm-opt is slow to start).
fn wasm_opt_all(ctx: &Ctx, modules: &[PathBuf]) -> Result<()> {
    say!("$ wasm-opt -Oz on {} modules, two at a time", modules.len());
    let (first, second) = modules.split_at(modules.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().try_for_each(|m| wasm_opt(ctx, m)));
        let mine = first.iter().try_for_each(|m| wasm_opt(ctx, m));
        let theirs = other
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("wasm-opt thread panicked")));
        mine.and(theirs)
    })
}

/// One module, its output shown only when it fails: wasm-opt warns about
/// the name section wasm-split-cli writes, once per module.
fn wasm_opt(ctx: &Ctx, wasm: &Path) -> Result<()> {
    let output = ctx
        .tool_command("wasm-opt")
        .args(["-Oz", "--quiet"])
        .args(WASM_FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .output()
        .context("running wasm-opt")?;
    if !output.status.success() {
        bail!(
            "wasm-opt failed on {}: {}",
            wasm.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// A short hash of `parts`, for file names.
fn content_hash(parts: &[&[u8]]) -> String {
    use std::hash::Hasher as _;
    // SipHash with fixed keys: the same bytes give the same name on every run.
    let mut hasher = std::hash::DefaultHasher::new();
    for part in parts {
        hasher.write(part);
    }
    format!("{:016x}", hasher.finish())
}

/// `name.ext` → `name-<hash of bytes>.ext`: a name that changes with the
/// content, so a CDN may cache the file forever.
pub fn named_after(name: &str, bytes: impl AsRef<[u8]>) -> String {
    hashed_name(name, &content_hash(&[bytes.as_ref()]))
}

/// `name.ext` → `name-<hash>.ext`.
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn assemble(
    ctx: &Ctx,
    dist: &Path,
    bindgen_dir: &Path,
    split_dir: &Path,
    chunks: &[PathBuf],
) -> Result<()> {
    let _ = fs::remove_dir_all(dist);
    fs::create_dir_all(dist).with_context(|| format!("creating {}", dist.display()))?;

    // The split modules, named after their content.
    let mut renamed = BTreeMap::new();
    for chunk in chunks {
        let bytes = fs::read(chunk)?;
        let name = file_name(chunk);
        let new = named_after(&name, &bytes);
        fs::write(dist.join(&new), &bytes)?;
        renamed.insert(name, new);
    }

    // Their loader, pointing at the renamed files, and the glue importing it.
    let loader = fs::read_to_string(split_dir.join("__wasm_split.js"))
        .context("wasm-split-cli wrote no __wasm_split.js")?;
    let loader = rewrite_split_loader(&loader, &renamed)?;
    let loader_name = named_after("__wasm_split.js", loader.as_bytes());
    fs::write(dist.join(&loader_name), &loader)?;
    let glue = fs::read_to_string(bindgen_dir.join(format!("{APP}.js")))?;
    let main_js = importing_loader(&glue, &loader_name)?;
    let route_modules = route_modules(&loader)?;

    // The app's JS glue and main module, named after both.
    let main_bg = fs::read(bindgen_dir.join(format!("{APP}_bg.wasm")))?;
    let hash = content_hash(&[main_js.as_bytes(), &main_bg]);
    let js_name = format!("{APP}-{hash}.js");
    let wasm_name = format!("{APP}-{hash}_bg.wasm");
    fs::write(dist.join(&js_name), &main_js)?;
    fs::write(dist.join(&wasm_name), &main_bg)?;
    let snippets = bindgen_dir.join("snippets");
    if snippets.is_dir() {
        crate::deploy::copy_dir(&snippets, &dist.join("snippets"))?;
    }
    let modulepreloads = [js_name.clone(), loader_name];

    let boot = boot_script(&js_name, &wasm_name, &route_modules);
    let boot_name = named_after("boot.js", boot.as_bytes());
    fs::write(dist.join(&boot_name), &boot)?;

    let html = fs::read_to_string(ctx.root.join("index.html"))?;
    let head = head_links(&modulepreloads, &boot_name);
    let html = rewrite_index(&html, &ctx.root, dist, &head)?;
    fs::write(dist.join("index.html"), html)?;
    Ok(())
}

/// The glue importing the split modules' loader under its hashed name, and
/// under the glue's own query: a retry after a failed start imports the glue
/// as `…js?attempt=N` (the boot script), and a browser keeps a failed import
/// under its address, so a static import of a loader that once failed
/// would fail forever. Only the `import … from` lines change: the wasm's
/// imports object keeps the module name the wasm asks for.
fn importing_loader(glue: &str, loader_name: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    let mut rewritten = 0;
    for line in glue.lines() {
        let import = line
            .strip_prefix("import * as ")
            .and_then(|rest| rest.split_once(" from "))
            .filter(|(_, from)| from.contains("./__wasm_split.js"));
        match import {
            Some((binding, _)) => {
                let _ = writeln!(
                    out,
                    "const {binding} = await import(\"./{loader_name}\" + new URL(import.meta.url).search);"
                );
                rewritten += 1;
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let static_left = out
        .lines()
        .any(|line| line.starts_with("import ") && line.contains("__wasm_split.js"));
    if rewritten == 0 || static_left {
        bail!(
            "{APP}.js does not import ./__wasm_split.js as `import * as … from`: \
             did wasm-bindgen change?"
        );
    }
    Ok(out)
}

/// Each page of the table (`pages_table::PAGES`) with its module and the
/// files that module needs (from the loader `wasm-split-cli` wrote).
fn route_modules(loader: &str) -> Result<Vec<RouteModule>> {
    let modules = split_modules(loader);
    pages_table::PAGES
        .iter()
        .map(|page| {
            let files = modules.get(page.group).with_context(|| {
                format!(
                    "page {} is in group {}, but wasm-split-cli made no module for it",
                    page.pattern, page.group
                )
            })?;
            Ok(RouteModule {
                regex: route_regex(page.pattern),
                module: page.group.to_owned(),
                files: files.clone(),
                protected: page.access != pages_table::Access::Public,
            })
        })
        .collect()
}

/// The boot script and the groups' loader for the table's pages, as the
/// release writes them from a loader of made-up files: what the hand-off
/// test (`handoff.rs`) reads.
#[cfg(test)]
pub fn boot_script_sample() -> String {
    let mut loader = String::from("import { initSync } from \"./kabinet.js\";\n");
    for page in pages_table::PAGES {
        let group = page.group;
        let _ = writeln!(
            loader,
            "export const __wasm_split_load_{group} = wrapAsyncCb(makeLoad(new URL(\"./split_{group}.wasm\", import.meta.url), []));"
        );
    }
    let routes = route_modules(&loader).expect("a module for every group");
    let loader = rewrite_split_loader(&loader, &BTreeMap::new()).expect("the loader's import");
    boot_script("kabinet-h.js", "kabinet-h_bg.wasm", &routes) + &loader
}

/// `__wasm_split.js` with its modules renamed, and without its import of the
/// main JS: that would make the two files' names depend on each other. The
/// boot script puts the main JS's exports on `window.wasmBindings` before
/// it starts the app, and the loader needs them only after. Its `fetch()`es
/// take what the boot script fetched already (`window.kabinetPreloaded`).
fn rewrite_split_loader(loader: &str, renamed: &BTreeMap<String, String>) -> Result<String> {
    let mut out = String::with_capacity(loader.len());
    let mut replaced_import = false;
    for line in loader.lines() {
        if line.starts_with("import ") && line.contains("initSync") {
            let _ = writeln!(
                out,
                "const initSync = (...args) => window.{WASM_BINDINGS}.initSync(...args);"
            );
            // A file the boot script has fetched already is taken from it.
            let _ = writeln!(
                out,
                "const fetchWasm = (url) => (window.{PRELOADED} ?? fetch)(url);"
            );
            replaced_import = true;
            continue;
        }
        out.push_str(&line.replace("fetch(new URL(", "fetchWasm(new URL("));
        out.push('\n');
    }
    if !replaced_import {
        bail!("__wasm_split.js has no `import {{ initSync }}` line: did wasm-split-cli change?");
    }
    for (old, new) in renamed {
        let quoted = format!("\"./{old}\"");
        if !out.contains(&quoted) {
            bail!("__wasm_split.js does not load {old}");
        }
        out = out.replace(&quoted, &format!("\"./{new}\""));
    }
    Ok(out)
}

/// Which files each split module needs, from `__wasm_split.js`'s
/// declarations (each on one line or several):
/// `const __chunk_3 = makeLoad(… new URL("./chunk_3.wasm", …) …, []);` and
/// `export const __wasm_split_load_login = wrapAsyncCb(makeLoad(… new URL("./split_login.wasm", …) …, [__chunk_3]));`
/// (an empty chunk has no URL).
fn split_modules(loader: &str) -> BTreeMap<String, Vec<String>> {
    const CHUNK: &str = "const __chunk_";
    const SPLIT: &str = "export const __wasm_split_load_";
    // Each declaration runs from its start to the next one's.
    let mut starts: Vec<usize> = loader
        .match_indices(CHUNK)
        .map(|(i, _)| i)
        .filter(|&i| !loader[..i].ends_with("export "))
        .chain(loader.match_indices(SPLIT).map(|(i, _)| i))
        .collect();
    starts.sort_unstable();
    let mut chunk_files = BTreeMap::new();
    let mut modules = BTreeMap::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(loader.len());
        let decl = &loader[start..end];
        let name = |prefix: &str| -> String {
            decl[prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        };
        let url = decl.split_once("new URL(\"./").and_then(|(_, rest)| {
            let (file, _) = rest.split_once('"')?;
            Some(file.to_owned())
        });
        if decl.starts_with(CHUNK) {
            chunk_files.insert(format!("__chunk_{}", name(CHUNK)), url);
        } else {
            let mut files: Vec<String> = url.into_iter().collect();
            let deps = decl
                .rsplit_once('[')
                .map_or("", |(_, d)| d.split(']').next().unwrap_or_default());
            for dep in deps.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                if let Some(Some(file)) = chunk_files.get(dep) {
                    files.push(file.clone());
                }
            }
            modules.insert(name(SPLIT), files);
        }
    }
    modules
}

/// A route's path as a JS regular expression source: `/accounts/:id` →
/// `^/accounts/[^/]+/?$`.
fn route_regex(path: &str) -> String {
    let mut re = String::from("^");
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        re.push('/');
        if segment.starts_with(':') {
            re.push_str("[^/]+");
        } else {
            re.push_str(segment);
        }
    }
    if re == "^" {
        re.push('/');
        re.push('$');
    } else {
        re.push_str("/?$");
    }
    re
}

/// A route of the app as the loader knows it.
struct RouteModule {
    /// The regular expression of its path.
    regex: String,
    /// The module of its page (its group in the table).
    module: String,
    /// The files that module needs.
    files: Vec<String>,
    /// Only for a signed-in subscriber: others are sent to /login.
    protected: bool,
}

/// The loader: fetches the main wasm and the module of the opened route (a
/// static route wins over one with parameters, as in the router) and names
/// it for the app (`data-first-module`, see `lazy_routes::first_module`); on
/// a protected route, once the early script's start-up check
/// (`window.kabinetSession`, src/early.js) says no one is signed in, fetches
/// the sign-in page's module too, where the app will send the visitor;
/// starts the app, and once the page has loaded and the browser is idle,
/// prefetches every other module into the HTTP cache, so that later pages
/// open without a download (unless the visitor's browser asks to save data:
/// then each page downloads its module when it opens).
///
/// Early downloads are the loader's own `fetch()`es, whose answers the glue
/// and the split modules' loader take (`window.kabinetPreloaded`, see
/// [`rewrite_split_loader`]), not `<link rel=preload as=fetch>`: WebKit never
/// gives a preloaded `as=fetch` answer to a `fetch()`, and downloaded every
/// module twice. Where `rel=prefetch` does nothing (WebKit), the prefetch is
/// a `fetch()` whose body is read into the HTTP cache. The prefetch waits
/// for the start-up check's answer, after which the sign-in page's files
/// are either fetched already or not needed first.
fn boot_script(js: &str, wasm: &str, route_modules: &[RouteModule]) -> String {
    let mut routes: Vec<&RouteModule> = route_modules.iter().collect();
    routes.sort_by_key(|route| route.regex.matches("[^/]+").count());
    // Each file asked for once; the answer waits for whoever takes it first
    // (the glue, the split modules' loader), later ones fetch anew. A file
    // the loader asked for first (the app redirected before the start-up
    // check's answer reached this script) is not fetched again here.
    // In a browser that cannot run the app (src/browser_check.js says so on
    // the page), nothing is fetched.
    let mut s = format!(
        "if (window.{UNSUPPORTED}?.()) throw new Error(\"this browser cannot run the app\");\n\
         const asked = new Set();\n\
         const waiting = new Map();\n\
         const preload = (href) => {{\n\
         \x20 if (asked.has(href)) return;\n\
         \x20 asked.add(href);\n\
         \x20 const answer = fetch(href);\n\
         \x20 answer.catch(() => {{}});\n\
         \x20 waiting.set(href, answer);\n\
         }};\n\
         window.{PRELOADED} = (url) => {{\n\
         \x20 const answer = waiting.get(url.pathname) ?? fetch(url);\n\
         \x20 waiting.delete(url.pathname);\n\
         \x20 asked.add(url.pathname);\n\
         \x20 return answer;\n\
         }};\n",
    );
    let _ = writeln!(s, "preload(\"/{wasm}\");");
    if !routes.is_empty() {
        s.push_str("const routes = [\n");
        for route in routes {
            let files: Vec<String> = route.files.iter().map(|f| format!("\"/{f}\"")).collect();
            let _ = writeln!(
                s,
                "  [/{}/, \"{}\", [{}], {}],",
                route.regex.replace('/', "\\/"),
                route.module,
                files.join(", "),
                route.protected
            );
        }
        let _ = write!(
            s,
            "];\n\
             const route = routes.find(([re]) => re.test(location.pathname));\n\
             const opened = route ? route[2] : [];\n\
             if (route) document.documentElement.setAttribute(\"{FIRST_MODULE}\", route[1]);\n\
             opened.forEach(preload);\n\
             const signIn = routes.find(([re]) => re.test(\"/login\"));\n\
             if (route && route[3] && signIn) window.{SESSION}?.then((answer) => answer.status === 401 && signIn[2].forEach(preload), () => {{}});\n",
        );
    }
    // A retry after a failed start (src/early.js) imports this script
    // again as `?attempt=N`, and the glue with it: a browser keeps a failed
    // import under its address.
    let _ = write!(
        s,
        "const bindings = await import(\"/{js}\" + new URL(import.meta.url).search);\n\
         window.{WASM_BINDINGS} = bindings;\n\
         await bindings.default({{ module_or_path: window.{PRELOADED}(new URL(\"/{wasm}\", location.href)) }});\n"
    );
    if !route_modules.is_empty() {
        s.push_str(
            "const link = document.createElement(\"link\");\n\
             const prefetchOne = link.relList?.supports?.(\"prefetch\")\n\
             \x20 ? (href) => document.head.append(Object.assign(link.cloneNode(), { rel: \"prefetch\", href }))\n\
             \x20 : (href) => fetch(href).then((answer) => answer.arrayBuffer()).catch(() => {});\n\
             const prefetchRest = () => routes.flatMap(([, , files]) => files).forEach((href) => asked.has(href) || (asked.add(href), prefetchOne(href)));\n\
             const prefetch = () => navigator.connection?.saveData || (window.kabinetSession ?? Promise.resolve()).then(prefetchRest, prefetchRest);\n\
             const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(prefetch, { timeout: 5000 }) : setTimeout(prefetch, 1000));\n\
             if (document.readyState === \"complete\") whenIdle();\n\
             else addEventListener(\"load\", whenIdle, { once: true });\n",
        );
    }
    s
}

/// The app's scripts in `head`. The main wasm has no `<link rel=preload>`:
/// the loader fetches it as it starts ([`boot_script`]).
fn head_links(modulepreloads: &[String], boot: &str) -> String {
    let mut s = String::new();
    for js in modulepreloads {
        let _ = write!(s, "<link rel=\"modulepreload\" href=\"/{js}\">");
    }
    let _ = write!(s, "<script type=\"module\" src=\"/{boot}\"></script>");
    s
}

/// The attributes of an HTML tag, `<link a="b" c>` → `[("a", "b"), ("c", "")]`.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut attrs = Vec::new();
    let mut rest = inner.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let quote = after.chars().next().unwrap_or('"');
            if quote == '"' || quote == '\'' {
                let body = &after[1..];
                let close = body.find(quote).unwrap_or(body.len());
                value = body[..close].to_owned();
                rest = body.get(close + 1..).unwrap_or("");
            } else {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..close].to_owned();
                rest = &after[close..];
            }
        }
        attrs.push((name, value));
    }
    attrs
}

/// Trunk's `index.html` for the release: each `<link data-trunk …>` becomes
/// what trunk would make of it (a hashed stylesheet, a copied file, the
/// app's scripts in `head`).
fn rewrite_index(html: &str, root: &Path, dist: &Path, app_head: &str) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link data-trunk") {
        out.push_str(&rest[..start]);
        let end = start
            + rest[start..]
                .find('>')
                .context("unclosed <link data-trunk")?
            + 1;
        let tag = &rest[start..end];
        let attrs = attributes(tag);
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match get("rel") {
            Some("css") => {
                let href = get("href").context("a css link without href")?;
                let css = fs::read_to_string(root.join(href))
                    .with_context(|| format!("reading {href}"))?;
                // Named after what ships: the comments explain the
                // stylesheet to whoever edits it, and would cost every first
                // visit some 700 bytes of brotli (`trunk serve` keeps them).
                let css = without_comments(&css);
                let name = named_after(&file_name(Path::new(href)), &css);
                fs::write(dist.join(&name), &css)?;
                let _ = write!(out, "<link rel=\"stylesheet\" href=\"/{name}\">");
            }
            Some("copy-file") => {
                let href = get("href").context("a copy-file link without href")?;
                fs::copy(root.join(href), dist.join(file_name(Path::new(href))))
                    .with_context(|| format!("copying {href}"))?;
            }
            Some("rust") => out.push_str(app_head),
            other => bail!("index.html: unknown <link data-trunk rel={other:?}>"),
        }
        rest = &rest[end..];
        // Drop the line break a removed tag leaves behind.
        if out.ends_with(' ') && rest.starts_with('\n') {
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `css` without its `/* … */` comments and the blank lines and trailing
/// spaces they leave. Strings are copied whole, so a `/*` inside quotes
/// (a data: URL) stays.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut quote = None;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => out.push(c),
        }
    }
    let mut lines: Vec<&str> = out
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .collect();
    lines.push("");
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheet_comments_go_and_strings_stay() {
        let css = "/* Tokens\n   of the design */\n:root { --a: 1px; } /* trailing */\n\n\
                   a { content: \"/* kept */\"; b: url('x/*y*/z'); }\n\
                   .q { content: \"\\\" /* still a string */\"; }\n/* unclosed";
        assert_eq!(
            without_comments(css),
            ":root { --a: 1px; }\na { content: \"/* kept */\"; b: url('x/*y*/z'); }\n\
             .q { content: \"\\\" /* still a string */\"; }\n"
        );
        // The project's own stylesheet loses only its comments.
        let main =
            fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css")).unwrap();
        let stripped = without_comments(&main);
        assert!(!stripped.contains("/*") && stripped.len() < main.len());
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let mut rest = squeeze(&main);
        while let Some(start) = rest.find("/*") {
            let end = start + rest[start..].find("*/").unwrap() + 2;
            rest.replace_range(start..end, "");
        }
        assert_eq!(squeeze(&stripped), rest);
    }

    #[test]
    fn the_glue_imports_the_loader_with_its_own_query() {
        let glue = "import * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\n\
                    let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n";
        let out = importing_loader(glue, "__wasm_split-ab.js").unwrap();
        assert_eq!(
            out,
            "const import1 = await import(\"./__wasm_split-ab.js\" + new URL(import.meta.url).search);\n\
             const import2 = await import(\"./__wasm_split-ab.js\" + new URL(import.meta.url).search);\n\
             let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n"
        );
        assert!(importing_loader("let wasm;\n", "x.js").is_err());
    }

    #[test]
    fn a_name_changes_with_the_content() {
        assert_ne!(named_after("early.js", "a"), named_after("early.js", "b"));
        assert_eq!(named_after("early.js", "a"), named_after("early.js", "a"));
        assert!(named_after("early.js", "a").starts_with("early-"));
        assert!(named_after("early.js", "a").ends_with(".js"));
    }

    #[test]
    fn routes_become_regular_expressions() {
        assert_eq!(route_regex("/"), "^/$");
        assert_eq!(route_regex("/login"), "^/login/?$");
        assert_eq!(route_regex("/accounts/:id/pay"), "^/accounts/[^/]+/pay/?$");
    }

    const LOADER: &str = r#"import { initSync } from "./kabinet.js";
let sharedImports = undefined;
/* login, register */
const __chunk_1 = makeLoad(new URL("./chunk_1.wasm", import.meta.url), []);
/* login */
const __chunk_2 = makeLoad(undefined, []);
export const __wasm_split_load_register = wrapAsyncCb(makeLoad(new URL("./split_register.wasm", import.meta.url), [__chunk_1]));
export const __wasm_split_load_login = wrapAsyncCb(makeLoad(new URL("./split_login.wasm", import.meta.url), [__chunk_1, __chunk_2]));
"#;

    #[test]
    fn knows_which_files_each_module_needs() {
        let modules = split_modules(LOADER);
        assert_eq!(modules["register"], ["split_register.wasm", "chunk_1.wasm"]);
        assert_eq!(modules["login"], ["split_login.wasm", "chunk_1.wasm"]);
        // wasm-split-cli 0.2.4 spreads each declaration over lines.
        let multiline = r#"/* login, register */
const __chunk_17 = makeLoad(() => {
    const src = fetch(new URL("./chunk_17.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* login */
const __chunk_18 = makeLoad(() => {
}
, []);
export const __wasm_split_load_login = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_login.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18]));
export const __wasm_split_load_agreement = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_agreement.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []));
"#;
        let modules = split_modules(multiline);
        assert_eq!(modules["login"], ["split_login.wasm", "chunk_17.wasm"]);
        assert_eq!(modules["agreement"], ["split_agreement.wasm"]);
    }

    #[test]
    fn the_loader_loads_renamed_files_and_imports_nothing() {
        let renamed = BTreeMap::from([
            ("chunk_1.wasm".to_owned(), "chunk_1-aa.wasm".to_owned()),
            (
                "split_login.wasm".to_owned(),
                "split_login-bb.wasm".to_owned(),
            ),
            (
                "split_register.wasm".to_owned(),
                "split_register-cc.wasm".to_owned(),
            ),
        ]);
        let out = rewrite_split_loader(LOADER, &renamed).unwrap();
        assert!(!out.contains("import "), "{out}");
        assert!(out.contains("window.wasmBindings.initSync"));
        assert!(out.contains("\"./split_login-bb.wasm\""));
        assert!(!out.contains("\"./chunk_1.wasm\""));
        let fetching = "const src = fetch(new URL(\"./chunk_1.wasm\", import.meta.url));";
        let out =
            rewrite_split_loader(&LOADER.replace("let sharedImports", fetching), &renamed).unwrap();
        assert!(
            out.contains("const src = fetchWasm(new URL(\"./chunk_1-aa.wasm\""),
            "{out}"
        );
        assert!(
            out.contains(&format!("window.{PRELOADED} ?? fetch")),
            "{out}"
        );
        let missing = BTreeMap::from([("chunk_9.wasm".to_owned(), "x".to_owned())]);
        assert!(rewrite_split_loader(LOADER, &missing).is_err());
    }

    #[test]
    fn boot_preloads_the_opened_route_static_paths_first() {
        let route = |path: &str, module: &str, file: &str, protected| RouteModule {
            regex: route_regex(path),
            module: module.to_owned(),
            files: vec![file.to_owned()],
            protected,
        };
        let routes = vec![
            route("/accounts/:id", "account", "split_account-1.wasm", true),
            route("/accounts/link", "link_account", "split_link-2.wasm", true),
            route("/login", "login", "split_login-3.wasm", false),
        ];
        let boot = boot_script("kabinet-h.js", "kabinet-h_bg.wasm", &routes);
        let link = boot.find("split_link-2").unwrap();
        let account = boot.find("split_account-1").unwrap();
        assert!(link < account, "{boot}");
        assert!(
            boot.contains(
                r#"[/^\/accounts\/[^\/]+\/?$/, "account", ["/split_account-1.wasm"], true],"#
            ),
            "{boot}"
        );
        // The main wasm is fetched first, and given to the glue.
        let main = boot.find("preload(\"/kabinet-h_bg.wasm\");").unwrap();
        assert!(main < boot.find("const routes").unwrap(), "{boot}");
        assert!(boot.contains(&format!(
            "module_or_path: window.{PRELOADED}(new URL(\"/kabinet-h_bg.wasm\""
        )));
        // Every module is prefetched once the opened page is up, by a fetch
        // where `rel=prefetch` does nothing, each file once.
        let load = boot.find("await bindings.default").unwrap();
        assert!(boot[load..].contains("rel: \"prefetch\""), "{boot}");
        assert!(
            boot[load..].contains("relList?.supports?.(\"prefetch\")"),
            "{boot}"
        );
        assert!(boot[load..].contains("asked.has(href) ||"), "{boot}");
        assert!(
            boot[load..].contains("navigator.connection?.saveData"),
            "{boot}"
        );
        assert!(boot.contains("await import(\"/kabinet-h.js\" + new URL(import.meta.url).search)"));
        assert!(boot.contains(r#"[/^\/login\/?$/, "login", ["/split_login-3.wasm"], false],"#));
        // A signed-out visitor of a protected route gets the sign-in page's module.
        assert!(boot.contains("window.kabinetSession?.then"), "{boot}");
        let plain = boot_script("k.js", "k.wasm", &[]);
        assert!(!plain.contains("routes"), "{plain}");
        assert!(plain.contains("preload(\"/k.wasm\");"), "{plain}");
    }

    #[test]
    fn index_links_become_files() {
        let root = tempfile::tempdir().unwrap();
        let dist = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("style")).unwrap();
        fs::write(root.path().join("style/main.css"), "body{}").unwrap();
        fs::write(root.path().join("robots.txt"), "User-agent: *").unwrap();
        let html = "<head>\n  <link data-trunk rel=\"css\" href=\"style/main.css\">\n  <link data-trunk rel=\"copy-file\" href=\"robots.txt\">\n  <link data-trunk rel=\"rust\" data-bin=\"kabinet\" data-wasm-opt=\"z\">\n</head>";
        let out = rewrite_index(html, root.path(), dist.path(), "<APP>").unwrap();
        assert!(dist.path().join("robots.txt").is_file());
        assert!(
            out.contains("<link rel=\"stylesheet\" href=\"/main-"),
            "{out}"
        );
        assert!(out.contains("<APP>"), "{out}");
        assert!(!out.contains("data-trunk"), "{out}");
        assert!(!out.contains("\n\n"), "{out:?}");
    }
}
