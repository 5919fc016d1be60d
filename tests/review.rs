//! Reviewing in the TUI against a real newsroom: paragraph comments, threads beside
//! their paragraphs, resubmission, and a diff that shows exactly what changed.

mod common;

use common::app::{draw, run, state};
use std::sync::Arc;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};

use warta::app::{self, Effect, Msg, Screen, State, keymap};
use warta::domain::diff::{BUDGET, Kind, items};
use warta::store::Newsroom;

const NGEBEL: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

fn press(room: &Newsroom, s: &mut State, code: KeyCode) {
    let mods = if matches!(code, KeyCode::Char('s')) && s.mode() == app::Mode::Editor {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    if let Some(m) = keymap::lookup(s.mode(), &KeyEvent::new(code, mods)) {
        let effects = app::update(s, m);
        run(room, s, effects);
    }
}

fn typed(room: &Newsroom, s: &mut State, text: &str) {
    for c in text.chars() {
        press(room, s, KeyCode::Char(c));
    }
}

/// Times of events made during the test vary: blank them out of snapshots (a date
/// and its time may be on different rows).
fn redact(screen: &str) -> String {
    let mut out = screen.to_string();
    // Month names of dates written out ("29 November 2026"): the digits around them go below.
    for month in warta::domain::dates::MONTH_NAMES_ID {
        out = out.replace(&format!(" {month} "), " MMM ");
    }
    for pattern in ["dddd-dd-dd", "dd:dd", "dd.dd WIB", "dd MMM", "d MMM", "dddd,"] {
        let chars: Vec<char> = out.chars().collect();
        let mut next = String::new();
        let mut i = 0;
        while i < chars.len() {
            let n = pattern.chars().count();
            let hit = i + n <= chars.len()
                && pattern
                    .chars()
                    .zip(&chars[i..])
                    .all(|(p, c)| if p == 'd' { c.is_ascii_digit() } else { p == *c });
            if hit {
                next.extend(pattern.chars().map(|c| if c == 'd' { '#' } else { c }));
                i += n;
            } else {
                next.push(chars[i]);
                i += 1;
            }
        }
        out = next;
    }
    out
}

fn open(room: &Newsroom, s: &mut State, slug: &str) {
    press(room, s, KeyCode::Tab);
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == slug)
        .unwrap();
    press(room, s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
}

#[test]
fn request_changes_fix_resubmit_and_see_exactly_the_change() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();

    // The approver comments on paragraphs 2 and 4, then asks for changes.
    let mut hesti = state(&room, "hesti");
    open(&room, &mut hesti, NGEBEL);
    for (para, text) in [(2, "Sebutkan jumlah TPS."), (4, "Kutipan perlu nama.")] {
        while hesti.item.paragraph < para {
            press(&room, &mut hesti, KeyCode::Char(']'));
        }
        press(&room, &mut hesti, KeyCode::Char('c'));
        typed(&room, &mut hesti, text);
        press(&room, &mut hesti, KeyCode::Enter);
    }
    press(&room, &mut hesti, KeyCode::Char('r'));
    typed(&room, &mut hesti, "Mohon perbaiki dua catatan.");
    press(&room, &mut hesti, KeyCode::Enter);
    let entry = room.snapshot().unwrap().item(NGEBEL).unwrap().clone();
    assert_eq!(entry.state.status, warta::domain::review::Status::ChangesRequested);
    let paras: Vec<Option<u32>> = entry.state.threads.iter().map(|t| t.paragraph).collect();
    assert_eq!(paras, vec![Some(2), Some(4)]);

    // The author sees both, beside the right paragraphs.
    let mut rina = state(&room, "rina");
    assert_eq!(
        rina.list
            .rows
            .first()
            .map(|r| rina.snapshot.as_ref().unwrap().items[r.index].slug.clone())
            .as_deref(),
        Some(NGEBEL)
    );
    press(&room, &mut rina, KeyCode::Enter);
    let screen = draw(&rina, 120, 60);
    let pos = |needle: &str| {
        screen
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"))
    };
    assert!(
        pos("¶2") < pos("Sebutkan jumlah TPS.") && pos("Sebutkan jumlah TPS.") < pos("¶3"),
        "{screen}"
    );
    assert!(pos("¶4") < pos("Kutipan perlu nama."), "{screen}");

    // The author fixes paragraph 2 only and resubmits, confirming the open threads.
    press(&room, &mut rina, KeyCode::Char('e'));
    let ed = rina.editor.as_mut().unwrap();
    let body = ed.body_text();
    let fixed = body.replacen("sesuai jumlah TPS", "sesuai jumlah TPS, yaitu 42 TPS,", 1);
    assert_ne!(body, fixed);
    ed.set_body(&fixed);
    press(&room, &mut rina, KeyCode::Char('s'));
    press(&room, &mut rina, KeyCode::Esc);
    assert_eq!(rina.screen, Screen::Item);
    press(&room, &mut rina, KeyCode::Char('s'));
    let question = draw(&rina, 80, 24);
    assert!(question.contains("2 komentar yang belum"), "{question}");
    press(&room, &mut rina, KeyCode::Char('y'));
    assert_eq!(
        room.snapshot().unwrap().item(NGEBEL).unwrap().state.status,
        warta::domain::review::Status::Submitted
    );

    // The approver's diff (since the request for changes) shows exactly that change.
    let mut hesti = state(&room, "hesti");
    open(&room, &mut hesti, NGEBEL);
    press(&room, &mut hesti, KeyCode::Char('d'));
    let screen = draw(&hesti, 120, 40);
    assert!(screen.contains("Perubahan sejak minta revisi oleh"), "{screen}");
    assert!(screen.contains("minta revisi"), "{screen}");
    assert!(screen.contains("TPS[+, yaitu 42 TPS,+]"), "{screen}");
    assert_eq!(screen.matches("[+").count(), 1, "one insertion: {screen}");
    assert_eq!(screen.matches("[-").count(), 0, "no deletion: {screen}");
    insta::assert_snapshot!("review_diff_120x40", redact(&screen));
    insta::assert_snapshot!("review_diff_80x24", redact(&draw(&hesti, 80, 24)));
    // The checklist is green: approve goes through.
    press(&room, &mut hesti, KeyCode::Char('d'));
    insta::assert_snapshot!("review_threads_80x24", draw(&hesti, 80, 24));
    press(&room, &mut hesti, KeyCode::Char(']'));
    press(&room, &mut hesti, KeyCode::Char(']'));
    insta::assert_snapshot!("review_threads_120x40", draw(&hesti, 120, 40));
    press(&room, &mut hesti, KeyCode::Char('v'));
    let e = room.snapshot().unwrap().item(NGEBEL).unwrap().clone();
    assert!(e.state.threads[0].resolved, "thread at paragraph 2 resolved");
    press(&room, &mut hesti, KeyCode::Char('a'));
    press(&room, &mut hesti, KeyCode::Enter);
    assert_eq!(
        room.snapshot().unwrap().item(NGEBEL).unwrap().state.status,
        warta::domain::review::Status::Approved
    );
}

#[test]
fn history_opens_the_content_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut s = state(&room, "hesti");
    open(
        &room,
        &mut s,
        "2024-11-25-panwascam-sambit-kawal-distribusi-logistik-pilkada-2024",
    );
    press(&room, &mut s, KeyCode::Char('h'));
    let screen = draw(&s, 120, 40);
    assert!(
        screen.contains("#1") && screen.contains("buat") && screen.contains("WIB"),
        "{screen}"
    );
    assert!(
        screen.contains("Wahyu Kurniawan (penulis)") && screen.contains("(penyetuju)"),
        "{screen}"
    );
    press(&room, &mut s, KeyCode::Up);
    press(&room, &mut s, KeyCode::Enter);
    assert!(s.item.version_view.is_some());
    let screen = draw(&s, 120, 40);
    assert!(screen.contains("Versi pada #"), "{screen}");
    press(&room, &mut s, KeyCode::Esc);
    assert!(s.item.version_view.is_none() && s.screen == Screen::Item);
}

/// Drawing the diff view never computes a diff: the view asks the worker (an effect),
/// says it is computing until the answer comes, and then only reads the cached result.
#[test]
fn the_diff_is_asked_of_the_worker_and_drawing_only_reads_it() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut hesti = state(&room, "hesti");
    open(&room, &mut hesti, NGEBEL);
    let effects = app::update(&mut hesti, Msg::ToggleDiff);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadHistory { .. }]),
        "{effects:?}"
    );
    // A pathological older version: every word differs (seconds of word diff).
    let mut versions = room.versions(NGEBEL).unwrap();
    let base = hesti.item.diff_base.unwrap();
    let salad: Vec<String> = (0..20_000).map(|i| format!("kata{i:x}")).collect();
    versions[base].as_mut().unwrap().body = salad.join(" ");
    let effects = app::update(
        &mut hesti,
        Msg::VersionsLoaded {
            slug: NGEBEL.into(),
            versions,
        },
    );
    let [Effect::Diff { pair, old, new, .. }] = effects.as_slice() else {
        panic!("the diff goes to the worker: {effects:?}")
    };
    assert_eq!(pair.base, base);
    // However often it is drawn, the view only says the diff is being computed.
    for _ in 0..3 {
        let screen = draw(&hesti, 80, 24);
        assert!(screen.contains("Menghitung perubahan"), "{screen}");
    }
    assert_eq!(hesti.shown_diff(), Some(None));
    // Keys and redraws ask nothing more: one job per pair of versions.
    assert!(app::update(&mut hesti, Msg::MoveDown).is_empty());
    assert!(
        app::update(&mut hesti, Msg::ToggleDiff)
            .iter()
            .all(|e| !matches!(e, Effect::Diff { .. }))
    );
    assert!(
        app::update(&mut hesti, Msg::ToggleDiff)
            .iter()
            .all(|e| !matches!(e, Effect::Diff { .. }))
    );
    // The worker's answer (what `Job::Diff` computes) is cached and drawn.
    let diff = Arc::new(items(old, new, BUDGET));
    assert_eq!(diff.kind, Kind::TooDifferent);
    let pair = pair.clone();
    app::update(&mut hesti, Msg::DiffReady { pair, diff });
    let screen = draw(&hesti, 100, 30);
    assert!(!screen.contains("Menghitung perubahan"), "{screen}");
    assert!(screen.contains("Terlalu berbeda"), "{screen}");
    assert!(
        screen.contains("Versi terkini") && screen.contains("kata10 kata11"),
        "side by side: {screen}"
    );
}
