//! The checklist's rules and how much each matters: a leaf that the checklist
//! (`lint.rs`) and the house-style rules (`house_style.rs`) both name.

/// How much a rule matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Blocks approval.
    Required,
    /// A hint.
    Recommended,
    /// Not checked.
    Off,
}

/// The rules, in checklist order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The title is set and not too long.
    TitleLength,
    /// The lead paragraph is short enough.
    LeadLength,
    /// The body opens with a dateline ("Babadan, Panwaslu Kecamatan Babadan – …").
    Dateline,
    /// Every photo has a caption.
    PhotoCaptions,
    /// At least one tag.
    Tags,
    /// The kecamatan is set.
    Kecamatan,
    /// The body is not empty.
    Body,
    /// No empty paragraph (only spaces or a lone dash).
    EmptyParagraphs,
    /// The closing line ("(Humas)") is there.
    Closing,
    /// None of the banned words.
    BannedWords,
    /// No two spaces between words (a typing slip that shows on the website).
    DoubleSpaces,
    /// "di" apart from a verb or joined to a place (`house_style.rs`).
    DiUsage,
    /// Institutions written as they write themselves (`house_style.rs`).
    InstitutionNames,
    /// A day with its date written "Selasa (21/05/2024)" (`house_style.rs`).
    DateForm,
    /// At least one photo.
    Photos,
    /// Every photo at least as wide as the website shows it (`[rules] photo_width.min`).
    PhotoWidth,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Self; 16] = [
        Self::TitleLength,
        Self::LeadLength,
        Self::Dateline,
        Self::PhotoCaptions,
        Self::Tags,
        Self::Kecamatan,
        Self::Body,
        Self::EmptyParagraphs,
        Self::Closing,
        Self::BannedWords,
        Self::DoubleSpaces,
        Self::DiUsage,
        Self::InstitutionNames,
        Self::DateForm,
        Self::Photos,
        Self::PhotoWidth,
    ];

    /// The key in `[rules]`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::TitleLength => "title_length",
            Self::LeadLength => "lead_length",
            Self::Dateline => "dateline",
            Self::PhotoCaptions => "photo_captions",
            Self::Tags => "tags",
            Self::Kecamatan => "kecamatan",
            Self::Body => "body",
            Self::EmptyParagraphs => "empty_paragraphs",
            Self::Closing => "closing",
            Self::BannedWords => "banned_words",
            Self::DoubleSpaces => "double_spaces",
            Self::DiUsage => "di_usage",
            Self::InstitutionNames => "institution_names",
            Self::DateForm => "date_form",
            Self::Photos => "photos",
            Self::PhotoWidth => "photo_width",
        }
    }

    pub(crate) fn default_level(self) -> Level {
        match self {
            Self::TitleLength | Self::Tags | Self::Kecamatan | Self::Body | Self::PhotoCaptions => Level::Required,
            // Recommended, not required, by default: items written before photos could be
            // attached have none, and requiring them would block every such approval. A
            // newsroom requires them with one line in `[rules]`.
            Self::Photos
            | Self::PhotoWidth
            | Self::LeadLength
            | Self::Dateline
            | Self::Closing
            | Self::EmptyParagraphs
            | Self::BannedWords
            | Self::DoubleSpaces
            | Self::DiUsage
            | Self::InstitutionNames
            | Self::DateForm => Level::Recommended,
        }
    }
}
