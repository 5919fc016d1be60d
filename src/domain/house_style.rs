//! House style of an Indonesian election-supervision newsroom, found in a body with
//! where each slip is and how it should be written.
//!
//! - "di" as a preposition is written apart ("di rumah"), as a prefix joined
//!   ("dilakukan"): "di lakukan" and "dirumah" are slips.
//! - Institutions are written as they write themselves: "Bawaslu", "Panwaslu
//!   Kecamatan", "KPU".
//! - A day with its date is written "Selasa (21/05/2024)".
//!
//! The checklist (`lint.rs`) turns these into recommended rules; `warta check` lists
//! each with its line and column. Pure text work, no dictionary.

use super::checks::Rule;
use super::spelling::tokens;

/// One slip of house style in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleFinding {
    /// The rule it breaks.
    pub rule: Rule,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// How the house writes it.
    pub fix: String,
}

/// Verbs often written apart from their prefix ("di lakukan"); besides these, any word
/// ending in -kan after a lone "di" is a verb.
const DI_VERBS: &[&str] = &[
    "gelar",
    "buka",
    "tutup",
    "hadiri",
    "ikuti",
    "awasi",
    "pimpin",
    "mulai",
    "bahas",
    "lantik",
    "terima",
    "pasang",
    "tulis",
    "baca",
    "ambil",
    "beri",
    "minta",
    "catat",
    "cek",
    "periksa",
    "coklit",
    "dampingi",
    "kunjungi",
    "tindaklanjuti",
    "rekap",
    "setujui",
    "tolak",
    "pantau",
    "tinjau",
    "imbau",
    "himbau",
    "bentuk",
    "rekrut",
    "sebut",
    "lakukan",
];

/// Places and directions that "di" stands apart from ("di rumah", "di atas").
const DI_PLACES: &[&str] = &[
    "rumah",
    "sini",
    "sana",
    "situ",
    "mana",
    "atas",
    "bawah",
    "dalam",
    "luar",
    "depan",
    "belakang",
    "samping",
    "tengah",
    "antara",
    "sekitar",
    "sebelah",
    "seluruh",
    "hadapan",
    "kantor",
    "balai",
    "aula",
    "lapangan",
    "wilayah",
    "desa",
    "kelurahan",
    "kecamatan",
    "kabupaten",
    "provinsi",
    "sekolah",
    "masjid",
    "gedung",
    "lokasi",
    "tempat",
    "saat",
];

/// Institutions as they are written.
const INSTITUTIONS: &[&str] = &[
    "Bawaslu",
    "Panwaslu",
    "Panwascam",
    "KPU",
    "PPK",
    "PPS",
    "KPPS",
    "PTPS",
    "DKPP",
    "Gakkumdu",
    "TPS",
    "DPT",
];

/// Words that belong to an institution's name after it ("Panwaslu Kecamatan").
const INSTITUTION_PARTS: &[&str] = &["kecamatan", "kabupaten", "kota", "provinsi", "kelurahan", "desa"];

/// Day names; "Jum'at" is found to be written "Jumat".
const DAYS: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Jum’at", "Sabtu", "Minggu",
];

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
];

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "di" written apart from a verb or joined to a place.
#[must_use]
pub fn di_usage(text: &str) -> Vec<StyleFinding> {
    let words: Vec<(usize, &str)> = tokens(text).collect();
    let mut out = Vec::new();
    for (i, &(at, w)) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if lower == "di"
            && let Some(&(next_at, next)) = words.get(i + 1)
        {
            // Only across plain spaces: "di, lakukan" is not one phrase.
            let between = &text[at + w.len()..next_at];
            let verb = next.chars().next().is_some_and(char::is_lowercase)
                && ((next.ends_with("kan") && next.chars().count() >= 6) || DI_VERBS.contains(&next));
            if verb && !between.is_empty() && between.chars().all(|c| c == ' ') {
                out.push(StyleFinding {
                    rule: Rule::DiUsage,
                    start: at,
                    end: next_at + next.len(),
                    text: text[at..next_at + next.len()].to_string(),
                    fix: format!("{w}{next}"),
                });
            }
            continue;
        }
        let Some(rest) = lower.strip_prefix("di") else { continue };
        let place = rest.strip_suffix("nya").unwrap_or(rest);
        if DI_PLACES.contains(&place) {
            out.push(StyleFinding {
                rule: Rule::DiUsage,
                start: at,
                end: at + w.len(),
                text: w.to_string(),
                fix: format!("{} {}", &w[..2], &w[2..]),
            });
        }
    }
    out
}

/// Institution names not written as the institution writes them.
#[must_use]
pub fn institution_names(text: &str) -> Vec<StyleFinding> {
    let words: Vec<(usize, &str)> = tokens(text).collect();
    let mut out = Vec::new();
    for (i, &(at, w)) in words.iter().enumerate() {
        let Some(name) = INSTITUTIONS.iter().find(|n| n.eq_ignore_ascii_case(w)) else {
            continue;
        };
        let mut end = at + w.len();
        let mut fix = (*name).to_string();
        let mut wrong = w != *name;
        if let Some(&(next_at, next)) = words.get(i + 1)
            && text[end..next_at].chars().all(|c| c == ' ')
            && INSTITUTION_PARTS.contains(&next.to_lowercase().as_str())
            && ["Panwaslu", "Bawaslu", "KPU"].contains(name)
        {
            wrong |= next.chars().next().is_some_and(char::is_lowercase);
            end = next_at + next.len();
            fix = format!("{fix} {}", capitalised(&next.to_lowercase()));
        }
        if wrong {
            out.push(StyleFinding {
                rule: Rule::InstitutionNames,
                start: at,
                end,
                text: text[at..end].to_string(),
                fix,
            });
        }
    }
    out
}

/// Reads a date after a day name: `(21/05/2024)`, `21/5/2024`, `21-05-2024`, `21 Mei
/// 2024`, after an optional comma. Returns its length and (day, month, year).
fn date_after(s: &str) -> Option<(usize, (u32, u32, u32))> {
    let trimmed = s.trim_start_matches([',', ' ']);
    let lead = s.len() - trimmed.len();
    let (open, body) = match trimmed.strip_prefix('(') {
        Some(b) => (1, b),
        None => (0, trimmed),
    };
    let digits = |t: &str| t.chars().take_while(char::is_ascii_digit).count();
    let nd = digits(body);
    if nd == 0 || nd > 2 {
        return None;
    }
    let day: u32 = body[..nd].parse().ok()?;
    let rest = &body[nd..];
    let (used, month, year) = if let Some(sep) = rest.chars().next().filter(|c| matches!(c, '/' | '-' | '.')) {
        let r = &rest[1..];
        let nm = digits(r);
        let month: u32 = r.get(..nm)?.parse().ok()?;
        let r2 = r[nm..].strip_prefix(sep)?;
        let ny = digits(r2);
        let year: u32 = r2.get(..ny)?.parse().ok()?;
        (nd + 1 + nm + 1 + ny, month, year)
    } else {
        let r = rest.strip_prefix(' ')?;
        let name: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
        let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&name))? + 1;
        let r2 = r[name.len()..].strip_prefix(' ')?;
        let ny = digits(r2);
        let year: u32 = r2.get(..ny)?.parse().ok()?;
        (nd + 1 + name.len() + 1 + ny, u32::try_from(month).ok()?, year)
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
        return None;
    }
    let close = usize::from(open == 1 && body[used..].starts_with(')'));
    Some((lead + open + used + close, (day, month, year)))
}

/// A day with its date not written "Selasa (21/05/2024)".
#[must_use]
pub fn date_form(text: &str) -> Vec<StyleFinding> {
    let mut out = Vec::new();
    for (at, w) in tokens(text) {
        if !DAYS.contains(&w) {
            continue;
        }
        let after = &text[at + w.len()..];
        let Some((len, (d, m, y))) = date_after(after) else {
            continue;
        };
        let day = if w.starts_with("Jum") { "Jumat" } else { w };
        let fix = format!("{day} ({d:02}/{m:02}/{y})");
        let written = &text[at..at + w.len() + len];
        if written != fix {
            out.push(StyleFinding {
                rule: Rule::DateForm,
                start: at,
                end: at + written.len(),
                text: written.to_string(),
                fix,
            });
        }
    }
    out
}

/// The findings of the given house-style rules in a text, in order of place.
#[must_use]
pub fn findings(text: &str, rules: &[Rule]) -> Vec<StyleFinding> {
    let mut out = Vec::new();
    if rules.contains(&Rule::DiUsage) {
        out.extend(di_usage(text));
    }
    if rules.contains(&Rule::InstitutionNames) {
        out.extend(institution_names(text));
    }
    if rules.contains(&Rule::DateForm) {
        out.extend(date_form(text));
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
#[must_use]
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(found: &[StyleFinding]) -> Vec<(&str, &str)> {
        found.iter().map(|f| (f.text.as_str(), f.fix.as_str())).collect()
    }

    #[test]
    fn di_apart_and_together() {
        let t = "Rapat di lakukan dirumah warga, lalu di gelar lagi di kantor desa. Hasilnya dilaksanakan di sana; disini juga. Dirumahkan tidak.";
        assert_eq!(
            fixes(&di_usage(t)),
            [
                ("di lakukan", "dilakukan"),
                ("dirumah", "di rumah"),
                ("di gelar", "digelar"),
                ("disini", "di sini")
            ]
        );
        assert!(di_usage("Pengawasan di Kecamatan Sambit dan di TPS 05.").is_empty());
    }

    #[test]
    fn institutions_as_they_write_themselves() {
        let t = "bawaslu dan Panwaslu kecamatan Sambit bersama kpu; Panwaslu Kecamatan Jetis, Bawaslu Kabupaten.";
        assert_eq!(
            fixes(&institution_names(t)),
            [
                ("bawaslu", "Bawaslu"),
                ("Panwaslu kecamatan", "Panwaslu Kecamatan"),
                ("kpu", "KPU")
            ]
        );
    }

    #[test]
    fn dates_are_day_and_numbers_in_brackets() {
        let t = "Pada Selasa (21/05/2024) dan Rabu, 22 Mei 2024, lalu Kamis (23/5/2024) serta Jum'at 24-05-2024. Minggu depan.";
        assert_eq!(
            fixes(&date_form(t)),
            [
                ("Rabu, 22 Mei 2024", "Rabu (22/05/2024)"),
                ("Kamis (23/5/2024)", "Kamis (23/05/2024)"),
                ("Jum'at 24-05-2024", "Jumat (24/05/2024)")
            ]
        );
    }

    #[test]
    fn line_and_column() {
        let t = "satu\ndua tiga\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, t.find("tiga").unwrap()), (2, 5));
    }
}
