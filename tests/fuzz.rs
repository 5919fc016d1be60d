//! The parsers under generated input: 100,000 cases each for the front matter, the
//! review log and warta.toml. They may refuse; they must never panic, and what they
//! accept must survive a rewrite.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use warta::domain::config::Config as Newsroom;
use warta::domain::item::Item;
use warta::domain::review::Review;

const CASES: u32 = 100_000;

/// Valid files cut, spliced and sprinkled with hostile bytes.
fn mutated(seed: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let bytes = seed.as_bytes().to_vec();
    (
        0..bytes.len(),
        0..bytes.len(),
        proptest::collection::vec(any::<u8>(), 0..12),
        proptest::bool::ANY,
    )
        .prop_map(move |(a, b, junk, cut)| {
            let (a, b) = (a.min(b), a.max(b));
            let mut out = bytes[..a].to_vec();
            out.extend(&junk);
            if !cut {
                out.extend(&bytes[b..]);
            }
            out
        })
}

fn run<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, check: impl Fn(T)) {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |input| {
            check(input);
            Ok(())
        })
        .unwrap();
}

const ITEM: &str = "+++\ntitle = \"Rapat \\\"koordinasi\\\"\"\nkecamatan = \"babadan\"\nauthor = \"sari\"\ncreated = 2024-09-09T10:15:00+07:00\ntags = [\"humas\", \"parmas\"]\n\n[[photos]]\nfile = \"a.jpg\"\ncaption = \"Foto\"\n+++\nBabadan – “isi” 👍🏽.\n\n(Humas)\n";
const REVIEW: &str = "[[events]]\nat = \"2024-09-09T10:00:00+07:00\"\nactor = \"sari\"\naction = \"create\"\n\n[[events]]\nat = \"2024-09-09T11:00:00+07:00\"\nactor = \"hesti\"\naction = \"comment\"\nthread = 1\nparagraph = 2\nmessage = \"cek\"\n";
const CONFIG: &str = "[newsroom]\nname = \"N\"\n\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n[[people]]\nid = \"sari\"\nname = \"Sari\"\nroles = [\"author\"]\nkecamatan = \"babadan\"\nlogins = [\"sari\"]\nactive_until = 2025-03-31\n";

#[test]
fn front_matter_parser() {
    run(
        prop_oneof![mutated(ITEM), proptest::collection::vec(any::<u8>(), 0..200)],
        |bytes| {
            if let Ok(item) = Item::parse(&bytes) {
                assert_eq!(Item::parse(item.serialize().as_bytes()), Ok(item));
            }
        },
    );
}

#[test]
fn review_log_parser() {
    run(
        prop_oneof![mutated(REVIEW), proptest::collection::vec(any::<u8>(), 0..200)],
        |bytes| {
            if let Ok(review) = Review::parse(&String::from_utf8_lossy(&bytes)) {
                let _ = review.state();
                assert_eq!(Review::parse(&review.serialize()), Ok(review));
            }
        },
    );
}

#[test]
fn config_parser() {
    run(
        prop_oneof![mutated(CONFIG), proptest::collection::vec(any::<u8>(), 0..200)],
        |bytes| match Newsroom::parse(&String::from_utf8_lossy(&bytes)) {
            Ok(c) => assert!(c.people.iter().all(|p| !p.id.is_empty())),
            Err(e) => assert!(e.line >= 1),
        },
    );
}
