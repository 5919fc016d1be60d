//! The cost of exporting the website from a large newsroom: the whole site into an empty
//! folder (standalone HTML and Hugo), then one newly published item into that folder
//! (the incremental case an after-publish command runs). Give the newsroom in
//! `WARTA_BENCH_REPO` (e.g. `target/bench-newsroom-10000-100000`, made by
//! `benches/compare.sh` or `examples/gen-newsroom.rs`); run with
//! `cargo bench --bench export`. The newsroom gains one publish commit per run.

use std::time::Instant;

use warta::domain::review::{ActionKind, Status};
use warta::store::export::Format;
use warta::store::{Newsroom, Request};

fn main() {
    let Some(repo) = std::env::var_os("WARTA_BENCH_REPO") else {
        eprintln!("export: set WARTA_BENCH_REPO to a newsroom (see the file's docs)");
        return;
    };
    let room = Newsroom::open(std::path::Path::new(&repo)).expect("a newsroom");
    let out = tempfile::tempdir().expect("a temp dir");
    for (name, format) in [("html", Format::Html), ("hugo", Format::Hugo)] {
        let dir = out.path().join(name);
        let start = Instant::now();
        let done = room.export(format, &dir).expect("export");
        println!(
            "  whole site ({name}): {:.2} s for {} published items ({} pages more)",
            start.elapsed().as_secs_f64(),
            done.items,
            done.pages
        );
        let start = Instant::now();
        let done = room.export(format, &dir).expect("export");
        println!(
            "  nothing changed ({name}): {:.3} s, {} items written",
            start.elapsed().as_secs_f64(),
            done.written.len()
        );
    }
    let snap = room.snapshot().expect("a snapshot");
    // An approved item, else a submitted one approved here first (not measured).
    let mut candidates: Vec<_> = snap
        .items
        .iter()
        .filter(|e| e.state.status == Status::Approved && e.approval_valid())
        .chain(snap.items.iter().filter(|e| e.state.status == Status::Submitted))
        .map(|e| (e.slug.clone(), e.item.front.author.clone(), e.state.status))
        .collect();
    candidates.truncate(50);
    let approvers: Vec<String> = snap
        .config
        .people
        .iter()
        .filter(|p| p.has(warta::domain::config::Role::Approver))
        .map(|p| p.id.clone())
        .collect();
    drop(snap);
    let act = |who: &str, slug: &str, action| {
        room.apply(
            who,
            &Request::Transition {
                slug: slug.to_string(),
                action,
                message: None,
                seen: None,
            },
        )
    };
    let published = candidates.iter().find_map(|(slug, author, status)| {
        approvers.iter().filter(|a| *a != author).find_map(|a| {
            if *status == Status::Submitted {
                act(a, slug, ActionKind::Approve).ok()?;
            }
            act(a, slug, ActionKind::Publish).ok()
        })
    });
    if published.is_none() {
        println!("  one newly published item: no item could be published");
        return;
    }
    for (name, format) in [("html", Format::Html), ("hugo", Format::Hugo)] {
        let start = Instant::now();
        let done = room.export(format, &out.path().join(name)).expect("export");
        println!(
            "  one newly published item ({name}): {:.3} s, {} item written, {} pages more",
            start.elapsed().as_secs_f64(),
            done.written.len(),
            done.pages
        );
    }
}
