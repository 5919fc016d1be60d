//! The cost of one search over a whole newsroom, each way it is run: over a snapshot
//! that holds every body (the fuzzy match on titles and tags and the word scan of every
//! body in memory); over the compact index (the same fuzzy match, the body test
//! answered by the word index, as `list --search` runs it); and as the TUI runs it over
//! its lean snapshot (the fuzzy match on the UI thread, the body test asked of the word
//! index on the bodies thread). Give the newsroom in `WARTA_BENCH_REPO`
//! (`benches/compare.sh` passes its generated one); run with `cargo bench --bench
//! search`. Prints the median of 21 runs per query, and what loading the index and its
//! words took.

mod common;
use common::median;

use std::time::Instant;

use warta::query::{Filters, Queue};
use warta::query::{body_hits, query_words, rows_for, rows_in, rows_with};
use warta::store::Newsroom;

const QUERIES: [&str; 3] = ["logistik", "pengawasan tps", "kotak suara tersegel"];

/// The median of 21 runs of `f`, in milliseconds.
fn median_ms(f: impl FnMut()) -> f64 {
    median(21, f).as_secs_f64() * 1000.0
}

fn main() {
    let Some(repo) = std::env::var_os("WARTA_BENCH_REPO") else {
        eprintln!("search: set WARTA_BENCH_REPO to a newsroom (benches/compare.sh does)");
        return;
    };
    let room = Newsroom::open(std::path::Path::new(&repo)).expect("a newsroom");
    let snap = room.snapshot().expect("a snapshot");
    let me = snap.config.person("hesti").cloned();
    for query in QUERIES {
        let ms = median_ms(|| {
            std::hint::black_box(rows_for(&snap, me.as_ref(), Queue::All, &Filters::default(), query));
        });
        let hits = rows_for(&snap, me.as_ref(), Queue::All, &Filters::default(), query).len();
        println!(
            "  query {query:?}: median {ms:.2} ms over {} items, {hits} found",
            snap.items.len()
        );
    }
    drop(snap);
    let start = Instant::now();
    let index = room.index().expect("an index");
    let index_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let words = room.words(&index).expect("a word index");
    println!(
        "  compact index: read in {index_ms:.1} ms, its word index ({} words) in {:.1} ms",
        words.word_count(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    // The TUI's search over its lean snapshot: the fuzzy match on the UI thread, the
    // body test answered from the word index on the bodies thread (`body_hits`).
    let lean = room.snapshot_lean(index.commit, None).expect("a lean snapshot");
    for query in QUERIES {
        let words_of_query = query_words(query);
        let hits_ms = median_ms(|| {
            std::hint::black_box(body_hits(&room, &index, &words, Some("hesti"), &words_of_query));
        });
        let hits = body_hits(&room, &index, &words, Some("hesti"), &words_of_query);
        let rows_ms = median_ms(|| {
            std::hint::black_box(rows_with(
                &lean,
                me.as_ref(),
                Queue::All,
                &Filters::default(),
                query,
                Some(&hits),
            ));
        });
        println!("  lean query {query:?}: body test {hits_ms:.2} ms (bodies thread), rows {rows_ms:.2} ms (UI thread)");
    }
    drop(lean);
    for query in QUERIES {
        let run = || {
            rows_in(
                &room,
                &index,
                &words,
                me.as_ref(),
                Queue::All,
                &Filters::default(),
                query,
            )
        };
        let ms = median_ms(|| {
            std::hint::black_box(run());
        });
        println!(
            "  compact query {query:?}: median {ms:.2} ms over {} items, {} found",
            index.items.len(),
            run().len()
        );
    }
}
