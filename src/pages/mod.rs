//! One file per screen, named after its route.

pub mod agreement;
pub mod confirm;
pub mod home;
pub mod login;
pub mod not_found;
pub mod register;
pub mod register_done;
