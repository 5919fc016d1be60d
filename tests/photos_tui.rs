//! Photos in the TUI, through keymap + update and the real runtime against a demo
//! newsroom: the preview in half-blocks (snapshots, and the colours where the photo
//! turned upright puts them), previews made once per size and never on a key press,
//! and the editor's photo list with its caption and credit inputs.

mod common;

use common::app::{draw, run, state};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Msg, Screen, State, keymap};
use warta::domain::photo::sample::phone_jpeg;
use warta::store::{NewPhoto, Newsroom, Request};
use warta::ui::theme::Theme;

const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

/// A demo newsroom whose draft of Dimas has a phone photo, taken turned (EXIF 6).
fn newsroom() -> (tempfile::TempDir, Newsroom) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let photo = NewPhoto {
        slug: DIMAS_DRAFT.into(),
        name: "IMG_0042.jpg".into(),
        data: phone_jpeg(64, 48, 6, true),
        caption: "Rekapitulasi suara di PPK Jetis.".into(),
        credit: "Dimas".into(),
    };
    room.apply("dimas", &Request::Attach(Box::new(photo))).unwrap();
    (tmp, room)
}

fn key(room: &Newsroom, s: &mut State, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    let Some(m) = keymap::lookup(s.mode(), &KeyEvent::new(code, mods)) else {
        return Vec::new();
    };
    let effects = app::update(s, m);
    let shown = effects.clone();
    run(room, s, effects);
    shown
}

fn open(room: &Newsroom, s: &mut State) {
    key(room, s, KeyCode::Tab, KeyModifiers::NONE);
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == DIMAS_DRAFT)
        .unwrap();
    key(room, s, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(s.screen, Screen::Item);
}

fn top(screen: &str, rows: usize) -> String {
    screen
        .lines()
        .take(rows)
        .map(|l| l.trim_end().to_string() + "\n")
        .collect()
}

fn previews(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| matches!(e, Effect::Preview { .. })).count()
}

#[test]
fn the_approver_sees_the_photo_upright_in_half_blocks() {
    let (_tmp, room) = newsroom();
    let mut s = state(&room, "hesti");
    s.size = (100, 30);
    open(&room, &mut s);
    insta::assert_snapshot!("item_photo_100x30", top(&draw(&s, 100, 30), 11));
    // The red corner was top-left on the sensor: upright, it is at the top right.
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| warta::ui::render(&s, &Theme::plain(), f)).unwrap();
    let buf = t.backend().buffer();
    let red = |x: u16, y: u16| matches!(buf[(x, y)].bg, Color::Rgb(r, g, _) if r > 150 && g < 100);
    let width = (0..30u16).take_while(|x| buf[(*x, 0)].bg != Color::Reset).count() as u16;
    assert!(width > 4, "a picture is drawn: {width} cells");
    assert!(red(width - 1, 0) && !red(0, 0), "upright");
    assert!(!red(width - 1, 9), "the field is at the bottom");
    s.size = (80, 24);
    let effects = app::update(&mut s, Msg::Resize(80, 24));
    run(&room, &mut s, effects);
    insta::assert_snapshot!("item_photo_80x24", top(&draw(&s, 80, 24), 8));
}

#[test]
fn a_preview_is_made_once_per_size_and_never_on_a_key() {
    let (_tmp, room) = newsroom();
    let mut s = state(&room, "hesti");
    s.size = (100, 30);
    open(&room, &mut s);
    assert_eq!(s.photos.previews.len(), 1);
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::Char(']'),
    ] {
        assert_eq!(previews(&key(&room, &mut s, code, KeyModifiers::NONE)), 0, "{code:?}");
    }
    // Another size is another preview; back to the first, it comes from the cache.
    let effects = app::update(&mut s, Msg::Resize(80, 24));
    assert_eq!(previews(&effects), 1);
    run(&room, &mut s, effects);
    let effects = app::update(&mut s, Msg::Resize(100, 30));
    assert_eq!(previews(&effects), 0);
    assert_eq!(s.photos.previews.len(), 2);
}

#[test]
fn the_author_captions_credits_and_orders_photos_in_the_editor() {
    let (_tmp, room) = newsroom();
    let second = NewPhoto {
        slug: DIMAS_DRAFT.into(),
        name: "tps 3.png".into(),
        data: phone_jpeg(40, 30, 1, false),
        ..NewPhoto::default()
    };
    room.apply("dimas", &Request::Attach(Box::new(second))).unwrap();
    let mut s = state(&room, "dimas");
    s.size = (100, 30);
    open(&room, &mut s);
    key(&room, &mut s, KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(s.screen, Screen::Editor);
    key(&room, &mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    // The second photo: a caption, Enter, a credit, and it becomes the cover.
    key(&room, &mut s, KeyCode::Down, KeyModifiers::NONE);
    for c in "Kotak suara TPS 3.".chars() {
        key(&room, &mut s, KeyCode::Char(c), KeyModifiers::NONE);
    }
    key(&room, &mut s, KeyCode::Enter, KeyModifiers::NONE);
    for c in "Panwascam Jetis".chars() {
        key(&room, &mut s, KeyCode::Char(c), KeyModifiers::NONE);
    }
    key(&room, &mut s, KeyCode::Char('p'), KeyModifiers::CONTROL);
    insta::assert_snapshot!("editor_photos_100x30", draw(&s, 100, 30));
    key(&room, &mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let snap = room.snapshot().unwrap();
    let e = snap.items.iter().find(|e| e.slug == DIMAS_DRAFT).unwrap();
    let photos = &e.item.front.photos;
    assert_eq!(photos.len(), 2);
    assert_eq!(
        photos[0].file, "tps-3.jpg",
        "named by the slug maker, typed by its content"
    );
    assert_eq!(photos[0].caption, "Kotak suara TPS 3.");
    assert_eq!(photos[0].credit, "Panwascam Jetis");
    assert_eq!(photos[0].width, Some(40), "what was measured on attach stays");
    assert_eq!(photos[1].caption, "Rekapitulasi suara di PPK Jetis.");
    assert_eq!(e.review.events.last().unwrap().action.id(), "edit");
}

#[test]
fn on_a_phone_the_photo_panel_shows_both_caption_and_credit() {
    let (_tmp, room) = newsroom();
    let mut s = state(&room, "dimas");
    s.size = (50, 16);
    open(&room, &mut s);
    key(&room, &mut s, KeyCode::Char('e'), KeyModifiers::NONE);
    key(&room, &mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    let screen = draw(&s, 50, 16);
    // Three rows for the panel: typing into a caption one cannot see went into the credit.
    let row = |label: &str| screen.lines().find(|l| l.starts_with(label)).map(str::to_string);
    assert!(row("Keterangan").is_some_and(|l| l.contains("PPK Jetis")), "{screen}");
    assert!(row("Kredit").is_some_and(|l| l.contains("Dimas")), "{screen}");
}
