//! Spelling and house style end to end, with Debian's Indonesian Hunspell dictionary
//! (`hunspell-id`, installed by `.ci/run`): `warta check` on a real article with planted
//! typos and on the demo newsroom, the newsroom's words as a recorded action judged by
//! `verify`, the quiet notice without a dictionary, and the editor in real tmux.

mod common;

use common::Demo;
use common::tmux::Tmux;

/// A Bawaslu-style article with five planted typos.
const ARTICLE: &str = include_str!("fixtures/spelling/artikel.md");

/// The planted typos and the word each stands for.
const PLANTED: [(&str, &str); 5] = [
    ("berlangsng", "berlangsung"),
    ("pengawsan", "pengawasan"),
    ("masyarakt", "masyarakat"),
    ("sosialiasi", "sosialisasi"),
    ("kecamtan", "kecamatan"),
];

/// The spelling findings of `check --json`: (word, suggestions, line, column).
fn spelling(d: &Demo, who: &str, slug: &str) -> Vec<(String, Vec<String>, u64, u64)> {
    let v = d.json(who, &["check", slug, "--json"]);
    let entry = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "spelling")
        .expect("a spelling entry")
        .clone();
    assert_eq!(
        entry["checked"], true,
        "the dictionary is installed (hunspell-id): {entry}"
    );
    entry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["word"].as_str().unwrap().to_string(),
                f["suggestions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A new draft by Wahyu (Sambit) holding the fixture article; returns its slug.
fn article(d: &Demo) -> String {
    let body = d.tmp.path().join("artikel.md");
    std::fs::write(&body, ARTICLE).unwrap();
    let out = d.ok(
        "wahyu",
        &[
            "new",
            "--title",
            "Panwascam Sambit Gelar Rapat Koordinasi Pengawasan",
            "--tag",
            "pengawasan",
        ],
    );
    let slug = out.lines().last().unwrap().trim().to_string();
    d.ok("wahyu", &["edit", &slug, "--body-file", body.to_str().unwrap()]);
    slug
}

#[test]
fn five_planted_typos_are_found_with_a_useful_suggestion_and_no_name_is() {
    let d = Demo::new();
    let slug = article(&d);
    let found = spelling(&d, "wahyu", &slug);
    let words: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    // Exactly the five: names from warta.toml (Sambit, Wahyu Kurniawan, Hesti
    // Purwaningsih, Ponorogo) and the domain list (PTPS, coklit, Gakkumdu, DPT, Siwaslu)
    // are never found, nor are formed words (Tegasnya, hadirkan, diampu, kapabilitas).
    assert_eq!(words, PLANTED.map(|p| p.0), "{found:?}");
    for ((word, suggestions, line, column), (_, meant)) in found.iter().zip(PLANTED) {
        assert_eq!(
            suggestions.first().map(String::as_str),
            Some(meant),
            "{word}: {suggestions:?}"
        );
        // The place is where the word is in the item's file.
        let file = d.git(&["show", &format!("main:{}", warta::domain::layout::index_path(&slug))]);
        let at_line = file.lines().nth(usize::try_from(*line).unwrap() - 1).unwrap();
        let rest: String = at_line.chars().skip(usize::try_from(*column).unwrap() - 1).collect();
        assert!(rest.starts_with(word.as_str()), "{word} at {line}:{column}: {at_line}");
    }
    let (code, out, _) = d.run(Some("wahyu"), &["check", &slug]);
    assert_eq!(code, 0, "spelling is a hint, never a refusal: {out}");
    assert!(out.contains("5 kata mungkin salah ketik"), "{out}");
    assert!(out.contains("berlangsng  → berlangsung"), "{out}");
}

#[test]
fn the_demo_articles_have_at_most_one_false_finding_per_500_words() {
    let d = Demo::new();
    let list = d.json("hesti", &["list", "--json"]);
    let (mut words, mut false_findings) = (0, Vec::new());
    for item in list.as_array().unwrap() {
        let slug = item["slug"].as_str().unwrap();
        let shown = d.json("hesti", &["show", slug, "--json"]);
        words += shown["body"].as_str().unwrap().split_whitespace().count()
            + shown["title"].as_str().unwrap().split_whitespace().count();
        // The demo articles are written without typos: every finding is a false one.
        false_findings.extend(spelling(&d, "hesti", slug).into_iter().map(|f| f.0));
    }
    assert!(words > 4000, "{words}");
    assert!(
        false_findings.len() * 500 <= words,
        "{} false findings in {words} words: {false_findings:?}",
        false_findings.len()
    );
}

#[test]
fn newsroom_words_are_added_by_approvers_as_a_recorded_action_and_verify_judges_them() {
    let d = Demo::new();
    let slug = article(&d);
    let before = d.head();
    // An author may not add to the newsroom's list: nothing is written.
    let (code, _, err) = d.run(Some("wahyu"), &["words", "add", "masyarakt"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Tidak diizinkan"), "{err}");
    assert_eq!(d.head(), before);
    // Not a word: refused before anything is written.
    let (code, _, err) = d.run(Some("hesti"), &["words", "add", "dua kata"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("bukan satu kata"), "{err}");
    // An approver adds it: one commit, judged clean by verify, and check accepts the word.
    let out = d.ok("hesti", &["words", "add", "masyarakt"]);
    assert!(out.contains("masyarakt"), "{out}");
    assert_ne!(d.head(), before);
    let log = d.git(&["log", "-1", "--format=%an|%B"]);
    assert!(
        log.contains("Warta-Action: config") && log.contains("Warta-Actor: hesti"),
        "{log}"
    );
    assert!(d.ok("hesti", &["verify"]).contains("tidak ada pelanggaran"));
    let words: Vec<String> = spelling(&d, "wahyu", &slug).into_iter().map(|f| f.0).collect();
    assert!(!words.contains(&"masyarakt".to_string()), "{words:?}");
    assert!(d.ok("wahyu", &["words", "list"]).lines().any(|l| l == "masyarakt"));
    // Adding it again records nothing.
    let head = d.head();
    d.ok("hesti", &["words", "add", "Masyarakt"]);
    assert_eq!(d.head(), head);
    // With plain git, an approver may change only the words: another key is flagged.
    d.git(&["checkout", "-q", "main"]);
    let toml = d.repo.join("warta.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let commit_as_hesti = |msg: &str| {
        d.git(&[
            "-c",
            "user.name=Hesti",
            "-c",
            "user.email=hesti@bawaslu-ponorogo.example",
            "commit",
            "-qam",
            msg,
        ]);
    };
    std::fs::write(&toml, text.replace("[\"masyarakt\"]", "[\"masyarakt\", \"Ngebelan\"]")).unwrap();
    commit_as_hesti("words by hand");
    assert!(d.ok("hesti", &["verify"]).contains("tidak ada pelanggaran"));
    let changed = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("allow_self_approval = false", "allow_self_approval = true");
    std::fs::write(&toml, changed).unwrap();
    commit_as_hesti("self approval by hand");
    let (code, out, _) = d.run(Some("hesti"), &["verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("warta.toml"), "{out}");
}

#[test]
fn own_words_quiet_the_checker_for_that_person_only() {
    let d = Demo::new();
    let slug = article(&d);
    d.ok("wahyu", &["words", "add", "--mine", "pengawsan"]);
    let mine: Vec<String> = spelling(&d, "wahyu", &slug).into_iter().map(|f| f.0).collect();
    assert!(!mine.contains(&"pengawsan".to_string()), "{mine:?}");
    let theirs: Vec<String> = spelling(&d, "hesti", &slug).into_iter().map(|f| f.0).collect();
    assert!(theirs.contains(&"pengawsan".to_string()), "{theirs:?}");
}

#[test]
fn without_a_dictionary_one_quiet_notice_and_the_checklist_still_runs() {
    let d = Demo::new();
    let slug = article(&d);
    d.git(&["checkout", "-q", "main"]);
    let toml = d.repo.join("warta.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[spelling]\ndictionary = \"/nonexistent/id_ID.dic\"\n");
    std::fs::write(&toml, text).unwrap();
    d.git(&[
        "-c",
        "user.name=Admin",
        "-c",
        "user.email=admin-it@bawaslu-ponorogo.example",
        "commit",
        "-qam",
        "no dictionary",
    ]);
    let (code, out, err) = d.run(Some("wahyu"), &["check", &slug]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        err.matches("Kamus ejaan bahasa Indonesia tidak ditemukan").count(),
        1,
        "{err}"
    );
    assert!(out.contains("panjang judul") && !out.contains("salah ketik"), "{out}");
    let v = d.json("wahyu", &["check", &slug, "--json"]);
    let entry = v.as_array().unwrap().iter().find(|r| r["rule"] == "spelling").unwrap();
    assert_eq!(entry["checked"], false);
}

#[test]
fn house_style_slips_are_listed_with_line_and_column() {
    let d = Demo::new();
    let slug = article(&d);
    let body = d.tmp.path().join("gaya.md");
    let text = ARTICLE
        .replace("Selasa (19/11/2024)", "Selasa, 19 November 2024")
        .replace("dihadiri Camat", "di hadiri Camat")
        .replace("anggota Bawaslu Kabupaten", "anggota bawaslu Kabupaten");
    std::fs::write(&body, text).unwrap();
    d.ok("wahyu", &["edit", &slug, "--body-file", body.to_str().unwrap()]);
    let (_, out, _) = d.run(Some("wahyu"), &["check", &slug]);
    for (slip, fix) in [
        ("Selasa, 19 November 2024", "Selasa (19/11/2024)"),
        ("di hadiri", "dihadiri"),
        ("bawaslu Kabupaten", "Bawaslu Kabupaten"),
    ] {
        assert!(out.contains(&format!("{slip}  → {fix}")), "{slip}: {out}");
    }
    assert!(out.contains("! penulisan \"di\""), "{out}");
    let v = d.json("wahyu", &["check", &slug, "--json"]);
    let date = v.as_array().unwrap().iter().find(|r| r["rule"] == "date_form").unwrap();
    assert_eq!(date["passed"], false);
    assert_eq!(date["findings"][0]["fix"], "Selasa (19/11/2024)");
    assert!(date["findings"][0]["line"].as_u64().unwrap() > 1);
}

/// warta in tmux as wahyu (Sambit's author), at `w` x `h`, on the list.
fn as_wahyu(d: &Demo, name: &str, w: u16, h: u16) -> Tmux {
    let line = format!(
        "env -i HOME={} PATH=/usr/bin:/bin TERM=xterm-256color {} --repo {} --as wahyu; sleep 60",
        d.home.display(),
        env!("CARGO_BIN_EXE_warta"),
        d.repo.display(),
    );
    let t = Tmux::start(name, w, h, &line);
    t.wait_for("Tugas saya", 10);
    t
}

#[test]
fn the_editor_marks_a_misspelled_word_and_offers_suggestions() {
    let d = Demo::new();
    let slug = article(&d);
    let t = as_wahyu(&d, "spelling", 100, 30);
    // The draft to work on is first; the submitted one waits below, for the approvers.
    t.wait_for("▶ Draf", 5);
    t.keys(&["e"]);
    t.wait_for("berlangsng", 10);
    // Marked: underlined (SGR 4) right before the word.
    let start = std::time::Instant::now();
    loop {
        let styled = t.screen_styled();
        // The style codes right before the word: one of them sets underline (4).
        let marked = styled.split("berlangsng").next().is_some_and(|before| {
            before.rsplit('\x1b').take(3).any(|sgr| {
                sgr.strip_prefix('[')
                    .and_then(|p| p.strip_suffix('m'))
                    .is_some_and(|p| p.split(';').any(|n| n == "4"))
            })
        });
        if marked {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "no mark on the word:\n{styled}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    t.keys(&["F7"]);
    let screen = t.wait_for("Ejaan: berlangsng", 5);
    assert!(screen.contains("berlangsung"), "{screen}");
    assert!(
        !screen.contains("daftar redaksi"),
        "an author may not add to the newsroom's list: {screen}"
    );
    t.keys(&["Enter"]);
    let screen = t.wait_for("Kegiatan yang berlangsung sejak", 5);
    assert!(!screen.contains("berlangsng"), "{screen}");
    t.keys(&["C-s"]);
    t.wait_for("Tersimpan", 10);
    let file = d.git(&["show", &format!("main:{}", warta::domain::layout::index_path(&slug))]);
    assert!(file.contains("yang berlangsung sejak"), "{file}");
}

#[test]
fn on_a_phone_the_spelling_popup_shows_its_keys_and_leaves_the_word_in_sight() {
    let d = Demo::new();
    article(&d);
    let t = as_wahyu(&d, "spelling-phone", 50, 16);
    t.wait_for("▶ Draf", 5);
    t.keys(&["e"]);
    t.wait_for("── Isi", 10);
    t.keys(&["F7"]);
    let screen = t.wait_for("Ejaan: ", 5);
    // The body has three rows here: the popup may not squeeze into them and lose its keys.
    assert!(screen.contains("Enter") && screen.contains("Esc"), "{screen}");
    let word = screen
        .lines()
        .find_map(|l| {
            l.split_once("Ejaan: ")
                .map(|(_, w)| w.split_whitespace().next().unwrap_or("").to_string())
        })
        .unwrap();
    assert!(
        screen
            .lines()
            .any(|l| !l.contains("Ejaan") && l.contains(word.as_str())),
        "the popup hides {word}:\n{screen}"
    );
}

#[test]
fn the_editor_says_once_that_spelling_is_not_checked_without_a_dictionary() {
    use warta::app::spelling::SpellMsg;
    use warta::app::{self, Msg};
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut s = common::app::state(&room, "wahyu");
    // The first full snapshot asked the runtime for a speller; later messages do not.
    assert!(s.spelling.asked_for.is_some());
    let now = s.now;
    let effects = app::update(&mut s, Msg::Tick(now));
    assert!(effects.is_empty(), "{effects:?}");
    app::update(&mut s, Msg::Spelling(SpellMsg::Ready(None)));
    assert!(s.status.is_none(), "not before the editor opens");
    app::update(&mut s, Msg::NewItem);
    let notice = s.status.clone().map(|(_, m)| m).unwrap_or_default();
    assert!(
        notice.contains("Kamus ejaan bahasa Indonesia tidak ditemukan"),
        "{notice}"
    );
    s.status = None;
    app::update(&mut s, Msg::Back);
    app::update(&mut s, Msg::NewItem);
    let again = s.status.clone().map(|(_, m)| m).unwrap_or_default();
    assert!(!again.contains("Kamus ejaan"), "once only: {again}");
    // F7 without a speller does nothing.
    app::update(&mut s, Msg::Spelling(SpellMsg::Next));
    assert!(s.spelling.popup.is_none());
}

#[test]
fn the_push_hook_takes_an_approvers_words_and_refuses_anything_else_of_theirs() {
    let d = Demo::new();
    let (_server, work) = common::hooked_server(&d);
    let push = |pusher: &str| {
        let out = std::process::Command::new("git")
            .env_clear()
            .env("HOME", &d.home)
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("WARTA_PUSHER", pusher)
            .current_dir(&work)
            .args(["push", "-q", "origin", "main"])
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let commit = |msg: &str| {
        common::git(
            &d.home,
            &work,
            &[
                "-c",
                "user.name=Hesti",
                "-c",
                "user.email=hesti@bawaslu-ponorogo.example",
                "commit",
                "-qam",
                msg,
            ],
        );
    };
    let toml = work.join("warta.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n[spelling]\nwords = [\"Josari\"]\n")).unwrap();
    commit("words");
    // The pusher is judged, not the commit's author: an author may not push it.
    let (ok, err) = push("wahyu");
    assert!(!ok, "an author's push of warta.toml: {err}");
    let (ok, err) = push("hesti");
    assert!(ok, "an approver's words pass: {err}");
    std::fs::write(
        &toml,
        format!("{text}\n[spelling]\nwords = [\"Josari\"]\ndictionary = \"/tmp/x.dic\"\n"),
    )
    .unwrap();
    commit("dictionary");
    let (ok, err) = push("hesti");
    assert!(!ok, "anything but the words is the admins': {err}");
    assert!(err.contains("warta.toml"), "{err}");
}
