//! Who is acting: an explicit `--as`, the OS login name, then git's `user.email`.
//!
//! An unknown caller is not an error: they get read-only access and are told how to be
//! added.

use super::error::{Invalid, StoreError};
use super::repo::Newsroom;
use crate::domain::config::Config;

/// How the person was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--as` or `WARTA_AS`.
    Flag,
    /// The OS login name, through `logins`.
    Login(String),
    /// git `user.email`.
    Email(String),
    /// Fixed by `warta session PERSON` (or the demo's login prompt).
    Session,
    /// Nobody matched; what was tried.
    Unknown {
        /// The login name, if any.
        login: Option<String>,
        /// The git email, if any.
        email: Option<String>,
    },
}

/// The resolved caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Person id, if known.
    pub person: Option<String>,
    /// How it was found.
    pub source: Source,
}

impl Identity {
    /// A person fixed by the caller (session or demo login).
    #[must_use]
    pub fn session(id: &str) -> Self {
        Self {
            person: Some(id.to_string()),
            source: Source::Session,
        }
    }
}

/// Resolve the caller against `config`.
pub fn resolve(
    config: &Config,
    as_person: Option<&str>,
    login: Option<&str>,
    email: Option<&str>,
) -> Result<Identity, StoreError> {
    if let Some(id) = as_person.filter(|s| !s.is_empty()) {
        return match config.person(id) {
            Some(p) => Ok(Identity {
                person: Some(p.id.clone()),
                source: Source::Flag,
            }),
            None => Err(StoreError::Invalid(Invalid::UnknownPerson(id.to_string()))),
        };
    }
    if let Some(l) = login.filter(|s| !s.is_empty()) {
        if let Some(p) = config.people.iter().find(|p| p.logins.iter().any(|x| x == l)) {
            return Ok(Identity {
                person: Some(p.id.clone()),
                source: Source::Login(l.to_string()),
            });
        }
    }
    if let Some(e) = email.filter(|s| !s.is_empty()) {
        if let Some(p) = config.people.iter().find(|p| p.email.eq_ignore_ascii_case(e)) {
            return Ok(Identity {
                person: Some(p.id.clone()),
                source: Source::Email(e.to_string()),
            });
        }
    }
    Ok(Identity {
        person: None,
        source: Source::Unknown {
            login: login.map(str::to_string),
            email: email.map(str::to_string),
        },
    })
}

/// `user.email` and `user.name` from the user's global git config, if set.
#[must_use]
pub fn global_git_user() -> (Option<String>, Option<String>) {
    let Ok(cfg) = git2::Config::open_default() else {
        return (None, None);
    };
    (cfg.get_string("user.email").ok(), cfg.get_string("user.name").ok())
}

impl Newsroom {
    /// Resolve the caller with this repository's git config for the email.
    pub fn identify(
        &self,
        config: &Config,
        as_person: Option<&str>,
        login: Option<&str>,
    ) -> Result<Identity, StoreError> {
        let (email, _) = self.git_user();
        resolve(config, as_person, login, email.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "[newsroom]\nname = \"N\"\n[[kecamatan]]\nid = \"babadan\"\nname = \"B\"\n\
             [[people]]\nid = \"sari\"\nname = \"S\"\nemail = \"sari@x.example\"\nroles = [\"author\"]\nkecamatan = \"babadan\"\nlogins = [\"sariw\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn order_is_flag_login_email() {
        let c = config();
        assert_eq!(resolve(&c, Some("sari"), None, None).unwrap().source, Source::Flag);
        assert!(resolve(&c, Some("nobody"), None, None).is_err());
        assert_eq!(
            resolve(&c, None, Some("sariw"), None).unwrap().person.as_deref(),
            Some("sari")
        );
        assert_eq!(
            resolve(&c, None, Some("root"), Some("SARI@x.example"))
                .unwrap()
                .person
                .as_deref(),
            Some("sari")
        );
        let unknown = resolve(&c, None, Some("root"), Some("r@x")).unwrap();
        assert!(unknown.person.is_none());
    }
}
