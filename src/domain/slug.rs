//! The slug maker: the only way user text becomes part of a path.
//!
//! A slug is `YYYY-MM-DD-<words>`: lowercase ASCII `a-z0-9-`, at most 80 bytes.

/// Longest slug in bytes.
pub const MAX_SLUG: usize = 80;

/// Fold one character to ASCII where it is a Latin letter with a diacritic.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// Turn a title into the words part of a slug: folded, lowercase, `-` between words.
#[must_use]
pub fn words(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        // Combining marks (decomposed accents) fold away.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let piece: Option<String> = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_lowercase().to_string())
        } else {
            fold(c).map(str::to_string)
        };
        match piece {
            Some(p) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push_str(&p);
            }
            // Apostrophes join ("Jum'at" → "jumat"); everything else separates words.
            None if matches!(c, '\'' | '’') => {}
            None => dash = true,
        }
    }
    out
}

/// Make a slug from a date (`YYYY-MM-DD`) and a title, avoiding the slugs in `taken`.
#[must_use]
pub fn make(date: &str, title: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = format!("{date}-{}", words(title));
    if base.ends_with('-') {
        base.push_str("berita");
    }
    // Leave room for a `-NN` suffix; cut at a word boundary.
    let limit = MAX_SLUG - 4;
    if base.len() > limit {
        base.truncate(limit);
        if let Some(cut) = base.rfind('-').filter(|i| *i > date.len()) {
            base.truncate(cut);
        }
    }
    let base = base.trim_end_matches('-').to_string();
    if !taken(&base) {
        return base;
    }
    (2..=u32::MAX)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken(s))
        .unwrap_or(base)
}

/// Whether a string is a well-formed slug (safe as one path component).
#[must_use]
pub fn is_valid(slug: &str) -> bool {
    let b = slug.as_bytes();
    b.len() > 11
        && b.len() <= MAX_SLUG
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-'
        && b[11..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && !slug.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_and_cut() {
        let cases = [
            (
                "Panwascam Babadan Gelar Sosialisasi",
                "2024-09-09-panwascam-babadan-gelar-sosialisasi",
            ),
            ("Café “Démo” — Jum'at, 13/09!", "2024-09-09-cafe-demo-jumat-13-09"),
            ("e\u{301}lan ../../etc/passwd", "2024-09-09-elan-etc-passwd"),
            ("👍🏽🇮🇩", "2024-09-09-berita"),
        ];
        for (title, want) in cases {
            let got = make("2024-09-09", title, |_| false);
            assert_eq!(got, want);
            assert!(is_valid(&got), "{got}");
        }
        let long = make("2024-09-09", &"kata ".repeat(40), |_| false);
        assert!(long.len() <= MAX_SLUG && is_valid(&long), "{long}");
    }

    #[test]
    fn clashes_get_a_number() {
        let taken = ["2024-01-01-rapat", "2024-01-01-rapat-2"];
        assert_eq!(
            make("2024-01-01", "Rapat", |s| taken.contains(&s)),
            "2024-01-01-rapat-3"
        );
    }

    #[test]
    fn validity() {
        for bad in [
            "",
            "../x",
            "2024-01-01-",
            "2024-01-01-A",
            "2024-01-01-a/b",
            "2024-1-01-abc",
            "x2024-01-01-ab",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
        assert!(is_valid("2024-01-01-ab-2"));
    }
}
