//! What the admin screen shows, its form and the intents of its keys: the model of
//! `admin.rs`, a leaf so the state can hold it without importing its update.

/// The fields of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The id (only when adding).
    Id,
    /// Full name.
    Name,
    /// Email.
    Email,
    /// Roles, separated by spaces or commas.
    Roles,
    /// Kecamatan id or name.
    Kecamatan,
    /// Login names.
    Logins,
    /// Last day of access.
    Until,
    /// A new SSH public key, pasted.
    Key,
}

/// Every field, in the form's order.
pub const FIELDS: [Field; 8] = [
    Field::Id,
    Field::Name,
    Field::Email,
    Field::Roles,
    Field::Kecamatan,
    Field::Logins,
    Field::Until,
    Field::Key,
];

/// The add or edit form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The person edited; `None` when adding.
    pub editing: Option<String>,
    /// The text of each field, in `FIELDS` order.
    pub values: Vec<String>,
    /// The focused field (index into `FIELDS`).
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// Whether a save is on its way.
    pub sending: bool,
}

impl Form {
    /// The text of a field.
    #[must_use]
    pub fn value(&self, f: Field) -> &str {
        FIELDS
            .iter()
            .position(|x| *x == f)
            .and_then(|i| self.values.get(i))
            .map_or("", String::as_str)
    }
}

/// What the screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Admin {
    /// The selected person (index into the config's people).
    pub selected: usize,
    /// The open form, if any.
    pub form: Option<Form>,
    /// Each person's last visit (RFC 3339), once read.
    pub last_seen: Vec<(String, String)>,
}

/// Screen-specific intents (the keymap sends them as `Msg::Admin`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Open the screen (from the list).
    Open,
    /// Open the form for a new person.
    Add,
    /// Open the form on the selected person.
    Edit,
    /// Next field of the form.
    NextField,
    /// Previous field of the form.
    PrevField,
    /// Empty the focused field.
    ClearField,
    /// The change was committed (short commit id).
    Saved(String),
    /// The last visits arrived.
    LastSeen(Vec<(String, String)>),
}
