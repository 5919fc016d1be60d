//! What the in-process benches share: the median of repeated runs.

use std::time::{Duration, Instant};

/// The median time of `runs` runs of `f` (an odd count gives a middle run).
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}
