//! The stylesheet as it ships: named after what ships, without the comments
//! that explain it to whoever edits it (they would cost every first visit
//! some 700 bytes of brotli; `trunk serve` keeps them).

/// `css` without its `/* … */` comments and the blank lines and trailing
/// spaces they leave. Strings are copied whole, so a `/*` inside quotes
/// (a data: URL) stays.
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut quote = None;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => out.push(c),
        }
    }
    let mut lines: Vec<&str> = out
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .collect();
    lines.push("");
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn stylesheet_comments_go_and_strings_stay() {
        let css = "/* Tokens\n   of the design */\n:root { --a: 1px; } /* trailing */\n\n\
                   a { content: \"/* kept */\"; b: url('x/*y*/z'); }\n\
                   .q { content: \"\\\" /* still a string */\"; }\n/* unclosed";
        assert_eq!(
            without_comments(css),
            ":root { --a: 1px; }\na { content: \"/* kept */\"; b: url('x/*y*/z'); }\n\
             .q { content: \"\\\" /* still a string */\"; }\n"
        );
        // The project's own stylesheet loses only its comments.
        let main =
            fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css")).unwrap();
        let stripped = without_comments(&main);
        assert!(!stripped.contains("/*") && stripped.len() < main.len());
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let mut rest = squeeze(&main);
        while let Some(start) = rest.find("/*") {
            let end = start + rest[start..].find("*/").unwrap() + 2;
            rest.replace_range(start..end, "");
        }
        assert_eq!(squeeze(&stripped), rest);
    }
}
