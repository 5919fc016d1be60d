//! The cost of one search over a whole newsroom: the fuzzy match on titles and tags and
//! the word scan of every body, as the list and `list --search` run it. Give the
//! newsroom in `WARTA_BENCH_REPO` (`benches/compare.sh` passes its generated one); run
//! with `cargo bench --bench search`. Prints the median of 21 runs per query.

use std::time::{Duration, Instant};

use warta::query::rows_for;
use warta::query::{Filters, Queue};
use warta::store::Newsroom;

fn main() {
    let Some(repo) = std::env::var_os("WARTA_BENCH_REPO") else {
        eprintln!("search: set WARTA_BENCH_REPO to a newsroom (benches/compare.sh does)");
        return;
    };
    let room = Newsroom::open(std::path::Path::new(&repo)).expect("a newsroom");
    let snap = room.snapshot().expect("a snapshot");
    let me = snap.config.person("hesti").cloned();
    for query in ["logistik", "pengawasan tps", "kotak suara tersegel"] {
        let mut times: Vec<Duration> = (0..21)
            .map(|_| {
                let start = Instant::now();
                let rows = rows_for(&snap, me.as_ref(), Queue::All, &Filters::default(), query);
                std::hint::black_box(rows);
                start.elapsed()
            })
            .collect();
        times.sort();
        let hits = rows_for(&snap, me.as_ref(), Queue::All, &Filters::default(), query).len();
        println!(
            "  query {query:?}: median {:.2} ms over {} items, {hits} found",
            times[10].as_secs_f64() * 1000.0,
            snap.items.len()
        );
    }
}
