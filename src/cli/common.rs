//! What the subcommands share: the global options, an item's arguments and printing
//! JSON. A leaf of `cli`, so a subcommand never imports the file that declares it.

use std::path::PathBuf;

/// The options every subcommand takes, whatever comes after them.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// The newsroom repository (default: found from the current directory, then `WARTA_REPO`).
    #[arg(long, global = true, value_name = "PATH")]
    pub repo: Option<PathBuf>,
    /// Act as this person (local use and tests).
    #[arg(long = "as", global = true, value_name = "PERSON", env = "WARTA_AS")]
    pub as_person: Option<String>,
}

/// An item and `--json`: the arguments of `show`, `log` and `check`.
#[derive(Debug, clap::Args)]
pub struct ItemArgs {
    /// The item's slug.
    pub slug: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Print a JSON document.
pub fn print_json(value: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}

/// Print a JSON array as `print_json` would, made one element at a time: a list of
/// 10,000 items never exists whole, as values or as text.
pub fn print_json_array(items: impl Iterator<Item = serde_json::Value>) {
    struct Lazy<I>(std::cell::RefCell<Option<I>>);
    impl<I: Iterator<Item = serde_json::Value>> serde::Serialize for Lazy<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = s.serialize_seq(None)?;
            for item in self.0.borrow_mut().take().into_iter().flatten() {
                seq.serialize_element(&item)?;
            }
            seq.end()
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, &Lazy(std::cell::RefCell::new(Some(items))))
        .map_err(std::io::Error::from)
        .and_then(|()| std::io::Write::write_all(&mut out, b"\n"))
        .and_then(|()| std::io::Write::flush(&mut out));
    // A closed pipe (`warta list --json | head`) ends the output quietly, like println.
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        panic!("failed printing to stdout: {e}");
    }
}
