//! The list, the item view and the editor at a phone's 50x16, the classic 80x24 and a
//! wide 160x45, in both languages: `insta` snapshots, with "now" fixed just after the
//! demo's last event.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Msg, State, keymap};
use warta::i18n::Lang;
use warta::store::Snapshot;
use warta::ui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(50, 16), (80, 24), (160, 45)];

fn demo() -> (tempfile::TempDir, Arc<Snapshot>) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let snap = Arc::new(room.snapshot().unwrap());
    (tmp, snap)
}

fn state(snap: &Arc<Snapshot>, who: &str, lang: Lang) -> State {
    let mut s = State::new(lang, Some(who.to_string()), Vec::new());
    let last = snap
        .items
        .iter()
        .filter_map(|e| e.review.updated())
        .max()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap();
    s.now = last + jiff::SignedDuration::from_secs(30);
    app::update(&mut s, Msg::Loaded(snap.clone()));
    s
}

fn key(s: &mut State, code: KeyCode, mods: KeyModifiers) {
    if let Some(m) = keymap::lookup(s.mode(), &KeyEvent::new(code, mods)) {
        app::update(s, m);
    }
}

fn draw(s: &State, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| warta::ui::render(s, &Theme::plain(), f)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn list_item_and_editor_at_three_sizes() {
    let (_t, snap) = demo();
    let none = KeyModifiers::NONE;
    for lang in [Lang::Id, Lang::En] {
        let tag = if lang == Lang::Id { "id" } else { "en" };
        for (w, h) in SIZES {
            // An author: her to-do, then what waits for others.
            let mut s = state(&snap, "lestari", lang);
            insta::assert_snapshot!(format!("list_{tag}_{w}x{h}"), draw(&s, w, h));
            key(&mut s, KeyCode::Enter, none);
            insta::assert_snapshot!(format!("item_{tag}_{w}x{h}"), draw(&s, w, h));
            key(&mut s, KeyCode::Char('e'), none);
            key(&mut s, KeyCode::Char('t'), KeyModifiers::CONTROL);
            insta::assert_snapshot!(format!("editor_{tag}_{w}x{h}"), draw(&s, w, h));
        }
    }
}

#[test]
fn a_long_message_keeps_the_full_list_at_80x24() {
    let (_t, snap) = demo();
    let mut s = state(&snap, "hesti", Lang::Id);
    let before = draw(&s, 80, 24);
    assert!(before.contains("Kecamatan"), "{before}");
    // A refusal longer than the bar takes a row above it; the list stays the full one.
    s.status = Some((
        app::Severity::Error,
        "Tidak diizinkan: penyetuju tidak boleh menyetujui berita tulisannya sendiri.".into(),
    ));
    let after = draw(&s, 80, 24);
    assert!(after.contains("Kecamatan"), "{after}");
    assert!(after.contains("Tidak diizinkan"), "{after}");
}

#[test]
fn a_message_stays_behind_with_the_screen_it_was_about() {
    let (_t, snap) = demo();
    let none = KeyModifiers::NONE;
    let mut s = state(&snap, "hesti", Lang::Id);
    key(&mut s, KeyCode::Enter, none);
    assert_eq!(s.screen, app::Screen::Item);
    s.status = Some((app::Severity::Info, "Tidak ada kata yang ditandai di layar.".into()));
    key(&mut s, KeyCode::Esc, none);
    assert_eq!(s.screen, app::Screen::List);
    assert!(s.status.is_none(), "{:?}", s.status);
}

#[test]
fn one_item_is_counted_as_one_item() {
    let (_t, snap) = demo();
    let none = KeyModifiers::NONE;
    let mut s = state(&snap, "hesti", Lang::En);
    key(&mut s, KeyCode::Tab, none);
    key(&mut s, KeyCode::Char('T'), KeyModifiers::SHIFT);
    for c in "logistik".chars() {
        key(&mut s, KeyCode::Char(c), none);
    }
    key(&mut s, KeyCode::Enter, none);
    assert_eq!(s.list.rows.len(), 1);
    let screen = draw(&s, 80, 24);
    assert!(screen.contains(" 1 item ") && !screen.contains("1 items"), "{screen}");
}

#[test]
fn the_list_offers_esc_only_when_there_is_a_search_to_clear() {
    let (_t, snap) = demo();
    let none = KeyModifiers::NONE;
    let mut s = state(&snap, "hesti", Lang::En);
    let screen = draw(&s, 100, 30);
    assert!(!screen.contains("Esc back"), "{screen}");
    // While searching, Esc clears the search.
    key(&mut s, KeyCode::Char('/'), none);
    key(&mut s, KeyCode::Char('x'), none);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Esc back"), "{screen}");
}

#[test]
fn a_new_question_does_not_carry_the_last_actions_message() {
    let (_t, snap) = demo();
    let none = KeyModifiers::NONE;
    let mut s = state(&snap, "hesti", Lang::Id);
    key(&mut s, KeyCode::Enter, none);
    s.status = Some((app::Severity::Info, "Komentar terkirim.".into()));
    key(&mut s, KeyCode::Char('r'), none);
    assert!(s.popup.is_some(), "the request-changes popup opens");
    assert!(s.status.is_none(), "{:?}", s.status);
}

/// The column where `needle` starts on the line starting with `label`.
fn value_column(screen: &str, label: &str, needle: &str) -> usize {
    let line = screen
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("{label}:\n{screen}"));
    line.find(needle).unwrap_or_else(|| panic!("{needle}:\n{screen}"))
}

#[test]
fn stacked_date_and_location_line_up_with_the_other_fields_on_a_phone() {
    let (_t, snap) = demo();
    let mut s = state(&snap, "lestari", Lang::Id);
    let none = KeyModifiers::NONE;
    let typed = |s: &mut State, text: &str| text.chars().for_each(|c| key(s, KeyCode::Char(c), none));
    key(&mut s, KeyCode::Char('n'), none);
    typed(&mut s, "Rapat");
    key(&mut s, KeyCode::Tab, none);
    key(&mut s, KeyCode::Tab, none);
    typed(&mut s, "21/05/2024");
    key(&mut s, KeyCode::Tab, none);
    typed(&mut s, "Balai");
    let screen = draw(&s, 50, 16);
    let title = value_column(&screen, "Judul", "Rapat");
    assert_eq!(value_column(&screen, "Tanggal", "21/05/2024"), title, "{screen}");
    assert_eq!(value_column(&screen, "Lokasi", "Balai"), title, "{screen}");
}

#[test]
fn the_title_hint_gives_the_newsrooms_own_limit() {
    let (_t, snap) = demo();
    let mut s = state(&snap, "lestari", Lang::Id);
    key(&mut s, KeyCode::Char('n'), KeyModifiers::NONE);
    let screen = draw(&s, 100, 30);
    // The demo allows 120; a hint of 100 beside a check of 0/120 leaves one guessing.
    assert!(screen.contains("paling banyak 120 huruf"), "{screen}");
    assert!(screen.contains("0/120"), "{screen}");
}

#[test]
fn a_letter_typed_on_the_kecamatan_says_how_it_is_chosen() {
    let (_t, snap) = demo();
    let mut s = state(&snap, "lestari", Lang::Id);
    let none = KeyModifiers::NONE;
    key(&mut s, KeyCode::Char('n'), none);
    key(&mut s, KeyCode::Tab, none);
    assert!(s.status.is_none(), "{:?}", s.status);
    // The letter vanishes (a kecamatan is chosen from a list), but not without a word.
    key(&mut s, KeyCode::Char('3'), none);
    assert!(
        s.status
            .as_ref()
            .is_some_and(|(_, m)| m.contains("← → memilih kecamatan")),
        "{:?}",
        s.status
    );
}
