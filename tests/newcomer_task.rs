//! A newcomer's whole task in the real binary in tmux, from the on-screen hints alone:
//! a new item with a date typed as Indonesians type it, tags, a body, a photo sent from
//! the phone and captioned in the editor, and submitting with the checklist shown. Every wait polls the screen for what it needs to show; no
//! step sleeps a fixed time.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::Demo;
use common::tmux::{wait_file, warta_line};
use warta::domain::layout;

/// A tmux server of this test's own; keys go in without pauses, and each step waits
/// for the screen.
struct Term {
    socket: String,
}

impl Term {
    fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let t = Self {
            socket: format!("warta-{name}-{}", std::process::id()),
        };
        let ok = t
            .tmux(&[
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                command,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux started");
        t
    }

    fn tmux(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]).args(args);
        c
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status().unwrap().success());
    }

    fn text(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "main", "-l", text])
                .status()
                .unwrap()
                .success()
        );
    }

    fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", "main"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Poll until the screen shows `text` (at most 15 s, the bound of a stuck run).
    fn wait(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "never showed {text:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]).status();
    }
}

#[test]
fn a_newcomer_writes_and_submits_an_item_from_the_hints_alone() {
    let d = Demo::new();
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as sari", d.repo.display()), &code);
    let t = Term::start("task", 80, 24, &line);
    // The first move is on screen.
    t.wait("Tekan n untuk menulis berita baru");
    t.wait("n berita baru");
    t.keys(&["n"]);
    t.wait("Judul: singkat dan jelas");
    t.text("Panwascam Babadan Awasi Pemutakhiran Data Pemilih");
    t.wait("Judul      Panwascam Babadan Awasi Pemutakhiran Data Pemilih");
    // Kecamatan is the author's own; the date field says what it takes.
    t.keys(&["Tab", "Tab"]);
    t.wait("misalnya 21/05/2024");
    t.text("21/05/2024");
    t.wait("Tanggal  21/05/2024");
    t.keys(&["Tab"]);
    t.wait("Tempat kegiatan");
    t.text("Polorejo");
    t.wait("Lokasi  Polorejo");
    t.keys(&["Tab"]);
    t.wait("Tag dipisah koma");
    t.text("pengawasan, pemutakhiran");
    t.wait("Tag        pengawasan, pemutakhiran");
    t.keys(&["Tab", "Tab"]);
    t.wait("Isi berita; paragraf");
    // The cursor waits at the end of the dateline.
    t.text(" Panwascam Babadan mengawasi pemutakhiran data pemilih di Desa Polorejo, Selasa (21/05/2024).");
    t.wait("Babadan – Panwascam Babadan mengawasi");
    t.keys(&["Enter", "Enter"]);
    t.text("Semua warga yang memenuhi syarat harus tercatat, kata Ketua Panwascam Babadan.");
    t.wait("harus tercatat");
    t.keys(&["C-s"]);
    t.wait("Tersimpan");
    t.keys(&["Escape"]);
    t.wait("s ajukan");
    // A photo arrives from the phone (what `ssh NEWSROOM attach SLUG NAME < photo`
    // runs); the item view shows it once the branch moves.
    let slug = d
        .json("sari", &["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Panwascam Babadan Awasi Pemutakhiran Data Pemilih")
        .expect("saved")["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let photo = d.tmp.path().join("IMG_0042.jpg");
    std::fs::write(&photo, warta::domain::photo::sample::phone_jpeg(320, 240, 1, true)).unwrap();
    d.ok("sari", &["attach", &slug, photo.to_str().unwrap()]);
    t.wait("img-0042.jpg");
    // Its caption and credit have inputs of their own, with a hint, in the editor.
    // The editor's own line says the photo still needs its caption.
    t.keys(&["e"]);
    t.wait("keterangan foto img-0042.jpg");
    t.keys(&["BTab"]);
    t.wait("Keterangan wajib");
    t.text("Ketua Panwascam Babadan memeriksa daftar pemilih di Polorejo.");
    t.keys(&["Enter"]);
    t.text("Humas Panwascam Babadan");
    t.wait("Humas Panwascam Babadan");
    t.keys(&["C-s"]);
    t.wait("Tersimpan");
    t.keys(&["Escape"]);
    t.wait("s ajukan");
    t.keys(&["s"]);
    // Submitting shows the checklist and asks first.
    let asked = t.wait("Daftar periksa");
    assert!(asked.contains("y / Enter: ya"), "{asked}");
    t.keys(&["y"]);
    t.wait("Berhasil diajukan");
    // The item stays in view, waiting for the approvers.
    t.keys(&["Escape"]);
    t.wait("Menunggu orang lain");
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0");

    let listed = d.json("sari", &["list", "--json", "--status", "submitted"]);
    let ours = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Panwascam Babadan Awasi Pemutakhiran Data Pemilih")
        .expect("submitted");
    assert_eq!(ours["tags"], serde_json::json!(["pengawasan", "pemutakhiran"]));
    let slug = ours["slug"].as_str().unwrap();
    let text = std::fs::read_to_string(d.repo.join(layout::index_path(slug))).unwrap();
    assert!(text.contains("event_date = 2024-05-21"), "{text}");
    assert!(
        text.contains("caption = \"Ketua Panwascam Babadan memeriksa daftar pemilih di Polorejo.\"")
            && text.contains("credit = \"Humas Panwascam Babadan\""),
        "the caption typed in its own input: {text}"
    );
    assert!(
        text.contains("Babadan – Panwascam Babadan mengawasi pemutakhiran"),
        "typed after the dateline: {text}"
    );
    let (code, out, err) = d.run(Some("sari"), &["check", slug]);
    assert_eq!(code, 0, "a correct item: {out}{err}");
}
