//! The TUI without a terminal: key sequences through keymap + update, and screens drawn
//! into a `TestBackend` at fixed sizes in both languages.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Msg, Popup, Queue, Screen, State, keymap};
use warta::domain::review::{ActionKind, Status};
use warta::i18n::Lang;
use warta::store::{Request, Snapshot};
use warta::ui::theme::Theme;

const NGEBEL: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

fn demo() -> (tempfile::TempDir, Arc<Snapshot>) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let snap = Arc::new(room.snapshot().unwrap());
    (tmp, snap)
}

/// A state logged in as `who`, loaded, with "now" just after the demo's last event.
fn state(snap: &Arc<Snapshot>, who: Option<&str>, lang: Lang) -> State {
    let mut s = State::new(lang, who.map(str::to_string), Vec::new());
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

fn key(s: &mut State, code: KeyCode) -> Vec<Effect> {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    match keymap::lookup(s.mode(), &ev) {
        Some(m) => app::update(s, m),
        None => Vec::new(),
    }
}

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        key(s, KeyCode::Char(c));
    }
}

fn draw(s: &State, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| warta::ui::render(s, &Theme::plain(), f)).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn slug_at(s: &State, row: usize) -> String {
    let snap = s.snapshot.as_ref().unwrap();
    snap.items[s.list.rows[row].index].slug.clone()
}

#[test]
fn approver_queue_holds_submitted_items_oldest_first() {
    let (_t, snap) = demo();
    let s = state(&snap, Some("hesti"), Lang::Id);
    let statuses: Vec<Status> = s.list.rows.iter().map(|r| snap.items[r.index].state.status).collect();
    // Her own submitted item waits for another approver, below what she can act on.
    assert_eq!(
        statuses,
        [
            Status::Submitted,
            Status::Submitted,
            Status::Approved,
            Status::Submitted
        ]
    );
    assert_eq!(s.list.waiting, 1);
    assert_eq!(slug_at(&s, 0), NGEBEL, "oldest submitted first");
}

#[test]
fn author_sees_changes_requested_first() {
    let (_t, snap) = demo();
    let s = state(&snap, Some("lestari"), Lang::Id);
    assert_eq!(snap.items[s.list.rows[0].index].state.status, Status::ChangesRequested);
}

#[test]
fn search_ranks_and_highlights() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Tab); // all items
    assert_eq!(s.list.queue, Queue::All);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "logistik");
    assert!(slug_at(&s, 0).contains("logistik"), "{}", slug_at(&s, 0));
    assert!(!s.list.rows[0].highlight.is_empty());
    // Words only in the body are found too.
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "Polorejo");
    assert!(
        s.list
            .rows
            .iter()
            .any(|r| snap.items[r.index].slug.contains("sosialisasi"))
    );
    key(&mut s, KeyCode::Enter);
    assert!(
        !s.list.searching && !s.list.search.is_empty(),
        "Enter keeps the results"
    );
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
}

#[test]
fn request_changes_needs_a_message_and_goes_to_the_worker() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.item.open.as_deref(), Some(NGEBEL));
    key(&mut s, KeyCode::Char('r'));
    assert!(matches!(
        s.popup,
        Some(Popup::Compose {
            action: ActionKind::RequestChanges,
            ..
        })
    ));
    assert!(key(&mut s, KeyCode::Enter).is_empty(), "empty message refused");
    assert!(s.status.as_ref().is_some_and(|(_, m)| m.contains("pesan")));
    typed(&mut s, "Lengkapi jadwal.");
    // Esc keeps the text for next time.
    key(&mut s, KeyCode::Esc);
    assert!(s.popup.is_none());
    // The request carries the content the approver had on screen when choosing.
    let seen = s.current().map(|e| e.content.clone());
    assert!(seen.is_some());
    key(&mut s, KeyCode::Char('r'));
    let effects = key(&mut s, KeyCode::Enter);
    let [Effect::Apply { actor, request, .. }] = effects.as_slice() else {
        panic!("one action: {effects:?}");
    };
    assert_eq!(actor, "hesti");
    assert_eq!(
        **request,
        Request::Transition {
            slug: NGEBEL.into(),
            action: ActionKind::RequestChanges,
            message: Some("Lengkapi jadwal.".into()),
            seen,
        }
    );
}

#[test]
fn publish_asks_first_and_refusals_show_in_the_status_bar() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::En);
    // A submitted item cannot be published: refused at once, before any question.
    key(&mut s, KeyCode::Char('p'));
    assert!(s.popup.is_none());
    let screen = draw(&s, 80, 24);
    assert!(screen.contains("Not allowed: \"publish\""), "{screen}");
    // Moving on clears it: it was about the other item.
    key(&mut s, KeyCode::Down);
    assert!(s.status.is_none());
    // An approved item asks first.
    let approved = (0..s.list.rows.len())
        .find(|&i| snap.items[s.list.rows[i].index].state.status == Status::Approved)
        .unwrap();
    s.list.selected = approved;
    key(&mut s, KeyCode::Char('p'));
    assert!(matches!(s.popup, Some(Popup::Confirm(ActionKind::Publish))));
    key(&mut s, KeyCode::Char('n'));
    assert!(s.popup.is_none());
    key(&mut s, KeyCode::Char('p'));
    let effects = key(&mut s, KeyCode::Char('y'));
    assert_eq!(effects.len(), 1);
    app::update(&mut s, Msg::Refused("Not allowed: the approval is stale.".into()));
    let screen = draw(&s, 80, 24);
    assert!(screen.contains("Not allowed: the approval"), "{screen}");
}

#[test]
fn live_reload_keeps_the_selection() {
    let (t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    let chosen = slug_at(&s, s.list.selected);
    let room = warta::store::Newsroom::open(&t.path().join("news")).unwrap();
    room.apply(
        "fajar",
        &Request::Comment {
            slug: NGEBEL.into(),
            paragraph: None,
            text: "Cek lagi.".into(),
        },
    )
    .unwrap();
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    assert_eq!(slug_at(&s, s.list.selected), chosen);
}

#[test]
fn login_screen_chooses_the_person() {
    let (_t, snap) = demo();
    let mut s = State::new(Lang::Id, None, vec!["hesti".into(), "sari".into()]);
    app::update(&mut s, Msg::Loaded(snap));
    assert_eq!(s.screen, Screen::Login);
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("Masuk sebagai") && screen.contains("Dr. Hesti"),
        "{screen}"
    );
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.me.as_deref(), Some("sari"));
    assert_eq!(s.screen, Screen::List);
}

#[test]
fn never_panics_at_any_size() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    for setup in 0..4 {
        match setup {
            1 => {
                key(&mut s, KeyCode::Enter);
            }
            2 => {
                key(&mut s, KeyCode::Char('?'));
            }
            3 => {
                key(&mut s, KeyCode::Esc);
                key(&mut s, KeyCode::Char('c'));
                typed(&mut s, "komentar panjang ");
            }
            _ => {}
        }
        for w in (1..=130).step_by(7) {
            for h in (1..=45).step_by(4) {
                draw(&s, w, h);
            }
        }
    }
    // Phones get the compact layout from 50x16; only below that a note asks for room.
    let small = draw(&s, 49, 16);
    assert!(small.contains("terlalu kecil") && small.contains("50x16"), "{small}");
    let phone = draw(&s, 50, 16);
    assert!(!phone.contains("terlalu kecil"), "{phone}");
}

#[test]
fn item_text_never_reaches_the_terminal_raw() {
    let (t, _) = demo();
    let room = warta::store::Newsroom::open(&t.path().join("news")).unwrap();
    let evil = "Judul \u{1b}]0;pwned\u{7} \u{9b}31m \u{202e}terbalik";
    let done = room
        .apply(
            "sari",
            &Request::Create(warta::store::action::NewItem {
                title: "Rapat".into(),
                body: Some(format!("{evil}\n\nParagraf \u{1b}[2J dua.\n")),
                ..Default::default()
            }),
        )
        .unwrap();
    let mut s = state(&Arc::new(room.snapshot().unwrap()), Some("sari"), Lang::Id);
    s.item.open = Some(done.slug);
    s.screen = Screen::Item;
    let screen = draw(&s, 100, 30);
    assert!(
        !screen
            .chars()
            .filter(|c| *c != '\n')
            .any(warta::domain::text::is_dangerous),
        "{screen:?}"
    );
    assert!(screen.contains('␛'), "escapes are shown, visibly");
}

/// Screens at 80x24 and 120x40 in both languages.
#[test]
fn screens() {
    let (_t, snap) = demo();
    for lang in [Lang::Id, Lang::En] {
        let tag = if lang == Lang::Id { "id" } else { "en" };
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = state(&snap, Some("hesti"), lang);
            insta::assert_snapshot!(format!("list_{tag}_{w}x{h}"), draw(&s, w, h));
            key(&mut s, KeyCode::Enter);
            insta::assert_snapshot!(format!("item_{tag}_{w}x{h}"), draw(&s, w, h));
            key(&mut s, KeyCode::Char('?'));
            insta::assert_snapshot!(format!("help_{tag}_{w}x{h}"), draw(&s, w, h));
            key(&mut s, KeyCode::Esc);
            key(&mut s, KeyCode::Char('r'));
            typed(&mut s, "Mohon lengkapi jadwal pendaftaran.");
            insta::assert_snapshot!(format!("compose_{tag}_{w}x{h}"), draw(&s, w, h));
        }
        let mut s = State::new(lang, None, snap.config.people.iter().map(|p| p.id.clone()).collect());
        app::update(&mut s, Msg::Loaded(snap.clone()));
        insta::assert_snapshot!(format!("login_{tag}_80x24"), draw(&s, 80, 24));
    }
}

#[test]
fn since_last_visit_lists_what_happened_to_my_items() {
    let (_t, snap) = demo();
    // lestari was last here before the demo's review round.
    let mut s = state(&snap, Some("lestari"), Lang::Id);
    app::update(&mut s, Msg::LastSeen(Some("2025-01-01T00:00:00Z".into())));
    let Some(Popup::Notices(list)) = &s.popup else {
        panic!("no notices: {:?}", s.popup)
    };
    let actions: Vec<ActionKind> = list.iter().map(|n| n.action).collect();
    assert!(
        actions.contains(&ActionKind::RequestChanges) && actions.contains(&ActionKind::Comment),
        "{actions:?}"
    );
    assert!(list.iter().all(|n| n.actor != "lestari"));
    let screen = draw(&s, 100, 30);
    assert!(
        screen.contains("Sejak kunjungan terakhir") && screen.contains("minta revisi"),
        "{screen}"
    );
    key(&mut s, KeyCode::Esc);
    assert!(s.popup.is_none());
    // Nothing new since a recent visit: no popup.
    let mut s = state(&snap, Some("lestari"), Lang::Id);
    app::update(&mut s, Msg::LastSeen(Some("2999-01-01T00:00:00Z".into())));
    assert!(s.popup.is_none());
}

/// The worker's news that `person` has the Ngebel item open in the editor.
fn editing_ngebel(s: &mut State, person: &str) {
    app::update(
        s,
        Msg::Others(vec![warta::store::presence::Presence {
            person: person.into(),
            item: NGEBEL.into(),
            editing: true,
        }]),
    );
}

#[test]
fn presence_of_others_shows_on_the_item() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Enter);
    editing_ngebel(&mut s, "rina");
    let screen = draw(&s, 100, 30);
    assert!(
        screen.contains("Juga dibuka oleh: Rina Anggraini (sedang menyunting)"),
        "{screen}"
    );
}

/// A first glance (a few items read at once) is drawn, marked as still loading, and
/// opened like any list; the whole newsroom then replaces it, and a late glance never
/// replaces the whole newsroom.
#[test]
fn a_first_glance_shows_at_once_and_the_whole_list_follows() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let full = Arc::new(room.snapshot().unwrap());
    let head = room.head().unwrap();
    let slugs = vec![
        NGEBEL.to_string(),
        "2099-01-01-tidak-ada".to_string(),
        "../../etc".to_string(),
    ];
    let glance = Arc::new(room.glance_at(head, &slugs).unwrap());
    assert!(glance.partial);
    assert_eq!(glance.items.len(), 1, "unknown and malformed slugs are skipped");
    assert_eq!(
        Some(&*glance.items[0]),
        full.item(NGEBEL),
        "a glanced item is the item itself"
    );

    let mut s = State::new(Lang::Id, Some("hesti".into()), Vec::new());
    let asked = app::update::start(&mut s);
    assert!(
        asked.iter().any(|e| matches!(e, Effect::Load { glance: Some(_), .. })),
        "the newsroom is asked for, the person's first rows first"
    );
    app::update(&mut s, Msg::Loaded(glance.clone()));
    assert_eq!(s.list.rows.len(), 1);
    assert!(!s.jobs.is_empty(), "still loading");
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("1 berita · Memuat redaksi…"), "{screen}");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    assert!(draw(&s, 100, 30).contains("¶1"));
    key(&mut s, KeyCode::Esc);

    app::update(&mut s, Msg::Loaded(full.clone()));
    for e in asked {
        if let Effect::Load { job, .. } | Effect::LoadJournal { job, .. } | Effect::Greet { job, .. } = e {
            app::update(&mut s, Msg::Finished(job));
        }
    }
    assert!(s.jobs.is_empty());
    assert_eq!(s.list.rows.len(), 4);
    assert!(!draw(&s, 100, 30).contains("Memuat"));
    app::update(&mut s, Msg::Loaded(glance));
    assert_eq!(s.list.rows.len(), 4, "a glance after the whole list is ignored");
}

/// Jobs are counted one by one: an answer closes only its own job, and the snapshot
/// the worker may send after an action closes none. (With one shared counter, a
/// refused action and the snapshot after it dropped the count twice, and the spinner
/// stopped while the history was still loading.)
#[test]
fn jobs_are_counted_one_by_one() {
    let (_tmp, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.item.open.as_deref(), Some(NGEBEL));
    let asked = key(&mut s, KeyCode::Char('h'));
    let [Effect::LoadHistory { job: history, .. }] = asked.as_slice() else {
        panic!("history asked for: {asked:?}");
    };
    let history = *history;
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Char('x'));
    typed(&mut s, "Tidak layak.");
    let asked = key(&mut s, KeyCode::Enter);
    let [Effect::Apply { job: action, .. }] = asked.as_slice() else {
        panic!("an action: {asked:?}");
    };
    let action = *action;
    assert_eq!(s.jobs.len(), 2);
    app::update(&mut s, Msg::Refused("Ditolak.".into()));
    app::update(&mut s, Msg::Loaded(snap.clone()));
    app::update(&mut s, Msg::Finished(action));
    app::update(&mut s, Msg::Finished(action));
    assert_eq!(s.jobs.len(), 1, "the history is still loading");
    assert!(draw(&s, 100, 30).contains(['◐', '◓', '◑', '◒']), "the spinner turns");
    app::update(
        &mut s,
        Msg::VersionsLoaded {
            slug: NGEBEL.into(),
            versions: Vec::new(),
        },
    );
    app::update(&mut s, Msg::Finished(history));
    assert!(s.jobs.is_empty());
}

/// An approver's own item: `a` is refused before a note is typed, in a word that is
/// not a status ("Ditolak" is the rejected status).
#[test]
fn a_refusal_comes_before_the_note() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    let own = (0..s.list.rows.len())
        .find(|&i| snap.items[s.list.rows[i].index].item.front.author == "hesti")
        .expect("hesti has a submitted item of her own");
    s.list.selected = own;
    key(&mut s, KeyCode::Char('a'));
    assert!(s.popup.is_none(), "no note is asked for");
    let (_, message) = s.status.clone().unwrap();
    assert!(
        message.starts_with("Tidak diizinkan:") && message.contains("sendiri"),
        "{message}"
    );
    assert!(!draw(&s, 100, 30).contains("a setujui"), "the hint is not offered");
}

/// The notices of a return visit hold no key: the first key closes them and does its
/// own work, and typing right after goes where it was meant to.
#[test]
fn the_notices_never_swallow_keys() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("lestari"), Lang::Id);
    app::update(&mut s, Msg::LastSeen(Some("2025-01-01T00:00:00Z".into())));
    assert!(matches!(s.popup, Some(Popup::Notices(_))));
    key(&mut s, KeyCode::Tab);
    assert!(s.popup.is_none());
    assert_eq!(s.list.queue, Queue::All, "the key did its work");
    let mut s = state(&snap, Some("lestari"), Lang::Id);
    app::update(&mut s, Msg::LastSeen(Some("2025-01-01T00:00:00Z".into())));
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "jetis");
    assert_eq!(s.list.search, "jetis", "nothing typed was lost");
}

/// The first move is visible: an empty queue says what to do next, and the list's
/// hints name `n`.
#[test]
fn an_empty_queue_says_what_to_do() {
    let (_t, snap) = demo();
    let s = state(&snap, Some("bayu"), Lang::Id);
    // Bayu's only item waits for publication: nothing to do, his item still in view.
    assert_eq!(s.list.rows.len(), 1);
    assert_eq!(s.list.waiting, 1);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Tekan n untuk menulis berita baru"), "{screen}");
    assert!(screen.contains("Menunggu orang lain"), "{screen}");
    assert!(screen.contains("Hari Pertama Masa Tenang"), "{screen}");
    assert!(screen.contains("n berita baru"), "{screen}");
}

/// Submitting a draft shows what the checklist flags and asks first.
#[test]
fn submit_shows_the_checklist_first() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let new = warta::store::action::NewItem {
        title: "Uji".into(),
        ..Default::default()
    };
    let done = room.apply("sari", &Request::Create(new)).unwrap();
    let snap = Arc::new(room.snapshot().unwrap());
    let mut s = state(&snap, Some("sari"), Lang::Id);
    let row = (0..s.list.rows.len())
        .find(|&i| snap.items[s.list.rows[i].index].slug == done.slug)
        .unwrap();
    s.list.selected = row;
    assert!(key(&mut s, KeyCode::Char('s')).is_empty(), "nothing is sent yet");
    assert!(matches!(s.popup, Some(Popup::Confirm(ActionKind::Submit))));
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Daftar periksa menandai"), "{screen}");
    assert!(screen.contains("✗ isi berita") && screen.contains("✗ tag"), "{screen}");
    // What a ✗ means for what comes next, before the yes.
    assert!(screen.contains("belum bisa disetujui sebelum setiap ✗"), "{screen}");
    assert_eq!(key(&mut s, KeyCode::Char('y')).len(), 1, "y submits all the same");
}

/// A session of one's own left over (a dropped connection) is never "someone else".
#[test]
fn no_ghost_of_yourself() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    key(&mut s, KeyCode::Enter);
    editing_ngebel(&mut s, "hesti");
    let screen = draw(&s, 100, 30);
    assert!(!screen.contains("Juga dibuka oleh"), "{screen}");
    key(&mut s, KeyCode::Char('e'));
    assert_eq!(s.screen, Screen::Editor);
    assert!(
        s.status.as_ref().is_none_or(|(_, m)| !m.contains("Dr. Hesti")),
        "{:?}",
        s.status
    );
}

/// Help that helps: only the actions this person may use, scrolling at 80x24, and Esc
/// closes the help alone.
#[test]
fn help_lists_what_may_be_used_scrolls_and_closes_alone() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("dimas"), Lang::Id);
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    key(&mut s, KeyCode::Char('?'));
    let first = draw(&s, 80, 24);
    assert!(first.contains("Bantuan") || first.contains("bantuan"), "{first}");
    assert!(!first.contains("setujui"), "an author is not offered approve: {first}");
    for _ in 0..30 {
        key(&mut s, KeyCode::Down);
    }
    let scrolled = draw(&s, 80, 24);
    assert_ne!(first, scrolled, "the help scrolls");
    assert!(scrolled.contains("Esc menutup bantuan"), "{scrolled}");
    key(&mut s, KeyCode::Esc);
    assert!(s.popup.is_none());
    assert_eq!(s.screen, Screen::Item, "Esc closed the help only");
}

/// A long message is never cut off: it gets lines of its own above the bar, and the
/// bar keeps its hints.
#[test]
fn long_messages_are_shown_whole() {
    let (_t, snap) = demo();
    let mut s = state(&snap, Some("hesti"), Lang::Id);
    let long = "Tidak diizinkan: daftar periksa wajib belum terpenuhi: panjang judul, tag, kecamatan, isi berita. Lihat: warta check, lalu perbaiki sebelum menyetujui akhirkalimat";
    app::update(&mut s, Msg::Refused(long.into()));
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = draw(&s, w, h);
        assert!(screen.contains("akhirkalimat"), "{w}x{h}: {screen}");
        assert!(screen.contains("? bantuan"), "{w}x{h}: the hints stay: {screen}");
    }
}
