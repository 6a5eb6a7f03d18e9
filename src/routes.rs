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
