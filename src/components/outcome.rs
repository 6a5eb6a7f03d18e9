use leptos::prelude::*;

/// The tone of an outcome: its colour and the round mark before its heading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// Done: a tick, green.
    #[default]
    Success,
    /// Check your mail: an envelope, blue.
    Mail,
    /// Stopped on purpose (a cancelled payment): a cross, amber.
    Stopped,
    /// It did not work (a dead link): an exclamation mark, red.
    Failure,
    /// Waiting for someone else (a payment the gateway has not confirmed):
    /// a turning ring, blue.
    Pending,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Self::Success => "panel outcome",
            Self::Mail => "panel outcome mail",
            Self::Stopped => "panel outcome stopped",
            Self::Failure => "panel outcome failure",
            Self::Pending => "panel outcome pending",
        }
    }
}

/// How a step ended, as one panel in its [`Tone`]: a round mark before the
/// heading, then what happened and what comes next (its children, ending
/// with at most one primary action, in `panel-actions`). A live region
/// (`role="status"`): a screen reader reads it as it appears in place of the
/// form.
#[component]
pub fn Outcome(
    #[prop(into)] title: String,
    #[prop(optional)] tone: Tone,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=tone.class() role="status">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}
