//! Where an item's files live in the repository: the one map from a slug to paths.
//!
//! Items are sharded by the date their slug begins with, one folder level per year,
//! month and day: `drafts/2024/09/09/<slug>/index.md` and
//! `reviews/2024/09/09/<slug>.toml`. An action then rewrites only the small trees on
//! that path (a day holds tens of items even at 100,000), never a tree with one entry
//! per item. The first newsrooms kept every item directly under `drafts/` and
//! `reviews/` (the flat layout); they are still read, and `warta migrate` moves them.
//!
//! Nothing else in the program spells these paths: a new file kind or folder goes here.

/// The root folder of item folders.
pub const DRAFTS: &str = "drafts";
/// The root folder of review logs.
pub const REVIEWS: &str = "reviews";
/// The file of an item's text inside its folder.
pub const INDEX: &str = "index.md";
/// The suffix of a review log's file name.
pub const LOG_SUFFIX: &str = ".toml";

/// How a newsroom places its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `drafts/<slug>/` and `reviews/<slug>.toml`: the first layout, read but not written.
    Flat,
    /// `drafts/YYYY/MM/DD/<slug>/` and `reviews/YYYY/MM/DD/<slug>.toml`.
    Sharded,
}

/// The year, month and day folders of a slug (`["2024", "09", "09"]`).
///
/// Only a valid slug (see [`super::slug::is_valid`]) has them; anything else is placed
/// under `_/_/_`, folders no valid slug uses, so it can never name an item.
#[must_use]
pub fn shard(slug: &str) -> [&str; 3] {
    if super::slug::is_valid(slug) {
        [&slug[..4], &slug[5..7], &slug[8..10]]
    } else {
        ["_", "_", "_"]
    }
}

impl Layout {
    /// The item's folder.
    #[must_use]
    pub fn draft_dir(self, slug: &str) -> String {
        match self {
            Self::Flat => format!("{DRAFTS}/{slug}"),
            Self::Sharded => {
                let [y, m, d] = shard(slug);
                format!("{DRAFTS}/{y}/{m}/{d}/{slug}")
            }
        }
    }

    /// A file in the item's folder.
    #[must_use]
    pub fn file_path(self, slug: &str, file: &str) -> String {
        format!("{}/{file}", self.draft_dir(slug))
    }

    /// The item's `index.md`.
    #[must_use]
    pub fn index_path(self, slug: &str) -> String {
        self.file_path(slug, INDEX)
    }

    /// The item's review log.
    #[must_use]
    pub fn review_path(self, slug: &str) -> String {
        match self {
            Self::Flat => format!("{REVIEWS}/{slug}{LOG_SUFFIX}"),
            Self::Sharded => {
                let [y, m, d] = shard(slug);
                format!("{REVIEWS}/{y}/{m}/{d}/{slug}{LOG_SUFFIX}")
            }
        }
    }
}

/// The item's folder in the current layout.
#[must_use]
pub fn draft_dir(slug: &str) -> String {
    Layout::Sharded.draft_dir(slug)
}

/// The item's `index.md` in the current layout.
#[must_use]
pub fn index_path(slug: &str) -> String {
    Layout::Sharded.index_path(slug)
}

/// A file in the item's folder in the current layout.
#[must_use]
pub fn file_path(slug: &str, file: &str) -> String {
    Layout::Sharded.file_path(slug, file)
}

/// The item's review log in the current layout.
#[must_use]
pub fn review_path(slug: &str) -> String {
    Layout::Sharded.review_path(slug)
}

/// What a path of the repository is to warta.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place<'a> {
    /// A file in an item's folder.
    Draft {
        /// The item.
        slug: &'a str,
        /// The file's name in the folder.
        file: &'a str,
        /// Which layout the path follows.
        layout: Layout,
    },
    /// An item's review log.
    Review {
        /// The item.
        slug: &'a str,
        /// Which layout the path follows.
        layout: Layout,
    },
    /// Under `drafts/` or `reviews/`, but not a path warta writes (a wrong name, a
    /// folder inside an item, an item filed under another date).
    Unexpected,
    /// Anywhere else (`warta.toml`).
    Other,
}

/// Whether `name` is the `level`th shard folder name (0: four digits, 1 and 2: two).
#[must_use]
pub fn is_shard_name(level: usize, name: &str) -> bool {
    let want = if level == 0 { 4 } else { 2 };
    name.len() == want && name.bytes().all(|b| b.is_ascii_digit())
}

/// Read a slash-separated path of the repository.
#[must_use]
pub fn place(path: &str) -> Place<'_> {
    if let Some(rest) = path.strip_prefix("drafts/") {
        let parts: Vec<&str> = rest.split('/').collect();
        let (slug, file, layout) = match parts.as_slice() {
            [slug, file] => (*slug, *file, Layout::Flat),
            [y, m, d, slug, file] if shard(slug) == [*y, *m, *d] => (*slug, *file, Layout::Sharded),
            _ => return Place::Unexpected,
        };
        if file.is_empty() || !super::slug::is_valid(slug) {
            return Place::Unexpected;
        }
        Place::Draft { slug, file, layout }
    } else if let Some(rest) = path.strip_prefix("reviews/") {
        let parts: Vec<&str> = rest.split('/').collect();
        let (name, layout) = match parts.as_slice() {
            [name] => (*name, Layout::Flat),
            [y, m, d, name] if name.strip_suffix(LOG_SUFFIX).is_some_and(|s| shard(s) == [*y, *m, *d]) => {
                (*name, Layout::Sharded)
            }
            _ => return Place::Unexpected,
        };
        match name.strip_suffix(LOG_SUFFIX) {
            Some(slug) if super::slug::is_valid(slug) => Place::Review { slug, layout },
            _ => Place::Unexpected,
        }
    } else if path == DRAFTS || path == REVIEWS {
        Place::Unexpected
    } else {
        Place::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLUG: &str = "2024-09-09-rapat-pleno";

    #[test]
    fn a_slug_maps_to_its_date_folders_and_back() {
        assert_eq!(index_path(SLUG), "drafts/2024/09/09/2024-09-09-rapat-pleno/index.md");
        assert_eq!(review_path(SLUG), "reviews/2024/09/09/2024-09-09-rapat-pleno.toml");
        assert_eq!(Layout::Flat.index_path(SLUG), "drafts/2024-09-09-rapat-pleno/index.md");
        assert_eq!(Layout::Flat.review_path(SLUG), "reviews/2024-09-09-rapat-pleno.toml");
        for layout in [Layout::Flat, Layout::Sharded] {
            assert_eq!(
                place(&layout.index_path(SLUG)),
                Place::Draft {
                    slug: SLUG,
                    file: INDEX,
                    layout
                }
            );
            assert_eq!(
                place(&layout.file_path(SLUG, "foto.jpg")),
                Place::Draft {
                    slug: SLUG,
                    file: "foto.jpg",
                    layout
                }
            );
            assert_eq!(place(&layout.review_path(SLUG)), Place::Review { slug: SLUG, layout });
        }
        assert_eq!(place("warta.toml"), Place::Other);
    }

    #[test]
    fn paths_warta_never_writes_are_unexpected() {
        for bad in [
            // Filed under another date, or at the wrong depth.
            "drafts/2024/09/10/2024-09-09-rapat-pleno/index.md",
            "drafts/2024/09/2024-09-09-rapat-pleno/index.md",
            "drafts/2024/09/09/2024-09-09-rapat-pleno/sub/index.md",
            "drafts/2024/09/09/2024-09-09-rapat-pleno",
            "reviews/2024/09/10/2024-09-09-rapat-pleno.toml",
            "reviews/2024/09/09/2024-09-09-rapat-pleno.txt",
            "reviews/2024/09/09/x/2024-09-09-rapat-pleno.toml",
            // Not slugs.
            "drafts/README/index.md",
            "drafts/0000/00/00/README/index.md",
            "reviews/catatan.txt",
            "reviews/0000/00/00/x.toml",
            "drafts/2024-09-09-rapat-pleno/",
            "drafts",
        ] {
            assert_eq!(place(bad), Place::Unexpected, "{bad}");
        }
    }

    #[test]
    fn a_name_that_is_not_a_slug_never_lands_in_a_date_folder() {
        assert_eq!(draft_dir("../x"), "drafts/_/_/_/../x");
        assert_eq!(place(&index_path("../x")), Place::Unexpected);
        assert!(is_shard_name(0, "2024") && is_shard_name(1, "09") && !is_shard_name(1, "9"));
    }
}
