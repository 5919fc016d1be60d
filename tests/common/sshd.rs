//! A real OpenSSH server on 127.0.0.1 for the tests that log in over SSH
//! (`/usr/sbin/sshd`, installed by `.ci/run`), with keys made by `ssh-keygen`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use super::Demo;

/// A running sshd, killed when dropped.
pub struct Sshd {
    pub child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new ed25519 key at `path` (no passphrase); its public line.
pub fn keygen(path: &Path) -> String {
    keygen_as(path, None)
}

/// As [`keygen`], with `comment` at the end of the public line (`nia@hp`, say) instead
/// of ssh-keygen's own.
pub fn keygen_as(path: &Path, comment: Option<&str>) -> String {
    let mut c = Command::new("ssh-keygen");
    c.args(["-q", "-t", "ed25519", "-N", ""]);
    if let Some(comment) = comment {
        c.args(["-C", comment]);
    }
    let ok = c.arg("-f").arg(path).status().unwrap().success();
    assert!(ok, "ssh-keygen");
    std::fs::read_to_string(path.with_extension("pub"))
        .unwrap()
        .trim()
        .to_string()
}

/// Start sshd on a free port with `authorized` as every user's keys file.
pub fn start_sshd(dir: &Path, authorized: &Path) -> Sshd {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    keygen(&dir.join("host_key"));
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nPidFile {pid}\nAuthorizedKeysFile {auth}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nPubkeyAuthentication yes\n\
             PermitRootLogin prohibit-password\nStrictModes no\nLogLevel ERROR\n",
            host = dir.join("host_key").display(),
            pid = dir.join("sshd.pid").display(),
            auth = authorized.display(),
        ),
    )
    .unwrap();
    std::fs::create_dir_all("/run/sshd").unwrap();
    let child = Command::new("/usr/sbin/sshd")
        .arg("-D")
        .arg("-e")
        .arg("-f")
        .arg(&config)
        .spawn()
        .expect("sshd starts (apt-get install openssh-server)");
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Sshd {
        child,
        port,
        dir: dir.to_path_buf(),
    }
}

/// The user the tests run as (whom the SSH logins are for).
pub fn user() -> String {
    String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
        .unwrap()
        .trim()
        .to_string()
}

impl Sshd {
    /// A shell line logging in with `key` (a file in the keys folder) and running `remote`.
    pub fn ssh(&self, key: &str, remote: &str) -> String {
        format!(
            "ssh -tt -p {} -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes {}@127.0.0.1 {remote}; echo SSH-EXIT=$?; sleep 60",
            self.port,
            self.dir.join(key).display(),
            user()
        )
    }
}

/// Give these people fresh keys in the demo's warta.toml (an admin's commit).
pub fn with_keys(d: &Demo, dir: &Path, ids: &[&str]) {
    let cfg_path = d.repo.join("warta.toml");
    let mut cfg = std::fs::read_to_string(&cfg_path).unwrap();
    for id in ids {
        let key = keygen(&dir.join(id));
        let start = cfg.find(&format!("id = \"{id}\"")).unwrap();
        let keys_at = start + cfg[start..].find("keys = [").unwrap();
        let end = keys_at + cfg[keys_at..].find(']').unwrap() + 1;
        cfg.replace_range(keys_at..end, &format!("keys = [\"{key}\"]"));
    }
    std::fs::write(&cfg_path, cfg).unwrap();
    d.git(&[
        "-c",
        "user.name=Rizky Adi Pratama",
        "-c",
        "user.email=admin-it@bawaslu-ponorogo.example",
        "commit",
        "-qam",
        "keys",
    ]);
}
