//! Running the newsroom from the command line: every admin command is one recorded
//! commit that `verify` accepts, a non-admin or bad input changes nothing, a forged
//! change of warta.toml is refused by the push hook, people come in from a CSV file,
//! and `keys --write` writes `authorized_keys`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use common::Demo;

fn keygen(path: &std::path::Path) -> String {
    common::sshd::keygen_as(path, Some("laptop"))
}

fn commits(d: &Demo) -> usize {
    d.git(&["rev-list", "--count", "main"]).trim().parse().unwrap()
}

fn config(d: &Demo) -> String {
    d.git(&["show", "main:warta.toml"])
}

/// Run as the admin and expect exactly one new commit, recorded as a config action.
fn one_commit(d: &Demo, args: &[&str]) -> String {
    let before = commits(d);
    let out = d.ok("admin-it", args);
    assert_eq!(commits(d), before + 1, "{args:?}: {out}");
    let msg = d.git(&["log", "-1", "--format=%an|%B"]);
    assert!(
        msg.starts_with("Rizky") || msg.contains("Warta-Action: config\nWarta-Actor: admin-it"),
        "{msg}"
    );
    assert!(msg.contains("Warta-Action: config\nWarta-Actor: admin-it"), "{msg}");
    out
}

#[test]
fn admin_commands_are_one_commit_each_and_verify_stays_clean() {
    let d = Demo::new();
    let keys = d.tmp.path().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    let key = keygen(&keys.join("nia"));
    let second_key = keygen(&keys.join("nia2"));

    one_commit(&d, &["kecamatan", "add", "ponorogo-kota", "Ponorogo Kota"]);
    assert!(config(&d).contains("[[kecamatan]]\nid = \"ponorogo-kota\"\nname = \"Ponorogo Kota\""));
    one_commit(&d, &["kecamatan", "rename", "ponorogo-kota", "Kota Ponorogo"]);
    one_commit(&d, &["tags", "add", "pemilu-2029", "netralitas"]);
    one_commit(&d, &["tags", "remove", "netralitas"]);
    assert!(d.ok("admin-it", &["tags"]).contains("pemilu-2029\n"));
    let out = one_commit(
        &d,
        &[
            "people",
            "add",
            "nia",
            "--name",
            "Nia Kurnia, S.H.",
            "--email",
            "nia@panwascam-kota.example",
            "--kecamatan",
            "Kota Ponorogo",
            "--logins",
            "nia",
            "--until",
            "31/12/2099",
            "--key-file",
            keys.join("nia.pub").to_str().unwrap(),
        ],
    );
    assert!(out.contains("nia ditambahkan"), "{out}");
    let text = config(&d);
    assert!(
        text.contains(&format!(
            "kecamatan = \"ponorogo-kota\"\nlogins = [\"nia\"]\nkeys = [\"{key}\"]\nactive_until = 2099-12-31"
        )),
        "{text}"
    );
    // The admin's comments are still there.
    assert!(text.starts_with("# Konfigurasi redaksi demo warta"), "{text}");
    assert!(
        text.contains("id = \"hesti\"                # Kordiv Pencegahan"),
        "{text}"
    );
    one_commit(&d, &["people", "edit", "nia", "--roles", "author,editor", "--no-end"]);
    // A key pasted on standard input.
    let mut c = common::warta(&d.home, &d.repo);
    let out = c
        .args(["--as", "admin-it", "keys", "add", "nia", "-"])
        .stdin(std::fs::File::open(keys.join("nia2.pub")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(config(&d).contains(&second_key));
    let list = d.ok("admin-it", &["keys", "list", "nia"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    one_commit(&d, &["keys", "remove", "nia", "1"]);
    assert!(!config(&d).contains(&key) && config(&d).contains(&second_key));
    let out = one_commit(
        &d,
        &["people", "extend", "--kecamatan", "babadan", "--until", "2099-06-30"],
    );
    assert!(out.contains("2 orang"), "{out}");
    one_commit(&d, &["people", "extend", "--authors", "--until", "2099-07-31"]);
    let people = d.json("admin-it", &["people", "--json"]);
    let until: Vec<_> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["roles"].as_array().unwrap().iter().any(|r| r == "author"))
        .map(|p| p["active_until"].as_str().unwrap().to_string())
        .collect();
    assert!(until.iter().all(|u| u == "2099-07-31"), "{until:?}");
    one_commit(&d, &["people", "deactivate", "dimas"]);
    let json = d.json("admin-it", &["people", "--json"]);
    let dimas = json.as_array().unwrap().iter().find(|p| p["id"] == "dimas").unwrap();
    assert_eq!(dimas["active"], false);
    one_commit(&d, &["people", "remove", "nia"]);
    assert!(!config(&d).contains("Nia Kurnia"));
    // Jetis lost its active author when dimas was deactivated... but lestari writes there.
    let warn = d.ok("admin-it", &["people", "expiring"]);
    assert!(warn.contains("Kecamatan tanpa penulis aktif:"), "{warn}");
    assert!(!warn.contains("jetis ("), "{warn}");
    assert!(warn.contains("ponorogo-kota (Kota Ponorogo)"), "{warn}");

    let (code, out, err) = d.run(Some("admin-it"), &["verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Riwayat bersih"), "{out}");
}

#[test]
fn a_non_admin_or_bad_input_changes_nothing() {
    let d = Demo::new();
    let start = d.head();
    let bad_key = d.tmp.path().join("bad.pub");
    std::fs::write(
        &bad_key,
        "command=\"/bin/sh\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG/kunkxnBUUDIsp6brYzSL6wC6+ug1BEITzdZHpyCSA x\n",
    )
    .unwrap();
    let bad = bad_key.to_str().unwrap();
    for who in ["hesti", "sari"] {
        for args in [
            vec!["people", "add", "x", "--name", "X", "--kecamatan", "babadan"],
            vec!["people", "deactivate", "sari"],
            vec!["people", "extend", "--authors", "--until", "2099-01-01"],
            vec!["keys", "add", "sari", bad],
            vec!["kecamatan", "add", "x", "X"],
            vec!["tags", "add", "x"],
        ] {
            let (code, _, err) = d.run(Some(who), &args);
            assert_eq!(code, 1, "{who} {args:?}: {err}");
            assert!(err.contains("Tidak diizinkan: hanya admin"), "{err}");
        }
    }
    let cases: &[(&[&str], &str)] = &[
        (
            &["keys", "add", "sari", bad],
            "jenis \"command=\\\"/bin/sh\\\"\" tidak dikenal",
        ),
        (
            &["people", "add", "x", "--name", "X", "--kecamatan", "atlantis"],
            "tidak ada kecamatan atlantis",
        ),
        (
            &["people", "add", "sari", "--name", "X", "--kecamatan", "babadan"],
            "id sari sudah dipakai",
        ),
        (
            &["people", "add", "Budi B", "--kecamatan", "babadan"],
            "bukan id yang sah",
        ),
        (&["people", "add", "x", "--name", "X"], "perlu kecamatan"),
        (
            &[
                "people",
                "add",
                "x",
                "--name",
                "X",
                "--kecamatan",
                "babadan",
                "--logins",
                "sari",
            ],
            "login sari sudah milik sari",
        ),
        (&["people", "remove", "admin-it"], "setidaknya satu admin aktif"),
        (&["people", "deactivate", "admin-it"], "setidaknya satu admin aktif"),
        (
            &["people", "edit", "admin-it", "--roles", "approver"],
            "setidaknya satu admin aktif",
        ),
        (
            &["people", "edit", "nobody", "--name", "N"],
            "tidak ada orang dengan id nobody",
        ),
        (&["kecamatan", "add", "jetis", "Jetis"], "kecamatan jetis sudah ada"),
        (
            &["kecamatan", "rename", "atlantis", "A"],
            "tidak ada kecamatan atlantis",
        ),
        (&["tags", "add", "Dua Kata"], "hanya boleh berisi a-z"),
        (&["tags", "remove", "tidak-ada"], "tidak ada tag tidak-ada"),
        (&["keys", "remove", "sari", "9"], "tidak punya kunci nomor 9"),
        (
            &["people", "extend", "--kecamatan", "pudak", "--until", "2099-01-01"],
            "tidak ada penulis",
        ),
    ];
    for (args, want) in cases {
        let (code, out, err) = d.run(Some("admin-it"), args);
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(
            err.contains("Tidak diizinkan:") && err.contains(want),
            "{args:?}: {err}"
        );
    }
    let (code, _, err) = d.run(Some("admin-it"), &["people", "extend", "sari", "--until", "soon"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(d.head(), start, "nothing was written");
}

#[test]
fn the_hook_refuses_a_forged_change_of_warta_toml_by_a_non_admin() {
    let d = Demo::new();
    let (_server, work) = common::hooked_server(&d);
    // An author makes the very text `people edit` would write, making herself admin…
    let forged = common::warta(&d.home, &work)
        .args(["--as", "admin-it", "people", "edit", "sari", "--roles", "author,admin"])
        .output()
        .unwrap();
    assert!(forged.status.success(), "{forged:?}");
    common::git(&d.home, &work, &["reset", "-q", "--soft", "HEAD~1"]);
    common::git(
        &d.home,
        &work,
        &[
            "-c",
            "user.name=Sari Wulandari",
            "-c",
            "user.email=sari@panwascam-babadan.example",
            "commit",
            "-qm",
            "config: edit person sari\n\nWarta-Action: config\nWarta-Actor: admin-it",
        ],
    );
    let push = |pusher: &str| {
        Command::new("git")
            .env_clear()
            .env("HOME", &d.home)
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("WARTA_PUSHER", pusher)
            .current_dir(&work)
            .args(["push", "-q", "origin", "main"])
            .output()
            .unwrap()
    };
    let out = push("sari");
    assert!(!out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warta.toml"), "{err}");
    // The same change pushed by the admin goes through.
    let out = push("admin-it");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn people_come_from_a_csv_file_or_not_at_all() {
    let d = Demo::new();
    let keys = d.tmp.path().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    let key = keygen(&keys.join("tono"));
    let csv = d.tmp.path().join("panwascam.csv");
    // As Excel with an Indonesian locale saves it: `;`, a byte-order mark, CRLF, quotes.
    std::fs::write(
        &csv,
        format!(
            "\u{feff}id;name;email;roles;kecamatan;logins;active_until;key\r\n\
             tono;\"Tono; S.Pd\";tono@pudak.example;author;Pudak;tono;31/12/2099;{key}\r\n\
             sari;;;;;;30/06/2099;\r\n\
             bayu;;;;;;;\r\n"
        ),
    )
    .unwrap();
    let start = d.head();
    let out = d.ok("admin-it", &["people", "import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(
        out.contains("+ baris 2: tambah tono (Tono; S.Pd, author, pudak, ≤2099-12-31)"),
        "{out}"
    );
    assert!(
        out.contains("~ baris 3: ubah sari: active_until: - → 2099-06-30"),
        "{out}"
    );
    assert!(out.contains("= baris 4: bayu tetap"), "{out}");
    assert!(
        out.contains("Uji coba: 1 orang baru, 1 diubah, 1 tetap. Tidak ada yang ditulis."),
        "{out}"
    );
    assert_eq!(d.head(), start);

    // A bad row anywhere: its line is named and nothing is written.
    let bad = d.tmp.path().join("bad.csv");
    std::fs::write(
        &bad,
        "id,name,kecamatan\nani,Ani,Pudak\n\n\"budi\",\"Budi \"\"Bow\"\"\",Pudak\ncici,Cici,Atlantis\n",
    )
    .unwrap();
    let (code, _, err) = d.run(Some("admin-it"), &["people", "import", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("baris 5: kecamatan Atlantis tidak ada"), "{err}");
    assert!(err.contains("Tidak ada yang ditulis"), "{err}");
    assert_eq!(d.head(), start);
    let (code, _, err) = d.run(Some("sari"), &["people", "import", csv.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(d.head(), start);

    let out = d.ok("admin-it", &["people", "import", csv.to_str().unwrap()]);
    assert!(out.contains("Impor selesai: 1 orang baru, 1 diubah, 1 tetap"), "{out}");
    assert_eq!(d.git(&["rev-list", "--count", &format!("{start}..main")]).trim(), "1");
    let text = config(&d);
    assert!(text.contains(&format!("id = \"tono\"\nname = \"Tono; S.Pd\"\nemail = \"tono@pudak.example\"\nroles = [\"author\"]\nkecamatan = \"pudak\"\nlogins = [\"tono\"]\nkeys = [\"{key}\"]\nactive_until = 2099-12-31\n")), "{text}");
    let (code, out, _) = d.run(Some("admin-it"), &["verify"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn keys_write_replaces_authorized_keys_with_mode_0600() {
    let d = Demo::new();
    let dir = d.tmp.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    let key = keygen(&dir.join("sari"));
    d.ok(
        "admin-it",
        &["keys", "add", "sari", dir.join("sari.pub").to_str().unwrap()],
    );
    let file = dir.join("authorized_keys");
    std::fs::write(&file, "ssh-ed25519 AAAA stale-key-of-someone-gone\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = d.ok("admin-it", &["keys", "--write", file.to_str().unwrap()]);
    assert!(out.contains("(mode 0600)"), "{out}");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let written = std::fs::read_to_string(&file).unwrap();
    let lines = d.ok("admin-it", &["keys"]);
    let body: Vec<&str> = written.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(body, lines.lines().collect::<Vec<_>>());
    assert!(!written.contains("stale-key"), "{written}");
    assert!(written.contains(&format!("session sari\" {key}")), "{written}");
    let (code, out, _) = d.run(Some("admin-it"), &["keys", "--check", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // Nothing is left beside it.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn init_takes_kecamatan_from_a_file_and_its_admin_only_administers() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let list = tmp.path().join("kecamatan.txt");
    std::fs::write(&list, "# Ponorogo\nBabadan\nPulung\nsooko;Sooko\n").unwrap();
    let repo = tmp.path().join("news");
    let out = common::warta(&home, &repo)
        .env("USER", "ana")
        .args([
            "init",
            repo.to_str().unwrap(),
            "--kecamatan-file",
            list.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(repo.join("warta.toml")).unwrap();
    assert!(
        text.contains("[[kecamatan]]\nid = \"pulung\"\nname = \"Pulung\"\n\n[[kecamatan]]\nid = \"sooko\""),
        "{text}"
    );
    assert!(text.contains("roles = [\"admin\"]\n"), "{text}");
    let bad = tmp.path().join("bad.txt");
    std::fs::write(&bad, "Babadan\nBabadan\n").unwrap();
    let out = common::warta(&home, &tmp.path().join("other"))
        .args([
            "init",
            tmp.path().join("other").to_str().unwrap(),
            "--kecamatan-file",
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("baris 2"), "{out:?}");
    assert!(!tmp.path().join("other").exists());
}
