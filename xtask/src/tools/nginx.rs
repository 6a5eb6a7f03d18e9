//! Debian's nginx and its brotli_static module: the production-like stack
//! of `preview` and the end-to-end tests.

use super::{apt, installing, missing_files, ok};
use crate::process;
use anyhow::{Result, bail};
use std::path::Path;

pub const NGINX: &str = "/usr/sbin/nginx";
pub const BROTLI_STATIC_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// nginx and libnginx-mod-http-brotli-static from Debian (about 15 s with
/// `apt-get update`). Installing does not start it: the xtask runs its own.
pub(super) fn ensure_nginx() -> Result<()> {
    let missing = missing_files(&[NGINX, BROTLI_STATIC_MODULE]);
    if missing.is_empty() {
        ok("nginx with brotli_static");
        return Ok(());
    }
    installing(&format!(
        "nginx and its brotli_static module from Debian ({} missing; takes ~15 s)…",
        missing.join(", ")
    ));
    process::run(&mut apt(&["update"]))?;
    process::run(&mut apt(&[
        "install",
        "-y",
        "nginx",
        "libnginx-mod-http-brotli-static",
    ]))?;
    for p in [NGINX, BROTLI_STATIC_MODULE] {
        if !Path::new(p).exists() {
            bail!(
                "{p} is still missing after installing nginx and libnginx-mod-http-brotli-static"
            );
        }
    }
    ok("nginx and libnginx-mod-http-brotli-static");
    Ok(())
}
