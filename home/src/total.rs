//! How many records there are, as the page says it. An exact `COUNT(*)`
//! reads the whole table: 0.21 s at a million rows on MariaDB, which held
//! every page to 12 per second (README, *Home page at a million records*).
//! So a small table is counted exactly on every page, and a large one
//! shows "about 1.2 million" from a count made in the background at most
//! every `FRESH_FOR`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use store::DatabaseConnection;

/// Below this many records an exact count costs under a few milliseconds.
const EXACT_BELOW: u64 = 10_000;
/// How long a background count stands before the next is started.
const FRESH_FOR: Duration = Duration::from_secs(30);

/// The last background count, shared by every request of this process.
#[derive(Default, Clone)]
pub struct TotalCache {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    counted: Mutex<Option<(u64, Instant)>>,
    counting: AtomicBool,
}

/// The number to show, and whether it is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    Exact(u64),
    About(u64),
}

impl Total {
    /// `1,234` or `about 1.2 million`.
    pub fn display(self) -> String {
        match self {
            Total::Exact(n) => crate::routes::thousands(n as usize),
            Total::About(n) => format!("about {}", roughly(n)),
        }
    }
}

/// Two significant figures, in words people read at a glance.
fn roughly(n: u64) -> String {
    if n >= 1_000_000 {
        let tenths = (n as f64 / 100_000.0).round() as u64;
        format!("{}.{} million", tenths / 10, tenths % 10)
    } else {
        let magnitude = 10u64.pow((n.max(1) as f64).log10().floor() as u32 - 1);
        let rounded = (n as f64 / magnitude as f64).round() as u64 * magnitude;
        crate::routes::thousands(rounded as usize)
    }
}

impl TotalCache {
    /// What the page shows. The highest id (an index lookup) says whether
    /// the table is small; records are never deleted, so it is also a fair
    /// estimate until the first background count is in.
    pub async fn total(&self, db: &DatabaseConnection) -> Result<Total, store::Error> {
        let counted = *self.inner.counted.lock().expect("the count's lock");
        // A fresh count says itself that the table is large: one query fewer.
        if let Some((count, at)) = counted {
            if at.elapsed() < FRESH_FOR && count >= EXACT_BELOW {
                return Ok(Total::About(count));
            }
        }
        let newest = store::newest_id(db).await?.unwrap_or(0).max(0) as u64;
        if newest < EXACT_BELOW {
            return Ok(Total::Exact(store::record_count(db).await?));
        }
        self.count_in_background(db.clone());
        Ok(Total::About(counted.map_or(newest, |(count, _)| count)))
    }

    /// One count at a time per process, however many pages ask.
    fn count_in_background(&self, db: DatabaseConnection) {
        if self.inner.counting.swap(true, Ordering::AcqRel) {
            return;
        }
        let inner = Arc::clone(&self.inner);
        rocket::tokio::spawn(async move {
            match store::record_count(&db).await {
                Ok(count) => {
                    *inner.counted.lock().expect("the count's lock") = Some((count, Instant::now()))
                }
                Err(e) => rocket::warn!("counting the records: {e}"),
            }
            inner.counting.store(false, Ordering::Release);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{roughly, Total};

    #[test]
    fn large_totals_are_said_roughly() {
        for (n, shown) in [
            (10_000, "10,000"),
            (45_678, "46,000"),
            (999_499, "1,000,000"),
            (1_000_000, "1.0 million"),
            (1_234_567, "1.2 million"),
            (12_950_000, "13.0 million"),
        ] {
            assert_eq!(roughly(n), shown, "{n}");
        }
        assert_eq!(Total::Exact(1234).display(), "1,234");
        assert_eq!(Total::About(1_234_567).display(), "about 1.2 million");
    }
}
