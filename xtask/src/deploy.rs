//! The production-like stack: dist/ served by nginx as a CDN would serve it
//! (`deploy/nginx.conf`, precompressed files, caching and security headers),
//! the reference API on an origin of its own, the app told where it is by the
//! `kabinet:api-base` meta tag. `cargo xtask test` runs the e2e suite against
//! it; `cargo xtask preview` starts it for a person.

use crate::dist::dist_dir;
use crate::process::{self, Background, output_of};
use crate::tools::{self, Tool};
use crate::{Ctx, dist, precompress};
use anyhow::{Context, Result, bail};
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

pub const NGINX: &str = "/usr/sbin/nginx";
pub const BROTLI_STATIC_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// `cargo xtask preview`'s ports, as `dev`'s.
const PREVIEW_APP: &str = "127.0.0.1:8080";
const PREVIEW_API: &str = "127.0.0.1:8081";

pub const TOOLS: &[Tool] = &[Tool::Nginx];

/// The meta tags of `index.html` a deployment sets; `cargo xtask dist`
/// takes them as its flags.
#[derive(Clone, Debug, Default, PartialEq, Eq, clap::Args)]
pub struct Meta {
    /// `kabinet:api-base`: the API's origin (e.g. https://api.example.ru);
    /// empty for the app's own
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,
    /// `kabinet:support-email`: the support address in the app's footer
    #[arg(long, value_name = "ADDRESS")]
    pub support_email: Option<String>,
    /// `kabinet:wordmark`: the supplier's name in the header (e.g.
    /// "Межрегионгаз Воронеж")
    #[arg(long, value_name = "NAME")]
    pub wordmark: Option<String>,
}

/// The end of every release build: the meta tags in `meta` (`dist`'s
/// flags; none for the other commands) written into `index.html`, the
/// entry pages prerendered from it, then `.br` and `.gz` beside each file.
pub fn finish_release(ctx: &Ctx, dist: &Path, meta: &Meta) -> Result<()> {
    set_meta(&dist.join("index.html"), meta)?;
    crate::prerender::pages(ctx, dist)?;
    let started = std::time::Instant::now();
    let n = precompress::dir(dist)?;
    say!(
        "precompressed {n} files of {} (.br, .gz) in {}",
        dist.display(),
        crate::fmt_duration(started.elapsed())
    );
    Ok(())
}

/// Sets the `content` of the meta tags named in `meta` (trunk keeps
/// index.html's tags as written, one per line).
pub fn set_meta(index: &Path, meta: &Meta) -> Result<()> {
    let html = fs::read_to_string(index).with_context(|| format!("reading {}", index.display()))?;
    let mut html = html;
    for (name, value) in [
        ("kabinet:api-base", &meta.api_base),
        ("kabinet:support-email", &meta.support_email),
        ("kabinet:wordmark", &meta.wordmark),
    ] {
        if let Some(value) = value {
            html = with_meta(&html, name, value)
                .with_context(|| format!("{} has no meta tag {name}", index.display()))?;
        }
    }
    fs::write(index, html).with_context(|| format!("writing {}", index.display()))
}

/// `html` with the `content` of `<meta name="{name}" content="…">` replaced.
fn with_meta(html: &str, name: &str, value: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{name}\""))?;
    let end = start + html[start..].find('>')?;
    let escaped = value
        .trim()
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Some(format!(
        "{}<meta name=\"{name}\" content=\"{escaped}\">{}",
        &html[..start],
        &html[end + 1..]
    ))
}

/// The CSP for a staged `index.html`, from `reference-api --print-csp` (one
/// policy for both servers; it reads the meta tag for `connect-src`).
pub fn csp_for(ctx: &Ctx, index: &Path) -> Result<String> {
    let csp = output_of(
        ctx.cargo()
            .args(["run", "--quiet", "-p", "reference-api", "--", "--print-csp"])
            .arg(index),
    )
    .context("`reference-api --print-csp` failed")?;
    let csp = csp.trim().to_owned();
    if csp.is_empty() || csp.contains('"') {
        bail!("`reference-api --print-csp` printed no usable policy: {csp:?}");
    }
    Ok(csp)
}

/// `deploy/nginx.conf` with its fields filled in.
pub fn render_config(
    template: &str,
    prefix: &Path,
    listen: SocketAddr,
    root: &Path,
    csp: &str,
) -> String {
    let user = if nix::unistd::geteuid().is_root() {
        // Started by root, nginx would run its workers as `nobody`, who may
        // not read the checkout: keep them as the current user.
        "user root;".to_owned()
    } else {
        "# (not root: nginx runs as the current user, `user` does not apply)".to_owned()
    };
    template
        .replace("user {{USER}};", &user)
        .replace("{{PREFIX}}", &prefix.display().to_string())
        .replace("{{LISTEN}}", &listen.to_string())
        .replace("{{ROOT}}", &root.display().to_string())
        .replace("{{CSP}}", csp)
}

/// Copies `dist/` to `target/nginx/<name>/site` with `kabinet:api-base`
/// set to `api_origin` (dist/ itself stays as built: other runs serve it
/// from one origin) and the page's compressed copies renewed.
pub fn stage(ctx: &Ctx, name: &str, api_origin: &str) -> Result<PathBuf> {
    let dist = dist_dir(ctx);
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
    for page in crate::prerender::html_pages(&site) {
        set_meta(
            &page,
            &Meta {
                api_base: Some(api_origin.to_owned()),
                ..Meta::default()
            },
        )?;
        precompress::drop_copies(&page);
    }
    // dist/ of a build before precompression existed gets its copies here.
    precompress::dir(&site)?;
    Ok(site)
}

/// Copies the folder `from` to `to`, keeping the files' times.
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            // Keep the time, so compressed copies stay newer than their file.
            let modified = entry.metadata()?.modified()?;
            fs::File::options()
                .write(true)
                .open(&target)?
                .set_modified(modified)?;
        }
    }
    Ok(())
}

/// nginx serving `site` on `listen` with the configuration rendered from
/// `deploy/nginx.conf` into `target/nginx/<name>/`; stopped when dropped.
pub struct Nginx {
    pub url: String,
    pub prefix: PathBuf,
    _server: Background,
}

impl Nginx {
    pub fn start(
        ctx: &Ctx,
        name: &str,
        listen: SocketAddr,
        site: &Path,
        csp: &str,
    ) -> Result<Self> {
        let prefix = ctx.target_dir().join("nginx").join(name);
        fs::create_dir_all(prefix.join("tmp"))
            .with_context(|| format!("creating {}", prefix.display()))?;
        let template_path = ctx.root.join("deploy/nginx.conf");
        let template = fs::read_to_string(&template_path)
            .with_context(|| format!("reading {}", template_path.display()))?;
        let conf = prefix.join("nginx.conf");
        fs::write(&conf, render_config(&template, &prefix, listen, site, csp))
            .with_context(|| format!("writing {}", conf.display()))?;
        let mut command = std::process::Command::new(NGINX);
        command
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(&conf)
            .arg("-e")
            .arg(prefix.join("error.log"))
            .args(["-g", "daemon off;"]);
        let server = Background::spawn_logged("nginx", &mut command, &prefix.join("nginx.out"))?;
        server.wait_for_port(listen, Duration::from_secs(20))?;
        Ok(Self {
            url: format!("http://{listen}"),
            prefix,
            _server: server,
        })
    }

    pub fn logs(&self) -> [PathBuf; 3] {
        [
            self.prefix.join("nginx.out"),
            self.prefix.join("error.log"),
            self.prefix.join("access.log"),
        ]
    }
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
        let csp = csp_for(ctx, &site.join("index.html"))?;
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
        if let Some(exit) = self.app._server.exited() {
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
    if dist_dir(ctx).join("index.html").exists() {
        say!(
            "==> serving the release build in {} as it is (`cargo xtask dist` rebuilds it)",
            dist_dir(ctx).display()
        );
    } else {
        tools::ensure(ctx, dist::TOOLS)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_take_the_deployments_values() {
        let html = "<head>\n  <meta name=\"kabinet:api-base\" content=\"\">\n  <meta name=\"kabinet:support-email\" content=\"support@example.ru\">\n</head>";
        let html = with_meta(html, "kabinet:api-base", "http://127.0.0.1:8081").unwrap();
        let html = with_meta(&html, "kabinet:support-email", "help@gaz.ru\"><script>").unwrap();
        assert_eq!(
            html,
            "<head>\n  <meta name=\"kabinet:api-base\" content=\"http://127.0.0.1:8081\">\n  <meta name=\"kabinet:support-email\" content=\"help@gaz.ru&quot;>&lt;script>\">\n</head>"
        );
        assert!(with_meta("<head></head>", "kabinet:api-base", "x").is_none());
    }

    /// Every tag `dist`'s flags set is in the project's own `index.html`.
    #[test]
    fn the_page_has_every_tag_a_deployment_sets() {
        let index =
            fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")).unwrap();
        for (name, value) in [
            ("kabinet:api-base", "https://api.example.ru"),
            ("kabinet:support-email", "help@gaz.ru"),
            ("kabinet:wordmark", "Межрегионгаз Воронеж"),
        ] {
            let html = with_meta(&index, name, value).unwrap_or_else(|| panic!("no {name}"));
            assert!(
                html.contains(&format!("<meta name=\"{name}\" content=\"{value}\">")),
                "{name}"
            );
        }
    }

    #[test]
    fn the_template_is_filled_in_completely() {
        let template =
            fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../deploy/nginx.conf"))
                .unwrap();
        let conf = render_config(
            &template,
            Path::new("/tmp/k"),
            "127.0.0.1:8095".parse().unwrap(),
            Path::new("/tmp/k/site"),
            "default-src 'self'",
        );
        let unfilled: Vec<&str> = conf
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && l.contains("{{"))
            .collect();
        assert!(unfilled.is_empty(), "{unfilled:?}");
        assert!(conf.contains("listen 127.0.0.1:8095;"));
        assert!(conf.contains("root /tmp/k/site;"));
        assert!(conf.contains("pid /tmp/k/nginx.pid;"));
        assert!(conf.contains("Content-Security-Policy \"default-src 'self'\" always;"));
        assert!(conf.contains("brotli_static on;"));
    }
}
