//! What the gallery's API stub knows: who is signed in, the accounts, the
//! payments, and answers that replace its own for chosen requests. Every
//! request the app makes is answered from here, never from the network.

use serde_json::{Value, json};

use super::sample::{self, json, no_content, problem};
use crate::api::stub::{self, Canned};

#[derive(Clone)]
pub struct World {
    /// `None`: signed out (`GET /session` answers 401).
    pub user: Option<Value>,
    /// Full accounts (`Account`); the list answers them as summaries.
    pub accounts: Vec<Value>,
    /// The payments of an account (`GET /accounts/{id}/payments`).
    pub history: Value,
    /// The payment of the status page (`GET /payments/{id}`).
    pub payment: Value,
    /// `GET /captcha`.
    pub captcha: Canned,
    /// Answers that replace the world's own: method, path (`*` for an id), answer.
    answers: Vec<(&'static str, &'static str, Canned)>,
}

impl Default for World {
    /// A confirmed subscriber with the debt account and its payments.
    fn default() -> Self {
        Self {
            user: Some(sample::user(true)),
            accounts: vec![sample::in_debt()],
            history: sample::history(),
            payment: sample::payment("p3", 123_456, "pending", "2026-03-16T06:00:00Z"),
            captcha: sample::captcha(),
            answers: Vec::new(),
        }
    }
}

impl World {
    /// Answers `method path` with `canned` instead of the world's own answer.
    pub fn answer(&mut self, method: &'static str, path: &'static str, canned: Canned) {
        self.answers.push((method, path, canned));
    }

    /// Makes this world the API of every later request.
    pub fn install(self) {
        stub::install(move |method, path, body| Some(self.respond(method.as_str(), path, body)));
    }

    fn respond(&self, method: &str, path: &str, body: Option<&str>) -> Canned {
        if let Some((_, _, canned)) = self
            .answers
            .iter()
            .find(|(m, pattern, _)| *m == method && matches(pattern, path))
        {
            return canned.clone();
        }
        let body: Value = body
            .and_then(|b| serde_json::from_str(b).ok())
            .unwrap_or_default();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match (method, segments.as_slice()) {
            ("GET", ["session"]) => match &self.user {
                Some(user) => json(200, user.clone()),
                None => problem(401, "unauthenticated", "Войдите в Личный кабинет.", &[]),
            },
            ("POST", ["session"]) => json(200, sample::user(true)),
            ("DELETE", ["session"]) => no_content(204),
            ("GET", ["captcha"]) => self.captcha.clone(),
            ("POST", ["registrations"]) => json(
                201,
                json!({ "email": body["email"], "confirm_until": "2026-03-23" }),
            ),
            ("POST", ["registrations", "confirm"]) => {
                json(200, json!({ "email": "abonent@example.ru" }))
            }
            ("POST", ["registrations", "resend"]) => {
                json(200, json!({ "confirm_until": "2026-03-23" }))
            }
            ("POST", ["password-resets"]) => no_content(202),
            ("POST", ["password-resets", "confirm"]) | ("PUT", ["me", "password"]) => {
                no_content(204)
            }
            ("GET", ["suppliers"]) => json(200, sample::suppliers()),
            ("GET", ["accounts"]) => json(200, Value::from(self.accounts.clone())),
            ("POST", ["accounts"]) => json(201, self.linked(&body)),
            // The gallery shows a page without its id in the address: the
            // world's first account is the one shown.
            ("GET", ["accounts", id]) => match self
                .accounts
                .iter()
                .find(|a| a["id"] == *id)
                .or(self.accounts.first())
            {
                Some(account) => json(200, account.clone()),
                None => problem(404, "account_not_found", "Лицевой счет не найден.", &[]),
            },
            ("DELETE", ["accounts", _]) => no_content(204),
            ("GET", ["accounts", _, "payments"]) => json(200, self.history.clone()),
            ("POST", ["accounts", _, "payments"]) => json(
                201,
                sample::payment("p4", 123_456, "succeeded", "2026-03-16T06:00:00Z"),
            ),
            ("POST", ["accounts", _, "readings"]) => {
                let accepted: Vec<Value> = body["readings"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|r| json!({ "value": r["value"], "date": "2026-03-16" }))
                    .collect();
                json(201, Value::from(accepted))
            }
            ("GET", ["payments", _]) => json(200, self.payment.clone()),
            _ => problem(404, "not_found", "Нет такого адреса в API.", &[]),
        }
    }

    /// The account a link request gets: the first one, under the number and
    /// supplier asked for.
    fn linked(&self, body: &Value) -> Value {
        let mut account = self
            .accounts
            .first()
            .cloned()
            .unwrap_or_else(sample::in_debt);
        let supplier = sample::suppliers()
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["id"] == body["supplier_id"])
            .cloned();
        if let Some(supplier) = supplier {
            account["supplier"] = json!({ "id": supplier["id"], "name": supplier["name"] });
        }
        account["number"] = body["number"].clone();
        account
    }
}

/// `/accounts/*/readings` matches `/accounts/a1/readings`.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, s)| *p == "*" || p == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(canned: &Canned) -> u16 {
        match canned {
            Canned::Answer { status, .. } => *status,
            other => panic!("{other:?}"),
        }
    }

    fn body(canned: Canned) -> Value {
        match canned {
            Canned::Answer { body, .. } => serde_json::from_str(&body).unwrap_or_default(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_world_answers_as_the_api_would() {
        let mut world = World::default();
        assert_eq!(status(&world.respond("GET", "/session", None)), 200);
        // The gallery's pages ask without an id: the first account answers.
        let account = body(world.respond("GET", "/accounts/", None));
        assert_eq!(account["number"], "3600000001");
        let sent = r#"{"readings":[{"meter_id":"1","value":"12400.5"}],"confirm_anomaly":false}"#;
        let accepted = body(world.respond("POST", "/accounts/a1/readings", Some(sent)));
        assert_eq!(
            accepted,
            json!([{ "value": "12400.5", "date": "2026-03-16" }])
        );
        let linked = r#"{"supplier_id":"kirov","number":"4300000002","proof":"1050,00"}"#;
        let summary = body(world.respond("POST", "/accounts", Some(linked)));
        assert_eq!(summary["supplier"]["name"], "Межрегионгаз Киров");
        assert_eq!(status(&world.respond("GET", "/nothing", None)), 404);

        world.user = None;
        assert_eq!(status(&world.respond("GET", "/session", None)), 401);
        world.answer("POST", "/accounts/*/readings", Canned::Never);
        assert_eq!(
            world.respond("POST", "/accounts/a1/readings", Some(sent)),
            Canned::Never
        );
        assert_eq!(
            status(&world.respond("POST", "/accounts/a1/payments", None)),
            201
        );
    }
}
