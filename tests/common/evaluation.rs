//! A fixture newsroom with known events for the evaluation report, written with plain
//! git: review logs with chosen times (around midnight WIB, an item published twice over
//! a correction, which warta's own rules would not let anyone do today), and the items
//! as they were at their first submission in an earlier commit, so the checklist is
//! judged on that version.

use std::path::{Path, PathBuf};

use super::git;

pub const CONFIG: &str = r#"[newsroom]
name = "Bawaslu Uji"

[[kecamatan]]
id = "babadan"
name = "Babadan"

[[kecamatan]]
id = "sambit"
name = "Sambit"

[[kecamatan]]
id = "jetis"
name = "Jetis"

[[people]]
id = "hesti"
name = "Hesti"
email = "hesti@example.org"
roles = ["approver"]

[[people]]
id = "sari"
name = "Sari"
email = "sari@example.org"
roles = ["author"]
kecamatan = "babadan"

[[people]]
id = "wahyu"
name = "Wahyu"
email = "wahyu@example.org"
roles = ["author"]
kecamatan = "sambit"

[targets]
published_per_week = 1
posts_per_day = 0.1
"#;

fn index(title: &str, kec: &str, tags: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nkecamatan = \"{kec}\"\nauthor = \"sari\"\ntags = [{tags}]\n+++\nBabadan, Panwaslu Kecamatan Babadan – Isi berita yang cukup panjang.\n"
    )
}

fn events(rows: &[(&str, &str, &str)]) -> String {
    rows.iter()
        .map(|(at, action, extra)| {
            format!("[[events]]\nat = \"{at}\"\nactor = \"hesti\"\naction = \"{action}\"\n{extra}\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The repository and a HOME to run warta with.
pub struct Fixture {
    pub tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub repo: PathBuf,
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The newsroom of `domain::report`'s unit tests, as a real repository.
pub fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let repo = tmp.path().join("news");
    std::fs::create_dir_all(&repo).unwrap();
    let g = |args: &[&str]| git(&home, &repo, args);
    g(&["init", "-q", "-b", "main"]);
    g(&["config", "user.name", "Hesti"]);
    g(&["config", "user.email", "hesti@example.org"]);
    write(&repo.join("warta.toml"), CONFIG);
    // The versions first submitted: A without tags (fails a required rule), B fine.
    write(&repo.join("drafts/2024-08-31-a/index.md"), &index("A", "babadan", ""));
    write(
        &repo.join("drafts/2024-09-02-b/index.md"),
        &index("B", "babadan", "\"pilkada\""),
    );
    g(&["add", "-A"]);
    g(&["commit", "-q", "-m", "init"]);
    let content = |slug: &str| g(&["rev-parse", &format!("HEAD:drafts/{slug}")]).trim().to_string();
    let (ta, tb) = (content("2024-08-31-a"), content("2024-09-02-b"));
    write(
        &repo.join("drafts/2024-08-31-a/index.md"),
        &index("A", "babadan", "\"pilkada\""),
    );
    write(
        &repo.join("drafts/2024-09-10-c/index.md"),
        &index("C", "sambit", "\"x\""),
    );
    write(
        &repo.join("drafts/2024-07-01-d/index.md"),
        &index("D", "sambit", "\"x\""),
    );
    write(&repo.join("drafts/2024-10-01-e/index.md"), &index("E", "", "\"x\""));
    let c = |id: &str| format!("content = \"{id}\"");
    let (cta, ctb) = (c(&ta), c(&tb));
    write(
        &repo.join("reviews/2024-08-31-a.toml"),
        &events(&[
            ("2024-08-31T23:30:00+07:00", "create", ""),
            ("2024-08-31T17:30:00Z", "submit", &cta),
            ("2024-09-01T10:30:00+07:00", "approve", &cta),
            ("2024-09-01T12:30:00+07:00", "publish", &cta),
            (
                "2024-09-02T08:00:00+07:00",
                "shared",
                "channel = \"instagram\"\nurl = \"https://i.example/1\"",
            ),
            (
                "2024-09-02T09:00:00+07:00",
                "shared",
                "channel = \"website\"\nurl = \"https://w.example/1\"",
            ),
            (
                "2024-09-02T09:30:00+07:00",
                "comment",
                "thread = 1\nmessage = \"ralat\"",
            ),
            ("2024-09-10T08:00:00+07:00", "approve", &cta),
            ("2024-09-10T09:00:00+07:00", "publish", &cta),
        ]),
    );
    write(
        &repo.join("reviews/2024-09-02-b.toml"),
        &events(&[
            ("2024-09-02T09:00:00+07:00", "create", ""),
            ("2024-09-02T10:00:00+07:00", "submit", &ctb),
            ("2024-09-03T10:00:00+07:00", "request_changes", "message = \"m\""),
            ("2024-09-04T10:00:00+07:00", "submit", &ctb),
            ("2024-09-05T10:00:00+07:00", "approve", &ctb),
            ("2024-09-30T23:59:59+07:00", "publish", &ctb),
            (
                "2024-09-30T17:00:00Z",
                "shared",
                "channel = \"x\"\nurl = \"https://x.example/1\"",
            ),
        ]),
    );
    write(
        &repo.join("reviews/2024-09-10-c.toml"),
        &events(&[
            ("2024-09-10T08:00:00+07:00", "create", ""),
            (
                "2024-09-10T09:00:00+07:00",
                "submit",
                "content = \"0000000000000000000000000000000000000000\"",
            ),
            ("2024-09-11T09:00:00+07:00", "reject", "message = \"m\""),
        ]),
    );
    write(
        &repo.join("reviews/2024-07-01-d.toml"),
        &events(&[
            ("2024-07-01T08:00:00+07:00", "create", ""),
            ("2024-07-01T09:00:00+07:00", "submit", "content = \"td\""),
            ("2024-07-02T09:00:00+07:00", "approve", "content = \"td\""),
            ("2024-07-03T10:00:00+07:00", "publish", "content = \"td\""),
        ]),
    );
    write(
        &repo.join("reviews/2024-10-01-e.toml"),
        &events(&[("2024-09-30T17:00:00Z", "create", "")]),
    );
    g(&["add", "-A"]);
    g(&["commit", "-q", "-m", "events"]);
    // Whoever runs warta here without --as is nobody of the newsroom.
    g(&["config", "user.email", "stranger@example.org"]);
    Fixture { tmp, home, repo }
}

impl Fixture {
    pub fn run(&self, who: &str, args: &[&str]) -> (i32, String, String) {
        let out = super::warta(&self.home, &self.repo)
            .env("WARTA_LANG", "en")
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

    pub fn ok(&self, who: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(who, args);
        assert_eq!(code, 0, "{args:?}: {err}");
        out
    }
}
