//! «Защита от роботов»: the proof-of-work solver for ALTCHA v1 challenges.
//!
//! The server picked a secret `number` and sent `challenge = hex(sha256(salt +
//! number))`; we find the number by trying them in order. The search runs in
//! small slices with a yield to the browser between them, so typing and
//! scrolling stay smooth on a slow phone while it works.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use proof_of_work::search;
use serde::Serialize;

use crate::api::types::Challenge;
use crate::timer::sleep;

/// Numbers tried between two yields to the browser: about 1 ms on a desktop,
/// well under a frame on a slow phone.
const SLICE: u64 = 1_000;

/// What the API expects in `captcha`: base64 of the solved challenge as JSON.
pub fn payload(challenge: &Challenge, number: u64) -> String {
    #[derive(Serialize)]
    struct Solution<'a> {
        algorithm: &'a str,
        challenge: &'a str,
        number: u64,
        salt: &'a str,
        signature: &'a str,
    }
    let json = crate::api::json::to_string(&Solution {
        algorithm: &challenge.algorithm,
        challenge: &challenge.challenge,
        number,
        salt: &challenge.salt,
        signature: &challenge.signature,
    });
    STANDARD.encode(json)
}

/// Solves `challenge`, yielding to the browser between slices. `None` when the
/// challenge is malformed or has no solution in `0..=maxnumber`.
pub async fn solve(challenge: &Challenge) -> Option<String> {
    if challenge.algorithm != "SHA-256" {
        return None;
    }
    let mut target = [0u8; 32];
    hex::decode_to_slice(&challenge.challenge, &mut target).ok()?;
    let end = challenge.maxnumber.saturating_add(1);
    let mut start = 0;
    while start < end {
        let stop = end.min(start + SLICE);
        if let Some(number) = search(&challenge.salt, &target, start..stop) {
            return Some(payload(challenge, number));
        }
        start = stop;
        // Let the browser handle input and paint before the next slice.
        sleep(0).await;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn sha256_hex(text: &str) -> String {
        hex::encode(Sha256::digest(text.as_bytes()))
    }

    fn challenge(salt: &str, number: u64, maxnumber: u64) -> Challenge {
        Challenge {
            algorithm: "SHA-256".into(),
            challenge: sha256_hex(&format!("{salt}{number}")),
            salt: salt.into(),
            signature: "sig".into(),
            maxnumber,
        }
    }

    #[test]
    fn finds_the_number_across_slices() {
        let salt = "0a1b2c3d4e5f60718293a4b5?expires=1900000000&";
        let ch = challenge(salt, 2_345, 5_000);
        let solved = block_on(solve(&ch)).expect("solvable");
        let json = STANDARD.decode(solved).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value["number"], 2_345);
        assert_eq!(value["salt"], salt);
        assert_eq!(value["signature"], "sig");
        assert_eq!(value["algorithm"], "SHA-256");
        assert_eq!(value["challenge"], ch.challenge);
    }

    #[test]
    fn gives_up_beyond_maxnumber_and_on_garbage() {
        assert_eq!(block_on(solve(&challenge("s", 200, 100))), None);
        let mut bad = challenge("s", 1, 10);
        bad.challenge = "zz".into();
        assert_eq!(block_on(solve(&bad)), None);
        let mut other = challenge("s", 1, 10);
        other.algorithm = "SHA-512".into();
        assert_eq!(block_on(solve(&other)), None);
    }

    /// The native `sleep` never suspends, so one poll finishes the future.
    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        use std::pin::pin;
        use std::task::{Context, Poll, Waker};
        let mut cx = Context::from_waker(Waker::noop());
        match pin!(future).poll(&mut cx) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the native solver never waits"),
        }
    }
}
