//! The "Evaluasi" screen on the fixture newsroom of `common/evaluation.rs`: opened from
//! the list on last month, ranked, switched, drilled into, and drawn at 80x24 and 160x45.

mod common;

use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Screen, State, keymap};
use warta::domain::report::Measure;
use warta::store::Newsroom;

/// A state for a person on 15 October 2024 (so "last month" is September).
fn state(room: &Newsroom, who: &str) -> State {
    let mut s = common::app::state(room, who);
    s.now = "2024-10-15T03:00:00Z".parse().unwrap();
    s
}

fn key(room: &Newsroom, s: &mut State, code: KeyCode) {
    let msg = keymap::lookup(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE)).expect("the key is bound here");
    let effects = app::update(s, msg);
    common::app::run(room, s, effects);
}

#[test]
fn the_approver_opens_last_month_and_drills_down() {
    let f = common::evaluation::fixture();
    let room = Newsroom::open(&f.repo).unwrap();
    let mut s = state(&room, "hesti");
    // Opening asks the worker for the report; until it comes the screen says so.
    let msg = keymap::lookup(s.mode(), &KeyEvent::new(KeyCode::Char('E'), KeyModifiers::NONE)).unwrap();
    let effects = app::update(&mut s, msg);
    assert_eq!(s.screen, Screen::Evaluation);
    assert!(matches!(effects.as_slice(), [Effect::Evaluate { .. }]));
    assert!(common::app::draw(&s, 80, 24).contains("Menghitung evaluasi"));
    common::app::run(&room, &mut s, effects);
    let ev = s.evaluation.as_ref().unwrap();
    assert_eq!(ev.report.as_ref().unwrap().label, "2024-09");
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("evaluation_{w}x{h}"), common::app::draw(&s, w, h));
    }
    // Help lists this screen's own keys, not the help popup's.
    key(&room, &mut s, KeyCode::Char('?'));
    let help = common::app::draw(&s, 80, 24);
    assert!(
        help.contains("periode lalu") && help.contains("ukuran") && help.contains("rincian"),
        "{help}"
    );
    key(&room, &mut s, KeyCode::Esc);
    assert_eq!(s.screen, Screen::Evaluation);
    // Ranked by days since the last publication: Babadan (0) first, Jetis (never) last.
    key(&room, &mut s, KeyCode::Char('m'));
    key(&room, &mut s, KeyCode::Char('m'));
    let ev = s.evaluation.as_ref().unwrap();
    assert_eq!(ev.measure, Measure::DaysSince);
    let report = ev.report.as_ref().unwrap();
    let order: Vec<&str> = ev.ranked().iter().map(|&i| report.rows[i].kecamatan.as_str()).collect();
    assert_eq!(order, ["babadan", "sambit", "jetis", ""]);
    // Drill into Babadan and open its first item; Esc comes back to the evaluation.
    key(&room, &mut s, KeyCode::Enter);
    insta::assert_snapshot!("evaluation_items_80x24", common::app::draw(&s, 80, 24));
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    assert_eq!(s.item.open.as_deref(), Some("2024-08-31-a"));
    key(&room, &mut s, KeyCode::Esc);
    assert_eq!(s.screen, Screen::Evaluation);
    key(&room, &mut s, KeyCode::Esc);
    assert!(s.evaluation.as_ref().unwrap().drill.is_none());
    // The period before: August.
    key(&room, &mut s, KeyCode::Left);
    assert_eq!(s.evaluation.as_ref().unwrap().report.as_ref().unwrap().label, "2024-08");
    key(&room, &mut s, KeyCode::Esc);
    assert_eq!(s.screen, Screen::List);
}

#[test]
fn an_author_sees_only_their_kecamatan() {
    let f = common::evaluation::fixture();
    let room = Newsroom::open(&f.repo).unwrap();
    let mut s = state(&room, "wahyu");
    key(&room, &mut s, KeyCode::Char('E'));
    let report = s.evaluation.as_ref().unwrap().report.clone().unwrap();
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].kecamatan, "sambit");
    let screen = common::app::draw(&s, 80, 24);
    assert!(screen.contains("Sambit") && !screen.contains("Babadan"), "{screen}");
}

#[test]
fn the_screen_explains_itself_in_english_too() {
    let f = common::evaluation::fixture();
    let room = Newsroom::open(&f.repo).unwrap();
    let mut s = state(&room, "hesti");
    s.lang = warta::i18n::Lang::En;
    key(&room, &mut s, KeyCode::Char('E'));
    let screen = common::app::draw(&s, 100, 30);
    for text in [
        "Publication evaluation",
        "Ranked by: items published",
        "previous period",
        "measure",
        "needs attention",
    ] {
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
}

#[test]
fn the_report_over_a_lean_snapshot_is_the_one_over_every_body() {
    let f = common::evaluation::fixture();
    let room = Newsroom::open(&f.repo).unwrap();
    let open = |s: &mut State, lean: bool| {
        s.now = "2024-10-15T03:00:00Z".parse().unwrap();
        let msg = keymap::lookup(s.mode(), &KeyEvent::new(KeyCode::Char('E'), KeyModifiers::NONE)).unwrap();
        let effects = app::update(s, msg);
        if lean {
            common::app::run_lean(&room, s, effects);
        } else {
            common::app::run(&room, s, effects);
        }
        format!("{:?}", s.evaluation.as_ref().unwrap().report.as_ref().unwrap())
    };
    let whole = open(&mut state(&room, "hesti"), false);
    let mut s = common::app::lean_state(&room, "hesti");
    assert!(s.snapshot.as_ref().unwrap().lean);
    assert_eq!(open(&mut s, true), whole, "the logs the report reads are read for it");
}
