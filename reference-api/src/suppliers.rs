//! `GET /api/v1/suppliers`: the suppliers of the seed, with their account
//! rules and what each asks for to prove an account is the subscriber's.

use crate::AppState;
use crate::link_proof::ProofKind;
use crate::problem::ApiResult;
use axum::Json;
use axum::extract::State;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AccountRule {
    pub max_digits: u32,
    pub pattern: String,
    pub hint: String,
    pub example: String,
}

/// The datum of the receipt asked for besides the number when linking.
#[derive(Debug, Clone, Serialize)]
pub struct LinkProof {
    pub kind: ProofKind,
    pub label: String,
    /// Where it is on this supplier's receipt.
    pub hint: String,
    pub example: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_email: Option<String>,
    pub account_rule: AccountRule,
    pub link_proof: LinkProof,
}

const COLUMNS: &str = "id, name, region, support_email, max_digits, pattern, hint, example,
    proof_kind, proof_label, proof_hint, proof_example";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Supplier> {
    Ok(Supplier {
        id: row.get(0)?,
        name: row.get(1)?,
        region: row.get(2)?,
        support_email: row.get(3)?,
        account_rule: AccountRule {
            max_digits: row.get(4)?,
            pattern: row.get(5)?,
            hint: row.get(6)?,
            example: row.get(7)?,
        },
        link_proof: LinkProof {
            kind: proof_kind(row, 8)?,
            label: row.get(9)?,
            hint: row.get(10)?,
            example: row.get(11)?,
        },
    })
}

fn proof_kind(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<ProofKind> {
    let name: String = row.get(index)?;
    ProofKind::from_name(&name).ok_or_else(|| {
        let error = format!("unknown proof kind {name}");
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, error.into())
    })
}

pub fn find(conn: &Connection, id: &str) -> rusqlite::Result<Option<Supplier>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM suppliers WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Vec<Supplier>>> {
    let conn = state.db();
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM suppliers ORDER BY position"
    ))?;
    let suppliers = statement
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Json(suppliers))
}
