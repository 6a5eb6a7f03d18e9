//! `/gallery/tokens/all`: the design tokens of `style/main.css` as a page —
//! the colours by role, the spacing scale, the type scale and the edges of
//! boxes — each drawn with the token itself (`var(--…)`), so the page shows
//! what the stylesheet holds, not a copy of it.

use crate::components::title::Title;
use leptos::prelude::*;

/// The colour tokens, by role: name, what it is for.
const COLOURS: [(&str, &str); 19] = [
    ("--color-text", "текст"),
    ("--color-muted", "пояснения, подвал"),
    ("--color-link", "ссылки"),
    ("--color-primary", "главная кнопка, шапка"),
    ("--color-primary-dark", "главная кнопка под курсором"),
    ("--color-on-primary", "текст на главном цвете"),
    ("--color-danger", "ошибки, необратимые действия"),
    ("--color-danger-bg", "фон ошибки"),
    ("--color-warning", "полоса предупреждения"),
    ("--color-warning-text", "текст в тоне предупреждения"),
    ("--color-warning-bg", "фон предупреждения"),
    ("--color-success", "успех"),
    ("--color-success-bg", "фон успеха"),
    ("--color-info-bg", "фон нейтрального сообщения"),
    ("--color-focus", "рамка фокуса, и только она"),
    ("--color-bg", "поверхность: страница"),
    ("--color-surface", "поверхность: выделенный блок"),
    ("--color-line", "разделители и края блоков"),
    ("--color-border", "края полей ввода"),
];

const SPACES: [(&str, &str); 5] = [
    ("--space-1", "0,25 rem"),
    ("--space-2", "0,5 rem"),
    ("--space-3", "1 rem"),
    ("--space-4", "1,5 rem"),
    ("--space-5", "2 rem"),
];

const TYPE: [(&str, &str); 6] = [
    ("--text-small", "пояснения, подвал"),
    ("--text-base", "основной текст"),
    ("--text-large", "вводный абзац, сумма"),
    ("--text-h2", "заголовок раздела"),
    ("--text-h1", "заголовок страницы"),
    ("--text-display", "баланс"),
];

#[component]
pub fn TokensPage() -> impl IntoView {
    let colours = COLOURS
        .map(|(name, role)| {
            view! {
                <li class="token">
                    <span class="swatch" style:background=format!("var({name})")></span>
                    <code>{name}</code>
                    <span class="note">{role}</span>
                </li>
            }
        })
        .collect_view();
    let spaces = SPACES
        .map(|(name, size)| {
            view! {
                <li class="token">
                    <span class="space-bar" style:width=format!("var({name})")></span>
                    <code>{name}</code>
                    <span class="note">{size}</span>
                </li>
            }
        })
        .collect_view();
    let sizes = TYPE
        .map(|(name, role)| {
            view! {
                <li class="token-type">
                    <code>{name}</code>
                    <span class="note">{role}</span>
                    <span class="type-sample" style:font-size=format!("var({name})")>
                        "Показания счетчика газа"
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text="Токены" />
        <h1>"Токены"</h1>
        <p>
            "Цвета, отступы, шрифт и края блоков из style/main.css: каждый экран берёт их отсюда, новых цветов нет."
        </p>
        <h2>"Цвета"</h2>
        <ul class="tokens">{colours}</ul>
        <h2>"Отступы"</h2>
        <ul class="tokens">{spaces}</ul>
        <h2>"Шрифт"</h2>
        <ul class="tokens">{sizes}</ul>
        <h2>"Блоки"</h2>
        <div class="panel">
            <h3>"Панель: --box-edge, --radius"</h3>
            <p>
                "Один край у каждого блока: панель, карточка, сводка ошибок, баннер, группа полей, диалог."
            </p>
        </div>
        <p class="alert">"Ошибка: полоса --stripe цвета --color-danger."</p>
        <p class="warning">
            "Предупреждение: полоса --stripe цвета --color-warning."
        </p>
        <p class="success">"Успех: полоса --stripe цвета --color-success."</p>
    }
}
