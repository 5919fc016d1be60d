//! Generate a large, realistic newsroom repository for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example gen-newsroom -- --items N --commits M [--seed S] DIR
//! ```
//!
//! Creates a bare git repository in `DIR` (branch `main`) whose history is what warta
//! itself would have written: a first commit with `warta.toml`, then one commit per
//! action on one item, authored by the acting person, at the event's time, following
//! the workflow rules (so `warta verify` is clean). History spans 2020-01-01 to
//! 2024-12-31 in +07:00. Everything is deterministic for a seed.
//!
//! Commits are streamed to `git fast-import`; the generator keeps only each item's
//! current text and review log in memory. Files are serialized with warta's own
//! `Item::serialize` and `Review::serialize`; the content ids that submit, approve and
//! publish pin are computed with a small SHA-1 (the item folder holds only `index.md`).
// A data generator, not product code: its casts are on small bounded numbers (dates,
// weights, counts), and SHA-1 keeps the one-letter names of its specification.
#![allow(
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::many_single_char_names,
    clippy::similar_names,
    clippy::match_same_arms
)]

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use warta::domain::config::{Config, Role};
use warta::domain::item::{FrontMatter, Item, Photo, word_count};
use warta::domain::lint::{self, Rules};
use warta::domain::review::{ActionKind, Event, Review, Status, anchor_of};
use warta::domain::workflow::{self, Context, ItemFacts};
use warta::domain::{layout, slug, text};

const USAGE: &str = "usage: gen-newsroom --items N --commits M [--seed S] DIR";

/// The newsroom's offset from UTC (Asia/Jakarta, no DST).
const OFFSET: i64 = 7 * 3600;
const DAY: i64 = 86_400;
const HOUR: i64 = 3600;

// ---------------------------------------------------------------------------------
// Arguments

struct Args {
    items: usize,
    commits: usize,
    seed: u64,
    dir: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut items = None;
    let mut commits = None;
    let mut seed = 1u64;
    let mut dir = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |n: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{n} needs a value\n{USAGE}"))
        };
        match name.as_str() {
            "--items" => items = Some(value("--items")?.parse().map_err(|e| format!("--items: {e}"))?),
            "--commits" => commits = Some(value("--commits")?.parse().map_err(|e| format!("--commits: {e}"))?),
            "--seed" => seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if dir.is_some() => return Err(format!("more than one DIR given\n{USAGE}")),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let (Some(items), Some(commits), Some(dir)) = (items, commits, dir) else {
        return Err(USAGE.to_string());
    };
    if items == 0 || commits < 2 {
        return Err("need --items >= 1 and --commits >= 2".into());
    }
    Ok(Args {
        items,
        commits,
        seed,
        dir,
    })
}

// ---------------------------------------------------------------------------------
// Deterministic randomness: splitmix64.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut r = Self(seed ^ 0x5741_5254_415f_4745);
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below(usize::try_from(hi - lo + 1).unwrap_or(1)) as i64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// Exponentially distributed with the given mean.
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------
// SHA-1 (FIPS 180-4), for git object ids.

fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut msg = Vec::with_capacity(total + 72);
    for p in parts {
        msg.extend_from_slice(p);
    }
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((total as u64) * 8).to_be_bytes());
    let mut w = [0u32; 80];
    for block in msg.chunks_exact(64) {
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// The git object id of `kind` with `data`.
fn git_id(kind: &str, data: &[u8]) -> [u8; 20] {
    sha1(&[format!("{kind} {}\0", data.len()).as_bytes(), data])
}

fn hex(id: &[u8; 20]) -> String {
    use std::fmt::Write as _;
    id.iter().fold(String::with_capacity(40), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The tree id of an item folder that holds only `index.md` with `content`.
fn folder_id(content: &[u8]) -> String {
    let blob = git_id("blob", content);
    let mut tree = Vec::with_capacity(36);
    tree.extend_from_slice(b"100644 index.md\0");
    tree.extend_from_slice(&blob);
    hex(&git_id("tree", &tree))
}

// ---------------------------------------------------------------------------------
// Calendar (proleptic Gregorian, days since 1970-01-01).

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Epoch seconds of a local (+07:00) wall-clock time.
fn local_epoch(y: i64, m: i64, d: i64, h: i64, min: i64) -> i64 {
    days_from_civil(y, m, d) * DAY + h * HOUR + min * 60 - OFFSET
}

/// The local day (days since epoch) of an epoch second.
fn local_day(t: i64) -> i64 {
    (t + OFFSET).div_euclid(DAY)
}

/// RFC 3339 in +07:00, to the second.
fn rfc3339(t: i64) -> String {
    let local = t + OFFSET;
    let (y, m, d) = civil_from_days(local.div_euclid(DAY));
    let s = local.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+07:00",
        s / HOUR,
        s % HOUR / 60,
        s % 60
    )
}

fn ymd(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

const HARI: [&str; 7] = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/// "Senin (09/09/2024)".
fn hari(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    let wd = (day + 4).rem_euclid(7) as usize;
    format!("{} ({d:02}/{m:02}/{y})", HARI[wd])
}

/// "9 September 2024".
fn tanggal(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{d} {} {y}", warta::domain::dates::MONTH_NAMES_ID[(m - 1) as usize])
}

/// The election the newsroom was working towards on a day, and its tag.
fn election(day: i64) -> (&'static str, &'static str) {
    if day < days_from_civil(2021, 1, 1) {
        ("Pilkada Serentak 2020", "pilkada-2020")
    } else if day < days_from_civil(2024, 3, 1) {
        ("Pemilu 2024", "pemilu-2024")
    } else {
        ("Pilkada Serentak 2024", "pilkada-2024")
    }
}

/// Move a time outside working hours (07:00–21:00 local) back into the evening before,
/// if that is still after `not_before`, else leave it.
fn evening_before(t: i64, not_before: i64, rng: &mut Rng) -> i64 {
    let local = t + OFFSET;
    let sod = local.rem_euclid(DAY);
    let start = local - sod;
    let evening = if sod < 7 * HOUR { start - DAY } else { start } + 20 * HOUR + rng.range(0, HOUR - 1) - OFFSET;
    if (7 * HOUR..21 * HOUR).contains(&sod) || evening <= not_before {
        t
    } else {
        evening
    }
}

/// Move a time outside working hours (07:00–21:00 local) to the next morning.
fn working_hours(t: i64, rng: &mut Rng) -> i64 {
    let local = t + OFFSET;
    let sod = local.rem_euclid(DAY);
    let start = local - sod;
    let morning = |day_start: i64, rng: &mut Rng| day_start + 7 * HOUR + rng.range(0, 150 * 60) - OFFSET;
    if sod < 7 * HOUR {
        morning(start, rng)
    } else if sod >= 21 * HOUR {
        morning(start + DAY, rng)
    } else {
        t
    }
}

// ---------------------------------------------------------------------------------
// The newsroom: kecamatan, people, config.

const KECAMATAN: [&str; 21] = [
    "Babadan", "Badegan", "Balong", "Bungkal", "Jambon", "Jenangan", "Jetis", "Kauman", "Mlarak", "Ngebel", "Ngrayun",
    "Ponorogo", "Pudak", "Pulung", "Sambit", "Sampung", "Sawoo", "Siman", "Slahung", "Sooko", "Sukorejo",
];

const FIRST: [&str; 40] = [
    "Sari", "Bayu", "Dimas", "Lestari", "Wahyu", "Rina", "Joko", "Eko", "Dwi", "Tri", "Budi", "Siti", "Agung", "Nur",
    "Yuni", "Rudi", "Endah", "Hendra", "Ika", "Arif", "Dewi", "Fitri", "Galih", "Heru", "Indah", "Kurnia", "Lina",
    "Mega", "Nanang", "Putri", "Rizal", "Setyo", "Tika", "Umi", "Wulan", "Yoga", "Zainal", "Anik", "Bambang", "Citra",
];

const LAST: [&str; 41] = [
    "Wulandari",
    "Prasetyo",
    "Saputra",
    "Ningsih",
    "Kurniawan",
    "Anggraini",
    "Susilo",
    "Santoso",
    "Rahayu",
    "Hidayat",
    "Purnomo",
    "Lestari",
    "Setiawan",
    "Handayani",
    "Nugroho",
    "Pratiwi",
    "Wibowo",
    "Maharani",
    "Firmansyah",
    "Kusuma",
    "Hartono",
    "Utami",
    "Suryadi",
    "Safitri",
    "Gunawan",
    "Permatasari",
    "Sutrisno",
    "Puspitasari",
    "Wijaya",
    "Astuti",
    "Haryanto",
    "Fauziah",
    "Yulianto",
    "Rahmawati",
    "Sulistyo",
    "Indrawati",
    "Cahyono",
    "Mulyani",
    "Budiman",
    "Susanti",
    "Ardiansyah",
];

const DEGREES: [&str; 8] = ["S.Ag.", "S.Pd.", "S.H.", "S.E.", "S.Sos.", "S.IP.", "M.Pd.", "S.Kom."];

/// Full name number `i` (unique for `i < 1640`: 40 and 41 are coprime).
fn full_name(i: usize) -> String {
    format!("{} {}", FIRST[i % 40], LAST[i % 41])
}

fn ketua(kec: usize) -> String {
    format!("{}, {}", full_name(100 + kec * 7), DEGREES[kec % 8])
}

fn anggota(kec: usize) -> String {
    format!("{}, {}", full_name(400 + kec * 11), DEGREES[(kec + 3) % 8])
}

const TAGS: [&str; 12] = [
    "pilkada-2020",
    "pemilu-2024",
    "pilkada-2024",
    "pencegahan",
    "parmas",
    "humas",
    "sosialisasi",
    "pengawasan",
    "kampanye",
    "logistik",
    "netralitas-asn",
    "rekrutmen",
];

fn config_text() -> String {
    use std::fmt::Write as _;
    let mut s = String::from(
        "# Redaksi sintetis buatan examples/gen-newsroom.rs — seluruh orang dan alamat fiktif.\n\n\
         [newsroom]\nname = \"Bawaslu Kabupaten Ponorogo\"\nlanguage = \"id\"\ntimezone = \"Asia/Jakarta\"\n\
         branch = \"main\"\nallow_self_approval = false\n\
         dateline = \"Ponorogo, Bawaslu Kabupaten Ponorogo –\"\nclosing = \"(Humas)\"\n",
    );
    for k in KECAMATAN {
        let _ = write!(s, "\n[[kecamatan]]\nid = \"{}\"\nname = \"{k}\"\n", k.to_lowercase());
    }
    let person = |s: &mut String, id: &str, name: &str, email: &str, role: &str, kec: Option<&str>| {
        let _ = write!(
            s,
            "\n[[people]]\nid = \"{id}\"\nname = \"{name}\"\nemail = \"{email}\"\nroles = [\"{role}\"]\n"
        );
        if let Some(k) = kec {
            let _ = writeln!(s, "kecamatan = \"{k}\"");
        }
        let _ = writeln!(s, "logins = [\"{id}\"]");
    };
    s.push_str("\n# --- Admin ---\n");
    person(
        &mut s,
        "admin-it",
        "Rizky Adi Pratama",
        "admin-it@bawaslu-ponorogo.example",
        "admin",
        None,
    );
    s.push_str("\n# --- Approver ---\n");
    for (id, name) in [
        ("hesti", "Dr. Hesti Purwaningsih, S.H., M.H."),
        ("agus", "Drs. Agus Setiawan Nugroho, M.Si."),
        ("ratna", "Ratna Dewi Kusumawardani, S.Sos., M.AP."),
    ] {
        person(
            &mut s,
            id,
            name,
            &format!("{id}@bawaslu-ponorogo.example"),
            "approver",
            None,
        );
    }
    s.push_str("\n# --- Editor ---\n");
    person(
        &mut s,
        "fajar",
        "Fajar Nur Hidayat, S.I.Kom.",
        "fajar@bawaslu-ponorogo.example",
        "editor",
        None,
    );
    s.push_str("\n# --- Author (staf Panwaslu Kecamatan) ---\n");
    for (k, name) in KECAMATAN.iter().enumerate() {
        let kid = name.to_lowercase();
        for j in 1..=3 {
            let id = format!("pw-{kid}-{j}");
            person(
                &mut s,
                &id,
                &full_name(k * 3 + j - 1),
                &format!("{id}@panwascam-{kid}.example"),
                "author",
                Some(&kid),
            );
        }
    }
    let tags: Vec<String> = TAGS.iter().map(|t| format!("\"{t}\"")).collect();
    let _ = write!(
        s,
        "\n[tags]\nvocabulary = [{}]\n\n[rules]\n\
         title_length = {{ level = \"required\", max = 120 }}\n\
         lead_length = {{ level = \"recommended\", max_words = 45 }}\n\
         dateline = \"recommended\"\nphoto_captions = \"recommended\"\nclosing = \"recommended\"\n\
         banned_words = {{ level = \"required\", words = [\"goblok\", \"bangsat\", \"tolol\"] }}\n\n\
         [site]\nbase_url = \"https://bawaslu.example\"\n\n[social]\nhashtags = [\"BawasluPonorogo\"]\n",
        tags.join(", ")
    );
    s
}

/// Indices into `config.people` by role.
struct Staff {
    admin: usize,
    editor: usize,
    approvers: Vec<usize>,
    /// The three authors of each kecamatan, in `KECAMATAN` order.
    authors: Vec<[usize; 3]>,
}

impl Staff {
    fn of(config: &Config) -> Self {
        let idx = |id: &str| {
            config
                .people
                .iter()
                .position(|p| p.id == id)
                .unwrap_or_else(|| panic!("no person {id}"))
        };
        let approvers = config
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.has(Role::Approver))
            .map(|(i, _)| i)
            .collect();
        let authors = config
            .kecamatan
            .iter()
            .map(|k| [1, 2, 3].map(|j| idx(&format!("pw-{}-{j}", k.id))))
            .collect();
        Self {
            admin: idx("admin-it"),
            editor: idx("fajar"),
            approvers,
            authors,
        }
    }
}

// ---------------------------------------------------------------------------------
// Prose.

const DESA: [&str; 40] = [
    "Desa Sidoharjo",
    "Desa Karanggebang",
    "Desa Ngrupit",
    "Desa Tegalsari",
    "Desa Sukosari",
    "Desa Wonodadi",
    "Desa Kemiri",
    "Desa Ngampel",
    "Desa Gandukepuh",
    "Desa Bringinan",
    "Desa Kutu Wetan",
    "Desa Polorejo",
    "Desa Kadipaten",
    "Desa Japan",
    "Desa Lembah",
    "Desa Gupolo",
    "Desa Patihan Wetan",
    "Desa Sumoroto",
    "Desa Ngrandu",
    "Desa Bedingin",
    "Desa Tatung",
    "Desa Crabak",
    "Desa Sambilawang",
    "Desa Jonggol",
    "Desa Kesugihan",
    "Desa Mrayan",
    "Desa Pager",
    "Desa Sendang",
    "Desa Pulung Merdiko",
    "Desa Tulung",
    "Desa Pudak Wetan",
    "Desa Gelang Kulon",
    "Desa Suru",
    "Desa Wringinanom",
    "Desa Pangkal",
    "Desa Panjeng",
    "Desa Nglumpang",
    "Desa Karangpatihan",
    "Desa Ngadirojo",
    "Desa Bajang",
];

const PESERTA: [&str; 8] = [
    "Pemilih Pemula",
    "Tokoh Masyarakat",
    "Karang Taruna",
    "Kader PKK",
    "Tokoh Agama",
    "Mahasiswa",
    "Penyandang Disabilitas",
    "Pelajar SMA",
];

const TAHAPAN: [&str; 7] = [
    "Tahapan Kampanye",
    "Masa Tenang",
    "Pemungutan Suara",
    "Pemutakhiran Data Pemilih",
    "Tahapan Pencalonan",
    "Rekapitulasi Suara",
    "Masa Pendaftaran Pengawas TPS",
];

const LEMBAGA: [&str; 5] = [
    "PPK setempat",
    "Panitia Pemungutan Suara (PPS)",
    "KPU Kabupaten Ponorogo",
    "pemerintah desa",
    "jajaran Pengawas TPS",
];

struct Topic {
    titles: [&'static str; 2],
    lead: &'static str,
    photo: &'static str,
    tags: &'static [&'static str],
}

const TOPICS: [Topic; 12] = [
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Gelar Sosialisasi Pengawasan Partisipatif bagi {Peserta} di {desa}",
            "Ajak {Peserta} Awasi {pemilihan}, Panwaslu Kecamatan {kec} Gelar Sosialisasi di {desa}",
        ],
        lead: "menggelar sosialisasi pengawasan partisipatif bagi {peserta} di balai {desa}, {hari}.",
        photo: "sosialisasi pengawasan partisipatif",
        tags: &["sosialisasi", "parmas"],
    },
    Topic {
        titles: [
            "Hari Pertama Masa Tenang, Panwaslu Kecamatan {kec} Gelar Patroli Pengawasan ke Seluruh Desa",
            "Panwaslu Kecamatan {kec} Sisir Alat Peraga Kampanye Saat Patroli Masa Tenang di {desa}",
        ],
        lead: "menggelar patroli pengawasan masa tenang dengan menyisir {n} desa di wilayahnya, {hari}.",
        photo: "patroli pengawasan masa tenang",
        tags: &["pencegahan", "pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Lakukan Uji Petik Coklit di {desa}, Temukan Pemilih Tidak Memenuhi Syarat",
            "Uji Petik Coklit di {desa}, Panwaslu Kecamatan {kec} Temukan Data Pemilih Belum Akurat",
        ],
        lead: "melakukan uji petik hasil pencocokan dan penelitian (coklit) data pemilih di {desa}, {hari}.",
        photo: "uji petik coklit data pemilih",
        tags: &["pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Awasi Kampanye Pertemuan Terbatas di {desa}, Pastikan Sesuai Ketentuan",
            "Pantau Kampanye Tatap Muka di {desa}, Panwaslu Kecamatan {kec} Ingatkan Larangan Politik Uang",
        ],
        lead: "mengawasi kegiatan kampanye pertemuan terbatas pasangan calon di {desa}, {hari}.",
        photo: "pengawasan kampanye pertemuan terbatas",
        tags: &["kampanye", "pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Gelar Rapat Koordinasi Bersama PPK dan Forkopimcam Jelang {Tahapan}",
            "Jelang {Tahapan}, Panwaslu Kecamatan {kec} Perkuat Koordinasi dengan Forkopimcam dan PPK",
        ],
        lead: "menggelar rapat koordinasi bersama PPK, Forkopimcam, dan para kepala desa di aula kantor kecamatan, {hari}.",
        photo: "rapat koordinasi bersama Forkopimcam",
        tags: &["pencegahan", "humas"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Buka Pendaftaran Pengawas TPS, Warga Usia 21 Tahun ke Atas Diimbau Mendaftar",
            "Dibutuhkan {n2} Pengawas TPS, Panwaslu Kecamatan {kec} Ajak Warga {desa} Ikut Mendaftar",
        ],
        lead: "membuka pendaftaran calon Pengawas Tempat Pemungutan Suara (PTPS) untuk {pemilihan} sejak {hari}.",
        photo: "pendaftaran calon Pengawas TPS",
        tags: &["rekrutmen"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Kawal Distribusi Logistik {pemilihan} dari Gudang PPK ke {n2} TPS",
            "Pastikan Tepat Jumlah dan Tepat Waktu, Panwaslu Kecamatan {kec} Awasi Distribusi Logistik",
        ],
        lead: "mengawal distribusi logistik {pemilihan} dari gudang PPK ke seluruh desa di wilayahnya, {hari}.",
        photo: "pengawasan distribusi logistik",
        tags: &["logistik", "pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Ingatkan Kepala Desa dan Perangkat Desa Jaga Netralitas Selama {Tahapan}",
            "Jaga Netralitas, Panwaslu Kecamatan {kec} Sosialisasikan Larangan Kampanye bagi ASN dan Perangkat Desa",
        ],
        lead: "mengingatkan para kepala desa dan perangkat desa untuk menjaga netralitas dalam {pemilihan}, {hari}.",
        photo: "sosialisasi netralitas kepala desa dan perangkat desa",
        tags: &["netralitas-asn", "pencegahan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Kawal Rekapitulasi Hasil Penghitungan Suara Tingkat Kecamatan Secara Terbuka",
            "Rekapitulasi Suara Tingkat Kecamatan {kec} Berjalan Tertib, Pengawas Cermati Setiap Formulir",
        ],
        lead: "mengawal rapat pleno rekapitulasi hasil penghitungan suara tingkat kecamatan di aula kantor kecamatan, {hari}.",
        photo: "pengawasan rapat pleno rekapitulasi",
        tags: &["pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Gelar Bimbingan Teknis bagi Pengawas Kelurahan dan Desa Jelang {Tahapan}",
            "Tingkatkan Kapasitas Pengawas Desa, Panwaslu Kecamatan {kec} Gelar Bimtek Pengisian Formulir Pengawasan",
        ],
        lead: "menggelar bimbingan teknis bagi Pengawas Kelurahan/Desa (PKD) se-Kecamatan {kec} di {desa}, {hari}.",
        photo: "bimbingan teknis Pengawas Kelurahan/Desa",
        tags: &["rekrutmen", "pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Pantau Langsung Pemungutan Suara di TPS {tps} {desa}",
            "Hari Pemungutan Suara, Panwaslu Kecamatan {kec} Pastikan Pemilih Disabilitas Terlayani di {desa}",
        ],
        lead: "memantau langsung jalannya pemungutan suara di sejumlah TPS di {desa}, {hari}.",
        photo: "pemantauan pemungutan suara di TPS",
        tags: &["pengawasan"],
    },
    Topic {
        titles: [
            "Panwaslu Kecamatan {kec} Buka Posko Pengaduan Masyarakat untuk Kawal {pemilihan} yang Jujur dan Adil",
            "Warga {desa} Kini Bisa Lapor Dugaan Pelanggaran Lewat Posko Pengaduan Panwaslu Kecamatan {kec}",
        ],
        lead: "membuka posko pengaduan masyarakat di kantor sekretariat dan di {desa} mulai {hari}.",
        photo: "posko pengaduan masyarakat",
        tags: &["parmas", "humas"],
    },
];

const SENTENCES: [&str; 42] = [
    "Kegiatan tersebut diikuti oleh {n2} peserta yang terdiri atas {peserta}, perangkat desa, tokoh agama, dan perwakilan organisasi kepemudaan.",
    "Ketua Panwaslu Kecamatan {kec}, {ketua}, menyampaikan bahwa pengawasan tidak bisa hanya dibebankan kepada jajaran pengawas pemilihan.",
    "Menurutnya, keterlibatan masyarakat menjadi kunci agar setiap tahapan {pemilihan} berjalan jujur, adil, dan berintegritas.",
    "Dalam kesempatan itu, pengawas juga memaparkan jenis-jenis pelanggaran yang kerap terjadi, mulai dari politik uang hingga pemasangan alat peraga kampanye di tempat terlarang.",
    "Pengawas mencatat sedikitnya {n} temuan administratif yang langsung disampaikan kepada {lembaga} untuk segera ditindaklanjuti.",
    "Hasil pengawasan tersebut dituangkan dalam formulir model A hasil pengawasan dan dilaporkan secara berjenjang kepada Bawaslu Kabupaten Ponorogo.",
    "Anggota Panwaslu Kecamatan {kec}, {anggota}, menambahkan bahwa pihaknya telah memetakan titik-titik rawan di {n} desa sejak awal {tahapan}.",
    "Pemetaan kerawanan itu mempertimbangkan riwayat pelanggaran pada pemilihan sebelumnya, kondisi geografis, serta akses jaringan komunikasi di setiap desa.",
    "Pengawas Kelurahan/Desa (PKD) di {desa} dan {desa2} diminta aktif melaporkan setiap dugaan pelanggaran paling lambat satu hari setelah kejadian.",
    "Warga yang menemukan dugaan pelanggaran dapat melapor langsung ke kantor Panwaslu Kecamatan {kec} atau melalui PKD di desa masing-masing.",
    "Laporan masyarakat akan dicatat, dikaji, dan ditindaklanjuti sesuai ketentuan peraturan perundang-undangan yang berlaku.",
    "Selain itu, Panwaslu Kecamatan {kec} juga membagikan stiker dan pamflet imbauan tolak politik uang kepada warga yang hadir.",
    "Kegiatan yang berlangsung sejak pukul {jam} WIB itu berjalan lancar dan mendapat sambutan positif dari warga setempat.",
    "Kepala {desa} menyatakan dukungannya dan berjanji akan meneruskan pesan pengawasan kepada warga melalui forum rukun tetangga.",
    "Pengawas juga memastikan seluruh jajaran penyelenggara di tingkat desa memahami batasan tugas dan kewenangannya masing-masing.",
    "Dalam catatan pengawas, partisipasi masyarakat dalam melaporkan dugaan pelanggaran di Kecamatan {kec} terus meningkat dibandingkan pemilihan sebelumnya.",
    "Pengawasan dilakukan dengan metode pengawasan melekat, yakni pengawas hadir langsung dan mencermati setiap proses dari awal hingga akhir.",
    "Apabila ditemukan ketidaksesuaian prosedur, pengawas akan menyampaikan saran perbaikan secara lisan dan mencatatnya dalam berita acara.",
    "Sebanyak {n} Pengawas TPS yang telah dilantik juga mendapatkan pembekalan mengenai tata cara pengisian formulir hasil pengawasan.",
    "Para peserta tampak antusias mengikuti sesi diskusi dan mengajukan sejumlah pertanyaan seputar mekanisme pelaporan pelanggaran.",
    "Salah satu peserta, warga {desa}, mengaku baru memahami bahwa pemberian uang atau barang untuk memengaruhi pilihan dapat dikenai sanksi pidana.",
    "Panwaslu Kecamatan {kec} juga berkoordinasi dengan Polsek dan Koramil setempat untuk memastikan situasi tetap kondusif.",
    "Koordinasi lintas sektor dinilai penting mengingat wilayah Kecamatan {kec} memiliki sejumlah desa dengan akses jalan yang cukup sulit dijangkau.",
    "Pengawas turut menyoroti keberadaan alat peraga kampanye yang dipasang di pohon, tiang listrik, dan fasilitas umum lainnya.",
    "Sebanyak {n} alat peraga yang melanggar ketentuan telah direkomendasikan untuk ditertibkan bersama Satpol PP dan PPK {kec}.",
    "Pada tahapan ini, pengawas juga mencermati netralitas aparatur sipil negara, kepala desa, dan perangkat desa di wilayah {kec}.",
    "Aparatur sipil negara dan perangkat desa dilarang terlibat dalam kegiatan kampanye maupun menunjukkan keberpihakan di media sosial.",
    "Pengawasan media sosial dilakukan dengan memantau akun-akun yang kerap membagikan konten kampanye bermuatan hoaks dan ujaran kebencian.",
    "Untuk pemilih penyandang disabilitas, pengawas memastikan ketersediaan alat bantu dan akses yang ramah di setiap TPS.",
    "Dari {n2} TPS di Kecamatan {kec}, pengawas memetakan {n} TPS yang masuk kategori rawan dan memerlukan perhatian khusus.",
    "Distribusi logistik dari gudang PPK ke setiap desa dikawal ketat oleh pengawas bersama aparat keamanan.",
    "Pengawas memeriksa kesesuaian jumlah surat suara, tinta, segel, dan formulir dengan daftar pemilih tetap di masing-masing TPS.",
    "Rapat pleno rekapitulasi berjalan tertib dan seluruh saksi pasangan calon menerima salinan hasil rekapitulasi.",
    "Pengawas mencocokkan data pada formulir hasil penghitungan suara dengan salinan yang dipegang Pengawas TPS.",
    "Ke depan, Panwaslu Kecamatan {kec} berencana menggelar kegiatan serupa di desa-desa lain secara bergiliran.",
    "Hasil kegiatan akan dievaluasi bersama Bawaslu Kabupaten Ponorogo sebagai bahan penyusunan strategi pencegahan pada tahapan berikutnya.",
    "Pengawas juga mengingatkan agar warga tidak mudah percaya pada informasi yang belum jelas sumbernya menjelang hari pemungutan suara.",
    "Sebelumnya, Panwaslu Kecamatan {kec} telah menggelar kegiatan serupa di {desa2} pada {tanggal2}.",
    "Kegiatan ditutup dengan penandatanganan komitmen bersama untuk menolak politik uang dan politisasi SARA.",
    "Pengawas menegaskan bahwa pencegahan selalu lebih diutamakan daripada penindakan, tanpa mengurangi ketegasan terhadap pelanggaran.",
    "Seluruh temuan dan saran perbaikan yang disampaikan pengawas hari itu telah ditindaklanjuti oleh {lembaga} sebelum kegiatan berakhir.",
    "Di sela kegiatan, pengawas juga mendengarkan keluhan warga terkait pemutakhiran data pemilih yang belum merata.",
];

const QUOTE_INTROS: [&str; 4] = [
    "Ketua Panwaslu Kecamatan {kec}, {ketua}, menegaskan bahwa seluruh jajaran pengawas akan bekerja secara profesional dan terbuka.",
    "Hal senada disampaikan anggota Panwaslu Kecamatan {kec}, {anggota}, yang mengajak warga untuk berani melapor.",
    "Dalam sambutannya, {ketua} mengingatkan kembali pentingnya menjaga integritas pada setiap tahapan.",
    "Sementara itu, {anggota} meminta seluruh Pengawas Kelurahan/Desa untuk tetap siaga di wilayah masing-masing.",
];

const QUOTES: [&str; 12] = [
    "“Pengawasan pemilihan bukan hanya tugas Bawaslu dan jajarannya. Masyarakat adalah mata dan telinga kami di lapangan,” tegasnya.",
    "“Kami tidak ingin ada satu pun warga yang kehilangan hak pilihnya hanya karena persoalan administrasi,” tegasnya.",
    "“Politik uang merusak demokrasi. Kalau ada yang menawarkan, tolak dan laporkan kepada kami,” tegasnya.",
    "“Netralitas kepala desa dan perangkat desa adalah harga mati. Kami akan menindak tegas setiap pelanggaran,” tegasnya.",
    "“Semua proses harus terbuka dan bisa dipertanggungjawabkan, mulai dari TPS sampai rekapitulasi di kecamatan,” tegasnya.",
    "“Kami berterima kasih atas dukungan semua pihak sehingga kegiatan ini berjalan lancar dan tertib,” ujarnya.",
    "“Pengawas TPS harus memahami setiap formulir. Satu kesalahan kecil bisa berdampak pada hasil rekapitulasi,” tegasnya.",
    "“Kami membuka posko pengaduan setiap hari kerja. Warga jangan ragu untuk datang dan menyampaikan laporan,” ujarnya.",
    "“Masa tenang berarti tidak ada lagi aktivitas kampanye dalam bentuk apa pun, termasuk di media sosial,” tegasnya.",
    "“Logistik pemilihan harus tiba tepat waktu, tepat jumlah, dan dalam kondisi baik di setiap TPS,” tegasnya.",
    "“Pencegahan adalah ujung tombak kami. Lebih baik mengingatkan sejak awal daripada menindak di kemudian hari,” pungkasnya.",
    "“Kami ingin {pemilihan} di Kecamatan {kec} menjadi contoh pemilihan yang damai, jujur, dan bermartabat,” tegasnya.",
];

const CAPTIONS: [&str; 4] = [
    "Anggota Panwaslu Kecamatan {kec} saat {photo} di {desa}, {hari}.",
    "Suasana {photo} yang digelar Panwaslu Kecamatan {kec}, {hari}.",
    "{ketua}, Ketua Panwaslu Kecamatan {kec}, memberikan arahan dalam {photo}.",
    "Pengawas Kelurahan/Desa mendampingi {photo} di {desa}.",
];

const REQUEST_CHANGES: [&str; 8] = [
    "Lead terlalu panjang, mohon diringkas maksimal 45 kata dan cantumkan hari serta tanggal kegiatan.",
    "Mohon lengkapi nama dan gelar narasumber yang dikutip, serta jabatannya.",
    "Data jumlah peserta berbeda antara paragraf kedua dan keterangan foto. Mohon diseragamkan.",
    "Kutipan terlalu panjang dan berulang. Mohon dipadatkan.",
    "Judul belum menggambarkan isi berita. Mohon diganti dengan yang lebih spesifik.",
    "Mohon tambahkan keterangan foto yang menyebutkan lokasi dan waktu kegiatan.",
    "Istilah PKD dan PTPS perlu ditulis kepanjangannya pada penyebutan pertama.",
    "Paragraf penutup perlu menyebutkan tindak lanjut hasil pengawasan.",
];

const REJECTS: [&str; 4] = [
    "Kegiatan ini sudah diberitakan sebelumnya. Silakan gabungkan dengan berita terdahulu.",
    "Materi berita memuat data temuan yang belum diplenokan, sehingga belum dapat dipublikasikan.",
    "Tidak sesuai dengan pedoman pemberitaan kehumasan. Mohon koordinasi dengan staf humas.",
    "Berita terlambat lebih dari satu minggu dari pelaksanaan kegiatan.",
];

const APPROVES: [&str; 3] = [
    "Layak terbit.",
    "Sudah sesuai pedoman pemberitaan. Silakan diterbitkan.",
    "Data dan kutipan sudah diperiksa.",
];

const PUBLISHES: [&str; 2] = [
    "Terbit di laman resmi dan media sosial Bawaslu Kabupaten Ponorogo.",
    "Dijadwalkan bersama rilis mingguan.",
];

const SUBMITS: [&str; 3] = [
    "Mohon direviu.",
    "Sudah diperbaiki sesuai catatan.",
    "Mohon arahan, terima kasih.",
];

const WITHDRAWS: [&str; 2] = [
    "Ada data yang perlu dilengkapi terlebih dahulu.",
    "Foto kegiatan akan diganti.",
];

const COMMENTS_PARAGRAPH: [&str; 7] = [
    "Paragraf ini terlalu panjang, mohon dipecah menjadi dua.",
    "Mohon cek kembali ejaan nama narasumber di paragraf ini.",
    "Sebutkan sumber data jumlah TPS rawan ini.",
    "Kalimat pertama paragraf ini kurang jelas maksudnya.",
    "Apakah angka ini sudah sesuai laporan hasil pengawasan?",
    "Tambahkan jabatan lengkap narasumber yang dikutip.",
    "Gunakan istilah 'pemungutan suara', bukan 'pencoblosan'.",
];

const COMMENTS_GENERAL: [&str; 5] = [
    "Judul bisa dipersingkat agar lebih mudah dibaca.",
    "Mohon lampirkan foto kegiatan dengan resolusi yang lebih baik.",
    "Tag berita perlu ditambah sesuai tahapan.",
    "Secara umum sudah baik, tinggal perapian bahasa.",
    "Mohon pastikan tanggal kegiatan sesuai dengan surat tugas.",
];

const COMMENTS_PUBLISHED: [&str; 5] = [
    "Berita sudah dibagikan ke grup koordinasi PKD.",
    "Mohon tautan berita dikirim ke Bawaslu Provinsi Jawa Timur.",
    "Terima kasih, liputan yang bagus.",
    "Berita ini dikutip oleh media lokal hari ini.",
    "Untuk arsip: dokumentasi lengkap ada di folder bersama humas.",
];

const REPLIES_AUTHOR: [&str; 5] = [
    "Siap, sudah saya perbaiki.",
    "Baik, akan saya sesuaikan.",
    "Terima kasih atas masukannya, sudah dicek ulang.",
    "Angka tersebut sesuai formulir model A hasil pengawasan.",
    "Sudah saya konfirmasi ke narasumber.",
];

const REPLIES_STAFF: [&str; 4] = [
    "Terima kasih, sudah sesuai.",
    "Oke, lanjutkan.",
    "Mohon dicek sekali lagi sebelum diajukan.",
    "Sudah saya tambahkan catatan di paragraf terkait.",
];

/// What the placeholders of a template refer to.
#[derive(Debug, Clone, Copy)]
struct Scene {
    kec: usize,
    desa: usize,
    day: i64,
    topic: usize,
}

fn fill(tpl: &str, sc: &Scene, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(tpl.len() + 48);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('}').map(|j| i + j) else {
            break;
        };
        let key = &rest[i + 1..j];
        match key {
            "kec" => out.push_str(KECAMATAN[sc.kec]),
            "desa" => out.push_str(DESA[sc.desa]),
            "desa2" => out.push_str(DESA[(sc.desa + 1 + rng.below(DESA.len() - 1)) % DESA.len()]),
            "hari" => out.push_str(&hari(sc.day)),
            "tanggal2" => out.push_str(&tanggal(sc.day - rng.range(7, 60))),
            "pemilihan" => out.push_str(election(sc.day).0),
            "ketua" => out.push_str(&ketua(sc.kec)),
            "anggota" => out.push_str(&anggota(sc.kec)),
            "n" => out.push_str(&rng.range(3, 40).to_string()),
            "n2" => out.push_str(&rng.range(40, 400).to_string()),
            "tps" => out.push_str(&rng.range(1, 60).to_string()),
            "jam" => {
                let _ = std::fmt::Write::write_fmt(
                    &mut out,
                    format_args!("{:02}.{:02}", rng.range(7, 15), 15 * rng.range(0, 3)),
                );
            }
            "lembaga" => out.push_str(rng.pick(&LEMBAGA)),
            "peserta" => out.push_str(&rng.pick(&PESERTA).to_lowercase()),
            "Peserta" => out.push_str(rng.pick(&PESERTA)),
            "tahapan" => out.push_str(&rng.pick(&TAHAPAN).to_lowercase()),
            "Tahapan" => out.push_str(rng.pick(&TAHAPAN)),
            "photo" => out.push_str(TOPICS[sc.topic].photo),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

/// Deals sentences from a pool without repeats until the pool is used up.
struct Deck {
    order: Vec<usize>,
    pos: usize,
}

impl Deck {
    fn new(n: usize, rng: &mut Rng) -> Self {
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        Self { order, pos: 0 }
    }

    fn deal(&mut self, rng: &mut Rng) -> usize {
        if self.pos == self.order.len() {
            rng.shuffle(&mut self.order);
            self.pos = 0;
        }
        self.pos += 1;
        self.order[self.pos - 1]
    }
}

fn title_for(sc: &Scene, rng: &mut Rng) -> String {
    let topic = &TOPICS[sc.topic];
    for _ in 0..20 {
        let t = fill(rng.pick(&topic.titles), sc, rng);
        let words = word_count(&t);
        if (10..=16).contains(&words) && t.chars().count() <= 115 {
            return t;
        }
    }
    // Both templates fit with any one-word village; fall back to the first one there.
    fill(topic.titles[0], &Scene { desa: 0, ..*sc }, rng)
}

fn lead_for(sc: &Scene, rng: &mut Rng) -> String {
    let k = KECAMATAN[sc.kec];
    format!(
        "{k}, Panwaslu Kecamatan {k} – Panitia Pengawas Pemilihan Umum (Panwaslu) Kecamatan {k} {}",
        fill(TOPICS[sc.topic].lead, sc, rng)
    )
}

fn body_for(sc: &Scene, rng: &mut Rng) -> Vec<String> {
    let n_paras = rng.range(5, 9) as usize;
    let target = rng.range(300, 900) as usize;
    let mut paras = vec![lead_for(sc, rng)];
    let per = target.saturating_sub(word_count(&paras[0])) / (n_paras - 1);
    let mut deck = Deck::new(SENTENCES.len(), rng);
    let mut quotes = Deck::new(QUOTES.len(), rng);
    let mut intros = Deck::new(QUOTE_INTROS.len(), rng);
    // One or two paragraphs (never the last) end with a quote.
    let mut quote_at = vec![1 + rng.below(n_paras - 2)];
    if rng.chance(0.6) {
        quote_at.push(1 + rng.below(n_paras - 2));
    }
    for p in 1..n_paras {
        let quoted = quote_at.contains(&p);
        let mut s = if quoted {
            fill(QUOTE_INTROS[intros.deal(rng)], sc, rng)
        } else {
            fill(SENTENCES[deck.deal(rng)], sc, rng)
        };
        let want = if quoted { per.saturating_sub(20) } else { per };
        while word_count(&s) < want {
            s.push(' ');
            s.push_str(&fill(SENTENCES[deck.deal(rng)], sc, rng));
        }
        if quoted {
            s.push(' ');
            s.push_str(&fill(QUOTES[quotes.deal(rng)], sc, rng));
        }
        paras.push(s);
    }
    paras
}

fn photo_for(sc: &Scene, n: usize, rng: &mut Rng) -> Photo {
    Photo {
        file: format!("{}-{n}.jpg", slug::words(TOPICS[sc.topic].photo)),
        caption: fill(rng.pick(&CAPTIONS), sc, rng),
        ..Photo::default()
    }
}

// ---------------------------------------------------------------------------------
// The workflow simulation.

/// Where an item's life is headed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Publish,
    Reject,
    /// Ends submitted (or in a changes-requested round).
    Review,
    /// Never submitted.
    Draft,
}

/// One step an item can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    /// Edit by the author (or a colleague, or the editor) in draft or changes requested.
    AuthorEdit,
    /// Edit by the editor or an approver while submitted or approved.
    StaffEdit,
    Submit,
    Withdraw,
    RequestChanges,
    Approve,
    Reject,
    Publish,
    Comment,
    Reply,
    Resolve,
}

const MOVES: [Move; 11] = [
    Move::AuthorEdit,
    Move::StaffEdit,
    Move::Submit,
    Move::Withdraw,
    Move::RequestChanges,
    Move::Approve,
    Move::Reject,
    Move::Publish,
    Move::Comment,
    Move::Reply,
    Move::Resolve,
];

/// The part of an item's state that decides which moves are legal.
#[derive(Debug, Clone, Copy)]
struct Pos {
    status: Status,
    /// Edited since changes were requested.
    edited: bool,
    /// The last approval matches the content.
    valid: bool,
}

const INF: u32 = 1 << 20;

/// The fewest events from `p` to the end state of `fate` (`INF`: unreachable).
fn needed(fate: Fate, p: Pos) -> u32 {
    use Status as S;
    let step = |yes: bool, a: u32, b: u32| if yes { a } else { b };
    match fate {
        Fate::Publish => match p.status {
            S::Draft => 3,
            S::Submitted => 2,
            // edit (unless done), submit, approve, publish
            S::ChangesRequested => step(p.edited, 3, 4),
            S::Approved => step(p.valid, 1, 2),
            S::Published => 0,
            S::Rejected | S::TakenDown | S::Discarded => INF,
        },
        Fate::Reject => match p.status {
            S::Draft => 2,
            S::Submitted => 1,
            S::ChangesRequested => step(p.edited, 2, 3),
            S::Rejected => 0,
            _ => INF,
        },
        Fate::Review => match p.status {
            S::Draft => 1,
            S::Submitted => 0,
            S::ChangesRequested => step(p.edited, 1, 2),
            _ => INF,
        },
        Fate::Draft => step(p.status == S::Draft, 0, INF),
    }
}

/// The position after a move, or `None` when the move is not legal from `p`.
fn after(m: Move, p: Pos) -> Option<Pos> {
    use Status as S;
    let mut n = p;
    match (m, p.status) {
        (Move::AuthorEdit, S::Draft)
        | (Move::StaffEdit, S::Submitted)
        | (Move::Comment | Move::Reply | Move::Resolve, _) => {}
        (Move::AuthorEdit, S::ChangesRequested) => n.edited = true,
        (Move::StaffEdit, S::Approved) => n.valid = false,
        (Move::Submit, S::Draft) => n.status = S::Submitted,
        (Move::Submit, S::ChangesRequested) if p.edited => {
            n.status = S::Submitted;
            n.edited = false;
        }
        (Move::Withdraw, S::Submitted) => n.status = S::Draft,
        (Move::RequestChanges, S::Submitted) => {
            n.status = S::ChangesRequested;
            n.edited = false;
        }
        (Move::Approve, S::Submitted) => {
            n.status = S::Approved;
            n.valid = true;
        }
        (Move::Approve, S::Approved) if !p.valid => n.valid = true,
        (Move::Reject, S::Submitted) => n.status = S::Rejected,
        (Move::Publish, S::Approved) if p.valid => n.status = S::Published,
        _ => return None,
    }
    Some(n)
}

/// How likely a move is as a detour from the shortest path.
fn detour_weight(m: Move, s: Status) -> f64 {
    use Status as S;
    match (m, s) {
        (Move::AuthorEdit, S::Draft) => 6.0,
        (Move::AuthorEdit, S::ChangesRequested) => 5.0,
        (Move::StaffEdit, S::Submitted) => 1.0,
        (Move::StaffEdit, S::Approved) => 0.5,
        (Move::Withdraw, _) => 0.4,
        (Move::RequestChanges, _) => 3.0,
        (Move::Comment, S::Submitted | S::Published) => 4.0,
        (Move::Comment, _) => 1.0,
        (Move::Reply | Move::Resolve, _) => 2.0,
        _ => 0.0,
    }
}

struct ItemState {
    slug: String,
    scene: Scene,
    author: usize,
    approver: usize,
    fate: Fate,
    /// Events still to come (after the create; `choose` counts the one being chosen).
    left: u32,
    front: FrontMatter,
    paras: Vec<String>,
    review: Review,
    status: Status,
    edited: bool,
    valid: bool,
    /// Tree id of the item's folder.
    content: String,
    /// Thread openers (person index) and whether the thread is resolved.
    threads: Vec<(usize, bool)>,
}

impl ItemState {
    fn pos(&self) -> Pos {
        Pos {
            status: self.status,
            edited: self.edited,
            valid: self.valid,
        }
    }

    fn body(&self) -> String {
        let mut b = self.paras.join("\n\n");
        b.push_str("\n\n(Humas)\n");
        b
    }

    fn item(&self) -> Item {
        Item {
            front: self.front.clone(),
            body: self.body(),
        }
    }

    /// Serialize `index.md` and update the content id.
    fn render(&mut self) -> String {
        let body = self.body();
        let item = Item {
            front: std::mem::take(&mut self.front),
            body,
        };
        let text = item.serialize();
        self.front = item.front;
        self.content = folder_id(text.as_bytes());
        text
    }

    fn available(&self, m: Move) -> bool {
        match m {
            Move::Reply => !self.threads.is_empty(),
            Move::Resolve => self.threads.iter().any(|t| !t.1),
            _ => true,
        }
    }
}

/// One commit to write.
struct Commit {
    actor: usize,
    action: ActionKind,
    slug: String,
    summary: String,
    index: Option<String>,
    review: String,
}

struct World {
    rng: Rng,
    config: Config,
    rules: Rules,
    staff: Staff,
    taken: HashSet<String>,
}

impl World {
    fn colleague(&mut self, st: &ItemState) -> usize {
        let others: Vec<usize> = self.staff.authors[st.scene.kec]
            .iter()
            .copied()
            .filter(|a| *a != st.author)
            .collect();
        self.rng.pick(&others)
    }

    fn some_approver(&mut self, st: &ItemState) -> usize {
        if self.rng.chance(0.85) {
            st.approver
        } else {
            let a = self.staff.approvers.clone();
            self.rng.pick(&a)
        }
    }

    fn new_item(&mut self, author: usize, kec: usize, fate: Fate, left: u32, t: i64) -> ItemState {
        let rng = &mut self.rng;
        let created_day = local_day(t);
        let day = (created_day - rng.range(0, 2)).max(days_from_civil(2020, 1, 1));
        let scene = Scene {
            kec,
            desa: rng.below(DESA.len()),
            day,
            topic: rng.below(TOPICS.len()),
        };
        let title = title_for(&scene, rng);
        let taken = &self.taken;
        let slug = slug::make(&ymd(created_day), &title, |s| taken.contains(s));
        self.taken.insert(slug.clone());
        let rng = &mut self.rng;
        let mut tags: Vec<String> = vec![election(day).1.to_string()];
        tags.extend(TOPICS[scene.topic].tags.iter().map(|t| (*t).to_string()));
        if rng.chance(0.3) {
            tags.truncate(2);
        }
        let photos_n = rng.pick(&[0usize, 1, 1, 1, 2, 2, 3]);
        let photos = (1..=photos_n).map(|n| photo_for(&scene, n, rng)).collect();
        let location = if rng.chance(0.7) {
            format!("{}, {}", DESA[scene.desa], KECAMATAN[kec])
        } else {
            format!("Kantor Panwaslu Kecamatan {}", KECAMATAN[kec])
        };
        let summary = if rng.chance(0.6) {
            format!(
                "Panwaslu Kecamatan {} {}",
                KECAMATAN[kec],
                fill(TOPICS[scene.topic].lead, &scene, rng)
            )
        } else {
            String::new()
        };
        let front = FrontMatter {
            title,
            kecamatan: self.config.kecamatan[kec].id.clone(),
            author: self.config.people[author].id.clone(),
            created: Some(rfc3339(t).parse().expect("an RFC 3339 date-time")),
            event_date: Some(ymd(day).parse().expect("a TOML date")),
            location,
            tags,
            summary,
            photos,
            extra: warta::domain::item::Extra::default(),
        };
        let paras = body_for(&scene, rng);
        let approver = rng.pick(&self.staff.approvers);
        ItemState {
            slug,
            scene,
            author,
            approver,
            fate,
            left,
            front,
            paras,
            review: Review::default(),
            status: Status::Draft,
            edited: false,
            valid: false,
            content: String::new(),
            threads: Vec::new(),
        }
    }

    /// Change the body (always) and sometimes the summary or photos.
    fn edit_text(&mut self, st: &mut ItemState) {
        let rng = &mut self.rng;
        let n = st.paras.len();
        let i = if n > 1 { 1 + rng.below(n - 1) } else { 0 };
        let sentence = fill(rng.pick(&SENTENCES), &st.scene, rng);
        if word_count(&st.paras[i]) > 110 && n < 14 {
            let more = fill(rng.pick(&SENTENCES), &st.scene, rng);
            st.paras.insert(i + 1, format!("{sentence} {more}"));
        } else {
            st.paras[i].push(' ');
            st.paras[i].push_str(&sentence);
        }
        if rng.chance(0.12) {
            st.front.summary = fill(rng.pick(&SENTENCES), &st.scene, rng);
        }
        if rng.chance(0.08) && st.front.photos.len() < 3 {
            let n = st.front.photos.len() + 1;
            st.front.photos.push(photo_for(&st.scene, n, rng));
        }
    }

    /// Check an event against warta's own permission table before writing it.
    fn check(&self, st: &ItemState, actor: usize, action: ActionKind, t: i64, opener: Option<usize>) {
        let (y, m, d) = civil_from_days(local_day(t));
        let people = &self.config.people;
        let facts = ItemFacts {
            author: &people[st.author].id,
            kecamatan: &st.front.kecamatan,
            status: st.status,
            approval_valid: st.valid && matches!(st.status, Status::Approved | Status::Published),
            public: st.status == Status::Published,
            // The generator never discards, so only submit/withdraw matter; none asks.
            submitted_once: st.status != Status::Draft,
        };
        let ctx = Context {
            allow_self_approval: self.config.newsroom.allow_self_approval,
            today: jiff::civil::date(y as i16, m as i8, d as i8),
            thread_opener: opener.map(|o| people[o].id.as_str()),
        };
        if let Err(e) = workflow::check(action, Some(&people[actor]), &facts, &ctx) {
            panic!(
                "generator bug: {} may not {} {} ({:?}): {e}",
                people[actor].id,
                action.id(),
                st.slug,
                st.pos()
            );
        }
        if action == ActionKind::Approve {
            let failing = lint::blocking(&self.rules.check(&st.item(), &self.config));
            assert!(failing.is_empty(), "generator bug: {} fails {failing:?}", st.slug);
        }
    }

    /// The create commit of a new item.
    fn create(&mut self, st: &mut ItemState, t: i64) -> Commit {
        let at = rfc3339(t);
        let actor = st.author;
        self.check(st, actor, ActionKind::Create, t, None);
        let index = st.render();
        st.review
            .events
            .push(Event::new(at, &self.config.people[actor].id, ActionKind::Create));
        Commit {
            actor,
            action: ActionKind::Create,
            slug: st.slug.clone(),
            summary: st.front.title.clone(),
            index: Some(index),
            review: st.review.serialize(),
        }
    }

    /// Choose the item's next move: on the shortest path to its fate, or a detour the
    /// remaining budget of events can pay for.
    fn choose(&mut self, st: &ItemState) -> Move {
        let cur = st.pos();
        let need = needed(st.fate, cur);
        debug_assert!(need <= st.left, "{} needs {need} > {}", st.slug, st.left);
        let mut forward = None;
        let mut detours: Vec<(Move, f64)> = Vec::new();
        for m in MOVES {
            if !st.available(m) {
                continue;
            }
            let Some(next) = after(m, cur) else { continue };
            let n = needed(st.fate, next);
            if n >= INF || 1 + n > st.left {
                continue;
            }
            if need > 0 && 1 + n == need {
                forward.get_or_insert(m);
            } else {
                let w = detour_weight(m, cur.status);
                if w > 0.0 {
                    detours.push((m, w));
                }
            }
        }
        let extra = st.left - need;
        let p = if need == 0 {
            1.0
        } else {
            f64::from(extra) / f64::from(extra + 2 * need)
        };
        if forward.is_none() || (!detours.is_empty() && self.rng.chance(p)) {
            let total: f64 = detours.iter().map(|d| d.1).sum();
            let mut x = self.rng.unit() * total;
            for (m, w) in &detours {
                if x < *w {
                    return *m;
                }
                x -= w;
            }
            if let Some((m, _)) = detours.last() {
                return *m;
            }
        }
        forward.unwrap_or_else(|| panic!("generator bug: no move for {} at {cur:?}", st.slug))
    }

    /// Apply the item's next move at time `t`.
    fn step(&mut self, st: &mut ItemState, t: i64) -> Commit {
        let m = self.choose(st);
        let at = rfc3339(t);
        let mut index = None;
        let mut opener = None;
        let mut message: Option<String> = None;
        let mut thread = None;
        let mut paragraph = None;
        let mut anchor = None;
        let (actor, action) = match m {
            Move::AuthorEdit | Move::StaffEdit => {
                let actor = if m == Move::StaffEdit {
                    if self.rng.chance(0.7) {
                        self.staff.editor
                    } else {
                        st.approver
                    }
                } else {
                    let r = self.rng.unit();
                    if r < 0.85 {
                        st.author
                    } else if r < 0.95 {
                        self.colleague(st)
                    } else {
                        self.staff.editor
                    }
                };
                (actor, ActionKind::Edit)
            }
            Move::Submit => (st.author, ActionKind::Submit),
            Move::Withdraw => (st.author, ActionKind::Withdraw),
            Move::RequestChanges => (self.some_approver(st), ActionKind::RequestChanges),
            Move::Approve => (self.some_approver(st), ActionKind::Approve),
            Move::Reject => (self.some_approver(st), ActionKind::Reject),
            Move::Publish => (self.some_approver(st), ActionKind::Publish),
            Move::Comment => {
                let r = self.rng.unit();
                let actor = if st.status == Status::Published && r < 0.25 {
                    let k = self.rng.below(KECAMATAN.len());
                    self.staff.authors[k][self.rng.below(3)]
                } else if r < 0.5 {
                    st.approver
                } else if r < 0.8 {
                    self.staff.editor
                } else {
                    self.colleague(st)
                };
                (actor, ActionKind::Comment)
            }
            Move::Reply => {
                let n = self.rng.below(st.threads.len());
                thread = Some(n as u32 + 1);
                let by = st.threads[n].0;
                let actor = if by != st.author {
                    st.author
                } else if self.rng.chance(0.6) {
                    st.approver
                } else {
                    self.staff.editor
                };
                (actor, ActionKind::Reply)
            }
            Move::Resolve => {
                let open: Vec<usize> = (0..st.threads.len()).filter(|i| !st.threads[*i].1).collect();
                let n = self.rng.pick(&open);
                thread = Some(n as u32 + 1);
                opener = Some(st.threads[n].0);
                let r = self.rng.unit();
                let actor = if r < 0.5 {
                    st.threads[n].0
                } else if r < 0.8 {
                    st.author
                } else {
                    st.approver
                };
                (actor, ActionKind::Resolve)
            }
        };
        self.check(st, actor, action, t, opener);
        let rng = &mut self.rng;
        match m {
            Move::AuthorEdit | Move::StaffEdit => {
                self.edit_text(st);
                index = Some(st.render());
                if st.status == Status::ChangesRequested {
                    st.edited = true;
                }
                st.valid = false;
            }
            Move::Submit => {
                st.status = Status::Submitted;
                st.edited = false;
                if rng.chance(0.3) {
                    message = Some((rng.pick(&SUBMITS)).to_string());
                }
            }
            Move::Withdraw => {
                st.status = Status::Draft;
                message = Some((rng.pick(&WITHDRAWS)).to_string());
            }
            Move::RequestChanges => {
                st.status = Status::ChangesRequested;
                st.edited = false;
                message = Some((rng.pick(&REQUEST_CHANGES)).to_string());
            }
            Move::Approve => {
                st.status = Status::Approved;
                st.valid = true;
                if rng.chance(0.4) {
                    message = Some((rng.pick(&APPROVES)).to_string());
                }
            }
            Move::Reject => {
                st.status = Status::Rejected;
                message = Some((rng.pick(&REJECTS)).to_string());
            }
            Move::Publish => {
                st.status = Status::Published;
                if rng.chance(0.2) {
                    message = Some((rng.pick(&PUBLISHES)).to_string());
                }
            }
            Move::Comment => {
                thread = Some(st.threads.len() as u32 + 1);
                st.threads.push((actor, false));
                let text = if st.status == Status::Published {
                    rng.pick(&COMMENTS_PUBLISHED)
                } else if rng.chance(0.7) {
                    let n = 1 + rng.below(st.paras.len());
                    paragraph = Some(n as u32);
                    anchor = Some(anchor_of(&st.paras[n - 1]));
                    rng.pick(&COMMENTS_PARAGRAPH)
                } else {
                    rng.pick(&COMMENTS_GENERAL)
                };
                message = Some(text.to_string());
            }
            Move::Reply => {
                let n = thread.expect("reply has a thread") as usize - 1;
                st.threads[n].1 = false;
                let text = if actor == st.author {
                    rng.pick(&REPLIES_AUTHOR)
                } else {
                    rng.pick(&REPLIES_STAFF)
                };
                message = Some(text.to_string());
            }
            Move::Resolve => {
                let n = thread.expect("resolve has a thread") as usize - 1;
                st.threads[n].1 = true;
            }
        }
        let mut e = Event::new(at, &self.config.people[actor].id, action);
        if action.pins_content() {
            e.content = Some(st.content.clone());
        }
        e.message.clone_from(&message);
        e.thread = thread;
        e.paragraph = paragraph;
        e.anchor = anchor;
        st.review.events.push(e);
        let summary = match action {
            ActionKind::Create | ActionKind::Edit => st.front.title.clone(),
            ActionKind::Resolve => format!("#{}", thread.unwrap_or(0)),
            _ => message.unwrap_or_else(|| st.front.title.clone()),
        };
        Commit {
            actor,
            action,
            slug: st.slug.clone(),
            summary,
            index,
            review: st.review.serialize(),
        }
    }

    /// When the item's next event happens, given the time of its last one.
    fn next_time(&mut self, st: &ItemState, t: i64, end: i64) -> i64 {
        let mean_hours = match st.status {
            Status::Draft => 20.0,
            Status::Submitted => 8.0,
            Status::ChangesRequested => 18.0,
            Status::Approved => 4.0,
            Status::Published => 15.0 * 24.0,
            Status::Rejected | Status::TakenDown | Status::Discarded => 10.0 * 24.0,
        };
        let cap = ((end - t) / (i64::from(st.left) + 1)).max(1);
        let gap = ((self.rng.exp(mean_hours) * 3600.0) as i64).max(600).min(cap);
        let next = t + gap;
        let snapped = working_hours(next, &mut self.rng);
        if snapped - t <= cap {
            snapped
        } else {
            evening_before(next, t, &mut self.rng)
        }
    }
}

// ---------------------------------------------------------------------------------
// The fast-import stream.

fn write_commit(out: &mut impl Write, config: &Config, c: &Commit, t: i64) -> std::io::Result<()> {
    let p = &config.people[c.actor];
    let summary: String = text::clean_line(&c.summary).chars().take(72).collect();
    let msg = format!(
        "{a}({slug}): {summary}\n\nWarta-Action: {a}\nWarta-Item: {slug}\nWarta-Actor: {id}\n",
        a = c.action.id(),
        slug = c.slug,
        id = p.id
    );
    let who = format!("{} <{}> {t} +0700", p.name, p.email);
    write!(
        out,
        "commit refs/heads/main\nauthor {who}\ncommitter {who}\ndata {}\n{msg}\n",
        msg.len()
    )?;
    if let Some(index) = &c.index {
        write!(
            out,
            "M 100644 inline {}\ndata {}\n{index}\n",
            layout::index_path(&c.slug),
            index.len()
        )?;
    }
    write!(
        out,
        "M 100644 inline {}\ndata {}\n{}\n\n",
        layout::review_path(&c.slug),
        c.review.len(),
        c.review
    )
}

fn run(args: &Args) -> Result<(usize, usize), String> {
    assert_eq!(
        hex(&sha1(&[b"abc"])),
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        "SHA-1 self-test"
    );
    assert_eq!(
        hex(&git_id("blob", b"")),
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
        "git blob id self-test"
    );
    if args.dir.exists() && std::fs::read_dir(&args.dir).map_or(true, |mut d| d.next().is_some()) {
        return Err(format!("{} exists and is not empty", args.dir.display()));
    }
    let status = Command::new("git")
        .args(["init", "--bare", "-q", "-b", "main"])
        .arg(&args.dir)
        .status()
        .map_err(|e| format!("git init: {e}"))?;
    if !status.success() {
        return Err(format!("git init failed: {status}"));
    }

    let config_text = config_text();
    let config = Config::parse(&config_text).map_err(|e| format!("generated warta.toml: {e}"))?;
    let staff = Staff::of(&config);
    let mut world = World {
        rng: Rng::new(args.seed),
        rules: Rules::from_config(&config),
        config,
        staff,
        taken: HashSet::new(),
    };

    let start = local_epoch(2020, 1, 1, 8, 0);
    let end = local_epoch(2024, 12, 31, 23, 59) + 59;
    let items = args.items.min(args.commits - 1);
    let extra = (args.commits - 1 - items) as f64;

    // How many events each item gets (its create included): the sum is exactly commits - 1.
    let rng = &mut world.rng;
    let weights: Vec<f64> = (0..items).map(|_| 0.25 + rng.exp(1.0)).collect();
    let total: f64 = weights.iter().sum();
    let mut budget: Vec<u32> = weights.iter().map(|w| 1 + (extra * w / total) as u32).collect();
    let given: usize = budget.iter().map(|b| *b as usize).sum();
    for _ in given..args.commits - 1 {
        let i = rng.below(items);
        budget[i] += 1;
    }

    // Creation times: busier around the elections, inside working hours, sorted.
    let busy = |t: i64| {
        let d = local_day(t);
        let between = |a: (i64, i64, i64), b: (i64, i64, i64)| {
            d >= days_from_civil(a.0, a.1, a.2) && d < days_from_civil(b.0, b.1, b.2)
        };
        if between((2020, 6, 1), (2021, 1, 1))
            || between((2023, 6, 1), (2024, 3, 1))
            || between((2024, 5, 1), (2025, 1, 1))
        {
            1.0
        } else {
            0.35
        }
    };
    let (first, last) = (start + DAY, end - 3 * DAY);
    let mut created: Vec<i64> = Vec::with_capacity(items);
    while created.len() < items {
        let t = rng.range(first, last);
        if rng.chance(busy(t)) {
            created.push(working_hours(t, rng).min(last));
        }
    }
    created.sort_unstable();

    // Start git fast-import.
    let mut child = Command::new("git")
        .arg("--git-dir")
        .arg(&args.dir)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("git fast-import: {e}"))?;
    let stdin = child.stdin.take().expect("piped stdin");
    let mut out = BufWriter::with_capacity(1 << 20, stdin);
    let io = |e: std::io::Error| format!("writing to git fast-import: {e}");

    // The first commit: warta.toml, by the admin.
    {
        let admin = &world.config.people[world.staff.admin];
        let msg = format!("init: newsroom\n\nWarta-Action: init\nWarta-Actor: {}\n", admin.id);
        let who = format!("{} <{}> {start} +0700", admin.name, admin.email);
        write!(
            out,
            "feature done\ncommit refs/heads/main\nauthor {who}\ncommitter {who}\ndata {}\n{msg}\n\
             M 100644 inline warta.toml\ndata {}\n{config_text}\n\n",
            msg.len(),
            config_text.len()
        )
        .map_err(io)?;
    }

    // Events in time order: (time, sequence, item).
    let mut heap: BinaryHeap<Reverse<(i64, u64, usize)>> = BinaryHeap::with_capacity(items * 2);
    let mut seq = 0u64;
    for (i, t) in created.iter().enumerate() {
        heap.push(Reverse((*t, seq, i)));
        seq += 1;
    }
    let mut states: Vec<Option<ItemState>> = (0..items).map(|_| None).collect();
    let mut last = start;
    let mut written = 1usize;
    let every = (args.commits / 10).max(1);
    let started = Instant::now();
    while let Some(Reverse((t, _, i))) = heap.pop() {
        let t = t.max(last + 1);
        last = t;
        let (commit, st) = match states[i].take() {
            None => {
                let kec = world.rng.below(KECAMATAN.len());
                let author = world.staff.authors[kec][world.rng.below(3)];
                let after_create = budget[i] - 1;
                let roll = world.rng.unit();
                let rolled = if roll < 0.78 {
                    Fate::Publish
                } else if roll < 0.85 {
                    Fate::Reject
                } else if roll < 0.90 {
                    Fate::Review
                } else {
                    Fate::Draft
                };
                let start_pos = Pos {
                    status: Status::Draft,
                    edited: false,
                    valid: false,
                };
                let fate = [rolled, Fate::Review, Fate::Draft]
                    .into_iter()
                    .find(|f| needed(*f, start_pos) <= after_create)
                    .unwrap_or(Fate::Draft);
                let mut st = world.new_item(author, kec, fate, after_create, t);
                (world.create(&mut st, t), st)
            }
            Some(mut st) => {
                let commit = world.step(&mut st, t);
                st.left -= 1;
                (commit, st)
            }
        };
        write_commit(&mut out, &world.config, &commit, t).map_err(io)?;
        written += 1;
        if written % every == 0 {
            eprintln!(
                "gen-newsroom: {written}/{} commits, {:.0} s",
                args.commits,
                started.elapsed().as_secs_f64()
            );
        }
        if st.left > 0 {
            let next = world.next_time(&st, t, end);
            heap.push(Reverse((next, seq, i)));
            seq += 1;
        }
        states[i] = Some(st);
    }
    out.write_all(b"done\n").map_err(io)?;
    out.flush().map_err(io)?;
    drop(out);
    let status = child.wait().map_err(|e| format!("git fast-import: {e}"))?;
    if !status.success() {
        return Err(format!("git fast-import failed: {status}"));
    }
    Ok((items, written))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match run(&args) {
        Ok((items, commits)) => {
            println!(
                "gen-newsroom: {items} items, {commits} commits in {:.1} s (seed {}) → {}",
                started.elapsed().as_secs_f64(),
                args.seed,
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-newsroom: {e}");
            ExitCode::FAILURE
        }
    }
}
