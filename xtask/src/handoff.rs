//! The prerender hand-off's names (`pages_table::handoff`) as the scripts
//! spell them: early.js, the prerendering, the boot script (`release/boot.js`), the groups'
//! loader and the end-to-end tests' helpers must each name only those, and
//! each the ones it takes part in with.

use crate::release::boot;
use pages_table::handoff::{
    ALL, ATTEMPT, BOOT, FIRST_MODULE, PRELOADED, PRERENDERED, SESSION, SIGNED_IN, START_FAILED,
    TAKEOVER, UNSUPPORTED, UNTIL_BOOT, WASM_BINDINGS,
};

const BROWSER_CHECK_JS: &str = include_str!("../../src/browser_check.js");
const EARLY_JS: &str = include_str!("../../src/early.js");
const PRERENDER_MJS: &str = include_str!("../prerender.mjs");
const E2E_HELPERS: &str = include_str!("../../tests/e2e/support/kabinet.ts");

/// `data-first-module` → `firstModule`, as `element.dataset` names it.
fn dataset_key(attribute: &str) -> String {
    let mut parts = attribute.trim_start_matches("data-").split('-');
    let mut key = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        key.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        key.push_str(chars.as_str());
    }
    key
}

/// Every name in `js` shaped like one of the hand-off's: a `data-…`
/// attribute, a `dataset.…` key, a `window.kabinet…` or `window.wasm…`
/// global, a `?…=` query.
fn names_in(js: &str) -> Vec<String> {
    let word = |rest: &str, extra: char| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == extra)
            .collect()
    };
    let mut names = Vec::new();
    for (i, _) in js.match_indices("data-") {
        names.push(format!("data-{}", word(&js[i + 5..], '-')));
    }
    for (i, _) in js.match_indices("dataset.") {
        names.push(format!("dataset.{}", word(&js[i + 8..], '_')));
    }
    for (i, _) in js.match_indices("window.") {
        let global = word(&js[i + 7..], '_');
        if global.starts_with("kabinet") || global.starts_with("wasm") {
            names.push(global);
        }
    }
    for (i, _) in js.match_indices("}?") {
        names.push(format!("?{}", word(&js[i + 2..], '_')));
    }
    names.sort();
    names.dedup();
    names
}

/// What a name of [`ALL`] may look like in a script.
fn spellings() -> Vec<String> {
    ALL.iter()
        .flat_map(|name| {
            [
                (*name).to_owned(),
                format!("dataset.{}", dataset_key(name)),
                format!("?{name}"),
            ]
        })
        .collect()
}

fn check(script: &str, js: &str, wanted: &[&str]) {
    let known = spellings();
    for name in names_in(js) {
        assert!(
            known.contains(&name),
            "{script} names {name}, which is none of pages_table::handoff"
        );
    }
    for name in wanted {
        assert!(js.contains(name), "{script} does not name {name}");
    }
}

#[test]
fn the_scripts_use_the_handoff_names() {
    let attempt = format!("?{ATTEMPT}=");
    let boot_selector = format!("[{BOOT}]");
    check("src/browser_check.js", BROWSER_CHECK_JS, &[UNSUPPORTED]);
    // early.js asks `'signedIn' in app`, app being the script's dataset.
    let signed_in_key = dataset_key(SIGNED_IN);
    check(
        "src/early.js",
        EARLY_JS,
        &[
            SESSION,
            TAKEOVER,
            START_FAILED,
            UNTIL_BOOT,
            &boot_selector,
            &attempt,
            UNSUPPORTED,
            &signed_in_key,
        ],
    );
    let boot_key = format!("dataset.{}", dataset_key(BOOT));
    let signed_in = format!("dataset.{signed_in_key}");
    check(
        "xtask/prerender.mjs",
        PRERENDER_MJS,
        &[PRERENDERED, UNTIL_BOOT, &boot_key, FIRST_MODULE, &signed_in],
    );
    check("tests/e2e/support/kabinet.ts", E2E_HELPERS, &[PRERENDERED]);
    // The loader as written, comments and all, then as the release ships
    // it with the groups' loader it hands the modules to.
    check(
        "xtask/src/release/boot.js",
        boot::BOOT_JS,
        &[SESSION, WASM_BINDINGS, FIRST_MODULE, PRELOADED, UNSUPPORTED],
    );
    check(
        "the boot script and the groups' loader",
        &boot::boot_script_sample(),
        &[SESSION, WASM_BINDINGS, FIRST_MODULE, PRELOADED, UNSUPPORTED],
    );
}

#[test]
fn finds_the_names_a_script_uses() {
    assert_eq!(dataset_key("data-first-module"), "firstModule");
    let js = "x.dataset.firstModule; q('[data-boot]'); window.kabinetOther = 1; \
              window.requestIdleCallback; import(`${a}?try=${n}`)";
    assert_eq!(
        names_in(js),
        ["?try", "data-boot", "dataset.firstModule", "kabinetOther"]
    );
    let known = spellings();
    assert!(known.contains(&"dataset.firstModule".to_owned()));
    assert!(!known.contains(&"kabinetOther".to_owned()));
}
