//! Who pushes, on a hosted git server: the pre-receive hook learns the pusher from the
//! environment the server gives its hooks, and maps the server's login to a person of
//! `warta.toml` by their `logins`.
//!
//! Pure: the caller passes a lookup of the environment in.
//!
//! Where the names come from:
//! - `WARTA_PUSHER`: set by `warta session` (docs/ssh.md), a person id.
//! - Forgejo and Gitea: `GITEA_PUSHER_NAME` (the login), `GITEA_PUSHER_ID`, and
//!   `GITEA_PUSHER_EMAIL` only when the user shows their email (Gitea's
//!   `modules/repository/env.go`, `DoerPushingEnvironment`; Forgejo keeps the names).
//! - GitLab: `GL_USERNAME` (the login), `GL_ID` (`user-2234` or `key-4`), `GL_PROTOCOL`,
//!   `GL_REPOSITORY`, `GL_PROJECT_PATH` (GitLab's `doc/administration/server_hooks.md`,
//!   "Environment variables available to server hooks").
//!
//! The login is the server's, authenticated by it; an email is not used, since a user
//! may set it to anyone's.

use super::config::Config;

/// The server a push arrives through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// `warta session` (or an admin setting `WARTA_PUSHER` on their own server).
    Warta,
    /// Forgejo or Gitea.
    Gitea,
    /// GitLab.
    GitLab,
}

impl Host {
    /// The variable the login came from, for messages.
    #[must_use]
    pub fn variable(self) -> &'static str {
        match self {
            Self::Warta => "WARTA_PUSHER",
            Self::Gitea => "GITEA_PUSHER_NAME",
            Self::GitLab => "GL_USERNAME",
        }
    }
}

/// Why no person could be found for a push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPusher {
    /// No variable names the pusher.
    Unnamed,
    /// `WARTA_PUSHER` names no person.
    UnknownId(String),
    /// The server's login is in nobody's `logins`.
    UnknownLogin {
        /// Which server.
        host: Host,
        /// The login.
        login: String,
    },
}

/// The person id responsible for a push, from the hook's environment.
pub fn pusher(env: impl Fn(&str) -> Option<String>, config: &Config) -> Result<(Host, String), NoPusher> {
    let get = |name: &str| env(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    if let Some(id) = get("WARTA_PUSHER") {
        return match config.person(&id) {
            Some(p) => Ok((Host::Warta, p.id.clone())),
            None => Err(NoPusher::UnknownId(id)),
        };
    }
    let (host, login) = if let Some(login) = get("GITEA_PUSHER_NAME") {
        (Host::Gitea, login)
    } else if let Some(login) = get("GL_USERNAME") {
        (Host::GitLab, login)
    } else {
        return Err(NoPusher::Unnamed);
    };
    config
        .people
        .iter()
        .find(|p| p.logins.contains(&login))
        .map(|p| (host, p.id.clone()))
        .ok_or(NoPusher::UnknownLogin { host, login })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case<'a> = (&'a [(&'a str, &'a str)], Result<(Host, &'a str), NoPusher>);

    fn config() -> Config {
        Config::parse(
            "[newsroom]\nname = \"T\"\n\n[[kecamatan]]\nid = \"babadan\"\nname = \"Babadan\"\n\n\
             [[people]]\nid = \"sari\"\nname = \"Sari\"\nemail = \"sari@x.example\"\nroles = [\"author\"]\nkecamatan = \"babadan\"\nlogins = [\"sari.w\"]\n\n\
             [[people]]\nid = \"admin\"\nname = \"Admin\"\nroles = [\"admin\"]\nlogins = [\"root-gl\"]\n",
        )
        .unwrap()
    }

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect();
        move |name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn each_server_names_the_pusher_by_login() {
        let c = config();
        let cases: &[Case<'_>] = &[
            (&[("WARTA_PUSHER", "sari")], Ok((Host::Warta, "sari"))),
            (
                &[
                    ("GITEA_PUSHER_NAME", "sari.w"),
                    ("GITEA_PUSHER_EMAIL", "admin@x.example"),
                ],
                Ok((Host::Gitea, "sari")),
            ),
            (
                &[("GL_USERNAME", "root-gl"), ("GL_ID", "user-1")],
                Ok((Host::GitLab, "admin")),
            ),
            // The email is never trusted: only the login maps.
            (
                &[
                    ("GITEA_PUSHER_NAME", "mallory"),
                    ("GITEA_PUSHER_EMAIL", "sari@x.example"),
                ],
                Err(NoPusher::UnknownLogin {
                    host: Host::Gitea,
                    login: "mallory".into(),
                }),
            ),
            (&[("WARTA_PUSHER", "nobody")], Err(NoPusher::UnknownId("nobody".into()))),
            (&[("GL_ID", "user-1")], Err(NoPusher::Unnamed)),
            (&[], Err(NoPusher::Unnamed)),
        ];
        for (vars, want) in cases {
            let got = pusher(env(vars), &c);
            let want = want.clone().map(|(h, id)| (h, id.to_string()));
            assert_eq!(got, want, "{vars:?}");
        }
    }
}
