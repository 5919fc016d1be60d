//! The sample items and demo config of `drafts/`, compiled in (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/drafts.rs"));
