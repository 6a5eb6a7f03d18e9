//! Building blocks used by several pages. A component never knows a route
//! except through the links it is given.

pub mod banner;
pub mod error_summary;
pub mod field;
pub mod footer;
pub mod hint;
pub mod nav;
pub mod password_field;
pub mod robot_check;
