//! WebKitGTK's WebDriver (Safari's engine) and Xvfb from Debian: the WebKit
//! engine of the `e2e-engines` step. WebKitWebDriver opens real windows, so
//! it runs under `xvfb-run`.

use super::ensure_apt_packages;
use anyhow::Result;

pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const XVFB_RUN: &str = "/usr/bin/xvfb-run";

pub(super) fn ensure_webkit() -> Result<()> {
    ensure_apt_packages(
        &["webkit2gtk-driver", "xvfb", "xauth"],
        &[
            WEBKIT_WEBDRIVER,
            XVFB_RUN,
            "/usr/bin/Xvfb",
            "/usr/bin/xauth",
        ],
        "~1 min",
    )
}
