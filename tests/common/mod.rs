//! Helpers shared by the integration tests: hermetic commands and demo newsrooms.
#![allow(dead_code)]

pub mod app;
pub mod evaluation;
pub mod sshd;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A command running the built `warta` with a cleared environment and a temp HOME.
pub fn warta(home: &Path, repo: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_warta"));
    c.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("--repo")
        .arg(repo);
    c
}

/// Run this test binary's `test` in `workers` processes at once (each told its number
/// in `WARTA_RACE_N`), and wait for all of them to succeed.
pub fn race(test: &str, workers: usize, env: &[(&str, String)]) {
    let children: Vec<_> = (0..workers)
        .map(|n| {
            let mut c = Command::new(std::env::current_exe().unwrap());
            c.args([test, "--exact", "--nocapture", "--test-threads=1"])
                .env("WARTA_RACE_N", n.to_string());
            for (k, v) in env {
                c.env(k, v);
            }
            c.stdout(std::process::Stdio::null()).spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a worker failed");
    }
}

/// Run `git` hermetically in `dir`.
pub fn git(home: &Path, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A temp dir holding a HOME and a demo newsroom in `news/`.
pub struct Demo {
    pub tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub repo: PathBuf,
}

impl Demo {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let repo = tmp.path().join("news");
        let out = Command::new(env!("CARGO_BIN_EXE_warta"))
            .env_clear()
            .env("HOME", &home)
            .args(["demo", "--no-open"])
            .arg(&repo)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        Self { tmp, home, repo }
    }

    /// Run warta as a person; returns (exit code, stdout, stderr).
    pub fn run(&self, who: Option<&str>, args: &[&str]) -> (i32, String, String) {
        let mut c = warta(&self.home, &self.repo);
        if let Some(w) = who {
            c.arg("--as").arg(w);
        }
        let out = c.args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Run and expect success; returns stdout.
    pub fn ok(&self, who: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(Some(who), args);
        assert_eq!(code, 0, "warta --as {who} {args:?}\nstdout: {out}\nstderr: {err}");
        out
    }

    pub fn head(&self) -> String {
        git(&self.home, &self.repo, &["rev-parse", "refs/heads/main"])
            .trim()
            .to_string()
    }

    pub fn git(&self, args: &[&str]) -> String {
        git(&self.home, &self.repo, args)
    }

    pub fn json(&self, who: &str, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(who, args)).expect("valid JSON")
    }
}

/// A bare clone of the demo newsroom in `<tmp>/server.git`, as a server would hold it.
pub fn bare_clone(d: &Demo) -> PathBuf {
    let server = d.tmp.path().join("server.git");
    git(
        &d.home,
        d.tmp.path(),
        &[
            "clone",
            "-q",
            "--bare",
            d.repo.to_str().unwrap(),
            server.to_str().unwrap(),
        ],
    );
    server
}

/// A bare copy of the demo with warta's pre-receive hook installed, and a plain git
/// clone of it to make commits by hand in: `(server, work)`.
pub fn hooked_server(d: &Demo) -> (PathBuf, PathBuf) {
    let server = bare_clone(d);
    let installed = warta(&d.home, &server).args(["hook", "install"]).output().unwrap();
    assert!(installed.status.success(), "{installed:?}");
    let work = d.tmp.path().join("work");
    git(
        &d.home,
        d.tmp.path(),
        &["clone", "-q", server.to_str().unwrap(), work.to_str().unwrap()],
    );
    (server, work)
}

/// A small deterministic generator (splitmix64) for seeded random tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `git push` of `dir`'s main to its origin as `pusher` (the hook reads it from
/// `WARTA_PUSHER`, as sshd's forced command sets it): whether it went, and what the
/// hook said.
pub fn push_as(home: &Path, dir: &Path, pusher: &str) -> (bool, String) {
    let out = Command::new("git")
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("WARTA_PUSHER", pusher)
        .current_dir(dir)
        .args(["push", "-q", "origin", "main"])
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}
