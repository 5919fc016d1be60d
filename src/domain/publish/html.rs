//! The standalone website: HTML5 pages that need no JavaScript and no server logic,
//! an Atom feed and a sitemap.
//!
//! Layout of the output (all links relative, so the site also works from a folder):
//!
//! ```text
//! index.html                      home: latest items, kecamatan and topics
//! berita/<slug>/index.html        one item, its photos beside it
//! kecamatan/<id>/index.html       items of one kecamatan
//! tag/<word>/index.html           items of one tag
//! atom.xml  sitemap.xml  style.css
//! ```

use std::fmt::Write;

use std::collections::BTreeMap;

use super::{Page, Site, body_html, escape, path_word, url_part};

/// Items on the home page and in the feed.
pub const LATEST: usize = 30;

/// The stylesheet: readable on a phone first, wider screens get a measure.
pub const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1b1b1b;background:#fff}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{border-bottom:3px solid #7a1020;padding-top:.8rem;padding-bottom:.6rem}
header a{color:#7a1020;font-weight:700;text-decoration:none;font-size:1.2rem}
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .4rem}
h2{font-size:1.25rem}
a{color:#0b4f8a}
.meta{color:#555;font-size:.92rem;margin:0 0 1rem}
.lead{font-weight:600}
figure{margin:1rem 0}
figure img{display:block;width:100%;height:auto;border-radius:4px}
figcaption{font-size:.9rem;color:#444;padding:.3rem 0;border-bottom:1px solid #ddd}
.corrections{margin:1.5rem 0;padding:.5rem 1rem;border-left:4px solid #b35c00;background:#fff6ec;font-size:.95rem}
ul.items{list-style:none;padding:0}
ul.items li{padding:.6rem 0;border-bottom:1px solid #eee}
ul.items time{display:block;color:#555;font-size:.85rem}
ul.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.tags a{display:inline-block;padding:.1rem .5rem;border:1px solid #bbb;border-radius:1rem;text-decoration:none}
footer{color:#666;font-size:.85rem;border-top:1px solid #ddd;margin-top:2rem;padding-top:.6rem;padding-bottom:2rem}
";

fn document(site: &Site, root: &str, title: &str, main: &str) -> String {
    let w = site.words();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" href=\"{root}atom.xml\" title=\"{site_title}\">\n\
         </head>\n<body>\n<header><a href=\"{root}index.html\">{site_title}</a></header>\n<main>\n{main}</main>\n\
         <footer><a href=\"{root}index.html\">{home}</a> · <a href=\"{root}atom.xml\">{feed}</a></footer>\n</body>\n</html>\n",
        lang = site.lang,
        title = escape(title),
        site_title = escape(&site.title),
        home = w.home,
        feed = w.feed,
    )
}

fn figure(src: &str, caption: &str) -> String {
    format!(
        "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>\n",
        escape(src),
        escape(caption),
        escape(caption)
    )
}

fn meta(site: &Site, root: &str, page: &Page) -> String {
    let mut s = format!(
        "<p class=\"meta\"><time datetime=\"{}\">{}</time>",
        escape(&page.published),
        escape(&page.date_text(site.words()))
    );
    if let Some((id, name)) = &page.kecamatan {
        let _ = write!(
            s,
            " · <a href=\"{root}kecamatan/{id}/index.html\">{}{}</a>",
            site.words().kecamatan_prefix,
            escape(name)
        );
    }
    if !page.location.is_empty() {
        let _ = write!(s, " · {}", escape(&page.location));
    }
    s.push_str("</p>\n");
    s
}

fn tag_list(root: &str, tags: &[String]) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let mut s = String::from("<ul class=\"tags\">\n");
    for t in tags {
        let _ = writeln!(
            s,
            "<li><a href=\"{root}tag/{}/index.html\">#{}</a></li>",
            path_word(t),
            escape(t)
        );
    }
    s.push_str("</ul>\n");
    s
}

/// `berita/<slug>/index.html`: the item with its photos and captions (first photo
/// above the text, the others after it); photo files sit beside the page.
#[must_use]
pub fn item_page(site: &Site, page: &Page) -> String {
    let root = "../../";
    let mut main = format!(
        "<article>\n<h1>{}</h1>\n{}",
        escape(&page.title),
        meta(site, root, page)
    );
    let mut figures = page.figures.iter();
    if let Some(f) = figures.next() {
        main.push_str(&figure(&url_part(&f.file), &f.caption));
    }
    main.push_str(&body_html(&page.body));
    for f in figures {
        main.push_str(&figure(&url_part(&f.file), &f.caption));
    }
    if !page.corrections.is_empty() {
        main.push_str("<aside class=\"corrections\">\n");
        for c in &page.corrections {
            let _ = writeln!(main, "<p>{}</p>", escape(&c.text));
        }
        main.push_str("</aside>\n");
    }
    main.push_str(&tag_list(root, &page.tags));
    main.push_str("</article>\n");
    document(site, root, &format!("{} – {}", page.title, site.title), &main)
}

fn item_list(site: &Site, root: &str, pages: &[&Page], with_summary: bool) -> String {
    let mut s = String::from("<ul class=\"items\">\n");
    for p in pages {
        let _ = write!(
            s,
            "<li><a href=\"{root}berita/{}/index.html\">{}</a><time datetime=\"{}\">{}</time>",
            p.slug,
            escape(&p.title),
            escape(&p.published),
            escape(&p.date_text(site.words()))
        );
        if with_summary && !p.summary.is_empty() {
            s.push_str(&escape(&p.summary));
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");
    s
}

/// The pages grouped: items per kecamatan id and per tag word, newest first.
#[derive(Debug, Default)]
pub struct Groups<'a> {
    /// Kecamatan id → items.
    pub kecamatan: BTreeMap<String, Vec<&'a Page>>,
    /// Tag word (`path_word`) → (the tag as first written, items).
    pub tags: BTreeMap<String, (String, Vec<&'a Page>)>,
}

/// Group items (already sorted newest first) by kecamatan and tag.
#[must_use]
pub fn groups<'a>(pages: &[&'a Page]) -> Groups<'a> {
    let mut g = Groups::default();
    for p in pages {
        if let Some((id, _)) = &p.kecamatan {
            g.kecamatan.entry(id.clone()).or_default().push(p);
        }
        for t in &p.tags {
            g.tags
                .entry(path_word(t))
                .or_insert_with(|| (t.clone(), Vec::new()))
                .1
                .push(p);
        }
    }
    g
}

/// `index.html`: the latest items with their summaries, then kecamatan and topics.
#[must_use]
pub fn home(site: &Site, pages: &[&Page], groups: &Groups<'_>) -> String {
    let w = site.words();
    let mut main = format!("<h1>{}</h1>\n", w.latest);
    let latest: Vec<&Page> = pages.iter().take(LATEST).copied().collect();
    main.push_str(&item_list(site, "", &latest, true));
    if !groups.kecamatan.is_empty() {
        let _ = writeln!(main, "<h2>{}</h2>\n<ul class=\"tags\">", w.kecamatan);
        for (id, name) in &site.kecamatan {
            if let Some(items) = groups.kecamatan.get(id) {
                let _ = writeln!(
                    main,
                    "<li><a href=\"kecamatan/{id}/index.html\">{} ({})</a></li>",
                    escape(name),
                    items.len()
                );
            }
        }
        main.push_str("</ul>\n");
    }
    if !groups.tags.is_empty() {
        let _ = writeln!(main, "<h2>{}</h2>\n<ul class=\"tags\">", w.tags);
        for (word, (tag, items)) in &groups.tags {
            let _ = writeln!(
                main,
                "<li><a href=\"tag/{word}/index.html\">#{} ({})</a></li>",
                escape(tag),
                items.len()
            );
        }
        main.push_str("</ul>\n");
    }
    document(site, "", &site.title, &main)
}

/// `kecamatan/<id>/index.html` or `tag/<word>/index.html`: every item of the group.
#[must_use]
pub fn list_page(site: &Site, heading: &str, pages: &[&Page]) -> String {
    let root = "../../";
    let main = format!("<h1>{}</h1>\n{}", escape(heading), item_list(site, root, pages, false));
    document(site, root, &format!("{heading} – {}", site.title), &main)
}

/// `atom.xml`: the latest items.
#[must_use]
pub fn atom(site: &Site, pages: &[&Page]) -> String {
    let updated = pages.first().map_or("1970-01-01T00:00:00Z", |p| p.published.as_str());
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<id>{}/</id>\n<link href=\"{}/\"/>\n<link rel=\"self\" href=\"{}/atom.xml\"/>\n<updated>{}</updated>\n\
         <author><name>{}</name></author>\n",
        site.lang,
        escape(&site.title),
        escape(&site.base_url),
        escape(&site.base_url),
        escape(&site.base_url),
        escape(updated),
        escape(&site.title)
    );
    for p in pages.iter().take(LATEST) {
        let url = escape(&site.item_url(&p.slug));
        let _ = writeln!(
            s,
            "<entry>\n<title>{}</title>\n<id>{url}</id>\n<link href=\"{url}\"/>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>",
            escape(&p.title),
            escape(&p.published),
            escape(&p.summary)
        );
    }
    s.push_str("</feed>\n");
    s
}

/// `sitemap.xml`: every page's address.
#[must_use]
pub fn sitemap(site: &Site, pages: &[&Page], groups: &Groups<'_>) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: String, lastmod: Option<&str>| {
        let _ = write!(s, "<url><loc>{}</loc>", escape(&loc));
        if let Some(m) = lastmod {
            let _ = write!(s, "<lastmod>{}</lastmod>", escape(m));
        }
        s.push_str("</url>\n");
    };
    url(
        format!("{}/", site.base_url),
        pages.first().map(|p| p.published.as_str()),
    );
    for p in pages {
        url(site.item_url(&p.slug), Some(&p.published));
    }
    for id in groups.kecamatan.keys() {
        url(format!("{}/kecamatan/{id}/", site.base_url), None);
    }
    for word in groups.tags.keys() {
        url(format!("{}/tag/{word}/", site.base_url), None);
    }
    s.push_str("</urlset>\n");
    s
}
