//! Where to go after login: only ever a page of this app.

/// `next` if it is a local path (`/settings?tab=1`), else `/`. Absolute URLs,
/// protocol-relative `//host`, backslashes (browsers read `/\host` as
/// `//host`) and control characters (`/\t/host`) would lead off the site.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && !path.starts_with("/login") =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(safe_next(Some("/settings")), "/settings");
        assert_eq!(
            safe_next(Some("/accounts/7?x=1#top")),
            "/accounts/7?x=1#top"
        );
    }

    #[test]
    fn anything_leading_elsewhere_goes_home() {
        for hostile in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            "/login?next=/login",
        ] {
            assert_eq!(safe_next(Some(hostile)), "/", "{hostile:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
