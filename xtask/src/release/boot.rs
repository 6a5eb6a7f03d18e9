//! Step 6: the loader `boot-<hash>.js`, from `boot.js` with the names of
//! the main files and the pages' table filled in: each page's group, the
//! files that group needs, and whether the page is public.

use super::files::{named_after, without_comment_lines};
use super::name::Named;
use super::split::split_modules;
use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The loader as written, with its comments and placeholders.
pub const BOOT_JS: &str = include_str!("boot.js");

/// Writes the loader of `named`'s files into `dist`; returns its name.
pub fn write(dist: &Path, named: &Named) -> Result<String> {
    let routes = route_modules(&named.loader)?;
    let boot = boot_script(&named.js, &named.wasm, &named.loader_name, &routes)?;
    let name = named_after("boot.js", boot.as_bytes());
    fs::write(dist.join(&name), &boot).with_context(|| format!("writing {name}"))?;
    Ok(name)
}

/// Each page of the table (`pages_table::PAGES`) with its module and the
/// files that module needs (from the loader `wasm-split-cli` wrote).
fn route_modules(loader: &str) -> Result<Vec<RouteModule>> {
    let modules = split_modules(loader);
    let files_of = |page: &pages_table::Page| {
        modules.get(page.group).with_context(|| {
            format!(
                "page {} is in group {}, but wasm-split-cli made no module for it",
                page.pattern, page.group
            )
        })
    };
    pages_table::PAGES
        .iter()
        .map(|page| {
            let files = files_of(page)?;
            let mut next = Vec::new();
            for then in leads_to(page) {
                for file in files_of(then)? {
                    if !files.contains(file) && !next.contains(file) {
                        next.push(file.clone());
                    }
                }
            }
            Ok(RouteModule {
                regex: route_regex(page.pattern),
                module: page.group.to_owned(),
                files: files.clone(),
                protected: page.access != pages_table::Access::Public,
                next,
            })
        })
        .collect()
}

/// The pages a visitor of `page` goes to next, whose groups the loader
/// prefetches once the page is up: a public page's `then` in the table
/// (after /login, home), from a cabinet page the menu's sections.
fn leads_to(page: &pages_table::Page) -> Vec<&'static pages_table::Page> {
    let paths: Vec<&str> = match page.access {
        pages_table::Access::Public => page.then.into_iter().collect(),
        _ => pages_table::Section::MENU
            .iter()
            .map(|section| section.link())
            .collect(),
    };
    pages_table::PAGES
        .iter()
        .filter(|other| paths.contains(&other.pattern))
        .collect()
}

/// The boot script and the groups' loader for the table's pages, as the
/// release writes them from a loader of made-up files: what the hand-off
/// test (`handoff.rs`) reads.
#[cfg(test)]
pub fn boot_script_sample() -> String {
    use std::collections::BTreeMap;
    let mut loader = String::from("import { initSync } from \"./kabinet.js\";\n");
    for page in pages_table::PAGES {
        let group = page.group;
        let _ = writeln!(
            loader,
            "export const __wasm_split_load_{group} = wrapAsyncCb(makeLoad(new URL(\"./split_{group}.wasm\", import.meta.url), []));"
        );
    }
    let routes = route_modules(&loader).expect("a module for every group");
    let loader =
        super::split::rewrite_split_loader(&loader, &BTreeMap::new()).expect("the loader's import");
    boot_script(
        "kabinet-h.js",
        "kabinet-h_bg.wasm",
        "__wasm_split-h.js",
        &routes,
    )
    .expect("every placeholder filled")
        + &loader
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
    /// The files of where its page leads ([`leads_to`]) that it has not.
    next: Vec<String>,
}

/// `boot.js` without its comment lines, its placeholders filled: the glue
/// `js`, the main module `wasm` and the table of `route_modules` (the
/// static paths first, as the router matches them). Fails when a
/// placeholder is left.
fn boot_script(
    js: &str,
    wasm: &str,
    loader: &str,
    route_modules: &[RouteModule],
) -> Result<String> {
    let mut routes: Vec<&RouteModule> = route_modules.iter().collect();
    routes.sort_by_key(|route| route.regex.matches("[^/]+").count());
    let mut table = String::new();
    for route in routes {
        let quoted = |files: &[String]| -> String {
            let files: Vec<String> = files.iter().map(|f| format!("\"/{f}\"")).collect();
            files.join(", ")
        };
        let _ = writeln!(
            table,
            "[/{}/, \"{}\", [{}], {}, [{}]],",
            route.regex.replace('/', "\\/"),
            route.module,
            quoted(&route.files),
            route.protected,
            quoted(&route.next),
        );
    }
    let script = without_comment_lines(BOOT_JS)
        .replace("/* {{ROUTES}} */\n", &table)
        .replace("{{MAIN_WASM}}", wasm)
        .replace("{{MAIN_JS}}", js)
        .replace("{{SPLIT_LOADER}}", loader)
        .replace("{{TAKE_LOADER}}", super::bindgen::TAKE_LOADER);
    if let Some(at) = script.find("{{") {
        bail!("boot.js: a placeholder is left unfilled: {}", &script[at..]);
    }
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pages_table::handoff::PRELOADED;

    #[test]
    fn routes_become_regular_expressions() {
        assert_eq!(route_regex("/"), "^/$");
        assert_eq!(route_regex("/login"), "^/login/?$");
        assert_eq!(route_regex("/accounts/:id/pay"), "^/accounts/[^/]+/pay/?$");
    }

    #[test]
    fn boot_preloads_the_opened_route_static_paths_first() {
        let route = |path: &str, module: &str, file: &str, protected| RouteModule {
            regex: route_regex(path),
            module: module.to_owned(),
            files: vec![file.to_owned()],
            protected,
            next: if protected {
                vec![]
            } else {
                vec!["split_home-4.wasm".to_owned()]
            },
        };
        let routes = vec![
            route("/accounts/:id", "account", "split_account-1.wasm", true),
            route("/accounts/link", "link_account", "split_link-2.wasm", true),
            route("/login", "login", "split_login-3.wasm", false),
        ];
        let boot = boot_script(
            "kabinet-h.js",
            "kabinet-h_bg.wasm",
            "__wasm_split-h.js",
            &routes,
        )
        .unwrap();
        let link = boot.find("split_link-2").unwrap();
        let account = boot.find("split_account-1").unwrap();
        assert!(link < account, "{boot}");
        assert!(
            boot.contains(
                r#"[/^\/accounts\/[^\/]+\/?$/, "account", ["/split_account-1.wasm"], true, []],"#
            ),
            "{boot}"
        );
        // The main wasm is fetched first, and given to the glue.
        let main = boot.find("preload(\"/kabinet-h_bg.wasm\");").unwrap();
        assert!(main < boot.find("const routes").unwrap(), "{boot}");
        assert!(boot.contains(&format!(
            "module_or_path: window.{PRELOADED}(new URL(\"/kabinet-h_bg.wasm\""
        )));
        // Where the page leads is prefetched once it is up, and a link's
        // group when it is about to be followed, by a fetch where
        // `rel=prefetch` does nothing, each file once.
        let load = boot.find("bindings.default(").unwrap();
        assert!(boot[load..].contains("rel: \"prefetch\""), "{boot}");
        assert!(
            boot[load..].contains("relList?.supports?.(\"prefetch\")"),
            "{boot}"
        );
        assert!(boot[load..].contains("asked.has(href) ||"), "{boot}");
        assert!(
            boot[load..].contains("prefetchFiles(leadsTo(answer))"),
            "{boot}"
        );
        assert!(
            boot[load..].contains("\"pointerover\", \"focusin\", \"touchstart\""),
            "{boot}"
        );
        assert!(
            boot[load..].contains("navigator.connection?.saveData"),
            "{boot}"
        );
        // The glue and the groups' loader under the script's own query, the
        // loader handed to the glue before the main module starts.
        assert!(boot.contains(
            "Promise.all([import(\"/kabinet-h.js\" + again), import(\"/__wasm_split-h.js\" + again)])"
        ));
        assert!(boot.contains("bindings.takeSplitLoader(loader);"), "{boot}");
        assert!(boot.contains(
            r#"[/^\/login\/?$/, "login", ["/split_login-3.wasm"], false, ["/split_home-4.wasm"]],"#
        ));
        // A signed-out visitor of a protected route gets the sign-in page's module.
        assert!(boot.contains("window.kabinetSession?.then"), "{boot}");
        // Without pages the table is empty: no first module, nothing to prefetch.
        let plain = boot_script("k.js", "k.wasm", "l.js", &[]).unwrap();
        assert!(plain.contains("const routes = [\n];\n"), "{plain}");
        assert!(plain.contains("preload(\"/k.wasm\");"), "{plain}");
    }

    #[test]
    fn a_page_leads_to_its_next_page_or_the_menu() {
        let page = |pattern: &str| {
            pages_table::PAGES
                .iter()
                .find(|page| page.pattern == pattern)
                .unwrap()
        };
        let patterns = |pattern| -> Vec<&str> {
            leads_to(page(pattern))
                .iter()
                .map(|page| page.pattern)
                .collect()
        };
        assert_eq!(patterns("/login"), ["/"]);
        assert_eq!(patterns("/recover"), Vec::<&str>::new());
        // Every cabinet page: the menu's sections, whatever the page.
        assert_eq!(
            patterns("/settings"),
            ["/", "/settings", "/accounts", "/pay"]
        );
        assert_eq!(patterns("/accounts/:id"), patterns("/"));
        // The table's `then` names a page of the table.
        for page in pages_table::PAGES {
            if let Some(then) = page.then {
                assert_eq!(leads_to(page).len(), 1, "{then}");
            }
        }
    }

    #[test]
    fn every_placeholder_is_filled_and_no_comment_ships() {
        // ROUTES once, MAIN_WASM twice, MAIN_JS, SPLIT_LOADER and
        // TAKE_LOADER once: no other.
        let code = without_comment_lines(BOOT_JS);
        assert_eq!(code.matches("{{").count(), 6, "{code}");
        // No top-level await: the floor would be Firefox 89.
        assert!(
            code.lines()
                .all(|line| !line.starts_with("await ") && !line.contains("= await ")),
            "{code}"
        );
        let boot = boot_script("k.js", "k.wasm", "l.js", &[]).unwrap();
        assert!(!boot.contains("{{") && !boot.contains("}}"), "{boot}");
        assert!(!boot.starts_with("//") && !boot.contains("\n//"), "{boot}");
        assert!(!boot.contains("\n "), "{boot}");
    }
}
