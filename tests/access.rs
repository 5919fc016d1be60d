//! Access follows `warta.toml` while a session is open, and nothing of a hidden item
//! reaches a person through lists built across items: keys and store results through
//! keymap + update against a real newsroom, and one session in a real terminal.

mod common;

use std::sync::Arc;

use common::app::{draw, run, state};
use common::tmux::{Tmux, wait_file};
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Effect, Msg, Popup, Screen, State, keymap};
use warta::store::action::NewItem;
use warta::store::{Newsroom, Request};

const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
const NGEBEL: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";
const SECRET_TAG: &str = "rahasia-ngebel";

fn newsroom() -> (tempfile::TempDir, Newsroom) {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    (tmp, room)
}

fn key(room: &Newsroom, s: &mut State, code: KeyCode) -> Vec<Effect> {
    let Some(m) = keymap::lookup(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE)) else {
        return Vec::new();
    };
    let effects = app::update(s, m);
    // Journal writes are what the test looks at; the rest goes to the store.
    let (kept, rest): (Vec<_>, Vec<_>) = effects.into_iter().partition(|e| matches!(e, Effect::WriteJournal(_)));
    run(room, s, rest);
    kept
}

fn typed(room: &Newsroom, s: &mut State, text: &str) {
    for c in text.chars() {
        key(room, s, KeyCode::Char(c));
    }
}

/// Rewrite `warta.toml` in the work tree and commit it, as an admin would.
fn commit_config(tmp: &tempfile::TempDir, change: impl Fn(&str) -> String) {
    let repo = tmp.path().join("news");
    let path = repo.join("warta.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = change(&text);
    assert_ne!(changed, text, "the change applies");
    std::fs::write(&path, changed).unwrap();
    let home = tmp.path();
    common::git(
        home,
        &repo,
        &[
            "-c",
            "user.name=Admin IT",
            "-c",
            "user.email=admin@bawaslu-ponorogo.example",
            "commit",
            "-qam",
            "warta.toml: people",
        ],
    );
}

/// The `[[people]]` block of `id` taken out of `warta.toml`.
fn without_person(text: &str, id: &str) -> String {
    let blocks: Vec<&str> = text.split("[[people]]").collect();
    let mut out = blocks[0].to_string();
    for b in &blocks[1..] {
        if b.trim_start().starts_with(&format!("id = \"{id}\"")) {
            // Keep whatever follows the block (the next table).
            if let Some(next) = b.find("\n[") {
                out.push_str(&b[next + 1..]);
            }
            continue;
        }
        out.push_str("[[people]]");
        out.push_str(b);
    }
    out
}

/// `active_until` set for `id`.
fn expiring(text: &str, id: &str, until: &str) -> String {
    let at = text.find(&format!("id = \"{id}\"")).unwrap();
    let end = at + text[at..].find('\n').unwrap() + 1;
    format!("{}active_until = {until}\n{}", &text[..end], &text[end..])
}

fn titles(room: &Newsroom) -> Vec<String> {
    room.snapshot()
        .unwrap()
        .items
        .iter()
        .map(|e| e.item.front.title.chars().take(30).collect())
        .collect()
}

#[test]
fn a_removed_person_s_session_ends_and_keeps_what_was_typed() {
    let (tmp, room) = newsroom();
    let mut s = state(&room, "dimas");
    // Writing a new item, unsaved.
    key(&room, &mut s, KeyCode::Char('n'));
    assert_eq!(s.screen, Screen::Editor, "{:?}", s.status);
    typed(&room, &mut s, "Judul yang belum disimpan");
    let shown = draw(&s, 100, 30);
    assert!(shown.contains("Judul yang belum disimpan"), "{shown}");

    commit_config(&tmp, |t| without_person(t, "dimas"));
    let effects = app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));

    // The text is in the journal before anything is dropped.
    let journal = effects
        .iter()
        .find_map(|e| match e {
            Effect::WriteJournal(j) => Some(j),
            _ => None,
        })
        .expect("the journal is written");
    assert_eq!(journal.person, "dimas");
    assert!(
        journal.content.contains("Judul yang belum disimpan"),
        "{}",
        journal.content
    );
    // The session ends, saying why, with nothing of the newsroom left.
    let why = s.ended.clone().expect("the session ended");
    assert!(
        why.contains("Sesi berakhir") && why.contains("Dimas") && why.contains("tidak lagi terdaftar"),
        "{why}"
    );
    assert!(why.contains("disimpan di jurnal"), "{why}");
    assert!(s.quit);
    assert!(s.snapshot.is_none() && s.list.rows.is_empty() && s.editor.is_none() && s.item.open.is_none());
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Sesi berakhir"), "{screen}");
    for title in titles(&room) {
        assert!(!screen.contains(&title), "{title} still shown:\n{screen}");
    }
    // Nothing comes back: neither a later snapshot nor keys.
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    key(&room, &mut s, KeyCode::Tab);
    assert!(s.snapshot.is_none() && s.list.rows.is_empty());
}

#[test]
fn an_expired_person_s_session_ends_at_the_commit_or_at_the_day() {
    // At the commit that sets a past `active_until`; a comment being written is handed back.
    let (tmp, room) = newsroom();
    let mut s = state(&room, "dimas");
    key(&room, &mut s, KeyCode::Tab);
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == DIMAS_DRAFT)
        .unwrap();
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    key(&room, &mut s, KeyCode::Char('c'));
    assert!(matches!(s.popup, Some(Popup::Compose { .. })));
    typed(&room, &mut s, "Mohon dicek ulang angkanya");
    commit_config(&tmp, |t| expiring(t, "dimas", "2020-01-31"));
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    let why = s.ended.clone().expect("the session ended");
    assert!(why.contains("berakhir pada 2020-01-31"), "{why}");
    assert!(
        why.contains("Mohon dicek ulang angkanya"),
        "typed text handed back: {why}"
    );
    let screen = draw(&s, 100, 30);
    assert!(!screen.contains("Rekapitulasi"), "{screen}");

    // With no commit at all: the day after `active_until` comes while the session is open.
    let (tmp, room) = newsroom();
    commit_config(&tmp, |t| expiring(t, "hesti", "2099-01-31"));
    let mut s = state(&room, "hesti");
    assert!(s.ended.is_none() && !s.list.rows.is_empty());
    app::update(&mut s, Msg::Tick("2099-02-01T12:00:00+07:00".parse().unwrap()));
    let why = s.ended.clone().expect("the session ended");
    assert!(why.contains("berakhir pada 2099-01-31"), "{why}");
    assert!(s.snapshot.is_none());

    // Someone who never was a person keeps the read-only view.
    let mut s = state(&room, "dimas");
    s.me = None;
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    assert!(s.ended.is_none() && s.snapshot.is_some());
}

/// The tags the `T` key cycles through, in order, until the filter is off again.
fn filter_tags(room: &Newsroom, s: &mut State) -> Vec<String> {
    // `T` opens the tag picker: its choices are what the filter offers.
    key(room, s, KeyCode::Char('T'));
    let seen = s
        .newcomer
        .picker
        .as_ref()
        .expect("the tag picker opens")
        .choices
        .iter()
        .filter_map(|c| c.value.clone())
        .collect();
    key(room, s, KeyCode::Esc);
    seen
}

/// The completions offered in a new item's tags field for `fragment`.
fn completions(room: &Newsroom, s: &mut State, fragment: &str) -> Vec<String> {
    key(room, s, KeyCode::Char('n'));
    assert_eq!(s.screen, Screen::Editor, "{:?}", s.status);
    let ed = s.editor.as_mut().unwrap();
    while ed.field != warta::app::editor::Field::Tags {
        ed.next_field(true);
    }
    typed(room, s, fragment);
    s.editor
        .as_ref()
        .unwrap()
        .suggestions()
        .iter()
        .map(|t| (*t).to_string())
        .collect()
}

#[test]
fn a_hidden_draft_s_tags_are_offered_only_to_who_may_see_it() {
    let (_tmp, room) = newsroom();
    // rina's draft for Ngebel, with a tag used nowhere else.
    room.apply(
        "rina",
        &Request::Create(NewItem {
            title: "Rapat tertutup soal temuan".into(),
            tags: vec![SECRET_TAG.into(), "humas".into()],
            ..NewItem::default()
        }),
    )
    .unwrap();

    // dimas writes for Jetis: neither the filter nor completion offers it.
    let mut s = state(&room, "dimas");
    let tags = filter_tags(&room, &mut s);
    assert!(
        tags.contains(&"humas".to_string()),
        "the vocabulary is offered: {tags:?}"
    );
    assert!(!tags.contains(&SECRET_TAG.to_string()), "{tags:?}");
    assert!(completions(&room, &mut s, "rahasia").is_empty());
    let screen = draw(&s, 120, 30);
    assert!(!screen.contains(SECRET_TAG), "{screen}");

    // hesti approves for the whole kabupaten: both offer it.
    let mut s = state(&room, "hesti");
    assert!(filter_tags(&room, &mut s).contains(&SECRET_TAG.to_string()));
    assert_eq!(completions(&room, &mut s, "rahasia"), vec![SECRET_TAG.to_string()]);
    // So does rina, whose draft it is.
    let mut s = state(&room, "rina");
    assert!(filter_tags(&room, &mut s).contains(&SECRET_TAG.to_string()));
}

#[test]
fn an_item_that_becomes_hidden_is_closed_at_the_next_load() {
    let (tmp, room) = newsroom();
    // fajar, an editor, reads rina's submitted Ngebel item.
    let mut s = state(&room, "fajar");
    key(&room, &mut s, KeyCode::Tab);
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == NGEBEL)
        .unwrap();
    key(&room, &mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    assert!(draw(&s, 100, 30).contains("Panwascam Ngebel"));
    // The admin makes him an author for Sambit: Ngebel's drafts are not his to see now.
    commit_config(&tmp, |t| {
        t.replace("roles = [\"editor\"]", "roles = [\"author\"]\nkecamatan = \"sambit\"")
    });
    app::update(&mut s, Msg::Loaded(Arc::new(room.snapshot().unwrap())));
    assert!(s.ended.is_none());
    assert_eq!(s.screen, Screen::List);
    assert!(s.current().is_none_or(|e| e.slug != NGEBEL));
    let screen = draw(&s, 100, 30);
    assert!(!screen.contains("Panwascam Ngebel"), "{screen}");
    assert!(screen.contains("tidak lagi terlihat"), "{screen}");
}

/// A real session in tmux: the admin removes the person with a commit; the session
/// ends within seconds, saying why, and leaves no item on the screen.
#[test]
fn a_session_ends_in_the_terminal_when_the_person_is_removed() {
    let d = common::Demo::new();
    let code = d.tmp.path().join("code");
    let line = format!(
        "env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color {bin} --repo {repo} session dimas; echo exit=$? > {code}; sleep 60",
        home = d.home.display(),
        bin = env!("CARGO_BIN_EXE_warta"),
        repo = d.repo.display(),
        code = code.display(),
    );
    let t = Tmux::start("removed", 100, 30, &line);
    t.wait_for("Panwascam Jetis", 10);
    let path = d.repo.join("warta.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, without_person(&text, "dimas")).unwrap();
    d.git(&[
        "-c",
        "user.name=Admin IT",
        "-c",
        "user.email=admin@bawaslu-ponorogo.example",
        "commit",
        "-qam",
        "warta.toml: dimas leaves",
    ]);
    let screen = t.wait_for("Sesi berakhir", 5);
    assert!(screen.contains("tidak lagi terdaftar"), "{screen}");
    assert!(!screen.contains("Panwascam Jetis"), "{screen}");
    assert_eq!(wait_file(&code, 10), "exit=1");
}
