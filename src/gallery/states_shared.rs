//! The worlds, steps and answers that states of several screens share.

use crate::api::stub::Canned;
use crate::gallery::sample::{self, problem};
use crate::gallery::steps::Step::{self, Click, Type};
use crate::gallery::world::World;

pub(super) fn as_is(_: &mut World) {}

pub(super) fn several_accounts(world: &mut World) {
    world.accounts = vec![sample::in_debt(), sample::overpaid(), sample::settled()];
}

pub(super) fn no_accounts(world: &mut World) {
    world.accounts = Vec::new();
}

pub(super) fn overpaid(world: &mut World) {
    world.accounts = vec![sample::overpaid()];
}

pub(super) const SUBMIT: Step = Click("form button[type=submit]");
pub(super) const HUGE_READING: Step = Type("reading-1", "19999");

pub(super) fn never() -> Canned {
    Canned::Never
}

pub(super) fn offline() -> Canned {
    Canned::Offline
}

pub(super) fn reading_anomaly() -> Canned {
    problem(
        422,
        "reading_anomaly",
        "Показания намного больше обычного. Проверьте их и подтвердите отправку.",
        &[(
            "readings[0].value",
            "Расход 7653,322 м³ намного больше обычного (около 40,000 м³ в месяц). Проверьте показания.",
        )],
    )
}
