//! A shared value that is reloaded when it gets old, without making everyone wait: the first
//! request that finds it stale reloads it; meanwhile the others keep using the previous copy.
//! Only the very first load (or the first after [`Fresh::clear`]) is waited for.

use parking_lot::{Mutex, RwLock};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub struct Fresh<T> {
    ttl: Duration,
    value: RwLock<Option<(Arc<T>, Instant)>>,
    reloading: AtomicBool,
    first_load: Mutex<()>,
}

impl<T> Fresh<T> {
    pub fn new(ttl: Duration) -> Fresh<T> {
        Fresh {
            ttl,
            value: RwLock::new(None),
            reloading: AtomicBool::new(false),
            first_load: Mutex::new(()),
        }
    }

    /// The value if it is fresh, or stale while someone else reloads it. `None` means the caller
    /// should call [`Fresh::get`] (with a database connection) to load or reload it.
    pub fn peek(&self) -> Option<Arc<T>> {
        let guard = self.value.read();
        let (value, at) = guard.as_ref()?;
        if at.elapsed() < self.ttl || self.reloading.load(Ordering::Acquire) {
            Some(value.clone())
        } else {
            None
        }
    }

    /// The value, loading it with `load` when there is none yet or when it is stale and nobody
    /// else is reloading it.
    pub fn get<E>(&self, load: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        let current = self.value.read().clone();
        match current {
            Some((value, at)) if at.elapsed() < self.ttl => Ok(value),
            Some((value, _)) => {
                if self.reloading.swap(true, Ordering::AcqRel) {
                    return Ok(value); // someone else is on it
                }
                let out = match load() {
                    Ok(new) => {
                        let new = Arc::new(new);
                        *self.value.write() = Some((new.clone(), Instant::now()));
                        Ok(new)
                    }
                    // A failed reload keeps serving the previous copy.
                    Err(_) => Ok(value),
                };
                self.reloading.store(false, Ordering::Release);
                out
            }
            None => {
                let _only_one = self.first_load.lock();
                if let Some((value, _)) = self.value.read().clone() {
                    return Ok(value);
                }
                let new = Arc::new(load()?);
                *self.value.write() = Some((new.clone(), Instant::now()));
                Ok(new)
            }
        }
    }

    /// Forgets the value (after a change that must show at once).
    pub fn clear(&self) {
        *self.value.write() = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_once_serves_fresh_and_reloads_when_stale() {
        let fresh: Fresh<u32> = Fresh::new(Duration::from_millis(500));
        assert!(fresh.peek().is_none());
        assert_eq!(*fresh.get(|| Ok::<_, ()>(1)).unwrap(), 1);
        assert_eq!(fresh.peek().as_deref(), Some(&1));
        // Fresh: the loader is not called.
        assert_eq!(*fresh.get(|| Ok::<_, ()>(2)).unwrap(), 1);
        std::thread::sleep(Duration::from_millis(600));
        // Stale: peek asks the caller to reload; get reloads.
        assert!(fresh.peek().is_none());
        assert_eq!(*fresh.get(|| Ok::<_, ()>(3)).unwrap(), 3);
        fresh.clear();
        assert!(fresh.peek().is_none());
        assert_eq!(*fresh.get(|| Ok::<_, ()>(4)).unwrap(), 4);
    }

    #[test]
    fn a_failed_reload_keeps_the_previous_copy_and_a_failed_first_load_is_an_error() {
        let fresh: Fresh<u32> = Fresh::new(Duration::from_millis(1));
        assert_eq!(fresh.get(|| Err::<u32, &str>("down")), Err("down"));
        fresh.get(|| Ok::<_, &str>(7)).unwrap();
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(*fresh.get(|| Err::<u32, &str>("down")).unwrap(), 7);
    }

    #[test]
    fn while_one_caller_reloads_the_others_get_the_stale_copy() {
        let fresh: Arc<Fresh<u32>> = Arc::new(Fresh::new(Duration::from_millis(1)));
        fresh.get(|| Ok::<_, ()>(1)).unwrap();
        std::thread::sleep(Duration::from_millis(5));
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let (finish_tx, finish_rx) = std::sync::mpsc::channel::<()>();
        let reloader = {
            let fresh = fresh.clone();
            std::thread::spawn(move || {
                fresh
                    .get(|| {
                        started_tx.send(()).unwrap();
                        finish_rx.recv().unwrap();
                        Ok::<_, ()>(2)
                    })
                    .map(|v| *v)
            })
        };
        started_rx.recv().unwrap();
        assert_eq!(
            fresh.peek().as_deref(),
            Some(&1),
            "stale copy while reloading"
        );
        assert_eq!(
            *fresh.get(|| Ok::<_, ()>(99)).unwrap(),
            1,
            "no second reload"
        );
        finish_tx.send(()).unwrap();
        assert_eq!(reloader.join().unwrap(), Ok(2));
        // The new copy is kept (read directly: with a 1 ms lifetime, `peek` may already find it
        // stale on a busy machine).
        assert_eq!(fresh.value.read().as_ref().map(|(v, _)| **v), Some(2));
    }
}
