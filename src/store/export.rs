//! Exporting the published items as a website: the standalone HTML site or a Hugo
//! content tree (pages from `domain/publish`), written incrementally.
//!
//! The output folder holds `.warta-export.json`, the manifest of what warta wrote
//! there: per item a key (content id, publication time, site settings, export
//! version) and its files; per shared page (home, lists, feed, sitemap, theme) a hash
//! of its bytes. A later export rewrites only items whose key changed and pages whose
//! bytes changed, and removes only files the manifest lists that are no longer
//! produced. A folder that is not empty and has no manifest is refused: warta never
//! writes over files it did not write.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{Result, StoreError};
use super::files::{Access, write_atomic};
use super::published::Version;
use super::repo::Newsroom;
use super::snapshot::Entry;
use crate::domain::publish::{Page, Site, fnv, html, hugo};

/// The manifest's name inside the output folder.
pub const MANIFEST: &str = ".warta-export.json";

/// The two kinds of website.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A standalone static site.
    Html,
    /// A Hugo content tree and theme.
    Hugo,
}

impl Format {
    fn id(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Hugo => "hugo",
        }
    }
}

pub use super::error::ExportProblem;

/// What an export did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exported {
    /// Published items in the site.
    pub items: usize,
    /// Items whose files were written this time.
    pub written: Vec<String>,
    /// Items removed from the site (no longer published).
    pub removed: Vec<String>,
    /// Shared pages (home, lists, feed, sitemap, theme) written this time.
    pub pages: usize,
    /// Photos named by an item whose file is not in its folder: `(slug, file)`.
    pub missing: Vec<(String, String)>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: String,
    items: BTreeMap<String, ManifestItem>,
    pages: BTreeMap<String, String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ManifestItem {
    key: String,
    files: Vec<String>,
}

/// The folder of an item inside the newsroom's tree (`domain::layout`), for code that
/// must name an item's files.
#[must_use]
pub fn item_folder(slug: &str) -> String {
    crate::domain::layout::draft_dir(slug)
}

impl Newsroom {
    /// A file of an item's folder at a commit (a photo), if it exists.
    pub fn item_file(&self, commit: git2::Oid, slug: &str, name: &str) -> Result<Option<Vec<u8>>> {
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return Ok(None);
        }
        self.read_bytes(commit, &format!("{}/{name}", item_folder(slug)))
    }

    /// Export the published items at the branch head into `dir` (see the module docs).
    pub fn export(&self, format: Format, dir: &Path) -> Result<Exported> {
        let snap = self.snapshot()?;
        let site = Site::of(&snap.config).ok_or_else(|| problem(dir, ExportProblem::NoBaseUrl))?;
        let mut manifest = read_manifest(dir, format)?;
        let site_key = site.fingerprint();
        // What the public sees: the version the last publish (or restore) pinned, which
        // stays up while a correction is under way; taken-down items have none.
        let public: Vec<(&Entry, Version)> = snap
            .items
            .iter()
            .filter_map(|e| self.public_version(e).map(|v| (&**e, v)))
            .collect();
        let mut pages: Vec<(&Entry, Page, String)> = public
            .iter()
            .map(|(e, v)| {
                let page = Page::new(&e.slug, &v.item, &e.review, &v.files, &snap.config);
                (*e, page, v.content.clone())
            })
            .collect();
        pages.sort_by(|a, b| b.1.published.cmp(&a.1.published).then_with(|| a.1.slug.cmp(&b.1.slug)));
        let mut done = Exported {
            items: pages.len(),
            ..Exported::default()
        };
        let item_dir = |slug: &str| match format {
            Format::Html => format!("berita/{slug}"),
            Format::Hugo => format!("content/berita/{slug}"),
        };
        let mut keep = BTreeMap::new();
        let wording = fnv(snap.config.publish.correction_note.as_bytes());
        for (_, page, content) in &pages {
            let key = format!(
                "{content}:{}:{}:{wording:x}:{site_key}",
                page.published,
                page.corrections_key()
            );
            let old = manifest.items.remove(&page.slug);
            let folder = item_dir(&page.slug);
            if let Some(old) = old.as_ref()
                && old.key == key
                && dir.join(&folder).join(page_file(format)).is_file()
            {
                keep.insert(
                    page.slug.clone(),
                    ManifestItem {
                        key,
                        files: old.files.clone(),
                    },
                );
                continue;
            }
            // Noted when the item is written, not again at every later export.
            done.missing
                .extend(page.missing.iter().map(|m| (page.slug.clone(), m.clone())));
            let mut files = vec![format!("{folder}/{}", page_file(format))];
            let text = match format {
                Format::Html => html::item_page(&site, page),
                Format::Hugo => hugo::bundle_index(page),
            };
            write(dir, &files[0], text.as_bytes())?;
            for f in &page.figures {
                if let Some(bytes) = self.version_file(content, &f.file) {
                    let path = format!("{folder}/{}", f.file);
                    write(dir, &path, &bytes)?;
                    files.push(path);
                }
            }
            // Files of the item's older version that this one no longer has.
            for stale in old_files(old.as_ref()).filter(|f| !files.contains(f)) {
                remove(dir, stale);
            }
            done.written.push(page.slug.clone());
            keep.insert(page.slug.clone(), ManifestItem { key, files });
        }
        // What is left was exported once and is no longer published.
        for (slug, old) in std::mem::take(&mut manifest.items) {
            for f in &old.files {
                remove(dir, f);
            }
            remove_empty(dir, &item_dir(&slug));
            done.removed.push(slug);
        }
        manifest.items = keep;
        let shared = match format {
            Format::Html => html_pages(&site, &pages),
            Format::Hugo => hugo_pages(&site),
        };
        let mut hashes = BTreeMap::new();
        for (path, text) in &shared {
            let hash = format!("{:016x}", fnv(text.as_bytes()));
            if manifest.pages.get(path) != Some(&hash) || !dir.join(path).is_file() {
                write(dir, path, text.as_bytes())?;
                done.pages += 1;
            }
            hashes.insert(path.clone(), hash);
        }
        for old in manifest.pages.keys().filter(|p| !hashes.contains_key(*p)) {
            remove(dir, old);
            if let Some(parent) = Path::new(old).parent() {
                remove_empty(dir, &parent.to_string_lossy());
            }
        }
        manifest.pages = hashes;
        manifest.format = format.id().into();
        let json =
            serde_json::to_vec(&manifest).map_err(|e| StoreError::io(dir.join(MANIFEST), std::io::Error::other(e)))?;
        write(dir, MANIFEST, &json)?;
        Ok(done)
    }
}

fn page_file(format: Format) -> &'static str {
    match format {
        Format::Html => "index.html",
        Format::Hugo => "index.md",
    }
}

fn old_files(old: Option<&ManifestItem>) -> impl Iterator<Item = &String> {
    old.into_iter().flat_map(|o| o.files.iter())
}

fn html_pages(site: &Site, pages: &[(&Entry, Page, String)]) -> Vec<(String, String)> {
    let list: Vec<&Page> = pages.iter().map(|(_, p, _)| p).collect();
    let groups = html::groups(&list);
    let w = site.words();
    let mut out = vec![
        ("index.html".to_string(), html::home(site, &list, &groups)),
        ("atom.xml".to_string(), html::atom(site, &list)),
        ("sitemap.xml".to_string(), html::sitemap(site, &list, &groups)),
        ("style.css".to_string(), html::STYLE.to_string()),
    ];
    for (id, items) in &groups.kecamatan {
        let name = site
            .kecamatan
            .iter()
            .find(|(k, _)| k == id)
            .map_or(id.as_str(), |(_, n)| n.as_str());
        out.push((
            format!("kecamatan/{id}/index.html"),
            html::list_page(site, &format!("{}{name}", w.kecamatan_prefix), items),
        ));
    }
    for (word, (tag, items)) in &groups.tags {
        out.push((
            format!("tag/{word}/index.html"),
            html::list_page(site, &format!("{}#{tag}", w.tag_prefix), items),
        ));
    }
    out
}

fn hugo_pages(site: &Site) -> Vec<(String, String)> {
    let mut out = vec![
        ("hugo.toml".to_string(), hugo::config(site)),
        ("content/berita/_index.md".to_string(), hugo::section_index(site)),
    ];
    out.extend(hugo::THEME.iter().map(|(p, t)| ((*p).to_string(), (*t).to_string())));
    out
}

fn problem(dir: &Path, problem: ExportProblem) -> StoreError {
    StoreError::Export {
        path: dir.display().to_string(),
        problem,
    }
}

fn read_manifest(dir: &Path, format: Format) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    match std::fs::read(&path) {
        Ok(bytes) => {
            // A damaged manifest is treated as empty: every item is written again and
            // nothing is removed (only files it lists are ever removed).
            let m: Manifest = serde_json::from_slice(&bytes).unwrap_or_default();
            if !m.format.is_empty() && m.format != format.id() {
                return Err(problem(dir, ExportProblem::OtherFormat(m.format)));
            }
            Ok(m)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let empty = match std::fs::read_dir(dir) {
                Ok(mut d) => d.next().is_none(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
                Err(e) => return Err(StoreError::io(dir, e)),
            };
            if empty {
                Ok(Manifest::default())
            } else {
                Err(problem(dir, ExportProblem::NotOurs))
            }
        }
        Err(e) => Err(StoreError::io(path, e)),
    }
}

/// A path the manifest names, if it stays inside the folder (the manifest is a file
/// anyone with access to the folder could edit; it must not steer a removal outside).
fn inside(dir: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(p))
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let path =
        inside(dir, rel).ok_or_else(|| StoreError::io(dir.join(rel), std::io::ErrorKind::InvalidInput.into()))?;
    write_atomic(&path, bytes, Access::Shared).map_err(|e| StoreError::io(&path, e))
}

fn remove(dir: &Path, rel: &str) {
    if let Some(p) = inside(dir, rel) {
        // Already gone is fine; a file that cannot be removed stays, and is listed no more.
        let _ = std::fs::remove_file(p);
    }
}

fn remove_empty(dir: &Path, rel: &str) {
    if let Some(p) = inside(dir, rel) {
        // Only an empty folder is removed.
        let _ = std::fs::remove_dir(p);
    }
}
