//! The order in which password hashes get the machine's permits
//! (`hashing.rs`): fair between clients, bounded in memory.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use tokio::sync::oneshot;

/// The hashes running and the requests waiting, by client.
///
/// Permits go to the waiting clients in turn (round robin), whatever the
/// number of requests each has queued: many subscribers behind one address
/// (a carrier's NAT) all wait, and a client with many requests gets no more
/// turns than one with a single request. When the queue is full, a
/// newcomer with a smaller share (hashes running and requests waiting) than
/// the largest client's takes the place of that client's newest request
/// (which is refused): a flood fills the queue only until someone else
/// arrives.
#[derive(Default)]
pub struct FairQueue {
    running: usize,
    waiting: usize,
    /// Each client's hashes running.
    active: HashMap<IpAddr, usize>,
    /// Each client's waiting requests, oldest first.
    by_client: HashMap<IpAddr, VecDeque<oneshot::Sender<()>>>,
    /// The clients with requests waiting, in the order of their next turn.
    turns: VecDeque<IpAddr>,
}

impl FairQueue {
    /// A client's share: its hashes running and its requests waiting.
    fn share(&self, client: IpAddr) -> usize {
        self.active.get(&client).copied().unwrap_or(0)
            + self.by_client.get(&client).map_or(0, VecDeque::len)
    }

    /// Whether a hash may start at once: a permit is free and nobody waits.
    pub fn is_free(&self, permits: usize) -> bool {
        self.running < permits && self.waiting == 0
    }

    /// A hash of `client` starts on a free permit.
    pub fn start(&mut self, client: IpAddr) {
        self.running += 1;
        self.count(client);
    }

    fn count(&mut self, client: IpAddr) {
        *self.active.entry(client).or_default() += 1;
    }

    /// Queues a request of `client`; `None` when it cannot wait.
    pub fn enqueue(&mut self, client: IpAddr, limit: usize) -> Option<oneshot::Receiver<()>> {
        if self.waiting >= limit && !self.evict_for(client) {
            return None;
        }
        let (tx, rx) = oneshot::channel();
        let queue = self.by_client.entry(client).or_default();
        if queue.is_empty() {
            self.turns.push_back(client);
        }
        queue.push_back(tx);
        self.waiting += 1;
        Some(rx)
    }

    /// Refuses the newest waiting request of the client with the largest
    /// share, if that share is larger than the newcomer's; whether a place
    /// was made.
    fn evict_for(&mut self, newcomer: IpAddr) -> bool {
        let mine = self.share(newcomer);
        let largest = self
            .by_client
            .keys()
            .map(|client| (*client, self.share(*client)))
            .max_by_key(|(_, share)| *share);
        match largest {
            Some((client, share)) if client != newcomer && share > mine => {
                // Dropping the sender refuses that request.
                self.remove_newest(client);
                true
            }
            _ => false,
        }
    }

    fn remove_newest(&mut self, client: IpAddr) {
        if let Some(queue) = self.by_client.get_mut(&client) {
            queue.pop_back();
            self.waiting -= 1;
            if queue.is_empty() {
                self.by_client.remove(&client);
                self.turns.retain(|c| *c != client);
            }
        }
    }

    /// Ends a hash of `client` and hands its permit to the next client in
    /// turn, or frees it.
    pub fn finish(&mut self, client: IpAddr) {
        if let Some(active) = self.active.get_mut(&client) {
            *active -= 1;
            if *active == 0 {
                self.active.remove(&client);
            }
        }
        while let Some(next_client) = self.turns.pop_front() {
            let Some(queue) = self.by_client.get_mut(&next_client) else {
                continue;
            };
            let next = queue.pop_front();
            if queue.is_empty() {
                self.by_client.remove(&next_client);
            } else {
                self.turns.push_back(next_client);
            }
            if let Some(next) = next {
                self.waiting -= 1;
                // A request that stopped waiting (timed out) has dropped its
                // receiver: the permit goes to the next one.
                if next.send(()).is_ok() {
                    self.count(next_client);
                    return;
                }
            }
        }
        self.running -= 1;
    }

    /// Forgets the requests of `client` that stopped waiting.
    pub fn forget_closed(&mut self, client: IpAddr) {
        if let Some(queue) = self.by_client.get_mut(&client) {
            let before = queue.len();
            queue.retain(|tx| !tx.is_closed());
            self.waiting -= before - queue.len();
            if queue.is_empty() {
                self.by_client.remove(&client);
                self.turns.retain(|c| *c != client);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    /// Whose request got the permit, of the receivers given.
    fn granted(turns: &mut [(u8, oneshot::Receiver<()>)]) -> Vec<u8> {
        turns
            .iter_mut()
            .filter_map(|(client, rx)| rx.try_recv().is_ok().then_some(*client))
            .collect()
    }

    #[test]
    fn permits_go_to_the_waiting_clients_in_turn() {
        let mut queue = FairQueue::default();
        queue.start(ip(9));
        let mut turns: Vec<_> = [1, 1, 1, 2]
            .into_iter()
            .map(|c| (c, queue.enqueue(ip(c), 10).unwrap()))
            .collect();
        let mut order: Vec<u8> = Vec::new();
        let mut holder = ip(9);
        for _ in 0..4 {
            queue.finish(holder);
            let now = granted(&mut turns);
            assert_eq!(now.len(), 1);
            order.extend(&now);
            holder = ip(now[0]);
        }
        // Client 2's one request does not wait behind client 1's three.
        assert_eq!(order, [1, 2, 1, 1]);
        queue.finish(holder);
        assert_eq!((queue.running, queue.waiting), (0, 0));
        assert!(queue.active.is_empty() && queue.by_client.is_empty() && queue.turns.is_empty());
    }

    #[test]
    fn a_full_queue_makes_room_for_a_smaller_share() {
        let mut queue = FairQueue::default();
        queue.start(ip(9));
        let mut flood: Vec<_> = (0..3).map(|_| queue.enqueue(ip(1), 3).unwrap()).collect();
        // The queue is full; a newcomer takes the flood's newest place.
        let mut newcomer = queue.enqueue(ip(2), 3).expect("room made");
        assert!(
            flood[2]
                .try_recv()
                .is_err_and(|e| e == oneshot::error::TryRecvError::Closed)
        );
        // The flooding client itself gets no room at others' expense.
        assert!(queue.enqueue(ip(1), 3).is_none());
        // Nor does a client whose share is as large as the largest.
        queue.finish(ip(9));
        assert!(flood[0].try_recv().is_ok(), "client 1's turn");
        assert!(queue.enqueue(ip(1), 2).is_none());
        queue.finish(ip(1));
        assert!(newcomer.try_recv().is_ok(), "then client 2's");
        assert!(flood[1].try_recv().is_err());
    }

    #[test]
    fn a_request_that_stopped_waiting_passes_its_turn_on() {
        let mut queue = FairQueue::default();
        queue.start(ip(9));
        let gone = queue.enqueue(ip(1), 10).unwrap();
        let mut next = queue.enqueue(ip(2), 10).unwrap();
        drop(gone);
        queue.forget_closed(ip(1));
        assert_eq!(queue.waiting, 1);
        queue.finish(ip(9));
        assert!(next.try_recv().is_ok());
        assert_eq!(queue.running, 1);
    }
}
