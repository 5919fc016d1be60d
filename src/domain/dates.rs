//! Dates as people in Indonesia type them: `21/05/2024`, `21-05-2024`, `21.05.2024`,
//! `21 Mei 2024` (or `21 Agustus 2024`, `21 Agt 2024`, English month names too),
//! `2024-05-21`, `hari ini`, `kemarin`, `besok`, with or without a weekday in front
//! ("Senin, 21 Mei 2024"). Pure: "today" is given.

use jiff::civil::Date;

/// The months' names in Indonesian, for dates written out.
pub const MONTH_NAMES_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The months' names in English.
pub const MONTH_NAMES_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS: [(&str, i8); 32] = [
    ("januari", 1),
    ("jan", 1),
    ("january", 1),
    ("februari", 2),
    ("feb", 2),
    ("february", 2),
    ("pebruari", 2),
    ("maret", 3),
    ("mar", 3),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("jun", 6),
    ("june", 6),
    ("juli", 7),
    ("jul", 7),
    ("july", 7),
    ("agustus", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("august", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("october", 10),
];

const MORE_MONTHS: [(&str, i8); 6] = [
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("des", 12),
    ("december", 12),
];

const WEEKDAYS: [&str; 14] = [
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
];

fn month(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.');
    MONTHS
        .iter()
        .chain(MORE_MONTHS.iter())
        .find(|(n, _)| *n == name)
        .map(|(_, m)| *m)
}

/// Parse a typed date; `None` when it is not one.
#[must_use]
pub fn parse(text: &str, today: Date) -> Option<Date> {
    let lower = text.trim().to_lowercase();
    let mut t = lower.as_str();
    match t {
        "hari ini" | "today" | "sekarang" => return Some(today),
        "kemarin" | "yesterday" => return today.yesterday().ok(),
        "besok" | "tomorrow" => return today.tomorrow().ok(),
        _ => {}
    }
    // A weekday in front: "Senin, 21 Mei 2024" or "Senin (21/05/2024)".
    for w in WEEKDAYS.iter().chain(["saturday", "sunday"].iter()) {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start_matches([',', ' ', '(']).trim_end_matches(')');
            break;
        }
    }
    let t = t.trim();
    if let Ok(d) = t.parse::<Date>() {
        // Only the full ISO form, not jiff's other spellings.
        return (t.len() == 10).then_some(d);
    }
    let parts: Vec<&str> = t.split(['/', '-', '.', ' ']).filter(|p| !p.is_empty()).collect();
    let [day, mon, year] = parts.as_slice() else {
        return None;
    };
    let day: i8 = day.parse().ok()?;
    let mon: i8 = mon.parse().ok().or_else(|| month(mon))?;
    let year: i16 = match year.parse::<i16>().ok()? {
        y @ 1900..=2999 => y,
        // Two digits: this century.
        y @ 0..=99 => 2000 + y,
        _ => return None,
    };
    Date::new(year, mon, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_people_type() {
        let today = jiff::civil::date(2024, 5, 22);
        let may21 = Some(jiff::civil::date(2024, 5, 21));
        for typed in [
            "2024-05-21",
            "21/05/2024",
            "21/5/2024",
            "21-05-2024",
            "21.05.2024",
            "21 Mei 2024",
            "21 mei 2024",
            "21 MEI 2024",
            "21 May 2024",
            "Selasa, 21 Mei 2024",
            "Selasa (21/05/2024)",
            "21/05/24",
            "kemarin",
            " Kemarin ",
        ] {
            assert_eq!(parse(typed, today), may21, "{typed}");
        }
        assert_eq!(parse("hari ini", today), Some(today));
        assert_eq!(parse("17 Agustus 2024", today), Some(jiff::civil::date(2024, 8, 17)));
        assert_eq!(parse("1 Des 2024", today), Some(jiff::civil::date(2024, 12, 1)));
        for wrong in [
            "",
            "31/02/2024",
            "2024-5-21",
            "21 Mai 2024",
            "besok lusa",
            "21/05",
            "Mei 2024",
        ] {
            assert_eq!(parse(wrong, today), None, "{wrong}");
        }
    }
}
