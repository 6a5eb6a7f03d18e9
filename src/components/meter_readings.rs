use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::readings::NewReading;
use crate::api::types::Meter;
use crate::components::field::TextField;
use crate::form::{Field, FormError};
use crate::rules::date::format_date;
use crate::rules::reading::{not_below, parse_reading, reading_with_unit, to_api};
use crate::rules::typography::numbered;

/// Input ids of the meters of one account, in order. A household has one or
/// two gas meters; ten is far beyond any account of the supplier's data.
const IDS: [&str; 10] = [
    "reading-1",
    "reading-2",
    "reading-3",
    "reading-4",
    "reading-5",
    "reading-6",
    "reading-7",
    "reading-8",
    "reading-9",
    "reading-10",
];

/// The reading inputs of an account's meters: one per meter.
#[derive(Clone, Copy)]
pub struct MeterInputs {
    inputs: StoredValue<Vec<(Meter, Field)>>,
    /// The inputs of the readings last checked for sending, in order: the
    /// API names a reading by its place in what was sent.
    sent: StoredValue<Vec<Field>>,
}

impl MeterInputs {
    pub fn new(meters: Vec<Meter>) -> Self {
        let inputs = meters
            .into_iter()
            .zip(IDS)
            .map(|(meter, id)| (meter, Field::new(id)))
            .collect();
        Self {
            inputs: StoredValue::new(inputs),
            sent: StoredValue::new(Vec::new()),
        }
    }

    fn check_one(meter: &Meter, field: Field) -> Option<FormError> {
        let outcome = parse_reading(&field.value.read_untracked())
            .map_err(String::from)
            .and_then(|value| {
                not_below(value, meter.last_reading.as_ref().map(|r| r.value.as_str()))
            });
        field.check(outcome)
    }

    /// Checks the filled inputs (at least one must be): the summary lines, and
    /// the readings to send. Remembers which input each reading came from.
    pub fn check(self) -> (Vec<FormError>, Vec<NewReading>) {
        let (errors, checked): (_, Vec<(Field, NewReading)>) = self.inputs.with_value(|inputs| {
            let filled: Vec<&(Meter, Field)> = inputs
                .iter()
                .filter(|(_, f)| !f.value.read_untracked().trim().is_empty())
                .collect();
            if filled.is_empty() {
                let first = inputs.first().map(|(_, f)| *f);
                return (
                    first
                        .and_then(|f| f.check(Err("Введите показания счетчика.")))
                        .into_iter()
                        .collect(),
                    Vec::new(),
                );
            }
            for (_, field) in inputs {
                field.error.set(None);
            }
            let errors: Vec<FormError> = filled
                .iter()
                .filter_map(|(meter, field)| Self::check_one(meter, *field))
                .collect();
            let readings = filled
                .iter()
                .filter_map(|(meter, field)| {
                    let value = parse_reading(&field.value.read_untracked()).ok()?;
                    Some((
                        *field,
                        NewReading {
                            meter_id: meter.id.clone(),
                            value: to_api(value),
                        },
                    ))
                })
                .collect();
            (errors, readings)
        });
        let (sent, readings) = checked.into_iter().unzip();
        self.sent.set_value(sent);
        (errors, readings)
    }

    /// What the API said of the readings (`readings[i].value`) when it found
    /// them unusual: a warning, left off the inputs; each line names its
    /// meter when several were sent.
    pub fn anomaly_notes(self, error: &ApiError) -> Vec<String> {
        let ApiError::Problem { fields, .. } = error else {
            return Vec::new();
        };
        let sent = self.sent.get_value();
        let mut notes: Vec<String> = fields
            .iter()
            .filter(|(name, _)| name.starts_with("readings["))
            .map(|(name, message)| {
                let meter = name
                    .strip_prefix("readings[")
                    .and_then(|rest| rest.split(']').next()?.parse::<usize>().ok())
                    .and_then(|index| sent.get(index))
                    .filter(|_| sent.len() > 1)
                    .and_then(|field| {
                        self.inputs.with_value(|inputs| {
                            inputs
                                .iter()
                                .find(|(_, f)| f.id == field.id)
                                .map(|(meter, _)| format!("Счетчик {}: ", numbered(&meter.serial)))
                        })
                    });
                format!("{}{message}", meter.unwrap_or_default())
            })
            .collect();
        if notes.is_empty() {
            notes.push(error.to_string());
        }
        notes
    }

    /// Puts the API's messages about readings (`readings[i].value`) on the
    /// inputs they were sent from; the summary lines.
    pub fn field_errors(self, error: &ApiError) -> Vec<FormError> {
        let ApiError::Problem { fields, .. } = error else {
            return Vec::new();
        };
        let sent = self.sent.get_value();
        fields
            .iter()
            .filter_map(|(name, message)| {
                let index: usize = name
                    .strip_prefix("readings[")?
                    .split(']')
                    .next()?
                    .parse()
                    .ok()?;
                let field = sent.get(index)?;
                field.error.set(Some(message.clone()));
                Some(FormError::field(field.id, message.clone()))
            })
            .collect()
    }
}

/// One input per meter, its previous reading and the rule under the label,
/// its unit after it.
#[component]
pub fn MeterReadingFields(inputs: MeterInputs) -> impl IntoView {
    inputs.inputs.with_value(|list| {
        list.iter()
            .map(|(meter, field)| {
                let field = *field;
                let meter_for_check = meter.clone();
                let label = format!("{}, счетчик {}", meter.service, numbered(&meter.serial));
                // The previous reading, a bold line of its own: what the
                // subscriber compares the meter's digits with.
                let (lead, note) = match &meter.last_reading {
                    Some(r) => (
                        format!(
                            "Предыдущие показания: {} от {}",
                            reading_with_unit(&r.value, &meter.unit),
                            format_date(&r.date)
                        ),
                        "Новые не могут быть меньше. Дробную часть можно отделить запятой.",
                    ),
                    None => (
                        "Показания ещё не передавались".to_owned(),
                        "Дробную часть можно отделить запятой.",
                    ),
                };
                view! {
                    <TextField
                        field=field
                        label=label
                        lead=lead
                        note=Some(Signal::stored(note.to_owned()))
                        validate=move || {
                            MeterInputs::check_one(&meter_for_check, field);
                        }
                        inputmode="decimal"
                        autocomplete="off"
                        size="size-12"
                        suffix=meter.unit.clone()
                    />
                }
            })
            .collect_view()
    })
}
