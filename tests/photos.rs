//! Photos end to end with the real binary and real git: `warta attach` strips a phone
//! photo's GPS position, bad photos are refused in bounded memory and change nothing,
//! `verify` and the push hook refuse a photo with metadata committed with plain git.

mod common;

use std::path::Path;
use std::process::Command;

use warta::domain::layout;
use warta::domain::photo::{self, sample::phone_jpeg};

/// A new draft of Sari's (Babadan); returns its slug.
fn sari_draft(d: &common::Demo) -> String {
    d.ok(
        "sari",
        &["new", "--title", "Rapat Koordinasi Pengawasan", "--tag", "humas"],
    )
    .trim()
    .to_string()
}

/// A file's bytes at the branch head.
fn blob(d: &common::Demo, path: &str) -> Vec<u8> {
    let out = Command::new("git")
        .env_clear()
        .env("HOME", &d.home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .current_dir(&d.repo)
        .args(["cat-file", "blob", &format!("main:{path}")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// `warta --as WHO ARGS` under a cap on the address space (`ulimit -v`, in KiB).
fn capped(d: &common::Demo, kib: u64, who: &str, args: &[&str]) -> (i32, String) {
    let quoted: Vec<String> = (0..args.len()).map(|i| format!("\"${}\"", i + 2)).collect();
    let script = format!(
        "ulimit -v {kib}; exec \"$0\" --repo \"$1\" --as {who} {}",
        quoted.join(" ")
    );
    let out = Command::new("sh")
        .env_clear()
        .env("HOME", &d.home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_warta"))
        .arg(&d.repo)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_attached_phone_photo_keeps_no_position_and_is_turned_upright() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let file = d.tmp.path().join("IMG_20241130_0915.JPG");
    let original = phone_jpeg(640, 480, 6, true);
    assert!(photo::metadata(&original).contains(&"GPS"));
    std::fs::write(&file, &original).unwrap();
    let before = d.head();
    let (code, _, err) = d.run(
        Some("sari"),
        &[
            "attach",
            &slug,
            file.to_str().unwrap(),
            "--caption",
            "Peserta rapat koordinasi.",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("img-20241130-0915.jpg"), "{err}");
    // One commit, recorded as an attach by Sari.
    assert_eq!(d.git(&["rev-list", "--count", &format!("{before}..main")]).trim(), "1");
    let message = d.git(&["log", "-1", "--format=%B", "main"]);
    assert!(
        message.contains("Warta-Action: attach") && message.contains("Warta-Actor: sari"),
        "{message}"
    );
    let committed = blob(&d, &layout::file_path(&slug, "img-20241130-0915.jpg"));
    assert!(
        photo::metadata(&committed).is_empty(),
        "{:?}",
        photo::metadata(&committed)
    );
    assert!(!committed.windows(4).any(|w| w == b"Exif"));
    let info = photo::inspect(&committed, &photo::Limits::default()).unwrap();
    assert_eq!((info.width, info.height), (480, 640));
    let index = String::from_utf8(blob(&d, &layout::index_path(&slug))).unwrap();
    assert!(
        index.contains("[[photos]]\ncaption = \"Peserta rapat koordinasi.\"\nfile = \"img-20241130-0915.jpg\"\nheight = 640\nwidth = 480\n"),
        "{index}"
    );
    // A second photo of the same name gets its own file; verify accepts both commits.
    std::fs::write(&file, phone_jpeg(64, 48, 1, false)).unwrap();
    d.ok("sari", &["attach", &slug, file.to_str().unwrap()]);
    assert!(d.ok("sari", &["show", &slug]).contains("img-20241130-0915-2.jpg"));
    d.ok("hesti", &["verify"]);
}

#[test]
fn bad_photos_are_refused_in_bounded_memory_and_change_nothing() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let dir = d.tmp.path();
    // A PNG whose header claims 20,000 × 20,000 pixels: 1.2 GB once decoded.
    let bomb = {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        };
        let mut ihdr = 20_000u32.to_be_bytes().to_vec();
        ihdr.extend(20_000u32.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]);
        chunk(b"IEND", &[]);
        out
    };
    let jpeg = phone_jpeg(1200, 900, 1, true);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("bom.png", bomb, "20000×20000"),
        ("terpotong.jpg", jpeg[..jpeg.len() / 2].to_vec(), "terpotong atau rusak"),
        (
            "animasi.gif",
            b"GIF89a\x01\x00\x01\x00".to_vec(),
            "bukan foto JPEG, PNG atau WebP",
        ),
        ("catatan.jpg", b"bukan foto".to_vec(), "bukan foto JPEG, PNG atau WebP"),
    ];
    let before = d.head();
    // 300 MB of address space: a decode of the bomb would need four times that.
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, err) = capped(&d, 300_000, "sari", &["attach", &slug, path.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains("Tidak diizinkan") && err.contains(says), "{name}: {err}");
        assert_eq!(d.head(), before, "{name} changed the newsroom");
    }
    // The same cap leaves room for a good photo.
    let path = dir.join("baik.jpg");
    std::fs::write(&path, &jpeg).unwrap();
    let (code, err) = capped(&d, 300_000, "sari", &["attach", &slug, path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // Over the size limit of warta.toml: refused before it is read whole.
    let config = std::fs::read_to_string(d.repo.join("warta.toml")).unwrap() + "\n[photos]\nmax_bytes = 1000\n";
    std::fs::write(d.repo.join("warta.toml"), config).unwrap();
    d.git(&[
        "-c",
        "user.name=Rizky",
        "-c",
        "user.email=admin-it@bawaslu-ponorogo.example",
        "commit",
        "-qam",
        "photo limit",
    ]);
    let head = d.head();
    let (code, _, err) = d.run(Some("sari"), &["attach", &slug, path.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("batas 0.0 MB"), "{err}");
    assert_eq!(d.head(), head);
}

#[test]
fn only_those_who_may_edit_the_item_attach() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let path = d.tmp.path().join("foto.jpg");
    std::fs::write(&path, phone_jpeg(64, 48, 1, false)).unwrap();
    // Dimas is the author of another kecamatan.
    let (code, _, err) = d.run(Some("dimas"), &["attach", &slug, path.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Tidak diizinkan"), "{err}");
    // Submitted: the author may no longer change it, an editor still may.
    d.ok("sari", &["submit", &slug]);
    let (code, _, err) = d.run(Some("sari"), &["attach", &slug, path.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    d.ok("fajar", &["attach", &slug, path.to_str().unwrap()]);
}

#[test]
fn verify_and_the_hook_refuse_a_photo_with_gps_committed_with_plain_git() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let (_server, work) = common::hooked_server(&d);
    let add = |dir: &Path, bytes: &[u8]| {
        std::fs::write(dir.join(layout::file_path(&slug, "foto-rapat.jpg")), bytes).unwrap();
        common::git(&d.home, dir, &["add", "-A"]);
        common::git(
            &d.home,
            dir,
            &[
                "-c",
                "user.name=Sari",
                "-c",
                "user.email=sari@panwascam-babadan.example",
                "commit",
                "-qm",
                "foto",
            ],
        );
    };
    add(&work, &phone_jpeg(64, 48, 1, true));
    let out = Command::new("git")
        .env_clear()
        .env("HOME", &d.home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("WARTA_PUSHER", "sari")
        .current_dir(&work)
        .args(["push", "-q", "origin", "main"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("GPS"), "{err}");
    // verify says the same of the same commit in the newsroom itself.
    add(&d.repo, &phone_jpeg(64, 48, 1, true));
    let (code, out, err) = d.run(Some("hesti"), &["verify"]);
    assert_ne!(code, 0);
    assert!(format!("{out}{err}").contains("GPS"), "{out}{err}");
}

/// PNG's CRC-32 over a chunk's type and data.
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

#[test]
fn an_ssh_attach_without_a_name_shows_the_right_form_and_changes_nothing() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let head = d.git(&["rev-parse", "main"]);
    let photo = d.home.join("foto.jpg");
    std::fs::write(&photo, phone_jpeg(64, 48, 1, false)).unwrap();
    let out = common::warta(&d.home, &d.repo)
        .env("SSH_ORIGINAL_COMMAND", format!("attach {slug}"))
        .args(["session", "sari"])
        .stdin(std::fs::File::open(&photo).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("attach SLUG NAMA < foto.jpg"), "{err}");
    assert!(!err.contains("ssh -t"), "not a terminal problem: {err}");
    assert_eq!(d.git(&["rev-parse", "main"]), head);
}

/// A file that is not there is named in the person's language, not the system's
/// English ("No such file or directory (os error 2)"), and nothing is written.
#[test]
fn a_missing_photo_file_is_named_in_the_persons_language() {
    let d = common::Demo::new();
    let slug = sari_draft(&d);
    let head = d.git(&["rev-parse", "main"]);
    let missing = d.home.join("tidak-ada.jpg");
    let (code, _, err) = d.run(Some("sari"), &["attach", &slug, missing.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("berkas itu tidak ada"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(d.git(&["rev-parse", "main"]), head);
}
