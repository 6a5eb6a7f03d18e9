//! The shapes of the contract (`reference-api/openapi.yaml`) that the app
//! reads. Only the fields a screen uses: serde skips the rest, so the API can
//! grow without breaking the app. Tests serialise them back (`Serialize` in
//! tests only) to check that decoding loses nothing.
//! One file per resource of the contract, as in `api/`; all of them are
//! read here as `types::Name`.

mod accounts;
mod payments;
mod readings;
mod registrations;
mod session;

pub use accounts::{
    Account, AccountRule, AccountSummary, LinkProof, Meter, ProofKind, ReadingsWindow, Supplier,
    SupplierRef, Tariff,
};
pub use payments::{Payment, PaymentStatus};
pub use readings::Reading;
pub use registrations::{Challenge, Confirmed, Registration, Resent};
pub use session::User;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod decoding;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod shapes;
