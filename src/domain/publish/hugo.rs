//! The Hugo export: a content tree of page bundles and a small theme, so `hugo` builds
//! the website without further set-up.
//!
//! ```text
//! hugo.toml                                  site settings, taxonomies tags and kecamatan
//! content/berita/_index.md                   the section
//! content/berita/<slug>/index.md             one item: Hugo front matter, Markdown body
//! content/berita/<slug>/<photo>              its photos, page resources with captions
//! themes/warta/layouts/…, static/style.css   the theme
//! ```

use super::{Page, Site};
use crate::domain::item::emit_toml;

/// Front-matter keys in the order they are written.
const ORDER: [&str; 8] = [
    "title",
    "date",
    "slug",
    "kecamatan",
    "tags",
    "summary",
    "description",
    "cover",
];

/// `content/berita/<slug>/index.md`.
#[must_use]
pub fn bundle_index(page: &Page) -> String {
    let s = |v: &str| toml::Value::String(v.to_string());
    let mut t = toml::Table::new();
    t.insert("title".into(), s(&page.title));
    t.insert("date".into(), s(&page.published));
    if let Some((_, name)) = &page.kecamatan {
        t.insert("kecamatan".into(), toml::Value::Array(vec![s(name)]));
    }
    t.insert(
        "tags".into(),
        toml::Value::Array(page.tags.iter().map(|x| s(x)).collect()),
    );
    if !page.summary.is_empty() {
        t.insert("summary".into(), s(&page.summary));
        t.insert("description".into(), s(&page.summary));
    }
    if !page.location.is_empty() {
        t.insert("location".into(), s(&page.location));
    }
    if let Some(f) = page.figures.first() {
        t.insert("cover".into(), s(&f.file));
    }
    if !page.figures.is_empty() {
        let resources = page
            .figures
            .iter()
            .map(|f| {
                let mut r = toml::Table::new();
                r.insert("src".into(), s(&f.file));
                r.insert("title".into(), s(&f.caption));
                toml::Value::Table(r)
            })
            .collect();
        t.insert("resources".into(), toml::Value::Array(resources));
    }
    if let Some(last) = page.corrections.last() {
        // Readers see each correction's note below the text (the theme's single page);
        // `lastmod` tells Hugo, feeds and search engines the page changed.
        t.insert("lastmod".into(), s(&last.at));
        let notes = page
            .corrections
            .iter()
            .map(|c| {
                let mut r = toml::Table::new();
                r.insert("date".into(), s(&c.at));
                r.insert("note".into(), s(&c.text));
                toml::Value::Table(r)
            })
            .collect();
        t.insert("corrections".into(), toml::Value::Array(notes));
    }
    format!(
        "+++\n{}+++\n{}",
        emit_toml(&t, &ORDER),
        neutralise_shortcodes(&page.body)
    )
}

/// Hugo runs `{{< … >}}` and `{{% … %}}` in content as shortcodes: an author's text must
/// not call templates (or break the build with an unknown one). The first brace becomes
/// an HTML entity, which Markdown shows as `{`.
fn neutralise_shortcodes(body: &str) -> String {
    body.replace("{{<", "&#123;{<").replace("{{%", "&#123;{%")
}

/// `hugo.toml`.
#[must_use]
pub fn config(site: &Site) -> String {
    let mut t = toml::Table::new();
    let s = |v: &str| toml::Value::String(v.to_string());
    t.insert("baseURL".into(), s(&format!("{}/", site.base_url)));
    t.insert("languageCode".into(), s(site.lang));
    t.insert("title".into(), s(&site.title));
    t.insert("theme".into(), s("warta"));
    let mut tax = toml::Table::new();
    tax.insert("tag".into(), s("tags"));
    tax.insert("kecamatan".into(), s("kecamatan"));
    t.insert("taxonomies".into(), toml::Value::Table(tax));
    let mut params = toml::Table::new();
    params.insert("home".into(), s(site.words().home));
    params.insert("latest".into(), s(site.words().latest));
    params.insert("kecamatanTitle".into(), s(site.words().kecamatan));
    params.insert("topics".into(), s(site.words().tags));
    t.insert("params".into(), toml::Value::Table(params));
    emit_toml(&t, &["baseURL", "languageCode", "title", "theme"])
}

/// `content/berita/_index.md`.
#[must_use]
pub fn section_index(site: &Site) -> String {
    let title = if site.lang == "en" { "News" } else { "Berita" };
    format!("+++\ntitle = \"{title}\"\n+++\n")
}

/// The theme's files: path under the output folder, text.
pub const THEME: [(&str, &str); 6] = [
    (
        "themes/warta/theme.toml",
        "name = \"warta\"\nlicense = \"MIT\"\ndescription = \"The theme warta exports with its items\"\n",
    ),
    ("themes/warta/layouts/_default/baseof.html", BASEOF),
    ("themes/warta/layouts/_default/single.html", SINGLE),
    ("themes/warta/layouts/_default/list.html", LIST),
    ("themes/warta/layouts/index.html", HOME),
    ("themes/warta/static/style.css", super::html::STYLE),
];

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><a href="{{ "/" | relURL }}">{{ site.Params.home }}</a></footer>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time>
{{- range .GetTerms "kecamatan" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{- with .Params.location }} · {{ . }}{{ end }}</p>
{{- $cover := .Params.cover | default "" }}
{{- with .Params.cover }}{{ with $.Resources.GetMatch . }}
<figure><img src="{{ .RelPermalink }}" alt="{{ .Title }}"><figcaption>{{ .Title }}</figcaption></figure>
{{- end }}{{ end }}
{{ .Content }}
{{- range .Resources.ByType "image" }}{{ if ne .Name $cover }}
<figure><img src="{{ .RelPermalink }}" alt="{{ .Title }}"><figcaption>{{ .Title }}</figcaption></figure>
{{- end }}{{ end }}
{{- with .Params.corrections }}
<aside class="corrections">{{ range . }}
<p>{{ .note }}</p>{{ end }}
</aside>
{{- end }}
{{- with .GetTerms "tags" }}
<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{- end }}
</article>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="items">
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time></li>
{{- end }}
</ul>
{{ end }}
"#;

const HOME: &str = r#"{{ define "main" }}
<h1>{{ site.Params.latest }}</h1>
<ul class="items">
{{- range first 30 (where site.RegularPages "Section" "berita") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time>{{ .Params.summary }}</li>
{{- end }}
</ul>
{{- with site.Taxonomies.kecamatan }}
<h2>{{ site.Params.kecamatanTitle }}</h2>
<ul class="tags">{{ range . }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }} ({{ .Count }})</a></li>{{ end }}</ul>
{{- end }}
{{- with site.Taxonomies.tags }}
<h2>{{ site.Params.topics }}</h2>
<ul class="tags">{{ range . }}<li><a href="{{ .Page.RelPermalink }}">#{{ .Page.Title }} ({{ .Count }})</a></li>{{ end }}</ul>
{{- end }}
{{ end }}
"#;

#[cfg(test)]
mod tests {
    use super::super::Figure;
    use super::*;

    #[test]
    fn a_bundle_has_hugo_front_matter_and_no_live_shortcodes() {
        let page = Page {
            slug: "2024-01-01-a".into(),
            title: "A \"quoted\" title".into(),
            published: "2024-01-02T10:00:00+07:00".into(),
            kecamatan: Some(("babadan".into(), "Babadan".into())),
            tags: vec!["pilkada-2024".into()],
            summary: "S".into(),
            location: String::new(),
            body: "Text {{< shortcode >}} and {{% x %}}\n".into(),
            figures: vec![Figure {
                file: "foto-1.png".into(),
                caption: "Cap".into(),
            }],
            missing: vec![],
            corrections: vec![],
        };
        let text = bundle_index(&page);
        let front = text.split("+++\n").nth(1).unwrap();
        let t: toml::Table = toml::from_str(front).unwrap();
        assert_eq!(t["title"].as_str(), Some("A \"quoted\" title"));
        assert_eq!(t["kecamatan"].as_array().unwrap()[0].as_str(), Some("Babadan"));
        assert_eq!(t["cover"].as_str(), Some("foto-1.png"));
        assert_eq!(t["resources"].as_array().unwrap()[0]["title"].as_str(), Some("Cap"));
        assert!(!text.contains("{{<") && !text.contains("{{%"));
    }
}
