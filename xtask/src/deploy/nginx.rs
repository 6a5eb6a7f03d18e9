//! nginx serving a release with `deploy/nginx.conf` rendered for it.

use crate::ctx::Ctx;
use crate::process::{Background, Exit};
use crate::tools::NGINX;
use anyhow::{Context, Result};
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

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

/// nginx serving `site` on `listen` with the configuration rendered from
/// `deploy/nginx.conf` into `target/nginx/<name>/`; stopped when dropped.
pub struct Nginx {
    pub url: String,
    pub prefix: PathBuf,
    server: Background,
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
            server,
        })
    }

    pub fn logs(&self) -> [PathBuf; 3] {
        [
            self.prefix.join("nginx.out"),
            self.prefix.join("error.log"),
            self.prefix.join("access.log"),
        ]
    }

    /// How nginx ended, once it has.
    pub fn exited(&self) -> Option<Exit> {
        self.server.exited()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(conf.contains("\"~^text/html\" \"default-src 'self'\";"));
        assert!(conf.contains("add_header Content-Security-Policy $kabinet_csp always;"));
        assert!(conf.contains("brotli_static on;"));
    }
}
