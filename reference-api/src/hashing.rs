//! Password hashing (argon2id, PHC strings) under a bound. Each hash needs
//! 19 MiB and a core for tens of milliseconds, so hashes run on the blocking
//! pool only under a permit: as many at once as the machine has cores. A few
//! requests may wait for a permit for a short while; the rest, and those that
//! waited too long, are answered 503 `server_busy` with `Retry-After`.
//!
//! The capacity is shared fairly between clients (an address, an IPv6
//! client by its /64 network): the waiting requests get permits client by
//! client in turn, and a full queue makes room for a newcomer by refusing
//! the newest request of the client with the most waiting (`fair_queue.rs`).
//! A flood from some addresses thus waits its turn beside everyone else
//! instead of filling the queue, many subscribers behind one address are
//! not refused for being many, and memory stays bounded by the queue.
//!
//! Each permit has its own working memory, allocated once and used again:
//! a fresh 19 MiB block per hash, freed on whichever blocking thread ran it,
//! is kept by the allocator's per-thread arenas (485 MB measured under a
//! flood with two permits). Without any bound, fifty clients sending wrong
//! passwords took the server to gigabytes and dozens of threads.

use crate::fair_queue::FairQueue;
use crate::problem::{ApiResult, Problem};
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::rngs::OsRng;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a refused request is told to wait, in seconds.
pub const RETRY_AFTER_SECS: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashLimits {
    /// Hashes computed at once.
    pub permits: usize,
    /// Requests that may wait for a permit, from all clients; beyond it a
    /// newcomer takes the place of the longest client's newest request.
    pub queue: usize,
    /// How long a request waits for a permit before it is refused.
    pub wait: Duration,
}

impl HashLimits {
    /// One hash per core, 32 requests waiting per core, for at most two
    /// seconds: at ~50 ms a hash, the last in the queue gets its turn within
    /// about 1.6 s.
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        HashLimits {
            permits: cores,
            queue: cores * 32,
            wait: Duration::from_secs(2),
        }
    }
}

/// Working memory for one hash at a time.
pub type Memory = Vec<Block>;

/// An argon2id hash of the password with the crate's default parameters,
/// computed in `memory` (grown as needed).
pub fn hash_password(
    memory: &mut Memory,
    password: &str,
) -> Result<String, argon2::password_hash::Error> {
    let argon2 = Argon2::default();
    let salt = SaltString::generate(&mut OsRng);
    let length = argon2
        .params()
        .output_len()
        .unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let output = compute(&argon2, memory, password, salt.as_salt(), length)?;
    Ok(PasswordHash {
        algorithm: Algorithm::default().ident(),
        version: Some(Version::default().into()),
        params: ParamsString::try_from(argon2.params())?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    }
    .to_string())
}

/// Whether `password` matches the PHC string `hash` (with the parameters it
/// names), computed in `memory`.
pub fn verify_password(memory: &mut Memory, password: &str, hash: &str) -> bool {
    try_verify(memory, password, hash).unwrap_or(false)
}

fn try_verify(
    memory: &mut Memory,
    password: &str,
    hash: &str,
) -> Result<bool, argon2::password_hash::Error> {
    let parsed = PasswordHash::new(hash)?;
    let algorithm = Algorithm::try_from(parsed.algorithm)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()?
        .unwrap_or_default();
    let argon2 = Argon2::new(algorithm, version, Params::try_from(&parsed)?);
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Ok(false);
    };
    let output = compute(&argon2, memory, password, salt, expected.len())?;
    // `Output`'s comparison takes the same time whatever differs.
    Ok(output == expected)
}

/// The raw hash of `length` bytes, computed in `memory` (grown as needed).
fn compute(
    argon2: &Argon2<'_>,
    memory: &mut Memory,
    password: &str,
    salt: Salt<'_>,
    length: usize,
) -> Result<Output, argon2::password_hash::Error> {
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
    let block_count = argon2.params().block_count();
    if memory.len() < block_count {
        memory.resize(block_count, Block::default());
    }
    Output::init_with(length, |out| {
        Ok(argon2.hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            out,
            &mut memory[..],
        )?)
    })
}

pub struct HashGate {
    limits: HashLimits,
    queue: Arc<Mutex<FairQueue>>,
    /// One working memory per permit, taken while hashing.
    memories: Arc<Mutex<Vec<Memory>>>,
}

/// Who shares one place: an IPv4 address, or an IPv6 client's /64 network
/// (one subscriber's line has a whole /64).
pub fn client_network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

/// A running hash's permit, handed on when dropped.
struct Permit {
    queue: Arc<Mutex<FairQueue>>,
    client: IpAddr,
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .finish(self.client);
    }
}

impl HashGate {
    pub fn new(limits: HashLimits) -> Self {
        HashGate {
            limits,
            queue: Arc::default(),
            memories: Arc::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FairQueue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The permit `client` was given (counted in its share).
    fn held(&self, client: IpAddr) -> Permit {
        Permit {
            queue: self.queue.clone(),
            client,
        }
    }

    /// A permit for `client`: at once when one is free and nobody waits,
    /// else in the client's turn, for at most the limits' wait.
    async fn permit(&self, client: IpAddr) -> ApiResult<Permit> {
        let client = client_network(client);
        let mut turn = {
            let mut queue = self.lock();
            if queue.is_free(self.limits.permits.max(1)) {
                queue.start(client);
                return Ok(self.held(client));
            }
            queue
                .enqueue(client, self.limits.queue)
                .ok_or_else(|| Problem::busy(RETRY_AFTER_SECS))?
        };
        match tokio::time::timeout(self.limits.wait, &mut turn).await {
            Ok(Ok(())) => Ok(self.held(client)),
            // Refused to make room for another client.
            Ok(Err(_)) => Err(Problem::busy(RETRY_AFTER_SECS)),
            Err(_) => {
                let mut queue = self.lock();
                // The turn may have come just as the wait ended.
                if turn.try_recv().is_ok() {
                    return Ok(self.held(client));
                }
                drop(turn);
                queue.forget_closed(client);
                Err(Problem::busy(RETRY_AFTER_SECS))
            }
        }
    }

    /// Runs `job` for `client` on the blocking pool under a permit, with that
    /// permit's memory. The permit and the client's place go with the job, so
    /// a client that hangs up does not free them before the job ends.
    async fn run<T: Send + 'static>(
        &self,
        client: IpAddr,
        job: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> ApiResult<T> {
        let permit = self.permit(client).await?;
        let memories = self.memories.clone();
        tokio::task::spawn_blocking(move || {
            let taken = memories.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let mut memory = taken.unwrap_or_default();
            let result = job(&mut memory);
            memories
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(memory);
            drop(permit);
            result
        })
        .await
        .map_err(|_| Problem::internal())
    }

    /// An argon2id hash of the password (PHC string), for `client`.
    pub async fn hash(&self, client: IpAddr, password: String) -> ApiResult<String> {
        self.run(client, move |memory| hash_password(memory, &password))
            .await?
            .map_err(|error| {
                tracing::error!(%error, "password hashing failed");
                Problem::internal()
            })
    }

    /// Whether the password matches the hash, for `client`.
    pub async fn verify(&self, client: IpAddr, password: String, hash: String) -> ApiResult<bool> {
        self.run(client, move |memory| {
            verify_password(memory, &password, &hash)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    #[test]
    fn an_ipv6_client_is_its_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_network(a), client_network(b));
        assert_ne!(client_network(a), client_network(other));
        let v4: IpAddr = "10.0.0.1".parse().unwrap();
        assert_eq!(client_network(v4), v4);
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_network(mapped), v4);
    }

    #[test]
    fn hashes_verify_only_their_password_and_match_the_crates_own() {
        let mut memory = Memory::new();
        let hash = hash_password(&mut memory, "secret1").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(&mut memory, "secret1", &hash));
        assert!(!verify_password(&mut memory, "secret2", &hash));
        assert!(!verify_password(&mut memory, "secret1", "not a hash"));
        // Hashes stored before (by the crate's own hasher) still verify, and
        // the crate verifies ours.
        let theirs = Argon2::default()
            .hash_password(b"secret1", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(verify_password(&mut memory, "secret1", &theirs));
        assert!(
            Argon2::default()
                .verify_password(b"secret1", &PasswordHash::new(&hash).unwrap())
                .is_ok()
        );
        assert_eq!(memory.len(), Params::default().block_count());
    }
}
