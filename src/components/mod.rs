//! Building blocks used by several pages. A component spells no route: it
//! links through `crate::routes`.

pub mod account_actions;
pub mod account_card;
pub mod banner;
pub mod busy;
pub mod confirm_dialog;
pub mod email_field;
pub mod error_summary;
pub mod field;
pub mod footer;
pub mod form_shell;
pub mod hint;
pub mod home_intro;
pub mod meter_readings;
pub mod nav;
pub mod new_password;
pub mod outcome;
pub mod password_field;
pub mod remote;
pub mod retry_countdown;
pub mod robot_check;
pub mod send_or_confirm;
pub mod signed_out;
pub mod supplier_select;
pub mod title;
