//! `/api/v1/suppliers`: the seeded suppliers, the rule of their account
//! numbers and the datum of the receipt each asks to prove an account.

use crate::support::TestApp;
use serde_json::json;

#[tokio::test]
async fn suppliers_are_the_nine_of_the_seed_with_their_rules() {
    let app = TestApp::new();
    let suppliers = app.get("/api/v1/suppliers").send().await.ok().json();
    let names: Vec<&str> = suppliers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Межрегионгаз Воронеж",
            "Межрегионгаз Жигулевск",
            "Межрегионгаз Иваново",
            "Межрегионгаз Ижевск",
            "Межрегионгаз Йошкар-Ола",
            "Межрегионгаз Калуга",
            "Межрегионгаз Краснодар",
            "Межрегионгаз Кемерово",
            "Межрегионгаз Киров",
        ]
    );
    // Each has its own hint, and an example that begins with its region's code.
    let hints: std::collections::BTreeSet<&str> = suppliers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["account_rule"]["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints.len(), 9);
    for (id, code) in [("izhevsk", "18"), ("kaluga", "40"), ("kemerovo", "42")] {
        let supplier = suppliers
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no supplier {id}"));
        let rule = &supplier["account_rule"];
        assert!(rule["example"].as_str().unwrap().starts_with(code), "{id}");
        assert!(
            rule["hint"]
                .as_str()
                .unwrap()
                .contains(&format!("начинается с {code}")),
            "{id}"
        );
    }
    let voronezh = &suppliers[0];
    assert_eq!(voronezh["id"], "voronezh");
    assert_eq!(voronezh["account_rule"]["max_digits"], 10);
    assert!(
        voronezh["account_rule"]["hint"]
            .as_str()
            .unwrap()
            .contains("квитанции")
    );
    assert!(
        voronezh["account_rule"]["example"]
            .as_str()
            .unwrap()
            .starts_with("36")
    );
    assert!(voronezh["region"].is_string());
}

#[tokio::test]
async fn each_supplier_says_what_proves_an_account() {
    let app = TestApp::new();
    let suppliers = app.get("/api/v1/suppliers").send().await.ok().json();
    let suppliers = suppliers.as_array().unwrap();
    let kinds: Vec<(&str, &str)> = suppliers
        .iter()
        .map(|s| {
            let kind = s["link_proof"]["kind"].as_str().unwrap();
            (s["id"].as_str().unwrap(), kind)
        })
        .collect();
    let serial = "meter_serial";
    let amount = "last_bill_amount";
    assert_eq!(
        kinds,
        [
            ("voronezh", serial),
            ("zhigulevsk", serial),
            ("ivanovo", serial),
            ("izhevsk", serial),
            ("yoshkar-ola", serial),
            ("kaluga", amount),
            ("krasnodar", amount),
            ("kemerovo", amount),
            ("kirov", amount),
        ]
    );
    // Each supplier's own hint to where the datum is on its receipt.
    let hints: std::collections::BTreeSet<&str> = suppliers
        .iter()
        .map(|s| s["link_proof"]["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints.len(), 9);
    assert!(hints.iter().all(|hint| hint.contains("квитанции")));
    assert_eq!(
        suppliers[0]["link_proof"],
        json!({
            "kind": serial,
            "label": "Заводской номер счетчика",
            "hint": suppliers[0]["link_proof"]["hint"],
            "example": "СГ-100001"
        })
    );
    assert_eq!(
        suppliers[8]["link_proof"],
        json!({
            "kind": amount,
            "label": "Сумма последнего начисления по квитанции, ₽",
            "hint": suppliers[8]["link_proof"]["hint"],
            "example": "1 050,00"
        })
    );
}
