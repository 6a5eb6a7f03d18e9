//! `cargo xtask bench`: what the release build weighs and how it scores in
//! Lighthouse (mobile) on the first pages a subscriber opens, served as in
//! production (nginx with `deploy/nginx.conf`, the API on its own origin):
//!
//! - the brotli bytes each entry route downloads, counted by Chromium
//!   (`tests/e2e/weight.spec.ts`, the same count as the budget test), and
//!   two throttled navigations;
//! - Lighthouse mobile (simulated throttling), the median of three runs, on
//!   /login, /register, /recover and / signed in (a subscriber made through
//!   the API by `tests/e2e/support/subscriber.mjs`, its cookie sent along).

use crate::ctx::Ctx;
use crate::deploy::{self, Database};
use crate::dist;
use crate::process;
use crate::release::{self, Meta};
use crate::tools::{self, CHROMIUM, Tool};
use anyhow::{Context, Result};
use serde_json::Value;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The pages Lighthouse measures, and whether it does so signed in.
const PAGES: &[(&str, bool)] = &[
    ("/login", false),
    ("/register", false),
    ("/recover", false),
    ("/", true),
];
/// Runs per page; each metric is the median of them.
const RUNS: usize = 3;
const BENCH_APP_ADDR: &str = "127.0.0.1:8092";
const BENCH_API_ADDR: &str = "127.0.0.1:8093";
/// Chromium as root on a closed network (no sandbox, no GPU); Lighthouse gives it
/// a fresh profile itself.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
     --disable-quic --no-first-run --disable-background-networking \
     --disable-component-update --disable-sync";

pub fn bench(ctx: &Ctx) -> Result<()> {
    let mut needed = release::TOOLS.to_vec();
    needed.push(Tool::Nginx);
    tools::ensure(ctx, &needed)?;
    dist::build_release(ctx, &Meta::default())?;
    say_raw!("{}", dist::size_report(ctx)?);

    let stack = deploy::Stack::start(
        ctx,
        "bench",
        process::free_addr(BENCH_APP_ADDR)?,
        process::free_addr(BENCH_API_ADDR)?,
        Database::Fresh,
        &[],
    )?;
    let result = (|| {
        let weights = weights(ctx, &stack)?;
        let scores = lighthouse_all(ctx, &stack.app.url, &stack.api_url)?;
        Ok(format!("{weights}\n{scores}"))
    })();
    let table = stack.finish(result)?;
    say_raw!("\n{table}");
    Ok(())
}

/// Runs the weight spec in its measuring mode and tabulates what it wrote.
fn weights(ctx: &Ctx, stack: &deploy::Stack) -> Result<String> {
    let out = ctx.target_dir().join("weights.json");
    process::run(
        crate::test::playwright_on(ctx, stack)
            .arg("weight.spec.ts")
            .env("WEIGHT_OUT", &out),
    )?;
    let text = fs::read_to_string(&out).with_context(|| format!("reading {}", out.display()))?;
    let measured: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", out.display()))?;
    Ok(render_weights(&measured))
}

fn render_weights(measured: &Value) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<20} {:>10} {:>14}",
        "entry route", "brotli B", "with prefetch"
    );
    for weight in measured["weights"].as_array().into_iter().flatten() {
        let bytes = weight["bytes"].as_u64().unwrap_or(0);
        let prefetched: u64 = weight["prefetched"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|file| file["bytes"].as_u64())
            .sum();
        let _ = writeln!(
            s,
            "{:<20} {:>10} {:>14}",
            weight["route"].as_str().unwrap_or("?"),
            bytes,
            bytes + prefetched
        );
    }
    let _ = writeln!(
        s,
        "(downloaded before usable, and with what the page prefetches: at idle on a \
         cabinet page, once the visitor starts on a public page's form; \
         counted by Chromium, the API's answers excluded)"
    );
    for (what, ms) in measured["navigation"].as_object().into_iter().flatten() {
        let _ = writeln!(
            s,
            "click → page, 4× CPU, Fast 3G: {what} {} ms",
            ms.as_u64().unwrap_or(0)
        );
    }
    s
}

fn lighthouse_all(ctx: &Ctx, base: &str, api: &str) -> Result<String> {
    let out_dir = ctx.target_dir().join("lighthouse");
    fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let cookie = process::output_of(
        ctx.tool_command("node")
            .current_dir(tools::e2e_dir(ctx))
            .args(["support/subscriber.mjs", api]),
    )
    .context("signing a subscriber in through the API failed")?;
    let mut rows = Vec::new();
    for &(page, signed_in) in PAGES {
        let name = match page.trim_matches('/') {
            "" => "home".to_owned(),
            path => path.replace('/', "-"),
        };
        let mut runs = Vec::new();
        for run in 1..=RUNS {
            let base_path = out_dir.join(format!("{name}-{run}"));
            let mut lighthouse = ctx.tool_command("npx");
            lighthouse
                .current_dir(tools::e2e_dir(ctx))
                .args(["--no-install", "lighthouse"])
                .arg(format!("{base}{page}"))
                .args([
                    "--quiet",
                    "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--output=json",
                    "--output=html",
                ])
                .arg(format!("--output-path={}", base_path.display()))
                .arg(format!("--chrome-flags={CHROME_FLAGS}"))
                .env("CHROME_PATH", CHROMIUM);
            if signed_in {
                let headers = serde_json::json!({ "Cookie": cookie.trim() });
                lighthouse.arg(format!("--extra-headers={headers}"));
            }
            process::run(&mut lighthouse)?;
            runs.push(read_scores(&base_path.with_extension("report.json"))?);
        }
        let label = if signed_in {
            format!("{page} (signed in)")
        } else {
            page.to_owned()
        };
        rows.push((label, median(&runs)));
    }
    let mut table = render(&rows);
    let _ = writeln!(
        table,
        "(Lighthouse mobile, simulated throttling, median of {RUNS}; reports in {})",
        out_dir.display()
    );
    Ok(table)
}

/// Each metric's median over `runs` (the middle value; of two, the lower).
fn median(runs: &[Scores]) -> Scores {
    let pick = |get: fn(&Scores) -> Option<f64>| {
        let mut values: Vec<f64> = runs.iter().filter_map(get).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len().saturating_sub(1) / 2).copied()
    };
    Scores {
        performance: pick(|s| s.performance),
        accessibility: pick(|s| s.accessibility),
        best_practices: pick(|s| s.best_practices),
        seo: pick(|s| s.seo),
        fcp_ms: pick(|s| s.fcp_ms),
        lcp_ms: pick(|s| s.lcp_ms),
        tbt_ms: pick(|s| s.tbt_ms),
        cls: pick(|s| s.cls),
        bytes: pick(|s| s.bytes),
    }
}

/// The scores (0–100) and metrics of one Lighthouse JSON report.
#[derive(Debug, Default, PartialEq)]
struct Scores {
    performance: Option<f64>,
    accessibility: Option<f64>,
    best_practices: Option<f64>,
    seo: Option<f64>,
    fcp_ms: Option<f64>,
    lcp_ms: Option<f64>,
    tbt_ms: Option<f64>,
    cls: Option<f64>,
    /// Every byte of the load as Lighthouse counts it (`total-byte-weight`:
    /// the API's answers and a cabinet page's idle prefetch included).
    bytes: Option<f64>,
}

fn read_scores(path: &Path) -> Result<Scores> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let report: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(scores(&report))
}

fn scores(report: &Value) -> Scores {
    let category = |key: &str| {
        report["categories"][key]["score"]
            .as_f64()
            .map(|s| (s * 100.0).round())
    };
    let audit = |key: &str| report["audits"][key]["numericValue"].as_f64();
    Scores {
        performance: category("performance"),
        accessibility: category("accessibility"),
        best_practices: category("best-practices"),
        seo: category("seo"),
        fcp_ms: audit("first-contentful-paint"),
        lcp_ms: audit("largest-contentful-paint"),
        tbt_ms: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        bytes: audit("total-byte-weight"),
    }
}

fn render(rows: &[(String, Scores)]) -> String {
    let score = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.0}"));
    let secs = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{:.1} s", v / 1000.0));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<16} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>8} {:>6} {:>9}",
        "page", "perf", "a11y", "best", "seo", "FCP", "LCP", "TBT", "CLS", "load"
    );
    for (page, r) in rows {
        let _ = writeln!(
            s,
            "{:<16} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>8} {:>6} {:>9}",
            page,
            score(r.performance),
            score(r.accessibility),
            score(r.best_practices),
            score(r.seo),
            secs(r.fcp_ms),
            secs(r.lcp_ms),
            r.tbt_ms.map_or("–".to_owned(), |v| format!("{v:.0} ms")),
            r.cls.map_or("–".to_owned(), |v| format!("{v:.3}")),
            r.bytes
                .map_or("–".to_owned(), |v| format!("{:.1} KiB", v / 1024.0)),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_metric_is_the_median_of_the_runs() {
        let run = |performance, lcp_ms| Scores {
            performance: Some(performance),
            lcp_ms: Some(lcp_ms),
            ..Scores::default()
        };
        let m = median(&[run(90.0, 1500.0), run(70.0, 900.0), run(95.0, 3000.0)]);
        assert_eq!(m.performance, Some(90.0));
        assert_eq!(m.lcp_ms, Some(1500.0));
        assert_eq!(m.tbt_ms, None);
    }

    #[test]
    fn weights_are_listed_by_route() {
        let table = render_weights(&serde_json::json!({
            "weights": [{ "route": "/login", "bytes": 123456, "files": [],
                          "prefetched": [{ "path": "/split_home.wasm", "bytes": 1000 }] }],
            "navigation": { "/login → /register": 367 }
        }));
        assert!(
            table.contains("/login") && table.contains("123456") && table.contains("124456"),
            "{table}"
        );
        assert!(table.contains("/login → /register 367 ms"), "{table}");
    }

    #[test]
    fn reads_scores_and_metrics_from_a_report() {
        let report = serde_json::json!({
            "categories": {
                "performance": { "score": 0.98 },
                "accessibility": { "score": 1 },
                "best-practices": { "score": 0.96 },
                "seo": { "score": null }
            },
            "audits": {
                "first-contentful-paint": { "numericValue": 1100.4 },
                "largest-contentful-paint": { "numericValue": 2100.0 },
                "total-blocking-time": { "numericValue": 120.0 },
                "cumulative-layout-shift": { "numericValue": 0.0 },
                "total-byte-weight": { "numericValue": 204800.0 }
            }
        });
        let s = scores(&report);
        assert_eq!(s.performance, Some(98.0));
        assert_eq!(s.accessibility, Some(100.0));
        assert_eq!(s.seo, None);
        let table = render(&[("/register".into(), s)]);
        let row = table.lines().nth(1).unwrap();
        assert!(row.starts_with("/register"), "{row}");
        for part in [
            "98",
            "100",
            "1.1 s",
            "2.1 s",
            "120 ms",
            "0.000",
            "–",
            "200.0 KiB",
        ] {
            assert!(row.contains(part), "{part} in {row}");
        }
    }
}
