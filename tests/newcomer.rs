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

const RINA_SUBMITTED: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
const LESTARI_REVISE: &str = "2024-10-15-panwascam-jetis-ingatkan-kepala-desa-dan-perangkat-desa-jaga";

fn press(room: &Newsroom, s: &mut State, code: KeyCode, mods: KeyModifiers) {
    if let Some(msg) = keymap::lookup(s.mode(), &KeyEvent::new(code, mods)) {
        let effects = app::update(s, msg);
        common::app::run(room, s, effects);
    }
}

fn typed(room: &Newsroom, s: &mut State, text: &str) {
    for c in text.chars() {
        key(room, s, KeyCode::Char(c));
    }
}

fn listed(s: &State) -> Vec<String> {
    let snap = s.snapshot.as_ref().unwrap();
    s.list.rows.iter().map(|r| snap.items[r.index].slug.clone()).collect()
}

#[test]
fn submitted_and_approved_work_stays_in_view_with_who_it_waits_for() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "rina");
    assert_eq!(listed(&s), [RINA_SUBMITTED]);
    assert_eq!(s.list.waiting, 1, "a submitted item is not a to-do");
    let screen = common::app::draw(&s, 100, 30);
    assert!(screen.contains("Menunggu orang lain"), "{screen}");
    assert!(
        screen.contains("Dr. Hesti Purwaningsih"),
        "names the approvers: {screen}"
    );
    // Approved: still in view, still waiting (for publication).
    room.apply(
        "hesti",
        &warta::store::Request::Transition {
            slug: RINA_SUBMITTED.into(),
            action: warta::domain::review::ActionKind::Approve,
            message: None,
            seen: None,
        },
    )
    .unwrap();
    app::update(&mut s, app::Msg::Loaded(std::sync::Arc::new(room.snapshot().unwrap())));
    assert_eq!(listed(&s), [RINA_SUBMITTED]);
    assert_eq!(s.list.waiting, 1);
    // Her own draft comes first, above the line.
    let new = warta::store::action::NewItem {
        title: "Rapat Pleno".into(),
        tags: vec!["pleno".into()],
        ..Default::default()
    };
    room.apply("rina", &warta::store::Request::Create(new)).unwrap();
    app::update(&mut s, app::Msg::Loaded(std::sync::Arc::new(room.snapshot().unwrap())));
    assert_eq!(listed(&s).len(), 2);
    assert_eq!(listed(&s)[1], RINA_SUBMITTED, "waiting items below the to-dos");
    let screen = common::app::draw(&s, 80, 24);
    let draft_row = screen.lines().position(|l| l.contains("Rapat Pleno")).unwrap();
    let line_row = screen.lines().position(|l| l.contains("Menunggu orang lain")).unwrap();
    assert!(draft_row < line_row, "{screen}");
}

#[test]
fn filters_are_pickers_of_names_that_narrow_as_one_types() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "hesti");
    key(&room, &mut s, KeyCode::Tab); // every item
    let all = listed(&s).len();
    key(&room, &mut s, KeyCode::Char('K'));
    let screen = common::app::draw(&s, 80, 24);
    assert!(
        screen.contains("Jenangan") && screen.contains("Babadan"),
        "names, not ids: {screen}"
    );
    typed(&room, &mut s, "jet");
    let screen = common::app::draw(&s, 80, 24);
    assert!(screen.contains("▶ Jetis") && !screen.contains("Jenangan"), "{screen}");
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(s.list.filters.kecamatan.as_deref(), Some("jetis"));
    let snap = s.snapshot.clone().unwrap();
    assert!(!s.list.rows.is_empty());
    assert!(
        s.list
            .rows
            .iter()
            .all(|r| snap.items[r.index].item.front.kecamatan == "jetis")
    );
    assert!(common::app::draw(&s, 80, 24).contains("Kecamatan:Jetis"));
    // Status by its name; Esc leaves the filter as it was.
    key(&room, &mut s, KeyCode::Char('S'));
    typed(&room, &mut s, "revisi");
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(
        s.list.filters.status,
        Some(warta::domain::review::Status::ChangesRequested)
    );
    key(&room, &mut s, KeyCode::Char('S'));
    typed(&room, &mut s, "terbit");
    key(&room, &mut s, KeyCode::Esc);
    assert_eq!(
        s.list.filters.status,
        Some(warta::domain::review::Status::ChangesRequested)
    );
    // "(semua)" clears it.
    key(&room, &mut s, KeyCode::Char('K'));
    for _ in 0..20 {
        key(&room, &mut s, KeyCode::Up);
    }
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(s.list.filters.kecamatan, None);
    key(&room, &mut s, KeyCode::Char('0'));
    assert_eq!(listed(&s).len(), all);
}

#[test]
fn taps_select_and_open_and_the_wheel_scrolls() {
    use warta::app::newcomer::Action;
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "hesti");
    key(&room, &mut s, KeyCode::Tab);
    // Where the rows are is known once drawn: row 0 is at y 3 at 80x24.
    common::app::draw(&s, 80, 24);
    let tap = |s: &mut State, row| {
        let effects = app::update(s, app::Msg::Newcomer(Action::Click { column: 10, row }));
        common::app::run(&room, s, effects);
    };
    tap(&mut s, 5);
    assert_eq!(s.list.selected, 2, "a tap selects");
    assert_eq!(s.screen, app::Screen::List);
    tap(&mut s, 5);
    assert_eq!(s.screen, app::Screen::Item, "a second tap opens");
    let wheel = |s: &mut State, down| {
        let effects = app::update(s, app::Msg::Newcomer(Action::Wheel { down }));
        common::app::run(&room, s, effects);
    };
    wheel(&mut s, true);
    assert_eq!(s.item.scroll, 3, "the wheel scrolls the item");
    wheel(&mut s, false);
    assert_eq!(s.item.scroll, 0);
    key(&room, &mut s, KeyCode::Esc);
    wheel(&mut s, true);
    assert_eq!(s.list.selected, 5, "and the list");
    // The compact list at 50x16 has no column titles: row 0 is at y 2.
    common::app::draw(&s, 50, 16);
    s.list.selected = 0;
    tap(&mut s, 3);
    assert_eq!(s.list.selected, 1);
}

#[test]
fn the_editor_shows_reviewers_threads_beside_the_text() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "lestari");
    select(&mut s, LESTARI_REVISE);
    key(&room, &mut s, KeyCode::Enter);
    key(&room, &mut s, KeyCode::Char('e'));
    assert_eq!(s.screen, app::Screen::Editor);
    let screen = common::app::draw(&s, 80, 24);
    assert!(
        screen.contains("Ctrl-T lihat komentar"),
        "the hint names the key: {screen}"
    );
    assert!(!screen.contains("Komentar peninjau"));
    press(&room, &mut s, KeyCode::Char('t'), KeyModifiers::CONTROL);
    let screen = common::app::draw(&s, 80, 24);
    assert!(
        screen.contains("Komentar peninjau") && screen.contains("#1 · ¶1"),
        "{screen}"
    );
    assert!(screen.contains("Selasa"), "the comment's words: {screen}");
    // The threads follow the text as it is typed: a new first paragraph moves #1 to ¶2.
    press(&room, &mut s, KeyCode::Home, KeyModifiers::CONTROL);
    typed(&room, &mut s, "Paragraf baru di atas.");
    press(&room, &mut s, KeyCode::Enter, KeyModifiers::NONE);
    press(&room, &mut s, KeyCode::Enter, KeyModifiers::NONE);
    let screen = common::app::draw(&s, 160, 45);
    assert!(screen.contains("#1 · ¶2"), "{screen}");
    press(&room, &mut s, KeyCode::Char('t'), KeyModifiers::CONTROL);
    assert!(!common::app::draw(&s, 80, 24).contains("Komentar peninjau"));
}

#[test]
fn the_comment_popup_names_its_paragraph_and_leaves_it_in_view() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "hesti");
    key(&room, &mut s, KeyCode::Tab);
    select(&mut s, LESTARI_REVISE);
    key(&room, &mut s, KeyCode::Enter);
    key(&room, &mut s, KeyCode::Char(']'));
    key(&room, &mut s, KeyCode::Char(']'));
    key(&room, &mut s, KeyCode::Char('c'));
    for (w, h) in [(80, 24), (50, 16), (160, 45)] {
        let screen = common::app::draw(&s, w, h);
        for part in ["Komentar pada paragraf 2:", "«Rapat koordinasi", "berjalannya…»"] {
            assert!(screen.contains(part), "{part} at {w}x{h}:\n{screen}");
        }
        let marked = screen
            .lines()
            .position(|l| l.contains("▶2"))
            .expect("the paragraph is on screen");
        let popup = screen.lines().position(|l| l.contains('┌')).unwrap();
        assert!(marked < popup, "the paragraph is above the popup at {w}x{h}:\n{screen}");
    }
}

#[test]
fn phones_get_a_compact_layout_from_50x16() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "hesti");
    let screen = common::app::draw(&s, 50, 16);
    assert!(!screen.contains("terlalu kecil"), "{screen}");
    assert!(
        screen.contains("? bantuan") && !screen.contains("Enter buka"),
        "hints collapse: {screen}"
    );
    assert!(screen.contains("▶ Ajuan "), "short badges: {screen}");
    assert!(common::app::draw(&s, 49, 16).contains("terlalu kecil"));
    assert!(common::app::draw(&s, 50, 15).contains("terlalu kecil"));
    // `?` still lists every key.
    key(&room, &mut s, KeyCode::Char('?'));
    assert!(common::app::draw(&s, 50, 16).contains("buka"));
    key(&room, &mut s, KeyCode::Esc);
    // The editor: kecamatan, date and location a row each.
    key(&room, &mut s, KeyCode::Char('n'));
    let screen = common::app::draw(&s, 50, 16);
    for label in ["Kecamatan", "Tanggal", "Lokasi", "Tag", "Judul"] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    // `?` is typed in the editor: its help key is F1, and saving is named.
    assert!(
        screen.contains("F1 bantuan") && screen.contains("Ctrl-S simpan"),
        "{screen}"
    );
}

#[test]
fn an_approver_s_own_submitted_item_waits_for_another_approver() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let s = common::app::state(&room, "hesti");
    let own = "2024-11-27-bawaslu-kabupaten-ponorogo-pantau-langsung-pemungutan-suara";
    assert_eq!(listed(&s).last().map(String::as_str), Some(own));
    assert_eq!(s.list.waiting, 1);
    let screen = common::app::draw(&s, 120, 30);
    let line = screen
        .lines()
        .find(|l| l.contains("Menunggu orang lain"))
        .unwrap_or_default();
    assert!(line.contains("Agus") && !line.contains("Hesti"), "{screen}");
}

#[test]
fn the_submit_question_keeps_its_keys_on_a_phone() {
    let d = demo();
    let room = Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "dimas");
    select(&mut s, DIMAS_DRAFT);
    key(&room, &mut s, KeyCode::Char('s'));
    for (w, h) in [(50, 16), (80, 24)] {
        let screen = common::app::draw(&s, w, h);
        assert!(screen.contains("y / Enter: ya"), "{w}x{h}:\n{screen}");
    }
}
