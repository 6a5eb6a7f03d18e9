//! `cargo xtask bench`: what the release build weighs and how it scores in
//! Lighthouse (mobile) on the first pages a subscriber opens, served as in
//! production: the static files and the API from one origin.

use crate::Ctx;
use crate::deploy::Meta;
use crate::dist;
use crate::process;
use crate::tools::{self, CHROMIUM, Tool};
use anyhow::{Context, Result};
use serde_json::Value;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const PAGES: &[&str] = &["/register", "/login"];
const BENCH_ADDR: &str = "127.0.0.1:8091";
/// Chromium as root on a closed network (no sandbox, no GPU); Lighthouse gives it
/// a fresh profile itself.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
     --disable-quic --no-first-run --disable-background-networking \
     --disable-component-update --disable-sync";

pub fn bench(ctx: &Ctx) -> Result<()> {
    let mut needed = dist::TOOLS.to_vec();
    needed.extend([Tool::Chromium, Tool::E2ePackages]);
    tools::ensure(ctx, &needed)?;
    dist::build_release(ctx, &Meta::default())?;
    say_raw!("{}", dist::report(ctx)?);

    let served = dist::serve_release(ctx, BENCH_ADDR, "bench", &[])?;
    let result = lighthouse_all(ctx, &served.url);
    let table = served.finish(result)?;
    say_raw!("\n{table}");
    Ok(())
}

fn lighthouse_all(ctx: &Ctx, base: &str) -> Result<String> {
    let out_dir = ctx.target_dir().join("lighthouse");
    fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let mut rows = Vec::new();
    for page in PAGES {
        let name = page.trim_start_matches('/').replace('/', "-");
        let base_path = out_dir.join(&name);
        process::run(
            ctx.tool_command("npx")
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
                .env("CHROME_PATH", CHROMIUM),
        )?;
        let json = base_path.with_extension("report.json");
        rows.push((page.to_string(), read_scores(&json)?));
    }
    let mut table = render(&rows);
    let _ = writeln!(
        table,
        "(Lighthouse mobile, simulated throttling; reports in {})",
        out_dir.display()
    );
    Ok(table)
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
    }
}

fn render(rows: &[(String, Scores)]) -> String {
    let score = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.0}"));
    let secs = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{:.1} s", v / 1000.0));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<12} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>8} {:>6}",
        "page", "perf", "a11y", "best", "seo", "FCP", "LCP", "TBT", "CLS"
    );
    for (page, r) in rows {
        let _ = writeln!(
            s,
            "{:<12} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>8} {:>6}",
            page,
            score(r.performance),
            score(r.accessibility),
            score(r.best_practices),
            score(r.seo),
            secs(r.fcp_ms),
            secs(r.lcp_ms),
            r.tbt_ms.map_or("–".to_owned(), |v| format!("{v:.0} ms")),
            r.cls.map_or("–".to_owned(), |v| format!("{v:.3}")),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
                "cumulative-layout-shift": { "numericValue": 0.0 }
            }
        });
        let s = scores(&report);
        assert_eq!(s.performance, Some(98.0));
        assert_eq!(s.accessibility, Some(100.0));
        assert_eq!(s.seo, None);
        let table = render(&[("/register".into(), s)]);
        let row = table.lines().nth(1).unwrap();
        assert!(row.starts_with("/register"), "{row}");
        for part in ["98", "100", "1.1 s", "2.1 s", "120 ms", "0.000", "–"] {
            assert!(row.contains(part), "{part} in {row}");
        }
    }
}
