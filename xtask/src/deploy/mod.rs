//! The production-like stack: dist/ served by nginx as a CDN would serve it
//! (`deploy/nginx.conf`, precompressed files, caching and security headers),
//! the reference API on an origin of its own, the app told where it is by the
//! `kabinet:api-base` meta tag. `cargo xtask test` runs the e2e suite against
//! it; `cargo xtask preview` starts it for a person.

mod nginx;

use crate::ctx::Ctx;
use crate::dist;
use crate::process::{self, Background};
use crate::release::{self, Meta, compress, copy_dir, csp, html, prerender};
use crate::tools::{self, Tool};
use anyhow::{Context, Result, bail};
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

pub use nginx::Nginx;

/// `cargo xtask preview`'s ports, as `dev`'s.
const PREVIEW_APP: &str = "127.0.0.1:8080";
const PREVIEW_API: &str = "127.0.0.1:8081";

pub const TOOLS: &[Tool] = &[Tool::Nginx];

/// Copies `dist/` to `target/nginx/<name>/site` with `kabinet:api-base`
/// set to `api_origin` (dist/ itself stays as built: other runs serve it
/// from one origin) and the page's compressed copies renewed.
pub fn stage(ctx: &Ctx, name: &str, api_origin: &str) -> Result<PathBuf> {
    let dist = ctx.dist_dir();
    if !dist.join("index.html").exists() {
        bail!(
            "{} has no release build: run `cargo xtask dist` first",
            dist.display()
        );
    }
    let site = ctx.target_dir().join("nginx").join(name).join("site");
    if site.exists() {
        fs::remove_dir_all(&site).with_context(|| format!("removing {}", site.display()))?;
    }
    copy_dir(&dist, &site)?;
    for page in prerender::html_pages(&site) {
        html::set_meta(
            &page,
            &Meta {
                api_base: Some(api_origin.to_owned()),
                ..Meta::default()
            },
        )?;
        compress::drop_copies(&page);
    }
    // dist/ of a build before precompression existed gets its copies here.
    compress::dir(&site)?;
    Ok(site)
}

/// The app on nginx and the API on its own origin.
pub struct Stack {
    pub app: Nginx,
    pub api_url: String,
    pub api_log: PathBuf,
    api: Background,
    _scratch: Option<tempfile::TempDir>,
}

/// Where the stack's API keeps its data.
pub enum Database {
    /// A fresh one in a temporary folder, gone afterwards.
    Fresh,
    /// This file, kept.
    File(PathBuf),
}

impl Stack {
    /// Starts the API on `api_addr` (`--app-url` and `--cors-origin` the
    /// app's origin, `--public-url` its own) and nginx on `app_addr` serving
    /// a copy of dist/ pointed at the API.
    pub fn start(
        ctx: &Ctx,
        name: &str,
        app_addr: SocketAddr,
        api_addr: SocketAddr,
        database: Database,
        api_flags: &[&str],
    ) -> Result<Self> {
        tools::ensure(ctx, TOOLS)?;
        let app_url = format!("http://{app_addr}");
        let api_url = format!("http://{api_addr}");
        process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;
        let (database, scratch) = match database {
            Database::Fresh => {
                let scratch = tempfile::Builder::new()
                    .prefix(&format!("kabinet-{name}-"))
                    .tempdir()
                    .context("creating a temporary folder for the database")?;
                (scratch.path().join("reference-api.sqlite"), Some(scratch))
            }
            Database::File(file) => (file, None),
        };
        // Runs side by side on one checkout (each on its own ports) keep
        // apart: target/nginx/e2e-8090/, target/e2e-8090-reference-api.log.
        let name = &format!("{name}-{}", app_addr.port());
        let api_log = ctx.target_dir().join(format!("{name}-reference-api.log"));
        let api = Background::spawn_logged(
            "reference-api",
            ctx.cargo()
                .args(["run", "--quiet", "-p", "reference-api", "--"])
                .args(["--listen", &api_addr.to_string()])
                .args(["--app-url", &app_url])
                .args(["--cors-origin", &app_url])
                .args(["--public-url", &api_url])
                .arg("--database")
                .arg(&database)
                .args(["--limits", "loose", "--dev-endpoints"])
                .args(api_flags),
            &api_log,
        )?;
        let site = stage(ctx, name, &api_url)?;
        let csp = csp::for_release(&site)?;
        api.wait_for_port(api_addr, Duration::from_secs(60))?;
        let app = Nginx::start(ctx, name, app_addr, &site, &csp)?;
        Ok(Self {
            app,
            api_url,
            api_log,
            api,
            _scratch: scratch,
        })
    }

    /// Stops both, removes the staged copy of dist/ (the configuration and
    /// logs stay), and shows the end of each log when `result` is a failure.
    pub fn finish<T>(self, result: Result<T>) -> Result<T> {
        let logs: Vec<PathBuf> = [self.api_log.clone()]
            .into_iter()
            .chain(self.app.logs())
            .collect();
        let site = self.app.prefix.join("site");
        drop(self);
        let _ = fs::remove_dir_all(site);
        if result.is_err() && !process::interrupted() {
            for log in logs {
                process::show_tail(&log, 20);
            }
        }
        result
    }

    fn check_running(&self) -> Result<()> {
        if let Some(exit) = self.api.exited() {
            bail!("reference-api stopped ({exit})");
        }
        if let Some(exit) = self.app.exited() {
            bail!("nginx stopped ({exit})");
        }
        Ok(())
    }
}

/// `cargo xtask preview`: the production-like stack on 8080 (app) and 8081
/// (API), until Ctrl-C.
pub fn preview(ctx: &Ctx) -> Result<()> {
    let app_addr: SocketAddr = PREVIEW_APP.parse()?;
    let api_addr: SocketAddr = PREVIEW_API.parse()?;
    process::ensure_port_free(app_addr)?;
    process::ensure_port_free(api_addr)?;
    if ctx.dist_dir().join("index.html").exists() {
        say!(
            "==> serving the release build in {} as it is (`cargo xtask dist` rebuilds it)",
            ctx.dist_dir().display()
        );
    } else {
        tools::ensure(ctx, release::TOOLS)?;
        dist::build_release(ctx, &Meta::default())?;
    }
    let database = ctx.target_dir().join("nginx/preview/reference-api.sqlite");
    fs::create_dir_all(database.parent().unwrap_or(Path::new(".")))?;
    let stack = Stack::start(
        ctx,
        "preview",
        app_addr,
        api_addr,
        Database::File(database.clone()),
        &[],
    )?;
    say!(
        "\n==> app: {} (nginx, deploy/nginx.conf rendered into {})\n    \
         API: {} (database {}; mails at {}/api/dev/outbox)\n    \
         logs: {} and {}\n    \
         Ctrl-C stops both\n",
        stack.app.url,
        stack.app.prefix.join("nginx.conf").display(),
        stack.api_url,
        database.display(),
        stack.api_url,
        stack.api_log.display(),
        stack.app.prefix.join("access.log").display(),
    );
    let result = loop {
        if process::interrupted() {
            break Ok(());
        }
        if let Err(e) = stack.check_running() {
            break Err(e.context("stopping the rest"));
        }
        thread::sleep(Duration::from_millis(200));
    };
    stack.finish(result)
}
