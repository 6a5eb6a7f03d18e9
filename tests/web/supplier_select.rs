//! `SupplierSelect`: the gas supplier of an account being linked.

use crate::support::{attr, by_id, fire, mount};
use kabinet::api::types::{AccountRule, LinkProof, ProofKind, Supplier};
use kabinet::components::supplier_select::SupplierSelect;
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen_test::*;

fn supplier(id: &str, name: &str, hint: &str) -> Supplier {
    Supplier {
        id: id.into(),
        name: name.into(),
        account_rule: AccountRule {
            max_digits: 10,
            hint: hint.into(),
            example: None,
        },
        link_proof: LinkProof {
            kind: ProofKind::MeterSerial,
            label: "Заводской номер счетчика".into(),
            hint: String::new(),
            example: "СГ-100001".into(),
        },
    }
}

#[wasm_bindgen_test]
async fn supplier_select_starts_unchosen_and_reports_the_choice() {
    let field = Field::new("supplier_id");
    let checks = RwSignal::new(0);
    let _page = mount(move || {
        let list = vec![
            supplier("voronezh", "Межрегионгаз Воронеж", ""),
            supplier("kirov", "Межрегионгаз Киров", ""),
        ];
        view! { <SupplierSelect field=field suppliers=list validate=move || checks.update(|n| *n += 1) /> }
    });
    let select: web_sys::HtmlSelectElement = by_id("supplier_id");
    let options: Vec<String> = (0..select.length())
        .map(|i| select.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        options,
        ["<не выбрана>", "Межрегионгаз Воронеж", "Межрегионгаз Киров"]
    );
    assert_eq!(select.value(), "");

    select.set_value("kirov");
    fire("supplier_id", "change");
    tick().await;
    assert_eq!(field.value.get_untracked(), "kirov");
    assert_eq!(checks.get_untracked(), 1, "a choice is checked at once");

    field.error.set(Some("Выберите поставщика.".into()));
    tick().await;
    assert_eq!(attr("supplier_id", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("supplier_id", "aria-describedby").as_deref(),
        Some("supplier_id-help supplier_id-error")
    );
}
