//! The supplier world: suppliers and their subscribers' accounts, loaded from
//! `fixtures/seed.json` at every start, so every start begins the same. Rows
//! are updated in place (by supplier and number, by meter id), so cabinets'
//! links survive a restart; whatever the fixture no longer names is removed.

use crate::link_proof::ProofKind;
use crate::readings::parse_value;
use rusqlite::{Connection, params};
use serde::Deserialize;

pub const FIXTURE: &str = include_str!("../fixtures/seed.json");

#[derive(Debug, Deserialize)]
pub struct Seed {
    pub suppliers: Vec<Supplier>,
    pub accounts: Vec<Account>,
}

#[derive(Debug, Deserialize)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub region: String,
    pub region_code: String,
    pub support_email: Option<String>,
    pub account_rule: AccountRule,
    pub link_proof: LinkProof,
    pub readings_window: Window,
}

#[derive(Debug, Deserialize)]
pub struct AccountRule {
    pub max_digits: u32,
    pub pattern: String,
    pub hint: String,
    pub example: String,
}

/// What the supplier asks for besides the number when an account is linked.
#[derive(Debug, Deserialize)]
pub struct LinkProof {
    pub kind: ProofKind,
    pub label: String,
    pub hint: String,
    pub example: String,
}

#[derive(Debug, Deserialize, Clone, Copy)]
pub struct Window {
    pub from_day: u8,
    pub to_day: u8,
}

#[derive(Debug, Deserialize)]
pub struct Account {
    pub supplier_id: String,
    pub number: String,
    pub holder: String,
    pub address: String,
    pub balance_kop: i64,
    /// The last bill, the proof of a `last_bill_amount` supplier's accounts.
    pub last_bill_kop: Option<i64>,
    /// The supplier's window unless set.
    pub readings_window: Option<Window>,
    pub tariffs: Vec<Tariff>,
    pub meters: Vec<Meter>,
}

#[derive(Debug, Deserialize)]
pub struct Tariff {
    pub service: String,
    pub name: String,
    pub price_kop: i64,
    pub unit: String,
}

#[derive(Debug, Deserialize)]
pub struct Meter {
    pub id: i64,
    pub serial: String,
    pub service: String,
    pub unit: String,
    pub last_reading: Option<LastReading>,
    pub verification_due: Option<String>,
    pub average_monthly: String,
}

#[derive(Debug, Deserialize)]
pub struct LastReading {
    pub value: String,
    pub date: String,
}

pub fn parse() -> Result<Seed, crate::Error> {
    Ok(serde_json::from_str(FIXTURE)?)
}

/// (Re)loads the fixture in one transaction.
pub fn load(conn: &mut Connection) -> Result<(), crate::Error> {
    let seed = parse()?;
    let tx = conn.transaction()?;
    let supplier_ids: Vec<&str> = seed.suppliers.iter().map(|s| s.id.as_str()).collect();
    tx.execute(
        "DELETE FROM suppliers WHERE id NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&supplier_ids)?],
    )?;
    for (position, s) in (0_i64..).zip(&seed.suppliers) {
        tx.execute(
            "INSERT INTO suppliers (id, position, name, region, region_code, support_email,
                 max_digits, pattern, hint, example, window_from, window_to,
                 proof_kind, proof_label, proof_hint, proof_example)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT (id) DO UPDATE SET position = ?2, name = ?3, region = ?4,
                 region_code = ?5, support_email = ?6, max_digits = ?7, pattern = ?8,
                 hint = ?9, example = ?10, window_from = ?11, window_to = ?12,
                 proof_kind = ?13, proof_label = ?14, proof_hint = ?15, proof_example = ?16",
            params![
                s.id,
                position,
                s.name,
                s.region,
                s.region_code,
                s.support_email,
                s.account_rule.max_digits,
                s.account_rule.pattern,
                s.account_rule.hint,
                s.account_rule.example,
                s.readings_window.from_day,
                s.readings_window.to_day,
                s.link_proof.kind.as_str(),
                s.link_proof.label,
                s.link_proof.hint,
                s.link_proof.example
            ],
        )?;
    }
    let keys: Vec<String> = seed
        .accounts
        .iter()
        .map(|a| format!("{}:{}", a.supplier_id, a.number))
        .collect();
    tx.execute(
        "DELETE FROM supplier_accounts
         WHERE supplier_id || ':' || number NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&keys)?],
    )?;
    let meter_ids: Vec<i64> = seed
        .accounts
        .iter()
        .flat_map(|a| a.meters.iter().map(|m| m.id))
        .collect();
    tx.execute(
        "DELETE FROM meters WHERE id NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&meter_ids)?],
    )?;
    for a in &seed.accounts {
        let supplier = seed
            .suppliers
            .iter()
            .find(|s| s.id == a.supplier_id)
            .ok_or_else(|| format!("account {} names no supplier", a.number))?;
        let window = a.readings_window.unwrap_or(supplier.readings_window);
        let account_id: i64 = tx.query_row(
            "INSERT INTO supplier_accounts (supplier_id, number, holder, address, balance_kop,
                 window_from, window_to, last_bill_kop)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (supplier_id, number) DO UPDATE SET holder = ?3, address = ?4,
                 balance_kop = ?5, window_from = ?6, window_to = ?7, last_bill_kop = ?8
             RETURNING id",
            params![
                a.supplier_id,
                a.number,
                a.holder,
                a.address,
                a.balance_kop,
                window.from_day,
                window.to_day,
                a.last_bill_kop
            ],
            |row| row.get(0),
        )?;
        tx.execute("DELETE FROM tariffs WHERE account_id = ?1", [account_id])?;
        for (position, t) in (0_i64..).zip(&a.tariffs) {
            tx.execute(
                "INSERT INTO tariffs (account_id, position, service, name, price_kop, unit)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![account_id, position, t.service, t.name, t.price_kop, t.unit],
            )?;
        }
        for m in &a.meters {
            let last_value = m
                .last_reading
                .as_ref()
                .map(|r| parse_value(&r.value).ok_or(format!("meter {}: bad reading", m.id)))
                .transpose()?;
            let average =
                parse_value(&m.average_monthly).ok_or(format!("meter {}: bad average", m.id))?;
            tx.execute(
                "INSERT INTO meters (id, account_id, serial, service, unit, last_value, last_date,
                     verification_due, average_monthly)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET account_id = ?2, serial = ?3, service = ?4,
                     unit = ?5, last_value = ?6, last_date = ?7, verification_due = ?8,
                     average_monthly = ?9",
                params![
                    m.id,
                    account_id,
                    m.serial,
                    m.service,
                    m.unit,
                    last_value,
                    m.last_reading.as_ref().map(|r| &r.date),
                    m.verification_due,
                    average
                ],
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_holds_the_demo_accounts() {
        let seed = parse().unwrap();
        assert_eq!(seed.suppliers.len(), 9);
        let find = |number: &str| seed.accounts.iter().find(|a| a.number == number);
        let voronezh = find("3600000001").unwrap();
        assert_eq!(voronezh.supplier_id, "voronezh");
        assert_eq!(voronezh.balance_kop, 123_456);
        assert_eq!(voronezh.meters.len(), 1);
        assert_eq!(
            voronezh.meters[0].last_reading.as_ref().unwrap().value,
            "12345.678"
        );
        let window = voronezh.readings_window.unwrap();
        assert_eq!((window.from_day, window.to_day), (1, 31));
        let kirov = find("4300000002").unwrap();
        assert_eq!(kirov.supplier_id, "kirov");
        assert_eq!(kirov.balance_kop, -10_000);
        assert_eq!(kirov.meters.len(), 1);
        assert_eq!(kirov.last_bill_kop, Some(105_000));
        assert!(find("3699999999").is_none());
        // The e2e tests' account without meters (billed by the norm).
        assert!(find("4200000002").unwrap().meters.is_empty());
        for a in &seed.accounts {
            let s = seed
                .suppliers
                .iter()
                .find(|s| s.id == a.supplier_id)
                .unwrap();
            assert!(a.number.starts_with(&s.region_code), "{}", a.number);
            assert!(a.number.len() as u32 <= s.account_rule.max_digits);
        }
    }

    #[test]
    fn every_account_has_the_datum_its_supplier_asks_for() {
        let seed = parse().unwrap();
        let kind = |id: &str| {
            let s = seed.suppliers.iter().find(|s| s.id == id).unwrap();
            s.link_proof.kind
        };
        let serials = [
            "voronezh",
            "zhigulevsk",
            "ivanovo",
            "izhevsk",
            "yoshkar-ola",
        ];
        for s in &seed.suppliers {
            let expected = if serials.contains(&s.id.as_str()) {
                ProofKind::MeterSerial
            } else {
                ProofKind::LastBillAmount
            };
            assert_eq!(s.link_proof.kind, expected, "{}", s.id);
            assert!(s.link_proof.hint.contains("квитанции"), "{}", s.id);
        }
        let hints: std::collections::BTreeSet<&str> = seed
            .suppliers
            .iter()
            .map(|s| s.link_proof.hint.as_str())
            .collect();
        assert_eq!(hints.len(), seed.suppliers.len());
        for a in &seed.accounts {
            match kind(&a.supplier_id) {
                ProofKind::MeterSerial => {
                    assert!(!a.meters.is_empty(), "{}", a.number);
                    assert_eq!(a.last_bill_kop, None, "{}", a.number);
                }
                ProofKind::LastBillAmount => {
                    assert!(a.last_bill_kop.is_some_and(|kop| kop > 0), "{}", a.number);
                }
            }
        }
        let voronezh = seed.accounts.iter().find(|a| a.number == "3600000001");
        assert_eq!(voronezh.unwrap().meters[0].serial, "СГ-100001");
    }

    #[test]
    fn reloading_keeps_ids_and_resets_values() {
        let mut conn = crate::db::open(":memory:").unwrap();
        load(&mut conn).unwrap();
        let id = |conn: &Connection| -> i64 {
            conn.query_row(
                "SELECT id FROM supplier_accounts WHERE number = '4300000002'",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        let before = id(&conn);
        conn.execute("UPDATE meters SET last_value = 1", [])
            .unwrap();
        load(&mut conn).unwrap();
        assert_eq!(id(&conn), before);
        let value: i64 = conn
            .query_row(
                "SELECT m.last_value FROM meters m JOIN supplier_accounts a ON a.id = m.account_id
                 WHERE a.number = '3600000001'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(value, 12_345_678);
    }
}
