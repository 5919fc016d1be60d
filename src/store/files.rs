//! Writing a file whole: the one atomic-write helper of the store.
//!
//! Every file warta replaces (work tree files, caches, presence, journals, conflict
//! copies) goes through [`write_atomic_with`]: a temporary file beside the target,
//! created exclusively (`O_CREAT | O_EXCL`, which never follows a symlink, so a link
//! planted where the temporary file goes is refused, not written through), filled,
//! fsynced, renamed over the target, and the folder fsynced so the rename survives a
//! power cut. A reader sees the old file or the new one, never half of one.
//!
//! [`Access::Private`] files (the person's state: journals, conflict copies, the
//! external editor's copy, remembered rows) are created `0600` in folders created
//! `0700`, whatever the umask. Git objects are written by `rawtree`, which has its own
//! rules for their names and modes.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Who may read a file warta writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// As the umask says (`0666` less the umask): work tree files, caches, presence.
    Shared,
    /// The owner only (`0600`, folders `0700`): a person's state.
    Private,
}

impl Access {
    fn file_mode(self) -> u32 {
        match self {
            Self::Shared => 0o666,
            Self::Private => 0o600,
        }
    }

    fn dir_mode(self) -> u32 {
        match self {
            Self::Shared => 0o777,
            Self::Private => 0o700,
        }
    }
}

/// Create `dir` and any missing parents, new ones with `access`'s folder mode (the
/// umask can only take bits away, so a private folder is `0700` whatever it is).
pub fn create_dir_all(dir: &Path, access: Access) -> std::io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(access.dir_mode())
        .create(dir)
}

/// Replace `path` whole with `bytes` (see the module docs).
pub fn write_atomic(path: &Path, bytes: &[u8], access: Access) -> std::io::Result<()> {
    write_atomic_with(path, access, |f| f.write_all(bytes))
}

/// Replace `path` whole with `bytes` without waiting for the disk: for caches, whose
/// checksums tell a file cut short by a crash from a good one (it is then rebuilt).
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8], access: Access) -> std::io::Result<()> {
    write_replacing(path, access, false, |f| f.write_all(bytes))
}

/// Replace `path` whole with what `fill` writes (see the module docs).
pub fn write_atomic_with(
    path: &Path,
    access: Access,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_replacing(path, access, true, fill)
}

fn write_replacing(
    path: &Path,
    access: Access,
    durable: bool,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_all(dir, access)?;
    let (tmp, mut out) = create_temporary(dir, path, access)?;
    let written = fill(&mut out)
        .and_then(|()| if durable { out.sync_all() } else { Ok(()) })
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if !durable {
        return Ok(());
    }
    // The rename is only durable once the folder is; a file system that cannot sync a
    // folder still has the file, so this is best effort.
    let _ = File::open(dir).and_then(|d| d.sync_all());
    Ok(())
}

/// How many temporary names are tried before giving up.
const TRIES: u32 = 16;

/// The `n`th temporary name for `path` in `dir`: `.<name>.<pid>.tmp`, then
/// `.<name>.<pid>.<n>.tmp`.
fn temporary_name(dir: &Path, path: &Path, n: u32) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("warta");
    let pid = std::process::id();
    dir.join(if n == 0 {
        format!(".{name}.{pid}.tmp")
    } else {
        format!(".{name}.{pid}.{n}.tmp")
    })
}

/// A new temporary file beside `path`, created here and now: never an existing file,
/// never through a symlink. A name already taken (a file left by a killed process with
/// the same pid, another thread writing the same file, or something planted) is
/// skipped for the next one.
fn create_temporary(dir: &Path, path: &Path, access: Access) -> std::io::Result<(PathBuf, File)> {
    let mut last = None;
    for n in 0..TRIES {
        let tmp = temporary_name(dir, path, n);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(access.file_mode())
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary name")))
}

/// Read a file as text and remove it (the external editor's copy of a body).
pub fn read_and_remove(path: &Path) -> std::io::Result<String> {
    let text = std::fs::read_to_string(path);
    let _ = std::fs::remove_file(path);
    text
}

/// A file's bytes (a body given on the command line, a configuration file).
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// At most `max` bytes of a file, and whether there was more (a photo over the limit
/// is refused without being read whole).
pub fn read_at_most(path: &Path, max: u64) -> std::io::Result<(Vec<u8>, bool)> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    let more = bytes.len() as u64 > max;
    bytes.truncate(usize::try_from(max).unwrap_or(usize::MAX));
    Ok((bytes, more))
}

/// A file's text.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

/// Whether a program of this name is on `PATH` (an executable file there).
#[must_use]
pub fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(program)).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_symlink_where_the_temporary_file_goes_is_neither_followed_nor_written() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "untouched").unwrap();
        let target = dir.path().join("item.md");
        let link = |n| {
            let tmp = temporary_name(dir.path(), &target, n);
            std::os::unix::fs::symlink(&victim, &tmp).unwrap();
            tmp
        };
        let first = link(0);
        write_atomic(&target, b"new", Access::Shared).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(!std::fs::symlink_metadata(&target).unwrap().file_type().is_symlink());
        assert!(std::fs::symlink_metadata(&first).unwrap().file_type().is_symlink());
        // Every name taken: the write fails rather than use one of them.
        let all: Vec<_> = (1..TRIES).map(link).collect();
        assert!(write_atomic(&target, b"newer", Access::Shared).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(
            all.iter()
                .all(|p| std::fs::symlink_metadata(p).unwrap().file_type().is_symlink())
        );
    }

    #[test]
    fn private_files_and_folders_are_the_owners_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/journal.toml");
        write_atomic(&path, b"x", Access::Private).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
        let left: Vec<_> = std::fs::read_dir(dir.path().join("a/b")).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }
}
