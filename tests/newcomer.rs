//! A newcomer's screens, driven through the key table and the real runtime: discarding
//! a draft, the author's work waiting for others, filter pickers, the compact layout
//! and the mouse.

mod common;

use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Popup, State, keymap};
use warta::store::Newsroom;

const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

fn demo() -> common::Demo {
    common::Demo::new()
}

/// Press a key as the person would; effects are carried out by the real runtime.
fn key(room: &Newsroom, s: &mut State, code: KeyCode) {
    let Some(msg) = keymap::lookup(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE)) else {
        return;
    };
    let effects = app::update(s, msg);
    common::app::run(room, s, effects);
}

fn status_line(s: &State) -> String {
    s.status.as_ref().map(|(_, m)| m.clone()).unwrap_or_default()
}

fn select(s: &mut State, slug: &str) {
    let at = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == slug)
        .unwrap_or_else(|| panic!("{slug} is listed"));
    s.list.selected = at;
}

#[test]
fn an_author_discards_a_draft_after_a_popup_that_says_what_happens() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();

    // A colleague is refused at the key, before any popup.
    let mut other = common::app::state(&room, "lestari");
    key(&room, &mut other, KeyCode::Tab);
    select(&mut other, DIMAS_DRAFT);
    key(&room, &mut other, KeyCode::Char('D'));
    assert!(other.popup.is_none());
    assert!(
        status_line(&other).starts_with("Tidak diizinkan"),
        "{}",
        status_line(&other)
    );

    let mut s = common::app::state(&room, "dimas");
    select(&mut s, DIMAS_DRAFT);
    let screen = common::app::draw(&s, 160, 30);
    assert!(screen.contains("D buang draf"), "the hint names the key: {screen}");
    key(&room, &mut s, KeyCode::Char('D'));
    assert!(matches!(s.popup, Some(Popup::Confirm(_))));
    let screen = common::app::draw(&s, 80, 24);
    assert!(screen.contains("hilang dari daftar"), "{screen}");
    assert!(screen.contains("warta log"), "{screen}");
    // `n` keeps it.
    key(&room, &mut s, KeyCode::Char('n'));
    assert!(s.popup.is_none());
    assert_eq!(
        room.snapshot().unwrap().items.len(),
        s.snapshot.as_ref().unwrap().items.len()
    );
    let head = room.head().unwrap();
    key(&room, &mut s, KeyCode::Char('D'));
    key(&room, &mut s, KeyCode::Char('y'));
    assert_ne!(room.head().unwrap(), head, "one commit");
    assert!(status_line(&s).contains("Draf dibuang"), "{}", status_line(&s));
    // Gone from every queue.
    for _ in 0..3 {
        let screen = common::app::draw(&s, 160, 45);
        assert!(!screen.contains("Kawal Rekapitulasi"), "{screen}");
        key(&room, &mut s, KeyCode::Tab);
    }
}
