//! How much analysed input may wait for the index writer, in bytes.
//!
//! The workers analyse files faster than tantivy's one indexing thread can
//! take documents in while it writes a segment: a commit, or a full memory
//! arena, holds it for a second or two. With a queue a few files long, the
//! workers stopped at once, and a core idled for that time, every commit.
//! A queue bounded by bytes lets them go on with the next megabytes of the
//! corpus, whatever the sizes of its files, and keeps the memory that
//! waiting documents hold bounded however large the corpus.

use std::sync::{Condvar, Mutex, MutexGuard};

/// Bytes of input whose documents wait for the writer, at most.
#[derive(Debug)]
pub struct Backlog {
    limit: u64,
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct State {
    bytes: u64,
    closed: bool,
}

/// The writer is gone: nothing more will be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

impl Backlog {
    pub fn new(limit: u64) -> Backlog {
        Backlog {
            limit,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        }
    }

    /// Waits until `bytes` more fit, then counts them. A file larger than
    /// the limit waits for an empty backlog, so it is never refused.
    pub fn reserve(&self, bytes: u64) -> Result<(), Closed> {
        let mut state = self.lock();
        while !state.closed && state.bytes > 0 && state.bytes + bytes > self.limit {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if state.closed {
            return Err(Closed);
        }
        state.bytes += bytes;
        Ok(())
    }

    /// The writer took `bytes` of what was reserved.
    pub fn release(&self, bytes: u64) {
        let mut state = self.lock();
        state.bytes = state.bytes.saturating_sub(bytes);
        drop(state);
        self.changed.notify_all();
    }

    /// The writer stops: every wait, and every reservation after, fails.
    pub fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking holder leaves only a count behind, still valid.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Closes a backlog when dropped: the writer's loop ends, by its end or
/// an error, and workers waiting for room stop.
pub struct CloseOnDrop<'a>(pub &'a Backlog);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn reservations_wait_for_room_and_a_large_one_for_an_empty_backlog() {
        let backlog = Backlog::new(10);
        backlog.reserve(6).unwrap();
        backlog.reserve(4).unwrap();
        let reserved = AtomicU64::new(0);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                // Larger than the limit: waits until everything is taken.
                backlog.reserve(25).unwrap();
                reserved.store(25, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(50));
            assert_eq!(reserved.load(Ordering::SeqCst), 0);
            backlog.release(6);
            std::thread::sleep(Duration::from_millis(50));
            assert_eq!(reserved.load(Ordering::SeqCst), 0, "4 bytes still wait");
            backlog.release(4);
        });
        assert_eq!(reserved.load(Ordering::SeqCst), 25);
    }

    #[test]
    fn closing_stops_the_waiting_and_later_reservations() {
        let backlog = Backlog::new(1);
        backlog.reserve(1).unwrap();
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| backlog.reserve(1));
            std::thread::sleep(Duration::from_millis(50));
            drop(CloseOnDrop(&backlog));
            assert_eq!(waiting.join().unwrap(), Err(Closed));
        });
        assert_eq!(backlog.reserve(0), Err(Closed));
    }
}
