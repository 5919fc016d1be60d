//! What a published item looks like outside the newsroom: the page model shared by the
//! website exports (`html`, `hugo`) and the social media texts (`caption`).
//!
//! Pure: callers hand in the item, its log and the names of the files in its folder;
//! they get text back. Writing files is the store's job (`store/export.rs`).

use std::fmt::Write;

pub mod caption;
pub mod html;
pub mod hugo;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::config::Config;
use super::item::Item;
use super::review::Review;

/// Bumped when the pages an item produces change shape, so an incremental export
/// rewrites every item once.
pub const EXPORT_VERSION: u32 = 1;

/// The website as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Its name (`[site] title`, else the newsroom's name).
    pub title: String,
    /// Its address, without a trailing `/`.
    pub base_url: String,
    /// Language of the public texts: `id` or `en` (from `newsroom.language`).
    pub lang: &'static str,
    /// Kecamatan `(id, name)` in `warta.toml` order.
    pub kecamatan: Vec<(String, String)>,
    /// Hashtags every post carries (`[social] hashtags`, without `#`).
    pub hashtags: Vec<String>,
}

impl Site {
    /// The site of a newsroom; `None` when `[site] base_url` is not set.
    #[must_use]
    pub fn of(config: &Config) -> Option<Self> {
        if config.site.base_url.is_empty() {
            return None;
        }
        let title = if config.site.title.trim().is_empty() {
            config.newsroom.name.clone()
        } else {
            config.site.title.clone()
        };
        Some(Self {
            title: super::text::clean_line(&title),
            base_url: config.site.base_url.clone(),
            lang: if config.newsroom.language.starts_with("en") {
                "en"
            } else {
                "id"
            },
            kecamatan: config
                .kecamatan
                .iter()
                .map(|k| (k.id.clone(), k.name.clone()))
                .collect(),
            hashtags: config.social.hashtags.clone(),
        })
    }

    /// The public address of an item.
    #[must_use]
    pub fn item_url(&self, slug: &str) -> String {
        format!("{}/berita/{slug}/", self.base_url)
    }

    /// Words of the public pages in the site's language.
    #[must_use]
    pub fn words(&self) -> &'static Words {
        if self.lang == "en" { &EN } else { &ID }
    }

    /// A key that changes whenever something every page shows changes.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        let mut s = format!(
            "{EXPORT_VERSION}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.title, self.base_url, self.lang
        );
        for (id, name) in &self.kecamatan {
            let _ = write!(s, "\u{1f}{id}={name}");
        }
        format!("{:016x}", fnv(s.as_bytes()))
    }
}

/// Fixed words of the public pages and posts, in one language.
#[derive(Debug)]
pub struct Words {
    /// Months, January first.
    pub months: [&'static str; 12],
    /// Heading of the latest items on the home page.
    pub latest: &'static str,
    /// Heading of the kecamatan list.
    pub kecamatan: &'static str,
    /// Heading of the tag list.
    pub tags: &'static str,
    /// Before a kecamatan's name in its page title.
    pub kecamatan_prefix: &'static str,
    /// Before a tag in its page title.
    pub tag_prefix: &'static str,
    /// Link back to the home page.
    pub home: &'static str,
    /// Instagram: where the link is, since captions cannot hold one.
    pub link_in_bio: &'static str,
    /// Before the item's address in a post.
    pub read_more: &'static str,
    /// The site feed's name.
    pub feed: &'static str,
}

const ID: Words = Words {
    months: super::dates::MONTH_NAMES_ID,
    latest: "Berita terbaru",
    kecamatan: "Kecamatan",
    tags: "Topik",
    kecamatan_prefix: "Kecamatan ",
    tag_prefix: "Topik: ",
    home: "Beranda",
    link_in_bio: "Berita lengkap: tautan di bio, atau buka",
    read_more: "Selengkapnya:",
    feed: "Umpan berita (Atom)",
};

const EN: Words = Words {
    months: super::dates::MONTH_NAMES_EN,
    latest: "Latest news",
    kecamatan: "Kecamatan",
    tags: "Topics",
    kecamatan_prefix: "Kecamatan ",
    tag_prefix: "Topic: ",
    home: "Home",
    link_in_bio: "Full story: link in bio, or open",
    read_more: "Read more:",
    feed: "News feed (Atom)",
};

/// A photo shown with an item: its file exists in the item's folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// File name in the item's folder (no `/`).
    pub file: String,
    /// Caption, cleaned.
    pub caption: String,
}

/// A published item as the public sees it. All text is cleaned of control characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The folder name, also the last part of its address.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// When it was published: RFC 3339 with offset (the first `publish` event; a
    /// correction keeps the item's place and adds a dated note instead).
    pub published: String,
    /// `(id, name)` of its kecamatan, if any.
    pub kecamatan: Option<(String, String)>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The summary, else the first paragraph as plain text.
    pub summary: String,
    /// Where the event took place.
    pub location: String,
    /// The Markdown body.
    pub body: String,
    /// Photos whose files exist, in front-matter order.
    pub figures: Vec<Figure>,
    /// Photos named in the front matter whose file is not in the folder.
    pub missing: Vec<String>,
    /// Correction notes of the versions published so far, oldest first (see
    /// `domain::correction`): shown below the text, each with its day.
    pub corrections: Vec<Correction>,
}

/// A correction note as a page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// When the correction was published: RFC 3339 with offset.
    pub at: String,
    /// The note worded as the newsroom wants (`[publish] correction_note`), cleaned.
    pub text: String,
}

impl Page {
    /// The public view of an item; `files` are the names of the other files in its folder.
    /// `item` and `files` are those of the public version (`Newsroom::public_version`),
    /// which differ from the working text while a correction is under way.
    #[must_use]
    pub fn new(slug: &str, item: &Item, review: &Review, files: &[String], config: &Config) -> Self {
        let f = &item.front;
        let clean = |s: &str| strip(s.trim());
        let published = super::correction::first_published(review)
            .map(str::to_string)
            .or_else(|| f.created.map(|c| c.to_string()))
            .unwrap_or_default();
        let words = if config.newsroom.language.starts_with("en") {
            &EN
        } else {
            &ID
        };
        let corrections = super::correction::notes(review)
            .into_iter()
            .map(|n| Correction {
                text: clean(&super::correction::worded(config, &day_text(&n.at, words), &n.note)).replace('\n', " "),
                at: n.at,
            })
            .collect();
        let mut figures = Vec::new();
        let mut missing = Vec::new();
        for p in &f.photos {
            let name = p.file.trim();
            if name.is_empty() {
                continue;
            }
            // Only a plain file of the folder: never a path out of it.
            if files.iter().any(|x| x == name) && !name.contains(['/', '\\']) && name != "index.md" {
                figures.push(Figure {
                    file: name.to_string(),
                    caption: clean(&p.caption),
                });
            } else {
                missing.push(name.to_string());
            }
        }
        let summary = if f.summary.trim().is_empty() {
            // Only the first non-empty paragraph is parsed: lists of 10,000 items build pages.
            super::item::paragraphs(&item.body)
                .into_iter()
                .find_map(|p| plain_paragraphs(p).into_iter().next())
                .unwrap_or_default()
        } else {
            clean(&f.summary)
        };
        Self {
            slug: slug.to_string(),
            title: clean(&f.title),
            published,
            kecamatan: config.kecamatan(&f.kecamatan).map(|k| (k.id.clone(), clean(&k.name))),
            tags: f.tags.iter().map(|t| clean(t)).filter(|t| !t.is_empty()).collect(),
            summary,
            location: clean(&f.location),
            body: item.body.clone(),
            figures,
            missing,
            corrections,
        }
    }

    /// The publication day written out (`9 September 2024`).
    #[must_use]
    pub fn date_text(&self, words: &Words) -> String {
        day_text(&self.published, words)
    }

    /// A key that changes whenever the correction notes change.
    #[must_use]
    pub fn corrections_key(&self) -> String {
        let all: Vec<&str> = self
            .corrections
            .iter()
            .flat_map(|c| [c.at.as_str(), c.text.as_str()])
            .collect();
        format!("{:016x}", fnv(all.join("\u{1f}").as_bytes()))
    }
}

/// The day of an RFC 3339 time written out (`9 September 2024`).
#[must_use]
pub fn day_text(at: &str, words: &Words) -> String {
    let d = at.get(..10).unwrap_or("");
    let mut parts = d.split('-').map(|p| p.parse::<usize>().unwrap_or(0));
    let (y, m, day) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    match words.months.get(m.wrapping_sub(1)) {
        Some(month) => format!("{day} {month} {y}"),
        None => d.to_string(),
    }
}

/// Remove what must never reach a public page or a post: control characters other
/// than newline, bidi overrides and invisible characters (see `text::is_dangerous`).
#[must_use]
pub fn strip(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|&c| c == '\n' || !super::text::is_dangerous(c))
        .collect()
}

/// The body's paragraphs as plain text: Markdown marks removed, one line each.
#[must_use]
pub fn plain_paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new(body) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => {
                let p = strip(cur.split_whitespace().collect::<Vec<_>>().join(" ").as_str());
                if !p.is_empty() {
                    out.push(p);
                }
                cur.clear();
            }
            _ => {}
        }
    }
    out
}

/// Escape text for HTML and XML (element content and quoted attributes).
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c == '\n' || !super::text::is_dangerous(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Percent-encode a file name for use in a relative URL.
#[must_use]
pub fn url_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A path word for a tag: `a-z0-9` and `-`; other text folds to `-`, and a tag with no
/// such letters gets a hash, so every tag has a page.
#[must_use]
pub fn path_word(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        format!("t-{:08x}", fnv(s.as_bytes()) as u32)
    } else {
        out
    }
}

/// FNV-1a: a cheap, stable fingerprint (not for security).
#[must_use]
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The body as HTML. Raw HTML in the Markdown is shown as text, never passed through
/// (an author's `<script>` must not reach the website); links keep only `http(s)`,
/// `mailto` and relative targets; headings start at `<h2>` (the title is the `<h1>`).
#[must_use]
pub fn body_html(body: &str) -> String {
    let mut out = String::new();
    // Images in the body become links to them: no third-party image loads in pages.
    let mut in_image = 0usize;
    for ev in Parser::new(body) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    let _ = write!(out, "<h{}>", (level as usize + 1).min(6));
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
                Tag::CodeBlock(_) => out.push_str("<pre><code>"),
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(n)) => {
                    let _ = writeln!(out, "<ol start=\"{n}\">");
                }
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str("<li>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link { dest_url, .. } => {
                    let _ = write!(out, "<a href=\"{}\">", escape(&safe_href(&dest_url)));
                }
                Tag::Image { dest_url, .. } => {
                    in_image += 1;
                    let _ = write!(out, "<a href=\"{}\">", escape(&safe_href(&dest_url)));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Heading(level) => {
                    let _ = writeln!(out, "</h{}>", (level as usize + 1).min(6));
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link => out.push_str("</a>"),
                TagEnd::Image => {
                    in_image = in_image.saturating_sub(1);
                    out.push_str("</a>");
                }
                _ => {}
            },
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::Code(t) => {
                let _ = write!(out, "<code>{}</code>", escape(&t));
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            _ => {}
        }
    }
    let _ = in_image;
    out
}

/// A link target that is safe on a public page, else `#`.
fn safe_href(url: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s);
    let relative = scheme.is_none_or(|s| s.contains(['/', '?', '#']));
    if relative || matches!(scheme, Some("http" | "https" | "mailto")) {
        u.to_string()
    } else {
        "#".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_script_links_never_reach_the_page() {
        let html = body_html(
            "Halo <script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://a.example/?q=1&r=2)\n\n# Sub",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<a href=\"#\">x</a>"));
        assert!(html.contains("href=\"https://a.example/?q=1&amp;r=2\""));
        assert!(html.contains("<h2>Sub</h2>"));
    }

    #[test]
    fn plain_paragraphs_drop_marks_and_controls() {
        let p = plain_paragraphs("**Babadan** – _rapat_\nlanjut\u{202e}\n\nKedua");
        assert_eq!(p, ["Babadan – rapat lanjut", "Kedua"]);
    }

    #[test]
    fn path_words() {
        assert_eq!(path_word("Pilkada 2024"), "pilkada-2024");
        assert_eq!(path_word("netralitas-asn"), "netralitas-asn");
        assert!(path_word("中文").starts_with("t-"));
        assert_eq!(url_part("foto 1.jpg"), "foto%201.jpg");
    }
}
