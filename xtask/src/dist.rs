//! `cargo xtask dist`: the release build (`release/`, every step in order)
//! into `dist/`, the table of its sizes and the CSP to serve it with.

use crate::ctx::Ctx;
use crate::release::{self, Meta, csp, sizes};
use crate::tools;
use anyhow::Result;

/// `cargo xtask dist`, with the meta tags of index.html it was given.
pub fn dist(ctx: &Ctx, meta: &Meta) -> Result<()> {
    tools::ensure(ctx, release::TOOLS)?;
    build_release(ctx, meta)?;
    say_raw!("{}", size_report(ctx)?);
    // For whoever serves dist/ from nginx or a CDN.
    let csp = csp::for_release(&ctx.dist_dir())?;
    say!("\nContent-Security-Policy for serving dist/:\n{csp}");
    Ok(())
}

/// The release into `dist/` with the meta tags in `meta` set in its pages.
pub fn build_release(ctx: &Ctx, meta: &Meta) -> Result<()> {
    release::run(ctx, &ctx.dist_dir(), meta)
}

/// The size table of `dist/`, also written to `target/dist-sizes.txt`.
pub fn size_report(ctx: &Ctx) -> Result<String> {
    sizes::report(&ctx.dist_dir(), &ctx.target_dir().join("dist-sizes.txt"))
}
