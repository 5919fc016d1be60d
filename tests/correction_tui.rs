//! After publication in the real terminal (tmux): an author corrects a wrong name in a
//! published item, the Kordiv approves and publishes the correction with its note,
//! compares the published versions, takes the item down and restores it; keys the
//! rules refuse are refused before any popup opens.

mod common;

use common::Demo;
use common::tmux::Tmux;

const ITEM: &str = "2024-09-09-panwascam-babadan-gelar-sosialisasi-pengawasan-partisipatif";

fn tui(d: &Demo, name: &str, who: &str) -> Tmux {
    let line = format!(
        "env -i HOME={} PATH=/usr/bin:/bin TERM=xterm-256color VISUAL='sed -i s/Handoko/Handoyo/' {} --repo {} --as {who}; sleep 60",
        d.home.display(),
        env!("CARGO_BIN_EXE_warta"),
        d.repo.display(),
    );
    let t = Tmux::start(name, 100, 30, &line);
    t.wait_for("Tugas saya", 10);
    // Find the item by a word of its text and open it.
    t.keys(&["Tab", "/"]);
    t.text("Polorejo");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Versi terbit: v1", 5);
    t
}

fn shown(d: &Demo) -> String {
    d.ok("dimas", &["show", ITEM])
}

#[test]
fn an_author_corrects_a_published_item_and_the_kordiv_publishes_it_in_the_tui() {
    let d = Demo::new();
    let t = tui(&d, "corr-author", "sari");
    let screen = t.screen();
    assert!(
        screen.contains("R ralat berita terbit") && !screen.contains("T turunkan"),
        "{screen}"
    );
    // An author may not take an item down: refused at once, no popup to type in.
    t.keys(&["T"]);
    let screen = t.wait_for("Tidak diizinkan", 5);
    assert!(!screen.contains("Alasan menurunkan"), "{screen}");
    t.keys(&["R"]);
    t.wait_for("Apa yang diralat?", 5);
    t.text("Nama Ketua Panwaslu Kecamatan Babadan semula tertulis Suryo Handoko.");
    t.keys(&["Enter"]);
    t.wait_for("Ralat dimulai", 10);
    t.wait_for("Ralat sedang berjalan", 5);
    // The fix, in the person's editor; saved; submitted.
    t.keys(&["e"]);
    t.wait_for("Ctrl-S", 5);
    t.keys(&["C-e"]);
    t.wait_for("Handoyo", 10);
    t.keys(&["C-s"]);
    t.wait_for("Tersimpan", 10);
    t.keys(&["Escape"]);
    t.keys(&["s"]);
    t.wait_for("y / Enter", 5);
    t.keys(&["y"]);
    t.wait_for("Berhasil diajukan", 10);
    // In the list, the row says a correction is under way, not a new submission.
    t.keys(&["Escape"]);
    t.wait_for("Ralat·Ajuan", 5);
    // On a phone the badge has six cells: the word alone.
    t.resize(50, 16);
    t.wait_for("▶ Ralat  ", 5);
    t.resize(100, 30);
    let public = shown(&d);
    assert!(
        public.contains("Suryo Handoko") && !public.contains("Suryo Handoyo"),
        "{public}"
    );
    drop(t);

    let t = tui(&d, "corr-kordiv", "hesti");
    t.keys(&["a"]);
    t.wait_for("Enter: kirim", 5);
    t.keys(&["Enter"]);
    t.wait_for("Berhasil disetujui", 10);
    assert!(shown(&d).contains("Suryo Handoko"), "approved is not yet public");
    // Publishing a correction asks for the readers' note, filled with the author's words.
    t.keys(&["p"]);
    let screen = t.wait_for("Catatan ralat untuk pembaca", 5);
    assert!(screen.contains("semula tertulis Suryo"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("Berhasil diterbitkan", 10);
    let public = shown(&d);
    assert!(
        public.contains("Suryo Handoyo") && !public.contains("Ralat sedang"),
        "{public}"
    );
    // The published versions, and what changed between them.
    t.keys(&["V"]);
    let screen = t.wait_for("[-Handoko-][+Handoyo+]", 10);
    assert!(
        screen.contains("v1") && screen.contains("v2") && screen.contains("tampil sekarang"),
        "{screen}"
    );
    t.keys(&["Up"]);
    t.wait_for("Versi pertama", 5);
    t.keys(&["Escape"]);
    // Taking it down needs a reason; restoring asks first.
    t.keys(&["T"]);
    t.wait_for("Alasan menurunkan berita", 5);
    t.keys(&["Enter"]);
    let screen = t.wait_for("wajib disertai pesan", 5);
    // No command-line flag in a popup's refusal.
    assert!(!screen.contains("(-m)"), "{screen}");
    t.text("Sengketa data peserta");
    t.keys(&["Enter"]);
    t.wait_for("Berita diturunkan", 10);
    let screen = t.wait_for("Alasan: Sengketa data peserta", 5);
    // It was approved when published: no "not approved" beside Diturunkan.
    assert!(!screen.contains("belum disetujui"), "{screen}");
    let (code, _, _) = d.run(Some("dimas"), &["show", ITEM]);
    assert_eq!(code, 1, "taken down: no longer public");
    t.keys(&["U"]);
    t.wait_for("y / Enter", 5);
    t.keys(&["y"]);
    t.wait_for("Berita dipulihkan", 10);
    assert!(shown(&d).contains("Suryo Handoyo"));
    drop(t);
    let verify = d.ok("hesti", &["verify"]);
    assert!(verify.contains("Riwayat bersih"), "{verify}");
}
