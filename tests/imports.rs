//! No import circle between files: for every file of `src/`, the files it names (in `use`
//! lines and in paths written out in the code) are found, and the graph must have no
//! cycle. A parent file that declares its children may use them; a child reaches what
//! it shares with its siblings through a leaf sibling, never through the parent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module file under `src/`, by module path (`lib.rs` is the root, `[]`).
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<Module, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if parts.last().is_some_and(|l| l == "main") {
                    continue;
                }
                if parts.last().is_some_and(|l| l == "lib" || l == "mod") {
                    parts.pop();
                }
                out.insert(parts, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The code of a file without its comments and its unit tests (which may reach anywhere).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") && lines.peek().is_some_and(|n| n.trim_start().starts_with("mod tests")) {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    without_strings(&out)
}

/// The code with the insides of its string literals blanked: text in a string (a
/// message that says "use …") names no module.
fn without_strings(code: &str) -> String {
    let c: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < c.len() {
        // A char literal holding a quote: '"'.
        if c[i] == '\'' && c.get(i + 1) == Some(&'"') && c.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
            continue;
        }
        // Raw strings: r"…", r#"…"#, …
        if c[i] == 'r' && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_')) {
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) == Some(&'"') {
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let body_start = i + 2 + hashes;
                let rest: String = c[body_start..].iter().collect();
                let len = rest
                    .find(&close)
                    .map_or(c.len() - body_start, |b| rest[..b].chars().count());
                out.push_str("\"\"");
                i = body_start + len + close.chars().count();
                continue;
            }
        }
        if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// `a::{b, c::{d, e}}` as the paths `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    // `x as y` names x: the alias and its `as` are dropped, punctuation after them kept.
    let mut words = tree.split_whitespace();
    let mut tree = String::new();
    while let Some(w) = words.next() {
        if w == "as" {
            let alias = words.next().unwrap_or_default();
            tree.extend(alias.chars().filter(|c| !(c.is_alphanumeric() || *c == '_')));
        } else {
            tree.push_str(w);
        }
    }
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let close = tree.rfind('}').filter(|&c| c > open).unwrap_or(tree.len());
    let body = &tree[open + 1..close];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&body[start..i], &head, out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < body.len() {
        expand(&body[start..], &head, out);
    }
}

/// Every path the code names: the trees of `use` lines, and `a::b` written out.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = rest.find(';') {
            expand(&rest[..end], "", &mut out);
        }
    }
    let bytes = code.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b':';
    let mut i = 0;
    while i < bytes.len() {
        if word(bytes[i]) && (i == 0 || !word(bytes[i - 1])) {
            let start = i;
            while i < bytes.len() && word(bytes[i]) {
                i += 1;
            }
            let w = &code[start..i];
            if w.contains("::") {
                out.push(w.trim_end_matches(':').to_string());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The module file a path from module `m` lands in: the longest prefix that is a file.
fn resolve(m: &Module, path: &str, files: &BTreeMap<Module, String>) -> Option<Module> {
    let mut parts = path.split("::").filter(|p| !p.is_empty() && *p != "*").peekable();
    let mut at: Module = match parts.peek().copied() {
        Some("crate") => {
            parts.next();
            Vec::new()
        }
        Some("super") => {
            let mut at = m.clone();
            while parts.peek() == Some(&"super") {
                parts.next();
                at.pop();
            }
            at
        }
        Some("self") => {
            parts.next();
            m.clone()
        }
        Some(first) => {
            let mut child = m.clone();
            child.push(first.to_string());
            if !files.contains_key(&child) {
                return None;
            }
            m.clone()
        }
        None => return None,
    };
    let mut found = files.contains_key(&at).then(|| at.clone());
    for p in parts {
        at.push(p.to_string());
        if files.contains_key(&at) {
            found = Some(at.clone());
        } else {
            break;
        }
    }
    found
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = modules();
    files
        .iter()
        .map(|(m, text)| {
            let to = paths(&code(text))
                .iter()
                .filter_map(|p| resolve(m, p, &files))
                .filter(|t| t != m)
                .collect();
            (m.clone(), to)
        })
        .collect()
}

/// The strongly connected components with more than one file (Tarjan).
fn circles(g: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'a> {
        g: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on: BTreeSet<&'a Module>,
        out: Vec<Vec<Module>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Module) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on.insert(v);
            for w in self.g.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let l = self.low[w].min(self.low[v]);
                    self.low.insert(v, l);
                } else if self.on.contains(w) {
                    let l = self.index[w].min(self.low[v]);
                    self.low.insert(v, l);
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    comp.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    self.out.push(comp);
                }
            }
        }
    }
    let mut w = Walk {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !w.index.contains_key(v) {
            w.visit(v);
        }
    }
    w.out
}

fn name(m: &Module) -> String {
    if m.is_empty() { "lib".into() } else { m.join("/") }
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let g = graph();
    let found = circles(&g);
    let report: Vec<String> = found
        .iter()
        .map(|c| {
            let edges: Vec<String> = c
                .iter()
                .flat_map(|a| {
                    g[a].iter()
                        .filter(|b| c.contains(b))
                        .map(move |b| format!("{} -> {}", name(a), name(b)))
                })
                .collect();
            edges.join(", ")
        })
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", report.join("\n"));
}

#[test]
fn the_circle_finder_finds_a_circle() {
    // The check itself must be able to fail: two files naming each other are a circle.
    let a = vec!["a".to_string()];
    let b = vec!["b".to_string()];
    let g = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a])),
    ]);
    assert_eq!(circles(&g).len(), 1);
    let mut files = BTreeMap::new();
    files.insert(vec!["store".to_string()], String::new());
    files.insert(vec!["store".to_string(), "repo".to_string()], String::new());
    let from = vec!["store".to_string(), "cache".to_string()];
    assert_eq!(
        resolve(&from, "super::repo::Newsroom", &files),
        Some(vec!["store".into(), "repo".into()])
    );
    assert_eq!(resolve(&from, "super::Result", &files), Some(vec!["store".into()]));
    let mut uses = Vec::new();
    expand("super::{repo::{A, B as D}, C}", "", &mut uses);
    assert_eq!(uses, ["super::repo::A", "super::repo::B", "super::C"]);
    let quoted = without_strings("let m = \"use super::x;\"; let q = '\"'; let r = r#\"use a::b;\"#;");
    assert!(paths(&quoted).is_empty(), "{quoted}");
}
