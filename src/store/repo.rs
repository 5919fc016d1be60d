//! Opening and creating newsroom repositories, bare or with a work tree.

use std::path::{Path, PathBuf};

use git2::{ErrorCode, Oid, Repository, RepositoryInitOptions, Signature};

use super::error::{Result, StoreError};
use crate::domain::config::Config;

/// The config file at the root of the branch.
pub const CONFIG_PATH: &str = "warta.toml";

/// An open newsroom repository.
pub struct Newsroom {
    pub(crate) repo: Repository,
    branch: String,
    state_dir: PathBuf,
    config_cache: std::cell::RefCell<Option<(Oid, Config)>>,
    /// The last `drafts/` and `reviews/` trees read or written, by id (see `rawtree`).
    pub(crate) grown_trees: std::cell::RefCell<Vec<(Oid, std::sync::Arc<[u8]>)>>,
    /// Bytes of loose objects written since the last action landed (see `housekeeping`).
    pub(crate) loose_written: std::cell::Cell<u64>,
}

impl std::fmt::Debug for Newsroom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Newsroom")
            .field("path", &self.repo.path())
            .field("branch", &self.branch)
            .field("state_dir", &self.state_dir)
            .field("config_cache", &self.config_cache.borrow().as_ref().map(|(id, _)| *id))
            .field(
                "grown_trees",
                &self.grown_trees.borrow().iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            )
            .field("loose_written", &self.loose_written.get())
            .finish()
    }
}

fn not_a_newsroom(path: &Path) -> StoreError {
    StoreError::NotANewsroom {
        path: path.display().to_string(),
    }
}

impl Newsroom {
    /// Open the newsroom at `path` (a repository or a folder inside one's work tree).
    pub fn open(path: &Path) -> Result<Self> {
        let repo = Repository::discover(path).map_err(|_| not_a_newsroom(path))?;
        Self::from_repo(repo, path)
    }

    /// Open the repository a git hook runs in (`GIT_DIR` and the push's quarantine).
    pub fn open_from_env() -> Result<Self> {
        let repo = Repository::open_from_env().map_err(|_| not_a_newsroom(Path::new(".")))?;
        Self::from_repo(repo, Path::new("."))
    }

    /// Find a newsroom: `explicit`, else discover from `cwd`, else `fallback` (`WARTA_REPO`).
    pub fn find(explicit: Option<&Path>, cwd: &Path, fallback: Option<&Path>) -> Result<Self> {
        if let Some(p) = explicit {
            return Self::open(p);
        }
        match Self::open(cwd) {
            Ok(n) => Ok(n),
            Err(e) => match fallback {
                Some(f) => Self::open(f),
                None => Err(e),
            },
        }
    }

    fn from_repo(repo: Repository, path: &Path) -> Result<Self> {
        super::reflock::guard_signals();
        // The branch named by HEAD, else `main`; then the one warta.toml names.
        let head_branch = repo
            .find_reference("HEAD")
            .ok()
            .and_then(|h| h.symbolic_target().ok().flatten().map(str::to_string))
            .and_then(|t| t.strip_prefix("refs/heads/").map(str::to_string))
            .unwrap_or_else(|| "main".to_string());
        let mut room = Self {
            repo,
            branch: head_branch.clone(),
            state_dir: super::paths::state_dir(),
            config_cache: std::cell::RefCell::new(None),
            grown_trees: std::cell::RefCell::default(),
            loose_written: std::cell::Cell::default(),
        };
        let head = match room.head() {
            Ok(h) => h,
            Err(StoreError::NoBranch { .. }) if head_branch != "main" => {
                room.branch = "main".into();
                room.head().map_err(|_| not_a_newsroom(path))?
            }
            Err(StoreError::NoBranch { branch }) => {
                // An empty repository is not a newsroom yet; a missing branch is.
                return Err(if room.repo.is_empty().unwrap_or(false) {
                    not_a_newsroom(path)
                } else {
                    StoreError::NoBranch { branch }
                });
            }
            Err(e) => return Err(e),
        };
        let Some(text) = room.read_text(head, CONFIG_PATH)? else {
            return Err(not_a_newsroom(path));
        };
        let config = Config::parse(&text)?;
        if config.newsroom.branch != room.branch {
            room.branch = config.newsroom.branch;
            room.head()?;
        }
        Ok(room)
    }

    /// A second handle on the same repository, for reading on another thread (a
    /// libgit2 repository is not shared between threads).
    pub(crate) fn reader(&self) -> Result<Self> {
        Ok(Self {
            repo: Repository::open(self.repo.path())?,
            branch: self.branch.clone(),
            state_dir: self.state_dir.clone(),
            config_cache: std::cell::RefCell::new(None),
            grown_trees: std::cell::RefCell::default(),
            loose_written: std::cell::Cell::default(),
        })
    }

    /// Create a newsroom in `dir` whose first commit holds `config_text` as `warta.toml`.
    pub fn init(dir: &Path, bare: bool, config_text: &str) -> Result<Self> {
        super::reflock::guard_signals();
        let config = Config::parse(config_text)?;
        if Repository::open(dir).is_ok() {
            return Err(StoreError::AlreadyExists {
                path: dir.display().to_string(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let mut opts = RepositoryInitOptions::new();
        opts.bare(bare).initial_head(&config.newsroom.branch).mkpath(true);
        let repo = Repository::init_opts(dir, &opts)?;
        let admin = config
            .people
            .iter()
            .find(|p| p.has(crate::domain::config::Role::Admin))
            .or_else(|| config.people.first());
        let (name, email) = admin.map_or(("warta", "warta@localhost"), |p| (p.name.as_str(), p.email.as_str()));
        {
            let blob = repo.blob(config_text.as_bytes())?;
            let mut tb = repo.treebuilder(None)?;
            tb.insert(CONFIG_PATH, blob, git2::FileMode::Blob.into())?;
            let tree = repo.find_tree(tb.write()?)?;
            let sig = Signature::now(name, if email.is_empty() { "warta@localhost" } else { email })?;
            let msg = "init: newsroom\n\nWarta-Action: init\nWarta-Actor: ".to_string()
                + admin.map_or("", |p| p.id.as_str())
                + "\n";
            repo.commit(
                Some(&format!("refs/heads/{}", config.newsroom.branch)),
                &sig,
                &sig,
                &msg,
                &tree,
                &[],
            )?;
        }
        if !bare {
            let mut cb = git2::build::CheckoutBuilder::new();
            cb.force();
            repo.checkout_head(Some(&mut cb))?;
        }
        Ok(Self {
            repo,
            branch: config.newsroom.branch,
            state_dir: super::paths::state_dir(),
            config_cache: std::cell::RefCell::new(None),
            grown_trees: std::cell::RefCell::default(),
            loose_written: std::cell::Cell::default(),
        })
    }

    /// The person's state directory (journals, conflict copies).
    #[must_use]
    pub fn state_dir(&self) -> &Path {
        &self.state_dir
    }

    /// Use another state directory.
    pub fn set_state_dir(&mut self, dir: PathBuf) {
        self.state_dir = dir;
    }

    /// The branch name.
    #[must_use]
    pub fn branch(&self) -> &str {
        &self.branch
    }

    /// The full ref name of the branch.
    #[must_use]
    pub fn refname(&self) -> String {
        format!("refs/heads/{}", self.branch)
    }

    /// The git directory.
    #[must_use]
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// The work tree, if the repository has one.
    #[must_use]
    pub fn workdir(&self) -> Option<&Path> {
        self.repo.workdir()
    }

    /// A stable key for this newsroom (its git directory, canonical).
    #[must_use]
    pub fn key(&self) -> PathBuf {
        self.repo
            .path()
            .canonicalize()
            .unwrap_or_else(|_| self.repo.path().to_path_buf())
    }

    /// The commit the branch points at.
    pub fn head(&self) -> Result<Oid> {
        match self.repo.refname_to_id(&self.refname()) {
            Ok(id) => Ok(id),
            Err(e) if e.code() == ErrorCode::NotFound => Err(StoreError::NoBranch {
                branch: self.branch.clone(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// A blob's size from its object header, without reading the blob.
    pub(crate) fn blob_size(&self, id: Oid) -> Option<usize> {
        self.repo
            .odb()
            .and_then(|odb| odb.read_header(id))
            .ok()
            .map(|(size, _)| size)
    }

    /// The bytes of a file at a commit, if it exists and is not larger than any file
    /// warta reads (a larger one is left unread, as if absent).
    pub fn read_bytes(&self, commit: Oid, path: &str) -> Result<Option<Vec<u8>>> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let Ok(entry) = tree.get_path(Path::new(path)) else {
            return Ok(None);
        };
        if entry.kind() != Some(git2::ObjectType::Blob) {
            return Ok(None);
        }
        if self
            .blob_size(entry.id())
            .is_some_and(|size| size > crate::domain::limits::MAX_REVIEW_BYTES)
        {
            return Ok(None);
        }
        Ok(Some(self.repo.find_blob(entry.id())?.content().to_vec()))
    }

    /// A text file at a commit, if it exists (invalid UTF-8 is replaced).
    pub fn read_text(&self, commit: Oid, path: &str) -> Result<Option<String>> {
        Ok(self
            .read_bytes(commit, path)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// The tree id of a folder at a commit, if it exists.
    pub fn tree_id(&self, commit: Oid, path: &str) -> Result<Option<Oid>> {
        let root = self.repo.find_commit(commit)?.tree_id();
        Ok(self
            .path_entry(root, path)?
            .filter(|(mode, _)| *mode == super::modes::TREE_MODE)
            .map(|(_, id)| id))
    }

    /// The validated config at a commit.
    pub fn config_at(&self, commit: Oid) -> Result<Config> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        let blob = tree
            .get_name(CONFIG_PATH)
            .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
            .map(|e| e.id())
            .ok_or_else(|| not_a_newsroom(self.repo.path()))?;
        // warta.toml rarely changes: parse each version once.
        if let Some((id, config)) = self.config_cache.borrow().as_ref() {
            if *id == blob {
                return Ok(config.clone());
            }
        }
        let text = String::from_utf8_lossy(self.repo.find_blob(blob)?.content()).into_owned();
        let config = Config::parse(&text)?;
        *self.config_cache.borrow_mut() = Some((blob, config.clone()));
        Ok(config)
    }

    /// `user.email` and `user.name` from git config, if set.
    #[must_use]
    pub fn git_user(&self) -> (Option<String>, Option<String>) {
        let Ok(cfg) = self.repo.config() else {
            return (None, None);
        };
        (cfg.get_string("user.email").ok(), cfg.get_string("user.name").ok())
    }
}
