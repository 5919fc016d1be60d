//! The TUI's lean snapshot: every item without its body, the body read from git when a
//! screen shows it, and a search's body test answered from the word index. What the
//! person sees must be what a snapshot holding every body shows, and the cache must
//! never learn an empty body.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::app::{draw, lean_state, run, run_lean, state};
use warta::app::{self, Effect, Msg, Screen, State};
use warta::domain::review::ActionKind;
use warta::query::rows_with;
use warta::store::{Entry, Newsroom, Request};

fn newsroom() -> (tempfile::TempDir, Newsroom) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    (tmp, room)
}

/// An entry as a lean snapshot keeps it.
fn lean(e: &Entry) -> Entry {
    let mut e = e.clone();
    e.leave(warta::store::Leave::BodiesAndLogs);
    e
}

/// A lean state for `who` on the "Semua" queue (every item they may see).
fn lean_in_all(room: &Newsroom, who: &str) -> State {
    let mut s = lean_state(room, who);
    let effects = app::update(&mut s, Msg::NextQueue);
    run_lean(room, &mut s, effects);
    s
}

/// The bodies thread's answer: `whole` read at `commit`.
fn whole_read(s: &mut State, commit: warta::store::Oid, whole: &Entry) {
    let _ = app::update(
        s,
        Msg::WholeRead {
            commit,
            slug: whole.slug.clone(),
            entry: Some(Arc::new(whole.clone())),
        },
    );
}

#[test]
fn a_lean_snapshot_is_the_full_one_without_bodies_and_leaves_the_cache_whole() {
    let (_t, room) = newsroom();
    let head = room.head().unwrap();
    let full = room.snapshot_uncached().unwrap();
    // A first lean open writes the cache from whole entries; a second reads it.
    for round in 0..2 {
        let snap = room.snapshot_lean(head, None).unwrap();
        assert!(snap.lean);
        assert_eq!(snap.items.len(), full.items.len(), "round {round}");
        for (l, f) in snap.items.iter().zip(&full.items) {
            assert!(l.lean && l.item.body.is_empty(), "{}: the body stays in git", l.slug);
            assert_eq!(**l, lean(f), "round {round}: all but the body is there");
        }
    }
    // One item changes: its day is stale in the cache, read again around lean entries.
    let slug = full.items[0].slug.clone();
    room.apply(
        "hesti",
        &Request::Comment {
            slug: slug.clone(),
            paragraph: None,
            text: "Cek lagi.".into(),
        },
    )
    .unwrap();
    let _ = room.snapshot_lean(room.head().unwrap(), None).unwrap();
    // The cache still gives every body, as git does.
    let cached = room.snapshot().unwrap();
    let fresh = room.snapshot_uncached().unwrap();
    assert_eq!(cached.items, fresh.items, "no empty body was written to the cache");
}

fn search(room: &Newsroom, s: &mut State, text: &str, lean: bool) -> BTreeSet<String> {
    let mut effects = app::update(s, Msg::StartSearch);
    effects.extend(app::update(s, Msg::Paste(text.into())));
    if lean {
        run_lean(room, s, effects);
    } else {
        run(room, s, effects);
    }
    let snap = s.snapshot.clone().unwrap();
    s.list.rows.iter().map(|r| snap.items[r.index].slug.clone()).collect()
}

#[test]
fn the_search_finds_in_bodies_left_in_git_what_it_finds_in_bodies_at_hand() {
    let (_t, room) = newsroom();
    let full = room.snapshot().unwrap();
    // Words of bodies that no title or tag holds: only the body test finds them.
    let named: String = full
        .items
        .iter()
        .map(|e| format!("{} {} ", e.item.front.title, e.item.front.tags.join(" ")).to_lowercase())
        .collect();
    let words: BTreeSet<String> = full
        .items
        .iter()
        .flat_map(|e| {
            e.item
                .body
                .split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_lowercase)
        })
        .filter(|w| w.len() >= 8 && !named.contains(w.as_str()))
        .take(5)
        .collect();
    assert!(!words.is_empty(), "the demo has body-only words");
    let mut found = 0;
    for word in &words {
        // Every queue: my work, all, published.
        for queues in 0..3 {
            let mut lean_one = lean_state(&room, "hesti");
            let mut whole = state(&room, "hesti");
            for _ in 0..queues {
                let effects = app::update(&mut lean_one, Msg::NextQueue);
                run_lean(&room, &mut lean_one, effects);
                let effects = app::update(&mut whole, Msg::NextQueue);
                run(&room, &mut whole, effects);
            }
            let expected = search(&room, &mut whole, word, false);
            found += expected.len();
            assert_eq!(
                search(&room, &mut lean_one, word, true),
                expected,
                "{word}, queue {queues}: the same rows, bodies at hand or in git"
            );
            // An answer found at another commit is looked up by slug: the same rows.
            let snap = lean_one.snapshot.clone().unwrap();
            let me = snap.config.person("hesti");
            let hits = lean_one.bodies.hits.clone().unwrap();
            let (queue, filters) = (lean_one.list.queue, lean_one.list.filters.clone());
            let here = rows_with(&snap, me, queue, &filters, word, Some(&hits));
            let mut earlier = (*hits).clone();
            earlier.commit = warta::store::Oid::from_bytes(&[1; 20]).unwrap();
            assert_eq!(rows_with(&snap, me, queue, &filters, word, Some(&earlier)), here);
        }
    }
    assert!(found > 0, "the body-only words are found");
}

#[test]
fn an_item_opened_from_a_lean_snapshot_shows_its_body_and_can_be_edited() {
    let (_t, room) = newsroom();
    let full = room.snapshot().unwrap();
    let mut s = lean_in_all(&room, "hesti");
    assert!(!s.list.rows.is_empty());
    // Another row (its body asked for, not read yet) is opened: until the body is here
    // the screen says it is loading.
    let mut effects = app::update(&mut s, Msg::MoveDown);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::ReadBodies { .. })),
        "the selected row is asked for whole: {effects:?}"
    );
    effects.extend(app::update(&mut s, Msg::Open));
    assert_eq!(s.screen, Screen::Item);
    let slug = s.current().unwrap().slug.clone();
    assert!(s.current().unwrap().lean);
    assert!(draw(&s, 100, 40).contains("Memuat isi berita"), "{}", draw(&s, 100, 40));
    // An action that needs the text waits for it, and says so.
    effects.extend(app::update(&mut s, Msg::EditItem));
    assert_eq!(s.screen, Screen::Item);
    assert!(
        s.status.as_ref().is_some_and(|(_, m)| m.contains("masih dimuat")),
        "{:?}",
        s.status
    );
    run_lean(&room, &mut s, effects);
    let e = s.current().unwrap();
    assert!(!e.lean, "read whole");
    assert_eq!(e.item, full.item(&slug).unwrap().item, "the body as git has it");
    let first = full.item(&slug).unwrap().item.paragraphs()[0]
        .chars()
        .take(30)
        .collect::<String>();
    let screen = draw(&s, 200, 60);
    assert!(screen.contains(first.trim()), "the body is on screen:\n{screen}");
    // The editor opens on the whole text.
    let effects = app::update(&mut s, Msg::EditItem);
    run_lean(&room, &mut s, effects);
    assert_eq!(s.screen, Screen::Editor, "{:?}", s.status);
    assert_eq!(
        s.editor.as_ref().unwrap().item().unwrap().body,
        full.item(&slug).unwrap().item.body
    );
}

#[test]
fn a_whole_item_for_another_commit_is_not_taken() {
    let (_t, room) = newsroom();
    let mut s = lean_state(&room, "hesti");
    let snap = s.snapshot.clone().unwrap();
    let slug = snap.items[0].slug.clone();
    let whole = room.snapshot().unwrap().item(&slug).cloned().unwrap();
    // A read for another commit (the snapshot moved on) changes nothing.
    let other = room.apply(
        "hesti",
        &Request::Comment {
            slug: slug.clone(),
            paragraph: None,
            text: "Cek.".into(),
        },
    );
    other.unwrap();
    let other = room.head().unwrap();
    whole_read(&mut s, other, &whole);
    assert!(s.snapshot.as_ref().unwrap().item(&slug).unwrap().lean);
    whole_read(&mut s, snap.commit, &whole);
    assert!(!s.snapshot.as_ref().unwrap().item(&slug).unwrap().lean);
}

#[test]
fn what_happened_since_the_last_visit_is_read_from_the_logs_in_git() {
    let (_t, room) = newsroom();
    for (who, since) in [("lestari", "2025-01-01T00:00:00Z"), ("hesti", "2020-01-01T00:00:00Z")] {
        let notices = |s: &State| match &s.popup {
            Some(app::Popup::Notices(list)) => list.clone(),
            other => panic!("{who}: no notices: {other:?}"),
        };
        let mut whole = state(&room, who);
        let _ = app::update(&mut whole, Msg::LastSeen(Some(since.into())));
        let expected = notices(&whole);
        assert!(!expected.is_empty(), "{who}");
        // The lean entries keep one event each: the rest is read from git when asked.
        let mut s = lean_state(&room, who);
        assert!(
            s.snapshot
                .as_ref()
                .unwrap()
                .items
                .iter()
                .filter(|e| e.lean)
                .all(|e| e.review.events.len() <= 1)
        );
        let effects = app::update(&mut s, Msg::LastSeen(Some(since.into())));
        assert!(s.popup.is_none(), "not before the logs are read");
        run_lean(&room, &mut s, effects);
        assert_eq!(
            notices(&s),
            expected,
            "{who}: the same notices, bodies at hand or in git"
        );
        // Without the snapshot cache's files the logs are read from git.
        let mut s = lean_state(&room, who);
        std::fs::remove_dir_all(warta::store::cache::path(room.git_dir())).unwrap();
        let effects = app::update(&mut s, Msg::LastSeen(Some(since.into())));
        run_lean(&room, &mut s, effects);
        assert_eq!(notices(&s), expected, "{who}: the same notices from git");
    }
}

#[test]
fn what_reads_the_text_or_the_log_waits_for_a_lean_entry_and_nothing_comes_back_after_the_end() {
    let (_t, room) = newsroom();
    let mut s = lean_in_all(&room, "hesti");
    // A submitted row still lean: the approver's checklist waits for its text.
    let snap = s.snapshot.clone().unwrap();
    let at = s
        .list
        .rows
        .iter()
        .position(|r| {
            let e = &snap.items[r.index];
            e.lean && e.state.status == warta::domain::review::Status::Submitted
        })
        .expect("a submitted item not read yet");
    s.list.selected = at;
    assert!(s.current().unwrap().lean);
    let why = s.may(ActionKind::Approve).unwrap_err();
    assert!(why.contains("masih dimuat"), "{why}");
    // After the end, an answer changes nothing.
    let snap = s.snapshot.clone().unwrap();
    let slug = s.current().unwrap().slug.clone();
    let whole = room.snapshot().unwrap().item(&slug).cloned().unwrap();
    s.ended = Some("selesai".into());
    whole_read(&mut s, snap.commit, &whole);
    assert!(s.snapshot.as_ref().unwrap().item(&slug).unwrap().lean);
}

#[test]
fn a_reload_keeps_the_item_on_screen_whole_unless_it_changed() {
    let (_t, room) = newsroom();
    let mut s = lean_state(&room, "hesti");
    let effects = app::update(&mut s, Msg::Open);
    run_lean(&room, &mut s, effects);
    assert_eq!(s.screen, Screen::Item);
    let slug = s.current().unwrap().slug.clone();
    assert!(!s.current().unwrap().lean);
    let comment = |slug: &str| Request::Comment {
        slug: slug.to_string(),
        paragraph: None,
        text: "Cek.".into(),
    };
    // Someone comments on another item: the one on screen stays as it is, nothing asked.
    let other = s
        .snapshot
        .as_ref()
        .unwrap()
        .items
        .iter()
        .find(|e| e.slug != slug)
        .unwrap()
        .slug
        .clone();
    room.apply("agus", &comment(&other)).unwrap();
    let reload = |s: &mut State| {
        let snap = room.snapshot_lean(room.head().unwrap(), None).unwrap();
        app::update(s, Msg::Loaded(Arc::new(snap)))
    };
    let effects = reload(&mut s);
    assert!(!s.current().unwrap().lean, "the item on screen stays whole");
    assert!(
        !effects.iter().any(|e| matches!(
            e,
            Effect::ReadBodies {
                ask: app::Ask::Whole { .. },
                ..
            }
        )),
        "{effects:?}"
    );
    // Someone comments on it: it is read again, with the comment.
    room.apply("agus", &comment(&slug)).unwrap();
    let effects = reload(&mut s);
    assert!(s.current().unwrap().lean);
    run_lean(&room, &mut s, effects);
    let e = s.current().unwrap();
    assert!(!e.lean);
    assert_eq!(e.review.events.last().unwrap().actor, "agus");
}

#[test]
fn a_merged_save_never_takes_the_text_of_the_snapshot_it_came_back_to() {
    const SAMBIT: &str = "2024-11-25-panwascam-sambit-kawal-distribusi-logistik-pilkada-2024";
    let (_t, room) = newsroom();
    let mut s = lean_in_all(&room, "fajar");
    let snap = s.snapshot.clone().unwrap();
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| snap.items[r.index].slug == SAMBIT)
        .unwrap();
    let effects = app::update(&mut s, Msg::Open);
    run_lean(&room, &mut s, effects);
    let before = s.current().cloned().unwrap();
    assert!(!before.lean);
    let effects = app::update(&mut s, Msg::EditItem);
    run_lean(&room, &mut s, effects);
    assert_eq!(s.screen, Screen::Editor, "{:?}", s.status);
    // The person's text is saved, merged with someone else's edit (the answer of the
    // save, at the snapshot before it).
    let ed = s.editor.as_mut().unwrap();
    ed.set_body("Teks baru yang baru saja disimpan.\n");
    ed.saving = Some(ed.item().unwrap());
    let head = room.head().unwrap().to_string();
    let done = warta::store::Done {
        commit: warta::store::CommitId::parse(&head),
        slug: SAMBIT.into(),
        action: ActionKind::Edit,
        merged: true,
        skipped: Vec::new(),
        attempts: 1,
    };
    let _ = app::update(&mut s, Msg::Applied(done));
    // A reload made the item lean, and its whole read at the old commit comes back
    // before the snapshot of the save: the editor keeps the saved text.
    let i = snap.items.binary_search_by(|e| e.slug.as_str().cmp(SAMBIT)).unwrap();
    Arc::make_mut(s.snapshot.as_mut().unwrap()).items[i] = Arc::new(lean(&before));
    whole_read(&mut s, snap.commit, &before);
    let ed = s.editor.as_ref().unwrap();
    assert_eq!(ed.item().unwrap().body, "Teks baru yang baru saja disimpan.\n");
    assert!(ed.reload_after_save, "the merged text is still to come");
}

#[test]
fn an_item_that_cannot_be_read_whole_says_so_instead_of_loading_for_ever() {
    let (_t, room) = newsroom();
    let mut s = lean_in_all(&room, "hesti");
    let snap = s.snapshot.clone().unwrap();
    let item = snap.items.iter().find(|e| e.lean).unwrap();
    let (lean, title) = (item.slug.clone(), item.item.front.title.clone());
    let _ = app::update(
        &mut s,
        Msg::WholeRead {
            commit: snap.commit,
            slug: lean.clone(),
            entry: None,
        },
    );
    let (_, text) = s.status.clone().expect("a message");
    assert!(text.contains("tidak dapat dibaca") && text.contains(&title), "{text}");
    assert!(
        s.snapshot.as_ref().unwrap().item(&lean).unwrap().lean,
        "nothing changed"
    );
}
