//! The search of an ALTCHA v1 proof-of-work challenge: the number whose
//! SHA-256 after the salt is the target.
//!
//! A crate of its own because generic code (the `Sha256` state's clone,
//! update and finalize) is compiled at the optimisation level of the crate
//! that uses it: here the workspace's dev profile can build this loop
//! optimised, so `trunk serve` solves as fast as the release build, while
//! the app itself keeps quick debug builds.

#![no_std]

use core::ops::Range;

use sha2::{Digest, Sha256};

/// Searches `range` for the number whose hash, after `salt`, is `target`.
pub fn search(salt: &str, target: &[u8; 32], range: Range<u64>) -> Option<u64> {
    // The salt is hashed once; each number only continues from that state.
    let mut salted = Sha256::new();
    salted.update(salt.as_bytes());
    // `itoa`: no allocation per number; a hard challenge formats a million.
    let mut digits = itoa::Buffer::new();
    range.into_iter().find(|&number| {
        let mut hasher = salted.clone();
        hasher.update(digits.format(number).as_bytes());
        hasher.finalize().as_slice() == target
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_number_and_only_inside_the_range() {
        let target: [u8; 32] = Sha256::digest(b"salt?x=1&4321").into();
        assert_eq!(search("salt?x=1&", &target, 0..10_000), Some(4321));
        assert_eq!(search("salt?x=1&", &target, 0..4321), None);
        assert_eq!(search("salt?x=1&", &target, 4322..9_999), None);
        assert_eq!(search("other", &target, 0..10_000), None);
    }
}
