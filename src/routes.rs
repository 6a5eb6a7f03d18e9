//! Paths of the app's pages, so components link to them without spelling routes.

pub fn account(id: &str) -> String {
    format!("/accounts/{id}")
}

pub fn pay(id: &str) -> String {
    format!("/accounts/{id}/pay")
}

pub fn readings(id: &str) -> String {
    format!("/accounts/{id}/readings")
}

pub const LINK_ACCOUNT: &str = "/accounts/link";

pub fn payment(id: &str) -> String {
    format!("/payments/{id}")
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
    /// The section a path belongs to, for marking it in the navigation:
    /// paying for an account is «Оплата онлайн», the rest of an account
    /// (its page, its readings, linking one) is «Лицевые счета».
    pub fn of(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Some(Self::Home),
            ["pay"] | ["accounts", _, "pay"] | ["payments", ..] => Some(Self::Pay),
            ["accounts", ..] => Some(Self::Accounts),
            ["settings", ..] => Some(Self::Settings),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
