//! Attacks on warta: escape sequences in items, symlinks, oversized input, and a
//! seeded monkey of keys, pastes and resizes.

mod common;

use std::sync::Arc;
use warta::domain::layout;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
use warta::app::{self, Msg, State, keymap};
use warta::i18n::Lang;
use warta::ui::theme::Theme;

const DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
const EVIL: &str = "Judul \u{1b}]0;pwned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7} \u{1b}]8;;http://evil.example\u{7}tautan\u{1b}]8;;\u{7} \u{9b}2J \u{202e}balik \u{200b}";

#[test]
fn escape_sequences_never_reach_the_terminal_or_the_cli() {
    let d = common::Demo::new();
    let body = d.tmp.path().join("evil.md");
    std::fs::write(&body, format!("Jetis, Panwaslu Kecamatan Jetis – {EVIL}\n\n(Humas)\n")).unwrap();
    d.ok("dimas", &["edit", DRAFT, "--body-file", body.to_str().unwrap()]);
    d.ok("dimas", &["comment", DRAFT, "-m", EVIL]);
    // The CLI, plain and JSON, never prints a raw escape, C1 byte or bidi override.
    for args in [
        vec!["show", DRAFT],
        vec!["show", DRAFT, "--json"],
        vec!["log", DRAFT],
        vec!["list"],
        vec!["diff", DRAFT, "--from", "1"],
    ] {
        let out = d.ok("dimas", &args);
        let raw = ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}'];
        assert!(!out.chars().any(|c| raw.contains(&c)), "{args:?}: {out:?}");
    }
    // A real terminal: the pane title stays what it was, the screen shows the marks.
    let code = d.tmp.path().join("code");
    let line = common::tmux::warta_line(&d.home, &format!("--repo {} --as dimas", d.repo.display()), &code);
    let t = common::tmux::Tmux::start("evil", 120, 40, &line);
    let title_before = t.title();
    t.wait_for("Tugas saya", 10);
    t.keys(&["Tab"]);
    t.wait_for("Rekapitulasi", 5);
    let screen = t.screen();
    let row = screen.lines().position(|l| l.contains("Rekapitulasi")).unwrap();
    let first = screen.lines().position(|l| l.contains('▶')).unwrap();
    for _ in first..row {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    let s = t.wait_for("pwned", 5);
    assert!(s.contains("␛]0;pwned␇"), "escapes shown visibly: {s}");
    assert!(!s.contains("rm -rf"), "{s}");
    assert_eq!(t.title(), title_before, "pane title untouched");
    assert_ne!(t.title(), "pwned");
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(600));
    t.keys(&["q"]);
    assert_eq!(common::tmux::wait_file(&code, 10), "0");
}

#[test]
fn symlinks_in_the_work_tree_are_never_followed() {
    let d = common::Demo::new();
    let outside = d.tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    let folder = d.repo.join(layout::draft_dir(DRAFT));
    // Make the item's folder a symlink to a directory outside, holding a pristine copy.
    std::fs::copy(folder.join("index.md"), outside.join("index.md")).unwrap();
    let before = std::fs::read_to_string(outside.join("index.md")).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(&outside, &folder).unwrap();
    d.ok("dimas", &["edit", DRAFT, "--title", "Judul Baru Rekapitulasi Jetis"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("index.md")).unwrap(),
        before,
        "nothing written outside"
    );
    // A committed symlink as index.md is a broken item, never read through.
    let dir = d.repo.join(layout::draft_dir("2024-01-01-tautan"));
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("index.md")).unwrap();
    std::fs::remove_file(&folder).unwrap();
    d.git(&["checkout", "--", "."]);
    d.git(&["add", &layout::draft_dir("2024-01-01-tautan")]);
    d.git(&["-c", "user.name=X", "-c", "user.email=x@x", "commit", "-qm", "link"]);
    let out = d.ok("hesti", &["list"]);
    let line = out
        .lines()
        .find(|l| l.contains("2024-01-01-tautan"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("index.md is missing") && !out.contains("root:"), "{line}");
}

#[test]
fn oversized_items_are_refused_with_nothing_written() {
    let d = common::Demo::new();
    let big = d.tmp.path().join("big.md");
    std::fs::write(&big, "kata ".repeat(300_000)).unwrap();
    let before = d.head();
    let (code, _, err) = d.run(Some("dimas"), &["edit", DRAFT, "--body-file", big.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("melebihi batas"), "{err}");
    assert_eq!(d.head(), before);
    // A huge file committed by hand is listed as broken; the rest still loads.
    let dir = d.repo.join(layout::draft_dir("2024-01-01-besar"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.md"),
        format!("+++\ntitle = \"x\"\n+++\n{}", "a".repeat(2 << 20)),
    )
    .unwrap();
    d.git(&["add", "."]);
    d.git(&["-c", "user.name=X", "-c", "user.email=x@x", "commit", "-qm", "big"]);
    let out = d.ok("hesti", &["list"]);
    assert!(
        out.lines()
            .any(|l| l.contains("2024-01-01-besar") && l.contains("too large")),
        "{out}"
    );
    assert!(out.lines().count() > 10);
}

#[test]
fn monkey_keys_pastes_and_resizes_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let snap = Arc::new(room.snapshot().unwrap());
    let events: usize = std::env::var("WARTA_MONKEY_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    for (seed, who) in [(1, "hesti"), (2, "dimas"), (3, "fajar")] {
        let mut rng = common::Rng(seed);
        let mut s = State::new(Lang::Id, Some(who.into()), Vec::new());
        app::update(&mut s, Msg::Loaded(snap.clone()));
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let keys = [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::F(1),
        ];
        let chars = "qjkaeswrxpcnd/?[]<>hbv0SKT 👍🏽é\u{1b}";
        let chars: Vec<char> = chars.chars().collect();
        for i in 0..events / 3 {
            let msg = match rng.below(20) {
                0 => {
                    let (w, h) = (1 + rng.below(300) as u16, 1 + rng.below(100) as u16);
                    term.backend_mut().resize(w, h);
                    Some(Msg::Resize(w, h))
                }
                1 => Some(Msg::Paste(
                    ["\r\n\r\n", "“kutipan” 🇮🇩", "\u{1b}[2J", "a\tb", ""][rng.below(5) as usize].to_string(),
                )),
                2..=9 => {
                    let code = keys[rng.below(keys.len() as u64) as usize];
                    keymap::lookup(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE))
                }
                _ => {
                    let c = chars[rng.below(chars.len() as u64) as usize];
                    let mods = if rng.below(10) == 0 {
                        KeyModifiers::CONTROL
                    } else {
                        KeyModifiers::NONE
                    };
                    let key = KeyEvent::new(KeyCode::Char(c), mods);
                    // Never let the monkey quit: it would stop exploring.
                    if c == 'c' && mods == KeyModifiers::CONTROL || c == 'q' && s.mode() == app::Mode::List {
                        None
                    } else {
                        keymap::lookup(s.mode(), &key)
                    }
                }
            };
            if let Some(m) = msg {
                // Effects are dropped: the monkey tests update and render, not the store.
                let _ = app::update(&mut s, m);
            }
            if i % 5 == 0 {
                term.draw(|f| warta::ui::render(&s, &Theme::plain(), f)).unwrap();
            }
            s.quit = false;
            s.jobs.clear();
        }
    }
}

/// Run warta with its address space capped at `mb` megabytes: a run that needs more
/// memory than that fails instead of passing.
fn capped(d: &common::Demo, mb: u64, who: &str, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new("sh")
        .env_clear()
        .env("HOME", &d.home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$@\"", mb * 1024))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_warta"))
        .arg("--repo")
        .arg(&d.repo)
        .args(["--as", who])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A 100 MB item, a 100 MB photo, a line of a million characters, 10,000 tags and
/// 100,000 comments, all committed by hand: each is refused clearly or handled, the rest
/// of the newsroom still works, and no run needs more than a bounded amount of memory.
#[test]
fn huge_inputs_are_refused_or_handled_in_bounded_memory() {
    const CAP_MB: u64 = 112;
    const GIANT: &str = "2024-01-02-berita-raksasa";
    const LINE: &str = "2024-01-03-satu-baris-panjang";
    const TAGS: &str = "2024-01-04-sepuluh-ribu-tag";
    let d = common::Demo::new();
    let front = |title: &str, tags: &str| {
        format!("+++\ntitle = \"{title}\"\nkecamatan = \"babadan\"\nauthor = \"sari\"\ntags = [{tags}]\n+++\n")
    };
    let write = |rel: &str, bytes: &[u8]| {
        let p = d.repo.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    let mut giant = front("Raksasa", "").into_bytes();
    giant.extend(std::iter::repeat_n(b'a', 100 << 20));
    write(&layout::index_path(GIANT), &giant);
    drop(giant);
    write(
        &layout::file_path(DRAFT, "foto-besar.jpg"),
        &(0..100u32 << 20).map(|i| (i % 251) as u8).collect::<Vec<u8>>(),
    );
    write(
        &layout::index_path(LINE),
        format!("{}{}\n", front("Satu baris", ""), "kata ".repeat(200_000)).as_bytes(),
    );
    let tags: Vec<String> = (0..10_000).map(|i| format!("\"tag-{i}\"")).collect();
    write(
        &layout::index_path(TAGS),
        format!("{}Isi singkat.\n", front("Sepuluh ribu tag", &tags.join(", "))).as_bytes(),
    );
    let log = d.repo.join(layout::review_path(DRAFT));
    let mut text = std::fs::read_to_string(&log).unwrap();
    for i in 0..100_000 {
        use std::fmt::Write;
        write!(
            text,
            "\n[[events]]\nat = \"2024-11-30T10:00:00+07:00\"\nactor = \"hesti\"\naction = \"comment\"\nthread = {}\nparagraph = 1\nmessage = \"Komentar {i}\"\n",
            i + 10
        )
        .unwrap();
    }
    std::fs::write(&log, text).unwrap();
    d.git(&["add", "."]);
    d.git(&["-c", "user.name=X", "-c", "user.email=x@x", "commit", "-qm", "huge"]);

    let (code, out, err) = capped(&d, CAP_MB, "hesti", &["list"]);
    assert_eq!(code, 0, "{err}");
    let line = |slug: &str| out.lines().find(|l| l.contains(slug)).unwrap_or_default().to_string();
    assert!(line(GIANT).contains("too large"), "{out}");
    assert!(line(DRAFT).contains("too many events"), "{out}");
    assert!(line(LINE).contains("Satu baris"), "{out}");
    assert!(line(TAGS).contains("Sepuluh ribu tag"), "{out}");

    let (code, out, err) = capped(&d, CAP_MB, "hesti", &["show", TAGS]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("tag-9999"));
    let (code, out, err) = capped(&d, CAP_MB, "hesti", &["show", LINE]);
    assert_eq!(code, 0, "{err}");
    assert!(out.len() > 1_000_000);

    // Acting on the overgrown log is refused with the reason; nothing is written.
    let before = d.head();
    let (code, _, err) = capped(&d, CAP_MB, "hesti", &["comment", DRAFT, "-m", "Satu lagi."]);
    assert_ne!(code, 0);
    assert!(err.contains("too many events"), "{err}");
    assert_eq!(d.head(), before);
    // The others take actions as usual.
    for slug in [LINE, TAGS] {
        let (code, _, err) = capped(&d, CAP_MB, "hesti", &["comment", slug, "-m", "Periksa."]);
        assert_eq!(code, 0, "{slug}: {err}");
    }

    // The TUI draws the list and both items at a normal size.
    let press = |s: &mut State, code: KeyCode| {
        let msg = keymap::lookup(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE)).unwrap();
        let _ = app::update(s, msg);
    };
    let room = warta::store::Newsroom::open(&d.repo).unwrap();
    let mut s = common::app::state(&room, "hesti");
    let _ = app::update(&mut s, Msg::Resize(100, 30));
    press(&mut s, KeyCode::Tab);
    for slug in [LINE, TAGS] {
        s.list.selected = s
            .list
            .rows
            .iter()
            .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == slug)
            .unwrap();
        press(&mut s, KeyCode::Enter);
        let screen = common::app::draw(&s, 100, 30);
        assert!(
            screen.contains(if slug == TAGS { "Sepuluh ribu tag" } else { "Satu baris" }),
            "{screen}"
        );
        press(&mut s, KeyCode::Esc);
    }
}

/// With neither `HOME` nor `XDG_STATE_HOME`, the state folder is `warta-state-<uid>`
/// in the temp dir, never one fixed name for everyone. One made first and left open
/// to everyone is refused with a message, and nothing starts; once it is gone, warta
/// makes its own, closed to others.
#[test]
fn without_home_the_state_folder_is_per_user_and_checked() {
    use std::os::unix::fs::PermissionsExt;
    let d = common::Demo::new();
    let tmpdir = d.tmp.path().join("t");
    std::fs::create_dir(&tmpdir).unwrap();
    let uid = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata("/proc/self").unwrap());
    let state = tmpdir.join(format!("warta-state-{uid}"));
    std::fs::create_dir(&state).unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o777)).unwrap();
    let line = |code: &std::path::Path| {
        format!(
            "env -i TMPDIR={tmp} PATH=/usr/bin:/bin TERM=xterm-256color {bin} --repo {repo} --as sari; echo $? > {code}; sleep 60",
            tmp = tmpdir.display(),
            bin = env!("CARGO_BIN_EXE_warta"),
            repo = d.repo.display(),
            code = code.display(),
        )
    };
    let code = d.tmp.path().join("code1");
    let t = common::tmux::Tmux::start("nohome1", 100, 30, &line(&code));
    assert_eq!(common::tmux::wait_file(&code, 10), "4");
    let screen = t.screen();
    assert!(screen.contains("dapat ditulis semua orang"), "{screen}");
    assert_eq!(std::fs::read_dir(&state).unwrap().count(), 0, "nothing written into it");
    drop(t);
    std::fs::remove_dir(&state).unwrap();
    let code = d.tmp.path().join("code2");
    let t = common::tmux::Tmux::start("nohome2", 100, 30, &line(&code));
    t.wait_for("berita", 10);
    let m = std::fs::metadata(&state).unwrap();
    assert_eq!(m.permissions().mode() & 0o777, 0o700);
    t.keys(&["q"]);
    assert_eq!(common::tmux::wait_file(&code, 10), "0");
}
