//! Social media texts for a published item, one per channel, each within its
//! channel's rules.
//!
//! - X: at most 280 characters as X counts them (a link is 23, most other scripts and
//!   emoji 2).
//! - Instagram: at most 2,200 characters and 30 hashtags; links in captions are not
//!   clickable, so the text says where the story is (the link in the bio, and the
//!   address written out).
//! - `WhatsApp`: `*bold*` title, the lead, and the link.
//! - Facebook: title, lead, link and a few hashtags.
//!
//! Texts hold no control characters, bidi overrides or invisible characters: they are
//! copied to the clipboard and pasted into public posts as they are.

use super::{Page, Site, strip};

/// A channel a text is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Instagram caption.
    Instagram,
    /// Facebook post.
    Facebook,
    /// X (Twitter) post.
    X,
    /// `WhatsApp` message (groups, channels).
    Whatsapp,
}

impl Channel {
    /// Every channel, in the order screens show them.
    pub const ALL: [Self; 4] = [Self::Instagram, Self::Facebook, Self::X, Self::Whatsapp];

    /// The id used on the command line and in the `shared` event.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Instagram => "instagram",
            Self::Facebook => "facebook",
            Self::X => "x",
            Self::Whatsapp => "whatsapp",
        }
    }

    /// The display name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Instagram => "Instagram",
            Self::Facebook => "Facebook",
            Self::X => "X",
            Self::Whatsapp => "WhatsApp",
        }
    }

    /// Parse an id (`twitter` is X).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "twitter" => Some(Self::X),
            s => Self::ALL.into_iter().find(|c| c.id() == s),
        }
    }
}

/// X's limit, in its weighted characters.
pub const X_LIMIT: usize = 280;
/// What X counts for any link.
pub const X_LINK: usize = 23;
/// Instagram's caption limit.
pub const INSTAGRAM_LIMIT: usize = 2200;
/// Instagram's hashtag limit.
pub const INSTAGRAM_HASHTAGS: usize = 30;
/// Hashtags on Facebook: a few read better than many.
const FACEBOOK_HASHTAGS: usize = 10;
/// Hashtags on X, before the length decides.
const X_HASHTAGS: usize = 5;

/// The text for a channel.
#[must_use]
pub fn caption(page: &Page, site: &Site, channel: Channel) -> String {
    let url = site.item_url(&page.slug);
    let words = site.words();
    let tags = hashtags(page, site);
    let lead = one_line(&page.summary);
    let title = one_line(&page.title);
    match channel {
        Channel::Whatsapp => {
            // `*` inside the title would end the bold early.
            let bold = title.replace('*', "");
            join(&[format!("*{bold}*"), lead, url])
        }
        Channel::Facebook => join(&[
            title,
            lead,
            format!("{} {url}", words.read_more),
            take_tags(&tags, FACEBOOK_HASHTAGS),
        ]),
        Channel::X => x_text(&title, &lead, &url, &tags),
        Channel::Instagram => instagram_text(page, &title, &lead, &url, &tags, words.link_in_bio),
    }
}

/// Hashtags of an item: its tags, then the newsroom's, without repeats (ignoring case).
#[must_use]
pub fn hashtags(page: &Page, site: &Site) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let tags = page.tags.iter().map(|t| camel(t));
    for h in tags.chain(site.hashtags.iter().cloned()) {
        if !h.is_empty() && !out.iter().any(|o| o.to_lowercase() == h.to_lowercase()) {
            out.push(h);
        }
    }
    out
}

/// `pilkada-2024` → `Pilkada2024`: words joined, each capitalised (readable, and screen
/// readers say them as words); characters a hashtag cannot hold are dropped.
fn camel(tag: &str) -> String {
    tag.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn take_tags(tags: &[String], n: usize) -> String {
    tags.iter()
        .take(n)
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn one_line(s: &str) -> String {
    strip(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// X's weight of a character: 1 for the ranges it counts as light (Latin and most
/// punctuation), 2 for everything else (CJK, emoji…).
fn x_weight(c: char) -> usize {
    match u32::from(c) {
        0..=4351 | 8192..=8205 | 8208..=8223 | 8242..=8247 => 1,
        _ => 2,
    }
}

/// The length of a post as X counts it: every `http(s)://` word is 23.
#[must_use]
pub fn x_length(text: &str) -> usize {
    let mut n = 0;
    for (i, part) in text.split(' ').enumerate() {
        if i > 0 {
            n += 1;
        }
        for (j, line) in part.split('\n').enumerate() {
            if j > 0 {
                n += 1;
            }
            if line.starts_with("http://") || line.starts_with("https://") {
                n += X_LINK;
            } else {
                n += line.chars().map(x_weight).sum::<usize>();
            }
        }
    }
    n
}

/// Instagram counts characters; UTF-16 units are never fewer, so counting them keeps
/// a text with emoji within the limit too.
#[must_use]
pub fn instagram_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The number of `#` hashtags in a text.
#[must_use]
pub fn hashtag_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.starts_with('#') && w.len() > 1)
        .count()
}

fn x_text(title: &str, lead: &str, url: &str, tags: &[String]) -> String {
    let mut n = tags.len().min(X_HASHTAGS);
    let build = |title: &str, lead: &str, n: usize| {
        join(&[title.to_string(), lead.to_string(), url.to_string(), take_tags(tags, n)])
    };
    // Give up, in order: the lead, hashtags one by one, then the end of the title.
    let with_lead = build(title, lead, n);
    if x_length(&with_lead) <= X_LIMIT {
        return with_lead;
    }
    loop {
        let t = build(title, "", n);
        if x_length(&t) <= X_LIMIT {
            return t;
        }
        if n == 0 {
            break;
        }
        n -= 1;
    }
    let mut short: String = title.to_string();
    while x_length(&build(&format!("{short}…"), "", 0)) > X_LIMIT && !short.is_empty() {
        short.pop();
    }
    build(&format!("{}…", short.trim_end()), "", 0)
}

fn instagram_text(page: &Page, title: &str, lead: &str, url: &str, tags: &[String], where_: &str) -> String {
    let tags_line = take_tags(tags, INSTAGRAM_HASHTAGS);
    let link = format!("{where_} {url}");
    let mut paragraphs: Vec<String> = vec![title.to_string()];
    if !lead.is_empty() {
        paragraphs.push(lead.to_string());
    }
    let make = |ps: &[String], tags_line: &str| {
        let mut all = ps.to_vec();
        all.push(link.clone());
        all.push(tags_line.to_string());
        join(&all)
    };
    // As much of the story as fits, whole paragraphs only.
    let body = super::plain_paragraphs(&page.body);
    for p in body.into_iter().filter(|p| *p != page.summary) {
        let mut next = paragraphs.clone();
        next.push(p);
        if instagram_length(&make(&next, &tags_line)) > INSTAGRAM_LIMIT {
            break;
        }
        paragraphs = next;
    }
    let mut n = tags.len().min(INSTAGRAM_HASHTAGS);
    let mut text = make(&paragraphs, &take_tags(tags, n));
    while instagram_length(&text) > INSTAGRAM_LIMIT {
        if n > 0 {
            n -= 1;
        } else if paragraphs.len() > 1 {
            paragraphs.pop();
        } else {
            // A title alone over the limit: cut it.
            let keep = INSTAGRAM_LIMIT.saturating_sub(instagram_length(&link) + 4);
            let cut: String = paragraphs[0].chars().take(keep / 2).collect();
            paragraphs[0] = format!("{cut}…");
        }
        text = make(&paragraphs, &take_tags(tags, n));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::Figure;
    use super::*;

    fn site() -> Site {
        Site {
            title: "Bawaslu".into(),
            base_url: "https://bawaslu.example".into(),
            lang: "id",
            kecamatan: vec![],
            hashtags: vec!["BawasluPonorogo".into(), "pilkada2024".into()],
        }
    }

    fn page(title: &str, paragraphs: usize, tags: usize) -> Page {
        Page {
            slug: "2024-09-09-sosialisasi".into(),
            title: title.into(),
            published: "2024-09-09T10:00:00+07:00".into(),
            kecamatan: None,
            tags: (0..tags)
                .map(|i| format!("tag-{i}"))
                .chain(["pilkada-2024".into()])
                .collect(),
            summary: "Ringkasan\u{202e} singkat.".into(),
            location: String::new(),
            body: (0..paragraphs)
                .map(|i| format!("Paragraf {i} berisi kalimat yang cukup panjang untuk diuji di sini."))
                .collect::<Vec<_>>()
                .join("\n\n"),
            figures: vec![Figure {
                file: "a.png".into(),
                caption: "x".into(),
            }],
            missing: vec![],
            corrections: vec![],
        }
    }

    #[test]
    fn every_channel_stays_within_its_limits_and_carries_the_address() {
        let long_title = "Judul panjang sekali ".repeat(30);
        for (title, paragraphs, tags) in [
            ("Judul", 3, 2),
            (long_title.as_str(), 200, 60),
            ("Judul 中文 🎉", 50, 40),
        ] {
            let p = page(title, paragraphs, tags);
            let s = site();
            let x = caption(&p, &s, Channel::X);
            assert!(x_length(&x) <= X_LIMIT, "{} {x}", x_length(&x));
            assert!(x.contains("https://bawaslu.example/berita/2024-09-09-sosialisasi/"));
            let ig = caption(&p, &s, Channel::Instagram);
            assert!(instagram_length(&ig) <= INSTAGRAM_LIMIT, "{}", instagram_length(&ig));
            assert!(hashtag_count(&ig) <= INSTAGRAM_HASHTAGS);
            assert!(ig.contains("tautan di bio"));
            let wa = caption(&p, &s, Channel::Whatsapp);
            assert!(wa.starts_with('*') && wa.lines().next().unwrap().ends_with('*'));
            assert!(wa.ends_with("/berita/2024-09-09-sosialisasi/"));
            for t in [&x, &ig, &wa, &caption(&p, &s, Channel::Facebook)] {
                assert!(
                    !t.chars().any(|c| c != '\n' && crate::domain::text::is_dangerous(c)),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn hashtags_come_from_tags_then_the_newsroom_without_repeats() {
        let h = hashtags(&page("J", 1, 1), &site());
        assert_eq!(h, ["Tag0", "Pilkada2024", "BawasluPonorogo"]);
    }

    #[test]
    fn x_counts_a_link_as_23() {
        assert_eq!(
            x_length("ab https://example.com/a/very/long/path/that/goes/on"),
            2 + 1 + 23
        );
        assert_eq!(x_length("中"), 2);
    }
}
