use leptos::prelude::*;

use crate::config::config;

/// The support address, from deploy-time configuration.
#[component]
pub fn Footer() -> impl IntoView {
    let email = config().support_email.as_str();
    view! {
        <footer class="site-footer">
            <p>
                "Вы также можете задать интересующий Вас вопрос службе технической поддержки Личного кабинета электронным письмом на адрес "
                <a href=format!("mailto:{email}")>{email}</a> "."
            </p>
        </footer>
    }
}
