//! The SQLite database: opening, migrations, and small conversions.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/001_cabinets.sql")),
        M::up(include_str!("../migrations/002_accounts.sql")),
        M::up(include_str!("../migrations/003_readings_payments.sql")),
        M::up(include_str!("../migrations/004_password_resets.sql")),
        M::up(include_str!("../migrations/005_link_proof.sql")),
        M::up(include_str!("../migrations/006_payment_number.sql")),
    ])
}

/// Opens (creating if needed) the database and brings its schema up to date.
pub fn open(path: &str) -> Result<Connection, crate::Error> {
    if path != ":memory:"
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "busy_timeout", 5000)?;
    if path != ":memory:" {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

pub fn rfc3339(instant: OffsetDateTime) -> String {
    instant
        .replace_millisecond(0)
        .unwrap_or(instant)
        .format(&Rfc3339)
        .unwrap_or_default()
}

pub fn rfc3339_unix(seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(seconds)
        .map(rfc3339)
        .unwrap_or_default()
}

/// `YYYY-MM-DD`.
pub fn iso_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

pub fn parse_iso_date(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

/// `dd.mm.yyyy`, as the product shows dates.
pub fn russian_date(date: Date) -> String {
    date.format(format_description!("[day].[month].[year]"))
        .unwrap_or_default()
}

/// The first instant after the end of `date` (00:00 UTC of the next day).
pub fn end_of_day(date: Date) -> i64 {
    date.next_day()
        .unwrap_or(date)
        .midnight()
        .assume_utc()
        .unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date(date!(2026 - 03 - 05)), "2026-03-05");
        assert_eq!(parse_iso_date("2026-03-05"), Some(date!(2026 - 03 - 05)));
        assert_eq!(russian_date(date!(2026 - 03 - 05)), "05.03.2026");
        assert_eq!(
            end_of_day(date!(2026 - 12 - 31)),
            datetime!(2027-01-01 0:00 UTC).unix_timestamp()
        );
        assert_eq!(
            rfc3339(datetime!(2026-03-05 10:20:30.5 UTC)),
            "2026-03-05T10:20:30Z"
        );
    }
}
