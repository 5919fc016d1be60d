//! OpenSSH public keys as an admin pastes them: one line `TYPE BASE64 [COMMENT]`.
//!
//! A key ends up in `authorized_keys` behind a forced command, so a line that carries
//! options (`command="…"`), a second line, or a blob that is not the key it claims to
//! be is refused here, before it reaches `warta.toml`.

/// The key types `warta keys` writes (those OpenSSH accepts without a hardware token).
pub const KEY_TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
];

/// Why a line is not an acceptable public key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyProblem {
    /// Nothing was given.
    #[error("empty")]
    Empty,
    /// More than one line.
    #[error("more than one line")]
    Lines,
    /// The first word is not a key type (options, a private key, something else).
    #[error("unknown key type {0:?}")]
    Type(String),
    /// The key body is missing or not base64.
    #[error("the key is not base64")]
    Base64,
    /// The decoded key names another type than the line, or is too short.
    #[error("the key's content does not match its type")]
    Mismatch,
    /// The comment holds quotes or control characters.
    #[error("the comment holds quotes or control characters")]
    Comment,
    /// A private key was pasted.
    #[error("this is a private key")]
    Private,
}

/// A validated key: the line as it will be stored (`TYPE BASE64 [COMMENT]`, single
/// spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// The key type.
    pub kind: String,
    /// The base64 body.
    pub body: String,
    /// The comment, possibly empty.
    pub comment: String,
}

impl PublicKey {
    /// The line to store.
    #[must_use]
    pub fn line(&self) -> String {
        if self.comment.is_empty() {
            format!("{} {}", self.kind, self.body)
        } else {
            format!("{} {} {}", self.kind, self.body, self.comment)
        }
    }

    /// A short form to show: type, the last 12 characters of the body, the comment.
    #[must_use]
    pub fn short(&self) -> String {
        let tail: String = self
            .body
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{} …{} {}", self.kind, tail, self.comment)
            .trim_end()
            .to_string()
    }
}

/// Parse and check one public key line (surrounding blank space is ignored).
pub fn parse(text: &str) -> Result<PublicKey, KeyProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(KeyProblem::Empty);
    }
    if t.contains("PRIVATE KEY") {
        return Err(KeyProblem::Private);
    }
    if t.contains(['\n', '\r']) {
        return Err(KeyProblem::Lines);
    }
    let mut words = t.splitn(3, [' ', '\t']);
    let kind = words.next().unwrap_or_default();
    if !KEY_TYPES.contains(&kind) {
        return Err(KeyProblem::Type(kind.chars().take(40).collect()));
    }
    let body = words.next().unwrap_or_default();
    let blob = base64(body).ok_or(KeyProblem::Base64)?;
    // The blob starts with the type as an SSH string: a 4-byte length, then the name.
    let named = blob
        .get(..4)
        .map(|n| u32::from_be_bytes([n[0], n[1], n[2], n[3]]) as usize)
        .and_then(|n| blob.get(4..4 + n));
    if named != Some(kind.as_bytes()) || blob.len() < 4 + kind.len() + 20 {
        return Err(KeyProblem::Mismatch);
    }
    let comment = words.next().unwrap_or_default().trim();
    if comment.chars().any(|c| c.is_control() || c == '"' || c == '\\') || !super::text::is_clean_line(comment) {
        return Err(KeyProblem::Comment);
    }
    Ok(PublicKey {
        kind: kind.to_string(),
        body: body.to_string(),
        comment: comment.to_string(),
    })
}

/// Decode standard base64 with padding; `None` when it is not.
fn base64(s: &str) -> Option<Vec<u8>> {
    if s.is_empty() || s.len() % 4 != 0 {
        return None;
    }
    let value = |b: u8| -> Option<u32> {
        Some(u32::from(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let bytes = s.as_bytes();
    let pad = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if pad > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for (i, chunk) in bytes.chunks(4).enumerate() {
        let last = i == bytes.len() / 4 - 1;
        let mut bits = 0u32;
        for (j, &byte) in chunk.iter().enumerate() {
            let six = if byte == b'=' && last && j >= 4 - pad {
                0
            } else {
                value(byte)?
            };
            bits = (bits << 6) | six;
        }
        let decoded = bits.to_be_bytes();
        let keep = if last { 3 - pad } else { 3 };
        out.extend_from_slice(&decoded[1..=keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real ed25519 public key (from `ssh-keygen -t ed25519`).
    pub const ED: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG/kunkxnBUUDIsp6brYzSL6wC6+ug1BEITzdZHpyCSA sari@hp";

    #[test]
    fn a_real_key_is_accepted_and_normalised() {
        let k = parse(&format!("  {}\n", ED.replace(' ', "  ").replacen("  ", " ", 1))).unwrap();
        assert_eq!(k.kind, "ssh-ed25519");
        assert_eq!(k.comment, "sari@hp");
        assert_eq!(parse(ED).unwrap().line(), ED);
    }

    #[test]
    fn bad_lines_are_refused_with_their_reason() {
        let body = ED.split(' ').nth(1).unwrap();
        let cases = [
            (String::new(), KeyProblem::Empty),
            (format!("{ED}\n{ED}"), KeyProblem::Lines),
            (
                format!("command=\"sh\" {ED}"),
                KeyProblem::Type("command=\"sh\"".into()),
            ),
            (format!("ssh-rsa {body}"), KeyProblem::Mismatch),
            ("ssh-ed25519 AAAA!!!=".into(), KeyProblem::Base64),
            ("ssh-ed25519".into(), KeyProblem::Base64),
            ("ssh-ed25519 AAAA".into(), KeyProblem::Mismatch),
            (format!("{ED} a\"b"), KeyProblem::Comment),
            ("-----BEGIN OPENSSH PRIVATE KEY-----".into(), KeyProblem::Private),
        ];
        for (line, want) in cases {
            assert_eq!(parse(&line), Err(want), "{line:?}");
        }
    }

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64("aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64("aGVsbG8="), Some(b"hello".to_vec()));
        assert_eq!(base64("YWJj"), Some(b"abc".to_vec()));
        assert_eq!(base64("a=bc"), None);
    }
}
