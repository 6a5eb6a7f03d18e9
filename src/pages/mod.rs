//! One file per screen, named after its route.

pub mod account;
pub mod accounts;
pub mod agreement;
pub mod choose_account_to_pay;
pub mod confirm;
pub mod home;
pub mod link_account;
pub mod login;
pub mod not_found;
pub mod pay;
pub mod payment_status;
pub mod readings;
pub mod recover;
pub mod recover_confirm;
pub mod register;
pub mod register_done;
pub mod settings;
