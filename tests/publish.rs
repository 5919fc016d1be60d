//! Publishing leads somewhere: the exported website (standalone HTML and Hugo), the
//! social media texts, the record of a post and the after-publish command — checked
//! against the real tools: Debian's `hugo`, the `html-validate` checker and a headless
//! Chromium. A tool that is not installed skips its test with a note, unless
//! `WARTA_REQUIRE_SITE_TOOLS=1` (set by `.ci/run`, which installs them).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Demo;
use warta::store::export::item_folder;

/// Approved in the demo, with two photos named in its front matter (no files yet).
const APPROVED: &str = "2024-11-24-hari-pertama-masa-tenang-panwascam-babadan-gelar-patroli";
const PUBLISHED: &str = "2024-09-09-panwascam-babadan-gelar-sosialisasi-pengawasan-partisipatif";

fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("WARTA_REQUIRE_SITE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (see .ci/run)"
        );
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// A PNG of `w`×`h`: warm red top half, teal bottom half (stored deflate, no crates).
#[allow(clippy::many_single_char_names)]
fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        for _ in 0..w {
            raw.extend(if y < h / 2 { [200, 40, 40] } else { [20, 140, 140] });
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        z.extend((b.len() as u16).to_le_bytes());
        z.extend((!(b.len() as u16)).to_le_bytes());
        z.extend(*b);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Put the approved item's first photo into its folder with plain git (photos arrive
/// with another feature), approve it again and publish it.
fn publish_with_photo(d: &Demo) {
    let folder = d.repo.join(item_folder(APPROVED));
    std::fs::write(folder.join("foto-1.jpg"), png(320, 180)).unwrap();
    d.git(&["add", "-A"]);
    d.git(&[
        "-c",
        "user.name=Fajar",
        "-c",
        "user.email=fajar@bawaslu-ponorogo.example",
        "commit",
        "-qm",
        "photo",
    ]);
    d.ok("hesti", &["approve", APPROVED]);
    d.ok("hesti", &["publish", APPROVED]);
}

fn export(d: &Demo, kind: &str, dir: &Path) -> String {
    let (code, out, err) = d.run(None, &["export", kind, dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    err
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn html_export_holds_only_published_items_and_rewrites_only_what_changed() {
    let d = Demo::new();
    let site = d.tmp.path().join("site");
    let first = export(&d, "html", &site);
    assert!(first.contains("3 berita terbit, 3 ditulis"), "{first}");
    assert!(site.join("berita").join(PUBLISHED).join("index.html").is_file());
    assert!(
        !site.join("berita").join(APPROVED).exists(),
        "approved is not published"
    );
    let home = read(&site.join("index.html"));
    assert!(home.contains(&format!("berita/{PUBLISHED}/index.html")));
    assert!(read(&site.join("atom.xml")).contains(&format!("https://ponorogo.bawaslu.example/berita/{PUBLISHED}/")));
    assert!(read(&site.join("sitemap.xml")).contains("<loc>https://ponorogo.bawaslu.example/kecamatan/babadan/</loc>"));
    assert!(site.join("kecamatan/babadan/index.html").is_file());
    assert!(site.join("tag/pilkada-2024/index.html").is_file());

    let page = site.join("berita").join(PUBLISHED).join("index.html");
    let mtime = std::fs::metadata(&page).unwrap().modified().unwrap();
    let again = export(&d, "html", &site);
    assert!(again.contains("0 ditulis, 0 dihapus, 0 halaman"), "{again}");
    assert_eq!(std::fs::metadata(&page).unwrap().modified().unwrap(), mtime);

    publish_with_photo(&d);
    let after = export(&d, "html", &site);
    assert!(after.contains("4 berita terbit, 1 ditulis"), "{after}");
    assert!(after.contains("foto-2.jpg"), "a missing photo is noted: {after}");
    assert_eq!(
        std::fs::metadata(&page).unwrap().modified().unwrap(),
        mtime,
        "others untouched"
    );
    let item = read(&site.join("berita").join(APPROVED).join("index.html"));
    assert!(item.contains("<img src=\"foto-1.jpg\""), "{item}");
    assert!(item.contains("<figcaption>Tim patroli Panwaslu"), "{item}");
    assert_eq!(
        std::fs::read(site.join("berita").join(APPROVED).join("foto-1.jpg")).unwrap(),
        png(320, 180)
    );
}

#[test]
fn export_never_writes_into_or_removes_outside_what_it_wrote() {
    let d = Demo::new();
    let foreign = d.tmp.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "mine").unwrap();
    let (code, _, err) = d.run(None, &["export", "html", foreign.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("bukan hasil ekspor warta"), "{err}");
    assert_eq!(read(&foreign.join("keep.txt")), "mine");

    // A manifest edited to name a file outside the folder does not steer a removal.
    let site = d.tmp.path().join("site");
    export(&d, "html", &site);
    let victim = d.tmp.path().join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    let manifest = site.join(".warta-export.json");
    let mut m: serde_json::Value = serde_json::from_str(&read(&manifest)).unwrap();
    m["items"]["2020-01-01-gone"] = serde_json::json!({"key": "x", "files": ["../victim.txt"]});
    m["pages"]["../victim.txt"] = serde_json::json!("0");
    std::fs::write(&manifest, m.to_string()).unwrap();
    export(&d, "html", &site);
    assert_eq!(read(&victim), "keep");
    let (code, _, err) = d.run(None, &["export", "hugo", site.to_str().unwrap()]);
    assert_eq!(code, 1, "the other format is refused: {err}");
}

#[test]
fn standalone_site_passes_the_html_checker() {
    let Some(checker) = tool("html-validate") else { return };
    let d = Demo::new();
    publish_with_photo(&d);
    let site = d.tmp.path().join("site");
    export(&d, "html", &site);
    let config = d.tmp.path().join("htmlvalidate.json");
    // `long-title` is a search-engine style hint (≤ 70 characters); news headlines here
    // are longer and stay whole. Every other recommended rule applies.
    std::fs::write(
        &config,
        r#"{"extends":["html-validate:recommended"],"rules":{"long-title":"off"}}"#,
    )
    .unwrap();
    let mut pages = Vec::new();
    let mut stack = vec![site.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                pages.push(p);
            }
        }
    }
    assert!(pages.len() > 10, "{pages:?}");
    let out = Command::new(checker)
        .arg("-c")
        .arg(&config)
        .args(&pages)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hugo_builds_the_exported_demo_without_errors_or_warnings() {
    let Some(hugo) = tool("hugo") else { return };
    let d = Demo::new();
    publish_with_photo(&d);
    let out_dir = d.tmp.path().join("hugo-site");
    export(&d, "hugo", &out_dir);
    let bundle = out_dir.join("content/berita").join(APPROVED);
    let index = read(&bundle.join("index.md"));
    assert!(
        index.contains("kecamatan = [\"Babadan\"]") && index.contains("[[resources]]"),
        "{index}"
    );
    assert!(bundle.join("foto-1.jpg").is_file());
    let out = Command::new(hugo)
        .current_dir(&out_dir)
        .env("HOME", &d.home)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("WARN") && !text.contains("ERROR"), "{text}");
    let page = read(&out_dir.join("public/berita").join(APPROVED).join("index.html"));
    assert!(
        page.contains("foto-1.jpg") && page.contains("<figcaption>Tim patroli Panwaslu"),
        "{page}"
    );
    assert!(out_dir.join("public/kecamatan/babadan/index.html").is_file());
}

#[test]
fn chromium_shows_the_item_with_its_photo_and_caption() {
    let Some(chromium) = tool("chromium") else { return };
    let d = Demo::new();
    publish_with_photo(&d);
    let site = d.tmp.path().join("site");
    export(&d, "html", &site);
    let page = site.join("berita").join(APPROVED).join("index.html");
    // A probe page opens the item in a frame and reports what the browser rendered:
    // the photo's decoded width and the caption under it.
    let probe = site.join("probe.html");
    std::fs::write(
        &probe,
        format!(
            "<!DOCTYPE html><title>probe</title><iframe id=f src=\"file://{}\" width=400 height=800></iframe>\
             <pre id=out>waiting</pre><script>\
             document.getElementById('f').onload = function () {{\
               var doc = this.contentDocument, img = doc.querySelector('figure img');\
               var check = function () {{\
                 document.getElementById('out').textContent = 'width=' + (img ? img.naturalWidth : -1) +\
                   ' caption=' + doc.querySelector('figcaption').textContent;\
               }};\
               if (img && !img.complete) {{ img.onload = check; }} else {{ check(); }}\
             }};</script>",
            page.display()
        ),
    )
    .unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", probe.display()))
        .env("HOME", &d.home)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("width=320 caption=Tim patroli Panwaslu Kecamatan Babadan"),
        "{dom}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn captions_stay_within_limits_and_a_post_is_recorded() {
    let d = Demo::new();
    let ig = d.ok("sari", &["caption", PUBLISHED, "--for", "instagram"]);
    assert!(ig.encode_utf16().count() <= 2200, "{}", ig.len());
    assert!(ig.split_whitespace().filter(|w| w.starts_with('#')).count() <= 30);
    assert!(ig.contains("tautan di bio") && ig.contains("#BawasluPonorogo"), "{ig}");
    let wa = d.ok("sari", &["caption", PUBLISHED, "--for", "whatsapp"]);
    assert!(wa.starts_with("*Panwascam Babadan Gelar"), "{wa}");
    assert!(
        wa.trim_end()
            .ends_with(&format!("https://ponorogo.bawaslu.example/berita/{PUBLISHED}/"))
    );
    let x = d.ok("sari", &["caption", PUBLISHED, "--for", "x"]);
    assert!(warta::domain::publish::caption::x_length(x.trim_end()) <= 280, "{x}");

    // Only published items have texts.
    let (code, _, err) = d.run(Some("hesti"), &["caption", APPROVED, "--for", "x"]);
    assert_eq!(code, 1, "{err}");

    let url = "https://www.instagram.com/p/Cabc123/";
    d.ok("fajar", &["shared", PUBLISHED, "--channel", "instagram", "--url", url]);
    let log = d.json("fajar", &["log", PUBLISHED, "--json"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "shared", "{last}");
    assert_eq!(last["channel"], "instagram", "{last}");
    assert_eq!(last["url"], url, "{last}");
    assert!(d.ok("fajar", &["log", PUBLISHED]).contains(&format!("instagram {url}")));
    let (code, out, err) = d.run(Some("fajar"), &["verify"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn the_after_publish_command_runs_with_the_slug_and_its_failure_keeps_the_publish() {
    let d = Demo::new();
    let config = d.repo.join("warta.toml");
    let text = read(&config);
    std::fs::write(
        &config,
        format!("{text}\n[publish]\ncommand = \"echo published $WARTA_SLUG; exit 3\"\n"),
    )
    .unwrap();
    d.git(&["add", "-A"]);
    d.git(&[
        "-c",
        "user.name=Rizky",
        "-c",
        "user.email=admin-it@bawaslu-ponorogo.example",
        "commit",
        "-qm",
        "after-publish command",
    ]);
    let (code, _, err) = d.run(Some("hesti"), &["publish", APPROVED]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Perintah setelah terbit gagal (exit status: 3)"), "{err}");
    assert_eq!(d.json("hesti", &["show", APPROVED, "--json"])["status"], "published");
    let log = read(&d.repo.join(".git/warta-publish.log"));
    assert!(log.contains(&format!("published {APPROVED}")), "{log}");
}
