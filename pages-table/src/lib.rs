//! Every page of Kabinet, declared once ([`PAGES`]), and the names the
//! prerendered pages and the app hand over by ([`handoff`]).
//!
//! A crate of its own, without Leptos, so that the app and the xtask read
//! the same table: the app builds its page groups from it (`lazy_routes.rs`
//! through [`pages!`]) and a test holds its route table to it; the xtask
//! preloads each route's group and prerenders the pages it marks.

pub mod handoff;
mod table;

pub use table::{PAGES, PATTERNS};

/// A page of the app: one row of [`pages!`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Its path, `:id` standing for one segment (`/accounts/:id/pay`).
    pub pattern: &'static str,
    /// Its file in `src/pages/` and its function in `lazy_routes.rs`.
    pub view: &'static str,
    /// The wasm module (group of pages) it is split into.
    pub group: &'static str,
    /// Who may open it.
    pub access: Access,
    /// The section of the signed-in navigation it belongs to.
    pub section: Option<Section>,
    /// The address `cargo xtask dist` saves it from as HTML, if it does.
    pub prerender: Option<&'static str>,
    /// On a public page, the path of the page a visitor goes to next.
    pub then: Option<&'static str>,
}

/// Who may open a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    Public,
    /// A signed-in subscriber; others are sent to /login.
    SignedIn,
    /// A signed-in subscriber whose e-mail is confirmed; others go home
    /// (or to /login).
    Confirmed,
}

/// The sections of the signed-in navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Accounts,
    Pay,
    Settings,
}

impl Section {
    /// The sections, in the order of the menu.
    pub const MENU: [Section; 4] = [Self::Home, Self::Accounts, Self::Pay, Self::Settings];

    /// Its link's text in the menu.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Home => "Главная",
            Self::Accounts => "Лицевые счета",
            Self::Pay => "Оплата онлайн",
            Self::Settings => "Настройки",
        }
    }

    /// Where its menu link goes: its first page without an id.
    pub fn link(self) -> &'static str {
        SECTIONS
            .iter()
            .find(|(pattern, section)| *section == Some(self) && !pattern.contains(':'))
            .map_or("/", |(pattern, _)| pattern)
    }

    /// The section a path belongs to, for marking it in the navigation:
    /// its page's (a page without an id wins over one with, as in the router).
    pub fn of(path: &str) -> Option<Self> {
        let mut found: Option<(&str, Option<Section>)> = None;
        for &(pattern, section) in &SECTIONS {
            if matches(pattern, path) && found.is_none_or(|(f, _)| ids(pattern) < ids(f)) {
                found = Some((pattern, section));
            }
        }
        found.and_then(|(_, section)| section)
    }
}

/// Each page's pattern and section, all the navigation needs of the table
/// at run time: evaluated at build time, so that the rest of the table
/// (views, groups, addresses) does not weigh on every visit's wasm.
const SECTIONS: [(&str, Option<Section>); PAGES.len()] = {
    let mut sections = [("", None); PAGES.len()];
    let mut i = 0;
    while i < sections.len() {
        sections[i] = (PAGES[i].pattern, PAGES[i].section);
        i += 1;
    }
    sections
};

fn ids(pattern: &str) -> usize {
    pattern.matches(':').count()
}

/// `path` fits `pattern`, each `:id` one non-empty segment.
fn matches(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.split('/').filter(|s| !s.is_empty());
    let mut given = path.split('/').filter(|s| !s.is_empty());
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(_)) if w.starts_with(':') => {}
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_declared_once() {
        let mut patterns: Vec<_> = PAGES.iter().map(|p| p.pattern).collect();
        let mut views: Vec<_> = PAGES.iter().map(|p| p.view).collect();
        patterns.sort();
        patterns.dedup();
        views.sort();
        views.dedup();
        assert_eq!(patterns.len(), PAGES.len());
        assert_eq!(views.len(), PAGES.len());
        assert_eq!(PATTERNS.len(), PAGES.len());
    }

    #[test]
    fn a_prerendered_page_is_public_and_saved_from_its_own_path() {
        for page in PAGES {
            if let Some(address) = page.prerender {
                // Or the home page, saved as the frame app.rs shows while
                // the session check has not answered (its `fallback`).
                if page.pattern != "/" {
                    assert_eq!(page.access, Access::Public, "{}", page.pattern);
                }
                let path = address.split('?').next().unwrap();
                assert_eq!(path, page.pattern);
            }
        }
    }

    #[test]
    fn each_page_marks_its_section() {
        for (path, section) in [
            ("/", Some(Section::Home)),
            ("/accounts", Some(Section::Accounts)),
            ("/accounts/link", Some(Section::Accounts)),
            ("/accounts/a1", Some(Section::Accounts)),
            ("/accounts/a1/readings", Some(Section::Accounts)),
            ("/accounts/a1/pay", Some(Section::Pay)),
            ("/accounts/pay", Some(Section::Accounts)),
            ("/pay", Some(Section::Pay)),
            ("/payments/p1", Some(Section::Pay)),
            ("/settings", Some(Section::Settings)),
            ("/login", None),
            ("/register/done", None),
        ] {
            assert_eq!(Section::of(path), section, "{path}");
        }
    }

    #[test]
    fn each_section_links_to_its_first_page() {
        let links: Vec<_> = Section::MENU.iter().map(|s| s.link()).collect();
        assert_eq!(links, ["/", "/accounts", "/pay", "/settings"]);
    }
}
