//! The editor through keymap + update against a real newsroom: wrapping, paste
//! round-trips, saves, conflicts between two editors, and recovery after a hangup.

mod common;

use common::app::{draw, run, state};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Msg, Screen, State, keymap};
use warta::domain::layout;
use warta::store::Newsroom;

const SAMBIT: &str = "2024-11-25-panwascam-sambit-kawal-distribusi-logistik-pilkada-2024";
const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";

fn newsroom() -> (tempfile::TempDir, Newsroom) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    (tmp, room)
}

fn key(room: &Newsroom, s: &mut State, code: KeyCode, mods: KeyModifiers) {
    if let Some(m) = keymap::lookup(s.mode(), &KeyEvent::new(code, mods)) {
        let effects = app::update(s, m);
        run(room, s, effects);
    }
}

fn open_item(room: &Newsroom, s: &mut State, slug: &str) {
    key(room, s, KeyCode::Tab, KeyModifiers::NONE);
    let idx = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == slug)
        .unwrap();
    s.list.selected = idx;
    key(room, s, KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(s.screen, Screen::Editor, "{:?}", s.status);
}

fn paragraph() -> String {
    let sentence = "Panwaslu Kecamatan Sambit mengawal distribusi logistik Pilkada 2024 dari gudang KPU ke PPK, memastikan setiap kotak suara tersegel dan jumlahnya sesuai berita acara. ";
    let mut p = String::new();
    while p.chars().count() < 2000 {
        p.push_str(sentence);
    }
    p.chars().take(2000).collect()
}

#[test]
fn a_long_paragraph_wraps_at_words() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "fajar");
    open_item(&room, &mut s, SAMBIT);
    s.editor.as_mut().unwrap().set_body(&paragraph());
    for w in [60u16, 100] {
        // The body widget alone, at the width it gets in a terminal of that size.
        let mut t = Terminal::new(TestBackend::new(w, 24)).unwrap();
        let ed = s.editor.as_ref().unwrap();
        t.draw(|f| {
            warta::ui::body::render_body(ed, f, f.area(), ratatui::style::Style::default());
        })
        .unwrap();
        let buf = t.backend().buffer();
        let screen: String = (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        insta::assert_snapshot!(format!("wrapped_paragraph_{w}"), screen);
        // Rows break between words: every row ends at a word's end.
        let text = paragraph();
        let words: Vec<&str> = text.split_whitespace().collect();
        for line in screen.lines() {
            if let Some(last) = line.split_whitespace().last() {
                assert!(
                    words.contains(&last) || text.ends_with(last),
                    "cut word {last:?} in {line:?}"
                );
            }
        }
    }
    // Up and Down move by screen row inside one long paragraph.
    let ed = s.editor.as_mut().unwrap();
    ed.key(&KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
    ed.key(&KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    let before = ed.body.cursor();
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| warta::ui::render(&s, &warta::ui::theme::Theme::plain(), f))
        .unwrap();
    let ed = s.editor.as_mut().unwrap();
    ed.key(&KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
    let after = ed.body.cursor();
    assert_eq!(after.0, before.0, "same line of text");
    assert!(
        after.1 < before.1 && before.1 - after.1 < 120,
        "moved one screen row: {before:?} -> {after:?}"
    );
}

#[test]
fn paste_round_trip_is_byte_exact() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "dimas");
    open_item(&room, &mut s, DIMAS_DRAFT);
    let article = "Jetis, Panwaslu Kecamatan Jetis – “Kami kawal sampai selesai,” tegasnya.  \n\n\n\"Kutipan lurus\" dan emoji 👍🏽 🇮🇩, spasi akhir   \n\n(Humas)\n";
    // Select everything in the body and replace it with the pasted article.
    let ed = s.editor.as_mut().unwrap();
    ed.set_body("");
    app::update(&mut s, Msg::Paste(article.replace('\n', "\r")));
    key(&room, &mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(s.status.as_ref().map(|x| x.1.as_str()), Some("Tersimpan."));
    let committed = room.snapshot().unwrap().item(DIMAS_DRAFT).unwrap().item.body.clone();
    assert_eq!(committed.as_bytes(), article.as_bytes());
}

#[test]
fn two_editors_on_one_item_merge_or_show_both_versions() {
    let (_t, room) = newsroom();
    let mut a = state(&room, "fajar");
    let mut b = state(&room, "hesti");
    open_item(&room, &mut a, SAMBIT);
    open_item(&room, &mut b, SAMBIT);
    let body = a.editor.as_ref().unwrap().body_text();
    let first = body.split("\n\n").next().unwrap().to_string();
    let last_para = body.trim_end().rsplit("\n\n").nth(1).unwrap().to_string();
    // Different paragraphs: the second save merges.
    a.editor
        .as_mut()
        .unwrap()
        .set_body(&body.replacen(&first, &format!("{first} [A]"), 1));
    key(&room, &mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    b.editor
        .as_mut()
        .unwrap()
        .set_body(&body.replacen(&last_para, &format!("{last_para} [B]"), 1));
    key(&room, &mut b, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        b.status.as_ref().map(|x| x.1.as_str()),
        Some("Tersimpan, digabung dengan suntingan orang lain.")
    );
    let merged = room.snapshot().unwrap().item(SAMBIT).unwrap().item.body.clone();
    assert!(merged.contains("[A]") && merged.contains("[B]"), "{merged}");
    assert_eq!(
        b.editor.as_ref().unwrap().body_text(),
        merged,
        "the editor shows the merged text"
    );
    // Now both change the same paragraph: b sees both versions and loses nothing.
    a.editor
        .as_mut()
        .unwrap()
        .load(&room.snapshot().unwrap().item(SAMBIT).unwrap().item);
    let base = room.snapshot().unwrap().item(SAMBIT).unwrap().item.clone();
    a.editor.as_mut().unwrap().base = base.clone();
    a.editor.as_mut().unwrap().saved = base;
    a.editor.as_mut().unwrap().set_body(&merged.replace("[A]", "[A lagi]"));
    key(&room, &mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    b.editor.as_mut().unwrap().set_body(&merged.replace("[A]", "[versi B]"));
    key(&room, &mut b, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(b.mode(), app::Mode::EditorConflict);
    let screen = draw(&b, 120, 40);
    assert!(
        screen.contains("versi saya") && screen.contains("versi di cabang"),
        "{screen}"
    );
    assert!(
        screen.contains("[+versi+]") && screen.contains("[+lagi+]"),
        "both versions shown: {screen}"
    );
    // Merge by hand: both versions land in the body, marked; then save.
    key(&room, &mut b, KeyCode::Char('3'), KeyModifiers::NONE);
    let text = b.editor.as_ref().unwrap().body_text();
    assert!(
        text.contains("<<<<<<< versi saya") && text.contains("[versi B]") && text.contains("[A lagi]"),
        "{text}"
    );
    let fixed = text
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<")
                && !l.starts_with("=======")
                && !l.starts_with(">>>>>>>")
                && !l.contains("[A lagi]")
        })
        .collect::<Vec<_>>()
        .join("\n");
    b.editor.as_mut().unwrap().set_body(&fixed);
    key(&room, &mut b, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(b.status.as_ref().map(|x| x.1.as_str()), Some("Tersimpan."));
    assert!(
        room.snapshot()
            .unwrap()
            .item(SAMBIT)
            .unwrap()
            .item
            .body
            .contains("[versi B]")
    );
}

#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "dimas");
    open_item(&room, &mut s, DIMAS_DRAFT);
    s.editor.as_mut().unwrap().paste("tambahan");
    key(&room, &mut s, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(s.mode(), app::Mode::EditorLeave);
    key(&room, &mut s, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(s.mode(), app::Mode::Editor, "Esc keeps writing");
    key(&room, &mut s, KeyCode::Esc, KeyModifiers::NONE);
    key(&room, &mut s, KeyCode::Char('y'), KeyModifiers::NONE);
    assert_eq!(s.screen, Screen::Item, "saved, then left");
    assert!(
        room.snapshot()
            .unwrap()
            .item(DIMAS_DRAFT)
            .unwrap()
            .item
            .body
            .contains("tambahan")
    );
}

#[test]
fn authors_cannot_edit_what_the_rules_forbid() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "wahyu");
    key(&room, &mut s, KeyCode::Tab, KeyModifiers::NONE);
    let idx = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == SAMBIT)
        .unwrap();
    s.list.selected = idx;
    key(&room, &mut s, KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(s.screen, Screen::List, "a submitted item is closed to its author");
    assert!(s.status.as_ref().unwrap().1.contains("Diajukan"), "{:?}", s.status);
}

#[test]
fn hangup_keeps_every_typed_character_for_the_next_session() {
    use common::tmux::{Tmux, wait_file};
    let d = common::Demo::new();
    let code = d.tmp.path().join("code");
    let args = format!("--repo {} --as sari", d.repo.display());
    let line = |code: &std::path::Path| common::tmux::warta_line(&d.home, &args, code);
    let t = Tmux::start("hangup", 100, 30, &line(&code));
    t.wait_for("Tugas saya", 10);
    t.keys(&["n"]);
    t.wait_for("Berita baru", 5);
    t.text("Rapat Pleno Rekapitulasi di Babadan");
    for _ in 0..6 {
        t.keys(&["Tab"]);
    }
    t.keys(&["End"]);
    let typed = "“Semua berjalan tertib,” ujarnya. 👍🏽 🇮🇩 café";
    // The template's dateline ends at the dash: the space is the person's own.
    t.text(&format!(" {typed}"));
    t.wait_for("tertib", 5);
    let pid = t.program_pid();
    std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    assert_eq!(wait_file(&code, 10), "0");
    drop(t);
    let code2 = d.tmp.path().join("code2");
    let t = Tmux::start("hangup2", 100, 30, &line(&code2));
    let screen = t.wait_for("Pulihkan?", 10);
    assert!(screen.contains("Rapat Pleno Rekapitulasi di Babadan"), "{screen}");
    assert!(screen.contains("Semua berjalan tertib"), "{screen}");
    t.keys(&["y"]);
    t.keys(&["C-s"]);
    t.wait_for("Tersimpan", 10);
    let slug = d
        .git(&["log", "-1", "--format=%(trailers:key=Warta-Item,valueonly)"])
        .trim()
        .to_string();
    let text = d.git(&["show", &format!("main:{}", layout::index_path(&slug))]);
    assert!(
        text.contains(&format!("Babadan, Panwaslu Kecamatan Babadan – {typed}\n")),
        "{text}"
    );
    assert!(
        text.contains("title = \"Rapat Pleno Rekapitulasi di Babadan\""),
        "{text}"
    );
}

#[test]
fn on_a_phone_the_restore_question_shows_its_answer_keys() {
    use common::tmux::{Tmux, wait_file};
    let d = common::Demo::new();
    let code = d.tmp.path().join("code");
    let args = format!("--repo {} --as sari", d.repo.display());
    let line = |code: &std::path::Path| common::tmux::warta_line(&d.home, &args, code);
    let t = Tmux::start("hangup-phone", 50, 16, &line(&code));
    t.wait_for("Tugas saya", 10);
    t.keys(&["n"]);
    t.wait_for("Berita baru", 5);
    t.text("Rapat Pleno");
    for _ in 0..6 {
        t.keys(&["Tab"]);
    }
    t.keys(&["End"]);
    t.text(" Panwaslu Kecamatan Babadan mengawasi rapat pleno rekapitulasi hasil penghitungan suara.");
    t.wait_for("rekapitulasi", 5);
    let pid = t.program_pid();
    std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    assert_eq!(wait_file(&code, 10), "0");
    drop(t);
    let t = Tmux::start("hangup-phone2", 50, 16, &line(&d.tmp.path().join("code2")));
    let screen = t.wait_for("Pulihkan?", 10);
    // The wrapped words may not push the answer out of the box.
    assert!(screen.contains("y pulihkan") && screen.contains("n buang"), "{screen}");
}

/// In a long article, whatever keys move the cursor, the terminal's cursor sits on the
/// character the next key will type before, and inside the body.
#[test]
fn the_cursor_on_screen_is_where_typing_goes_in_a_long_article() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "fajar");
    open_item(&room, &mut s, SAMBIT);
    let mut text = String::new();
    for i in 0..60 {
        let para = paragraph();
        // Wide and combined characters before the text: a thumb with a skin tone is
        // two cells, as is each of 犬猫.
        text.extend(["Paragraf ", &i.to_string(), " 👍🏽 犬猫: ", &para[..(i * 37) % 900]]);
        text.push_str(if i % 5 == 0 { "\n" } else { "\n\n" });
    }
    s.editor.as_mut().unwrap().set_body(&text);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let keys = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::PageDown,
        KeyCode::Up,
        KeyCode::PageUp,
        KeyCode::Right,
        KeyCode::End,
        KeyCode::Home,
        KeyCode::Char('x'),
        KeyCode::Left,
        KeyCode::Backspace,
        KeyCode::Enter,
    ];
    let mut rng = common::Rng(3);
    let mut checked = 0;
    for step in 0..400 {
        t.draw(|f| warta::ui::render(&s, &warta::ui::theme::Theme::plain(), f))
            .unwrap();
        let at = t.get_cursor_position().unwrap();
        let ed = s.editor.as_ref().unwrap();
        let ratatui_textarea::DataCursor(row, col) = ed.body.cursor();
        let view = ed.body_view.get();
        assert!(view.width > 0 && view.height > 0);
        if let Some(c) = ed.body.lines()[row].chars().nth(col).filter(|c| c.is_alphanumeric()) {
            assert_eq!(
                t.backend().buffer()[(at.x, at.y)].symbol(),
                c.to_string(),
                "step {step}: cursor {row}:{col} drawn at {at:?}"
            );
            checked += 1;
        }
        let code = keys[usize::try_from(rng.below(keys.len() as u64)).unwrap()];
        let ed = s.editor.as_mut().unwrap();
        ed.key(&KeyEvent::new(code, KeyModifiers::NONE));
    }
    assert!(checked > 100, "only {checked} positions fell on a letter");
    assert!(
        s.editor.as_ref().unwrap().body.cursor().0 > 10,
        "the keys moved down the article"
    );
}

/// Dates as people type them, and the hint of the focused field on screen.
#[test]
fn dates_are_taken_as_typed_and_every_field_says_what_it_wants() {
    let (_t, room) = newsroom();
    let mut s = state(&room, "dimas");
    open_item(&room, &mut s, DIMAS_DRAFT);
    // From the body to the date field: Shift-Tab back over photos, tags, location.
    for _ in 0..4 {
        key(&room, &mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    }
    assert_eq!(s.editor.as_ref().unwrap().field, warta::app::editor::Field::EventDate);
    assert!(
        draw(&s, 160, 30).contains("21/05/2024"),
        "the date field's hint is shown"
    );
    for (typed, want) in [("21/05/2024", "2024-05-21"), ("17 Agustus 2024", "2024-08-17")] {
        let ed = s.editor.as_mut().unwrap();
        ed.event_date = ratatui_textarea::TextArea::new(vec![typed.to_string()]);
        key(&room, &mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
        let saved = room.snapshot().unwrap();
        let item = &saved.item(DIMAS_DRAFT).unwrap().item;
        assert_eq!(
            item.front.event_date.map(|d| d.to_string()).as_deref(),
            Some(want),
            "{typed}"
        );
    }
    let ed = s.editor.as_mut().unwrap();
    ed.event_date = ratatui_textarea::TextArea::new(vec!["kemarin".to_string()]);
    let yesterday = s
        .now
        .to_zoned(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap())
        .date()
        .yesterday()
        .unwrap();
    assert_eq!(
        s.editor
            .as_ref()
            .unwrap()
            .item()
            .unwrap()
            .front
            .event_date
            .map(|d| d.to_string()),
        Some(yesterday.to_string())
    );
}
