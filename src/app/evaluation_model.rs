//! What the "Evaluasi" screen shows and the intents of its keys: the model of
//! `evaluation.rs`, a leaf so the state can hold it without importing its update.

use std::sync::Arc;

use crate::domain::report::{Measure, Period, Report, rank};

/// What the screen shows.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The period reported.
    pub period: Period,
    /// The measure kecamatan are ranked by.
    pub measure: Measure,
    /// The report of `period` (`None` while the worker computes it).
    pub report: Option<Arc<Report>>,
    /// Selected place in the ranking.
    pub selected: usize,
    /// The kecamatan drilled into (index into `report.rows`), if any.
    pub drill: Option<usize>,
    /// Selected item of the drill-down.
    pub item_selected: usize,
    /// Whether an item was opened from the drill-down (Esc comes back here).
    pub item_open: bool,
}

/// Screen-specific intents (the keymap sends them as `Msg::Evaluation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Open the screen (from the list).
    Open,
    /// The period before.
    PrevPeriod,
    /// The period after.
    NextPeriod,
    /// Rank by the next measure.
    NextMeasure,
}

impl Evaluation {
    /// The rows in ranked order (indexes into `report.rows`).
    #[must_use]
    pub fn ranked(&self) -> Vec<usize> {
        self.report
            .as_ref()
            .map(|r| rank(&r.rows, self.measure))
            .unwrap_or_default()
    }
}
