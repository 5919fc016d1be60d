//! Indonesian word forms: the base words a written form may be built from.
//!
//! Hunspell's Indonesian dictionary lists each base word with the affixes it takes, but
//! the list is incomplete ("hadirkan", "diampu" and "Tegasnya" are rejected). Here a
//! word is taken apart the way a reader would: particles and possessives at the end
//! (-lah, -kah, -pun, -tah; -nya, -ku, -mu), one suffix (-kan, -i, -an), then up to two
//! prefixes with the nasal sound changes of meN- and peN- undone (mem-/men-/meng-/meny-
//! put back the p, t, k or s they swallowed). A form is accepted when any of its bases
//! is a known word. Pure string work: no dictionary here, the caller checks the bases.

/// Particles, the outermost endings.
const PARTICLES: [&str; 4] = ["lah", "kah", "pun", "tah"];
/// Possessive clitics, inside the particles.
const POSSESSIVES: [&str; 3] = ["nya", "ku", "mu"];
/// Derivational suffixes, inside the clitics.
const SUFFIXES: [&str; 3] = ["kan", "an", "i"];
/// A base shorter than this is never accepted ("di" + "a" is no word).
const MIN_BASE: usize = 3;

/// Every ending-stripped form of `word` (the word itself first): at most one particle,
/// one possessive and one suffix, in that order from the end.
fn without_endings(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    for set in [&PARTICLES[..], &POSSESSIVES[..], &SUFFIXES[..]] {
        let mut more = Vec::new();
        for f in &forms {
            for end in set {
                if let Some(base) = f.strip_suffix(end)
                    && base.chars().count() >= MIN_BASE
                {
                    more.push(base);
                }
            }
        }
        forms.extend(more);
    }
    forms
}

/// The bases one prefix may leave: (prefix, letter put back).
const PREFIXES: &[(&str, &[&str])] = &[
    ("menge", &[""]),
    ("penge", &[""]),
    ("memper", &[""]),
    ("meng", &["", "k"]),
    ("peng", &["", "k"]),
    ("meny", &["s"]),
    ("peny", &["s"]),
    ("mem", &["", "p"]),
    ("pem", &["", "p"]),
    ("men", &["", "t"]),
    ("pen", &["", "t"]),
    ("me", &[""]),
    ("pe", &[""]),
    ("per", &[""]),
    ("pel", &[""]),
    ("ber", &[""]),
    ("bel", &[""]),
    ("be", &[""]),
    ("ter", &[""]),
    ("te", &[""]),
    ("di", &[""]),
    ("ke", &[""]),
    ("se", &[""]),
    ("ku", &[""]),
    ("kau", &[""]),
    // "ketidakpercayaan", "antarlembaga": bound forms written joined.
    ("tidak", &[""]),
    ("antar", &[""]),
];

/// What is left of `word` after one prefix, with a swallowed letter put back.
fn without_prefix(word: &str, out: &mut Vec<String>) {
    for (prefix, back) in PREFIXES {
        let Some(rest) = word.strip_prefix(prefix) else {
            continue;
        };
        if rest.chars().count() < MIN_BASE.saturating_sub(1) {
            continue;
        }
        for b in *back {
            let base = format!("{b}{rest}");
            if base.chars().count() >= MIN_BASE && !out.contains(&base) {
                out.push(base);
            }
        }
    }
}

/// The bases `word` (lower case) may be built from, without the word itself: endings
/// off, then up to two prefixes off. Small: a few dozen strings for a long word.
#[must_use]
pub fn bases(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for form in without_endings(word) {
        if form != word && !out.iter().any(|o| o == form) {
            out.push(form.to_string());
        }
        let mut once = Vec::new();
        without_prefix(form, &mut once);
        let mut twice = Vec::new();
        for f in &once {
            without_prefix(f, &mut twice);
        }
        for b in once.into_iter().chain(twice) {
            if !out.contains(&b) {
                out.push(b);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bases;

    fn has(word: &str, base: &str) -> bool {
        bases(word).iter().any(|b| b == base)
    }

    #[test]
    fn clitics_and_particles_come_off() {
        for (w, b) in [
            ("tegasnya", "tegas"),
            ("bukankah", "bukan"),
            ("itulah", "itu"),
            ("meskipun", "meski"),
            ("rumahku", "rumah"),
            ("bukumu", "buku"),
            ("tugasnyalah", "tugas"),
            ("kuambil", "ambil"),
            ("kaulihat", "lihat"),
        ] {
            assert!(has(w, b), "{w} → {b}: {:?}", bases(w));
        }
    }

    #[test]
    fn prefixes_with_their_sound_changes() {
        for (w, b) in [
            ("diampu", "ampu"),
            ("kehadiran", "hadir"),
            ("sekecamatan", "kecamatan"),
            ("berjalan", "jalan"),
            ("belajar", "ajar"),
            ("bekerja", "kerja"),
            ("tertib", "tib"),
            ("terasa", "rasa"),
            ("membaca", "baca"),
            ("memukul", "pukul"),
            ("mendengar", "dengar"),
            ("menulis", "tulis"),
            ("menggali", "gali"),
            ("mengambil", "ambil"),
            ("mengirim", "kirim"),
            ("menyapu", "sapu"),
            ("melihat", "lihat"),
            ("mengecat", "cat"),
            ("pemukul", "pukul"),
            ("penulis", "tulis"),
            ("pengawas", "awas"),
            ("penyapu", "sapu"),
            ("pelajar", "ajar"),
        ] {
            assert!(has(w, b), "{w} → {b}: {:?}", bases(w));
        }
    }

    #[test]
    fn suffixes_and_combinations() {
        for (w, b) in [
            ("hadirkan", "hadir"),
            ("awasi", "awas"),
            ("tulisan", "tulis"),
            ("dilaksanakan", "laksana"),
            ("menyampaikan", "sampai"),
            ("perbaikan", "baik"),
            ("keberhasilan", "hasil"),
            ("memperbaiki", "baik"),
            ("diperhatikan", "hati"),
            ("pengawasannya", "awas"),
            ("pemberitahuan", "beritahu"),
            ("kegiatan", "giat"),
        ] {
            assert!(has(w, b), "{w} → {b}: {:?}", bases(w));
        }
    }

    #[test]
    fn short_leftovers_are_no_base() {
        assert!(
            bases("dia").iter().all(|b| b.chars().count() >= 3),
            "{:?}",
            bases("dia")
        );
        assert!(!has("kenya", "ke"));
        assert!(bases("di").is_empty());
    }
}
