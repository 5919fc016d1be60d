//! The admin screen in the real binary in a real terminal (tmux): the people and the
//! warnings, a person added through the form with a pasted key, a bad key refused in
//! the form, and a non-admin turned away.

mod common;

use common::Demo;
use common::tmux::{Tmux, wait_file, warta_line};

fn keygen(path: &std::path::Path) -> String {
    common::sshd::keygen_as(path, Some("nia@hp"))
}

#[test]
fn an_admin_adds_a_person_with_a_pasted_key_in_the_tui() {
    let d = Demo::new();
    let key = keygen(&d.tmp.path().join("nia"));
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as admin-it", d.repo.display()), &code);
    let t = Tmux::start("admin-screen", 80, 24, &line);
    t.wait_for("Tugas saya", 10);
    t.keys(&["A"]);
    let s = t.wait_for("Terakhir masuk", 5);
    // The people, with role, kecamatan, end of term and keys; the warnings on top.
    assert!(s.contains("Admin · 11 orang · 21 kecamatan"), "{s}");
    assert!(s.contains("Tanpa penulis aktif: Badegan"), "{s}");
    let joko = s.lines().find(|l| l.contains(" joko ")).unwrap();
    assert!(
        joko.contains("penulis") && joko.contains("Pulung") && joko.contains("berakhir ✗"),
        "{s}"
    );
    // Help lists the admin screen's keys.
    t.keys(&["?"]);
    t.wait_for("tambah orang", 10);
    t.keys(&["Escape"]);
    t.keys(&["n"]);
    t.wait_for("Tambah orang", 5);
    t.text("nia");
    t.keys(&["Tab"]);
    t.text("Nia Kurnia, S.H.");
    t.keys(&["Tab"]);
    t.text("nia@panwascam-pudak.example");
    t.keys(&["Tab", "Tab"]);
    t.text("Pudak");
    t.keys(&["Tab", "Tab"]);
    t.text("31/12/2099");
    t.keys(&["Tab"]);
    // A key cut short when copied is caught as it is typed, and not saved.
    t.text(&key[..40]);
    t.wait_for("isi kunci", 5);
    t.keys(&["Enter"]);
    t.wait_for("Tidak diizinkan: kunci ke-1", 5);
    assert!(!d.git(&["show", "main:warta.toml"]).contains("id = \"nia\""));
    t.keys(&["C-u"]);
    t.text(&key);
    t.wait_for("✓ kunci sah", 5);
    t.keys(&["Enter"]);
    let s = t.wait_for("Tersimpan di warta.toml", 10);
    let nia = s.lines().find(|l| l.contains(" nia ")).unwrap_or_default();
    assert!(nia.contains("Pudak") && nia.contains("2099-12-31"), "{s}");
    // Pudak has an author now.
    assert!(!s.contains("Pudak,") && !s.contains(", Pudak"), "{s}");
    let text = d.git(&["show", "main:warta.toml"]);
    assert!(
        text.contains(&format!(
            "id = \"nia\"\nname = \"Nia Kurnia, S.H.\"\nemail = \"nia@panwascam-pudak.example\"\nroles = [\"author\"]\nkecamatan = \"pudak\"\nkeys = [\"{key}\"]\nactive_until = 2099-12-31\n"
        )),
        "{text}"
    );
    let msg = d.git(&["log", "-1", "--format=%an|%B"]);
    assert!(msg.starts_with("Rizky Adi Pratama|config: add person nia"), "{msg}");
    t.keys(&["Escape"]);
    t.wait_for("Tugas saya", 5);
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0");
    let (code, out, _) = d.run(Some("admin-it"), &["verify"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_non_admin_does_not_get_the_admin_screen() {
    let d = Demo::new();
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as hesti", d.repo.display()), &code);
    let t = Tmux::start("admin-denied", 80, 24, &line);
    t.wait_for("Tugas saya", 10);
    t.keys(&["A"]);
    let s = t.wait_for("Tidak diizinkan: hanya admin", 5);
    assert!(!s.contains("Terakhir masuk"), "{s}");
}
