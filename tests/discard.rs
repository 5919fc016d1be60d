//! Discarding a draft: only its author, only a draft never submitted; it leaves `list`,
//! keeps its history, and `verify` and the push hook judge a hand-made discard by the
//! same rules.

mod common;

use std::path::Path;
use warta::domain::layout;

/// Dimas's draft in the demo: created, never submitted.
const DIMAS_DRAFT: &str = "2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara";
/// Rina's item in the demo: submitted.
const RINA_SUBMITTED: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

fn slugs(d: &common::Demo, who: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    d.json(who, &all)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_author_discards_their_own_draft_and_its_history_stays() {
    let d = common::Demo::new();
    // Someone else of the same kecamatan, an approver and an editor may not.
    for who in ["lestari", "hesti", "fajar"] {
        let (code, _, err) = d.run(Some(who), &["discard", DIMAS_DRAFT]);
        assert_eq!(code, 1, "{who}: {err}");
        assert!(err.contains("Tidak diizinkan"), "{who}: {err}");
    }
    // A submitted item may not be discarded, nor one withdrawn after submitting.
    let (code, _, err) = d.run(Some("rina"), &["discard", RINA_SUBMITTED]);
    assert_eq!(code, 1, "{err}");
    d.ok("rina", &["withdraw", RINA_SUBMITTED]);
    let (code, _, err) = d.run(Some("rina"), &["discard", RINA_SUBMITTED]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("pernah diajukan"), "{err}");

    let before = d.head();
    assert!(slugs(&d, "dimas", &[]).contains(&DIMAS_DRAFT.to_string()));
    d.ok("dimas", &["discard", DIMAS_DRAFT]);
    assert_ne!(d.head(), before, "one commit");
    let msg = d.git(&["log", "-1", "--format=%B"]);
    assert!(
        msg.contains("Warta-Action: discard") && msg.contains("Warta-Actor: dimas"),
        "{msg}"
    );

    // Gone from every list, for its author and for the office.
    for who in ["dimas", "hesti", "fajar"] {
        assert!(!slugs(&d, who, &[]).contains(&DIMAS_DRAFT.to_string()), "{who}");
    }
    assert!(!d.ok("dimas", &["list"]).contains(DIMAS_DRAFT));
    // Still there when asked for, with its whole history.
    assert_eq!(
        slugs(&d, "dimas", &["--status", "discarded"]),
        vec![DIMAS_DRAFT.to_string()]
    );
    let log = d.json("dimas", &["log", DIMAS_DRAFT, "--json"]);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["create", "discard"]);
    assert_eq!(d.json("dimas", &["show", DIMAS_DRAFT, "--json"])["status"], "discarded");
    // Nothing more happens to it.
    for args in [
        &["edit", DIMAS_DRAFT, "--title", "Lagi"][..],
        &["submit", DIMAS_DRAFT][..],
        &["discard", DIMAS_DRAFT][..],
    ] {
        let (code, _, err) = d.run(Some("dimas"), args);
        assert_eq!(code, 1, "{args:?}: {err}");
    }
    let verified = d.ok("hesti", &["verify"]);
    assert!(verified.contains("Riwayat bersih"), "{verified}");
}

/// Append a discard event by `actor` to `slug`'s log and commit it as that person.
fn forge_discard(d: &common::Demo, work: &Path, slug: &str, actor: &str, name: &str, email: &str) {
    common::git(&d.home, work, &["reset", "-q", "--hard", "origin/main"]);
    let path = work.join(layout::review_path(slug));
    let mut log = std::fs::read_to_string(&path).unwrap();
    let event =
        format!("\n[[events]]\nat = \"2024-12-01T09:00:00+07:00\"\nactor = \"{actor}\"\naction = \"discard\"\n");
    log.push_str(&event);
    std::fs::write(path, log).unwrap();
    common::git(&d.home, work, &["add", "-A"]);
    let (n, e) = (format!("user.name={name}"), format!("user.email={email}"));
    common::git(&d.home, work, &["-c", &n, "-c", &e, "commit", "-qm", "discard"]);
}

#[test]
fn the_hook_refuses_a_discard_the_rules_refuse() {
    let d = common::Demo::new();
    let (server, work) = common::hooked_server(&d);
    let server_head = || common::git(&d.home, &server, &["rev-parse", "main"]);
    let start = server_head();

    // Someone else's draft, by a colleague of the same kecamatan.
    forge_discard(
        &d,
        &work,
        DIMAS_DRAFT,
        "lestari",
        "Lestari",
        "lestari@panwascam-jetis.example",
    );
    let (ok, err) = common::push_as(&d.home, &work, "lestari");
    assert!(!ok && err.contains("Tidak diizinkan"), "{err}");
    assert_eq!(server_head(), start);

    // A submitted item, by its own author.
    forge_discard(
        &d,
        &work,
        RINA_SUBMITTED,
        "rina",
        "Rina",
        "rina@panwascam-ngebel.example",
    );
    let (ok, err) = common::push_as(&d.home, &work, "rina");
    assert!(!ok && err.contains("Tidak diizinkan"), "{err}");
    assert_eq!(server_head(), start);

    // The author's own draft, never submitted: accepted.
    forge_discard(
        &d,
        &work,
        DIMAS_DRAFT,
        "dimas",
        "Dimas Arya Saputra",
        "dimas@panwascam-jetis.example",
    );
    let (ok, err) = common::push_as(&d.home, &work, "dimas");
    assert!(ok, "{err}");
    assert_ne!(server_head(), start);
}

#[test]
fn discarding_from_the_items_page_goes_back_to_the_list() {
    use warta::app::key::{KeyCode, KeyEvent, KeyModifiers};
    use warta::app::{self, Screen, keymap};
    let tmp = tempfile::tempdir().unwrap();
    let room = warta::store::demo::build(&tmp.path().join("news")).unwrap();
    let mut s = common::app::state(&room, "dimas");
    let key = |s: &mut warta::app::State, c: KeyCode| {
        let m = keymap::lookup(s.mode(), &KeyEvent::new(c, KeyModifiers::NONE)).unwrap();
        let effects = app::update(s, m);
        common::app::run(&room, s, effects);
    };
    s.list.selected = s
        .list
        .rows
        .iter()
        .position(|r| s.snapshot.as_ref().unwrap().items[r.index].slug == DIMAS_DRAFT)
        .unwrap();
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.screen, Screen::Item);
    key(&mut s, KeyCode::Char('D'));
    key(&mut s, KeyCode::Char('y'));
    // Left on the page of a draft that is gone, every key only said "not allowed".
    assert_eq!(s.screen, Screen::List, "{:?}", s.status);
    assert!(
        s.status.as_ref().is_some_and(|(_, t)| t.contains("Draf dibuang")),
        "{:?}",
        s.status
    );
}
