//! The real binary in a real terminal (tmux): open, act, refresh live, quit cleanly.

mod common;

use std::fmt::Write;

use common::Demo;
use common::tmux::{Tmux, wait_file, warta_line};
use warta::domain::layout;

const NGEBEL: &str = "2024-10-07-panwascam-ngebel-buka-pendaftaran-pengawas-tps-warga-diimbau";

#[test]
fn approver_approves_in_the_tui_and_quits_cleanly() {
    let d = Demo::new();
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as hesti", d.repo.display()), &code);
    let t = Tmux::start("approve", 100, 30, &line);
    t.wait_for("Tugas saya", 10);
    t.wait_for("Panwascam Ngebel", 10);
    t.keys(&["Enter"]);
    t.wait_for("Sekretariat Panwaslu Kecamatan Ngebel", 5);
    t.keys(&["a"]);
    t.wait_for("Catatan (boleh kosong)", 5);
    t.text("Layak terbit.");
    t.keys(&["Enter"]);
    t.wait_for("Berhasil disetujui", 10);
    t.wait_for("persetujuan sah", 5);
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(600));
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0");
    let log = d.git(&["log", "-1", "--format=%an|%s"]);
    assert!(
        log.starts_with("Dr. Hesti Purwaningsih") && log.contains(&format!("approve({NGEBEL}): Layak terbit.")),
        "{log}"
    );
    let shown = d.json("hesti", &["show", NGEBEL, "--json"]);
    assert_eq!(shown["approval_valid"], true);

    // Quitting kept the top of her list; the next start shows it at once, then all.
    let kept: Vec<_> = walk(&d.home.join(".local/state/warta"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "hesti.first-rows"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(std::fs::read_to_string(&kept[0]).unwrap().contains(NGEBEL));
    std::fs::remove_file(&code).unwrap();
    let t = Tmux::start("approve-again", 100, 30, &line);
    let screen = t.wait_for("4 berita", 10);
    assert!(screen.contains("Panwascam Ngebel"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn commits_by_others_appear_within_two_seconds() {
    let d = Demo::new();
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as hesti", d.repo.display()), &code);
    let t = Tmux::start("live", 100, 30, &line);
    t.wait_for("4 berita", 10);
    t.keys(&["Down"]);
    let before = t.screen();
    assert!(before.contains("▶ Diajukan       Panwascam Sambit"), "{before}");
    // rina withdraws her item from another process.
    d.ok("rina", &["withdraw", NGEBEL]);
    let after = t.wait_for("3 berita", 2);
    assert!(!after.contains("Panwascam Ngebel"), "{after}");
    assert!(
        after.contains("▶ Diajukan       Panwascam Sambit"),
        "selection kept: {after}"
    );
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0");
}

#[test]
fn sigterm_and_tiny_terminals_restore_the_terminal() {
    let d = Demo::new();
    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as hesti", d.repo.display()), &code);
    let t = Tmux::start("small", 40, 10, &line);
    t.wait_for("terlalu kecil", 10);
    let pid = t.program_pid();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert_eq!(wait_file(&code, 10), "0");
    // Back on the normal screen: the shell's own output is visible, not the alternate screen.
    let s = t.screen();
    assert!(!s.contains("terlalu kecil"), "{s}");
}

/// warta in tmux as dimas with `script` as `$EDITOR`, on the editor of the first item:
/// the session, and the file its exit code goes to.
fn editing_with(d: &Demo, name: &str, script: &str) -> (Tmux, std::path::PathBuf) {
    let code = d.tmp.path().join("code");
    let path = d.tmp.path().join("penyunting.sh");
    std::fs::write(&path, script).unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&path)
        .status()
        .unwrap();
    let line = format!(
        "env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color EDITOR={script} {bin} --repo {repo} --as dimas; echo $? > {code}; sleep 60",
        home = d.home.display(),
        script = path.display(),
        bin = env!("CARGO_BIN_EXE_warta"),
        repo = d.repo.display(),
        code = code.display(),
    );
    let t = Tmux::start(name, 100, 30, &line);
    t.wait_for("Panwascam Jetis Kawal Rekapitulasi", 10);
    t.keys(&["Enter"]);
    t.wait_for("¶1", 5);
    t.keys(&["e"]);
    t.wait_for("Ctrl-S simpan", 5);
    (t, code)
}

/// Ctrl-E hands the body to `$EDITOR`; when it returns, the editor is drawn again at
/// once (not only at the next key) with the text the program wrote, and it saves.
#[test]
fn the_external_editor_comes_back_to_a_whole_screen() {
    let d = Demo::new();
    let (t, code) = editing_with(
        &d,
        "external",
        "#!/bin/sh\n{ printf 'Ditambah dari penyunting luar.\\n\\n'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
    );
    t.keys(&["C-e"]);
    let screen = t.wait_for("Ditambah dari penyunting luar.", 1);
    assert!(screen.contains("Ctrl-S simpan") && screen.contains("Judul"), "{screen}");
    t.keys(&["C-s"]);
    t.wait_for("Tersimpan", 10);
    t.keys(&["Escape"]);
    t.wait_for("¶1", 5);
    t.keys(&["Escape"]);
    t.wait_for("Tugas saya", 5);
    t.keys(&["q"]);
    assert_eq!(wait_file(&code, 10), "0", "{}", t.screen());
    let path = layout::index_path("2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara");
    let body = d.git(&["show", &format!("HEAD:{path}")]);
    assert!(body.contains("Ditambah dari penyunting luar."), "{body}");
}

/// SIGTERM ends warta within seconds while the diff of two huge, entirely different
/// versions is asked for (it used to be computed while drawing, for minutes, with the
/// signal waiting); `warta diff` of the same pair ends too, showing both versions.
#[test]
fn sigterm_ends_warta_while_a_huge_diff_is_asked_for() {
    let d = Demo::new();
    // Two ~700 KB bodies in paragraphs of 50 words, no word in common.
    let salad = |seed: char| {
        let mut s = String::new();
        for i in 0..100_000 {
            let gap = if i % 50 == 49 { "\n\n" } else { " " };
            let _ = write!(s, "{seed}{i:x}{gap}");
        }
        s
    };
    let (a, b) = (d.tmp.path().join("a.md"), d.tmp.path().join("b.md"));
    std::fs::write(&a, salad('a')).unwrap();
    std::fs::write(&b, salad('b')).unwrap();
    let slug = d.ok(
        "sari",
        &["new", "--title", "Uji Beda Besar", "--body-file", a.to_str().unwrap()],
    );
    let slug = slug.trim();
    d.ok("sari", &["edit", slug, "--body-file", b.to_str().unwrap()]);
    let started = std::time::Instant::now();
    let out = d.ok("sari", &["diff", slug]);
    assert!(out.contains("Terlalu berbeda"), "{}", &out[..out.len().min(400)]);
    assert!(out.contains("a0 a1") && out.contains("b0 b1"), "both versions");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "warta diff ended"
    );

    let code = d.tmp.path().join("code");
    let line = warta_line(&d.home, &format!("--repo {} --as sari", d.repo.display()), &code);
    let t = Tmux::start("bigdiff", 100, 30, &line);
    t.wait_for("Uji Beda Besar", 10);
    t.keys(&["/"]);
    t.text("Uji Beda");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("b0 b1", 10);
    t.keys(&["d"]);
    // Long enough for the history to load and the diff to be under way.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let pid = t.program_pid();
    let sent = std::time::Instant::now();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    // Generous: this checks that it ends, not how fast.
    assert_eq!(wait_file(&code, 10), "0", "warta ended on SIGTERM");
    assert!(sent.elapsed() < std::time::Duration::from_secs(10));
}

/// While the external editor runs it owns the terminal: keys typed into it never reach
/// warta's body afterwards.
#[test]
fn keys_typed_into_the_external_editor_stay_there() {
    let d = Demo::new();
    // An editor that reads one line from the terminal and adds it to the file.
    let (t, code) = editing_with(
        &d,
        "external-keys",
        "#!/bin/sh\nIFS= read -r line < /dev/tty\nprintf '%s\\n\\n' \"$line\" >> \"$1\"\n",
    );
    t.keys(&["C-e"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    t.text("ketikanpenyunting");
    t.keys(&["Enter"]);
    // Back in warta (the line went to the end of the body, off screen).
    std::thread::sleep(std::time::Duration::from_millis(800));
    t.keys(&["C-s"]);
    let screen = t.wait_for("Tersimpan", 10);
    let path = layout::index_path("2024-11-30-panwascam-jetis-kawal-rekapitulasi-hasil-penghitungan-suara");
    let body = d.git(&["show", &format!("HEAD:{path}")]);
    assert_eq!(
        body.matches("ketikanpenyunting").count(),
        1,
        "typed once, kept once: {body}\n{screen}"
    );
    t.keys(&["Escape"]);
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    let _ = wait_file(&code, 10);
}
