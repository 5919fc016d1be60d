//! The "Bagikan" screen: each channel's text as `caption` makes it, a copy that carries
//! only the cleaned text, and the post's address recorded as a `shared` event.

mod common;

use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Msg, Screen, State, keymap};
use warta::domain::review::ActionKind;

const PUBLISHED: &str = "2024-09-09-panwascam-babadan-gelar-sosialisasi-pengawasan-partisipatif";
const APPROVED: &str = "2024-11-24-hari-pertama-masa-tenang-panwascam-babadan-gelar-patroli";

fn key(s: &mut State, code: KeyCode) -> Vec<Effect> {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    keymap::lookup(s.mode(), &ev).map_or_else(Vec::new, |m| app::update(s, m))
}

fn open(s: &mut State, slug: &str) {
    s.item.open = Some(slug.into());
    s.screen = Screen::Item;
}

#[test]
fn bagikan_shows_each_channel_copies_clean_text_and_records_the_post() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut s = common::app::state(&room, "fajar");

    // Not published yet: no texts, a reason instead.
    open(&mut s, APPROVED);
    key(&mut s, KeyCode::Char('B'));
    assert!(s.share.is_none());
    assert!(s.status.as_ref().unwrap().1.contains("belum terbit"), "{:?}", s.status);
    // Named by its title, not by the folder's name.
    assert!(
        s.status.as_ref().unwrap().1.starts_with("\"Hari Pertama Masa Tenang"),
        "{:?}",
        s.status
    );

    open(&mut s, PUBLISHED);
    key(&mut s, KeyCode::Char('B'));
    let screen = common::app::draw(&s, 100, 30);
    assert!(screen.contains("Bagikan: Panwascam Babadan"), "{screen}");
    assert!(
        screen.contains("▶ Instagram") && screen.contains("/2200 karakter"),
        "{screen}"
    );
    assert!(
        screen.contains("Panwaslu Kecamatan Babadan mengajak"),
        "the text itself is on screen: {screen}"
    );
    // A long text scrolls, so all of it can be copied by hand.
    for _ in 0..4 {
        key(&mut s, KeyCode::PageDown);
    }
    let screen = common::app::draw(&s, 100, 30);
    assert!(screen.contains("tautan di bio"), "{screen}");

    // Down to WhatsApp; Tab copies exactly the text `caption --for whatsapp` makes.
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    let effects = key(&mut s, KeyCode::Tab);
    let [Effect::Clipboard(text)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(text.starts_with("*Panwascam Babadan"), "{text}");
    assert!(!text.chars().any(|c| c != '\n' && warta::domain::text::is_dangerous(c)));

    // Paste the post's address and record it.
    app::update(&mut s, Msg::Paste(" https://whatsapp.com/channel/abc/123 \n".into()));
    let effects = key(&mut s, KeyCode::Enter);
    common::app::run(&room, &mut s, effects);
    let snap = room.snapshot().unwrap();
    let last = snap.item(PUBLISHED).unwrap().review.events.last().unwrap().clone();
    assert_eq!(last.action, ActionKind::Shared);
    assert_eq!(last.channel.as_deref(), Some("whatsapp"));
    assert_eq!(last.url.as_deref(), Some("https://whatsapp.com/channel/abc/123"));
    assert!(common::app::draw(&s, 100, 30).contains("Sudah dibagikan: WhatsApp"));
    key(&mut s, KeyCode::Esc);
    assert!(s.share.is_none());
    assert_eq!(s.screen, Screen::Item);
}
