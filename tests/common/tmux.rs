//! Running the real binary in a real terminal: tmux with its own server socket.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own, killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Start `command` (a shell line) in a detached session of `w` x `h`.
    pub fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let socket = format!("warta-{name}-{}", std::process::id());
        let t = Self { socket };
        let ok = t
            .cmd()
            .args([
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
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux started");
        t
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    /// Make the window `w` x `h`, as a phone turned or a window dragged does.
    pub fn resize(&self, w: u16, h: u16) {
        let ok = self
            .cmd()
            .args([
                "resize-window",
                "-t",
                "main",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux resize-window");
    }

    /// Type keys (tmux key names or literal text).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd().args(["send-keys", "-t", "main", k]).status().unwrap();
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Type literal text.
    pub fn text(&self, text: &str) {
        self.cmd()
            .args(["send-keys", "-t", "main", "-l", text])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        let out = self.cmd().args(["capture-pane", "-p", "-t", "main"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The visible screen with its colours and styles as escape sequences.
    pub fn screen_styled(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-e", "-t", "main"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen contains `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "waited {secs}s for {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The pid of the program running in the pane (the shell's child).
    pub fn program_pid(&self) -> String {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{pane_pid}"])
            .output()
            .unwrap();
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        children.split_whitespace().next().unwrap_or_default().to_string()
    }

    /// The pane's title as tmux sees it.
    pub fn title(&self) -> String {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", "main", "#{pane_title}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

/// A shell line that runs warta hermetically and writes its exit code to `code_file`.
pub fn warta_line(home: &Path, args: &str, code_file: &Path) -> String {
    format!(
        "env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color {bin} {args}; echo $? > {code}; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_warta"),
        code = code_file.display(),
    )
}

/// Wait for a file to appear and return its trimmed content.
pub fn wait_file(path: &Path, secs: u64) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if let Ok(s) = std::fs::read_to_string(path) {
            if !s.is_empty() {
                return s.trim().to_string();
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{} never appeared", path.display());
}
