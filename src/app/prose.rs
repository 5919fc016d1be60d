//! The body's soft wrap, worked out only for the paragraphs on screen.
//!
//! The body's text area keeps the text, the cursor and undo, but does not wrap: it would
//! re-wrap the whole article after every edit (about 1.4 ms for 50 KB). Here a paragraph
//! is wrapped when it is drawn or when the cursor moves through it by screen rows, so a
//! keystroke costs the same in a 5 KB and a 50 KB article.

use std::cell::Cell;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::domain::text::{clean_line, is_dangerous};

/// The cells a grapheme takes on screen, as the body draws it: cleaned (a tab is a
/// space, a control character its picture), then measured whole, as the terminal
/// buffer measures it (a thumb with a skin tone is two cells, not four).
#[must_use]
pub fn cells(g: &str) -> usize {
    if g.chars().any(|c| c == '\t' || is_dangerous(c)) {
        clean_line(g).width()
    } else {
        g.width()
    }
}

/// The screen rows of one paragraph at `width` cells, as byte ranges. Rows break after
/// a space; a word longer than the row is cut. Spaces at a break stay at the end of the
/// row they follow (and may hang past its edge). An empty paragraph is one empty row.
#[must_use]
pub fn wrap(line: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut col = 0;
    // Where the row can break (just after a space), and the columns used before it.
    let mut brk: Option<(usize, usize)> = None;
    for (i, g) in line.grapheme_indices(true) {
        let w = cells(g);
        if g == " " {
            col += w;
            brk = Some((i + 1, col));
            continue;
        }
        if col + w > width && col > 0 {
            match brk {
                Some((at, used)) if at > start => {
                    rows.push((start, at));
                    start = at;
                    col -= used;
                }
                _ => {
                    rows.push((start, i));
                    start = i;
                    col = 0;
                }
            }
            brk = None;
            // What follows the break may itself be too long for a row (a long word).
            if col + w > width && col > 0 {
                rows.push((start, i));
                start = i;
                col = 0;
            }
        }
        col += w;
    }
    rows.push((start, line.len()));
    rows
}

/// The byte offset of the `n`th character of `line` (its end when there are fewer).
#[must_use]
pub fn byte_of_char(line: &str, n: usize) -> usize {
    line.char_indices().nth(n).map_or(line.len(), |(b, _)| b)
}

/// Which row of `rows` holds byte `at`, and the cell column of `at` in that row.
#[must_use]
pub fn locate(line: &str, rows: &[(usize, usize)], at: usize) -> (usize, usize) {
    let r = rows.iter().rposition(|&(s, _)| s <= at).unwrap_or(0);
    let (s, e) = rows[r];
    let col = line[s..at.min(e).max(s)].graphemes(true).map(cells).sum();
    (r, col)
}

/// The character index in `line` of the grapheme boundary in row `r` closest to cell
/// column `col`, never past the row's last grapheme (except on the paragraph's last row).
#[must_use]
pub fn char_at_column(line: &str, rows: &[(usize, usize)], r: usize, col: usize) -> usize {
    let (s, e) = rows[r];
    let last_row = r + 1 == rows.len();
    let mut used = 0;
    let mut at = s;
    for (i, g) in line[s..e].grapheme_indices(true) {
        let w = cells(g);
        let is_last = s + i + g.len() == e;
        if used + w > col || (!last_row && is_last) {
            at = s + i;
            return line[..at].chars().count();
        }
        used += w;
        at = s + i + g.len();
    }
    line[..at].chars().count()
}

/// Where the body view starts and how big it was when last drawn. Kept in a `Cell`:
/// drawing keeps the cursor on screen, as a scrolling text area does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    /// The paragraph at the top of the view.
    pub line: usize,
    /// Its first screen row shown.
    pub row: usize,
    /// Cells across, 0 before the first draw.
    pub width: usize,
    /// Rows down.
    pub height: usize,
}

/// One screen row of the body: paragraph, byte range.
pub type ScreenRow = (usize, (usize, usize));

/// Paragraphs wrapped at one width, each at most once per draw.
struct Wraps<'a> {
    lines: &'a [String],
    width: usize,
    done: std::collections::HashMap<usize, Vec<(usize, usize)>>,
}

impl<'a> Wraps<'a> {
    fn new(lines: &'a [String], width: usize) -> Self {
        Self {
            lines,
            width,
            done: std::collections::HashMap::new(),
        }
    }

    fn rows(&mut self, l: usize) -> &[(usize, usize)] {
        let (lines, width) = (self.lines, self.width);
        self.done.entry(l).or_insert_with(|| wrap(&lines[l], width))
    }

    fn count(&mut self, l: usize) -> usize {
        self.rows(l).len()
    }

    /// The screen row `n` rows above (paragraph, row), or the first row.
    fn back(&mut self, from: (usize, usize), n: usize) -> (usize, usize) {
        let (mut l, mut r, mut n) = (from.0, from.1, n);
        while n > 0 {
            if r >= n {
                return (l, r - n);
            }
            if l == 0 {
                return (0, 0);
            }
            n -= r + 1;
            l -= 1;
            r = self.count(l) - 1;
        }
        (l, r)
    }
}

/// The rows to draw in a view of `width` x `height` over `lines`, with the cursor at
/// paragraph `cursor.0`, character `cursor.1`; moves the view's top so the cursor shows.
/// Returns the rows and the cursor's place on screen (row, column).
#[must_use]
pub fn layout(
    lines: &[String],
    cursor: (usize, usize),
    view: &Cell<View>,
    width: usize,
    height: usize,
) -> (Vec<ScreenRow>, (usize, usize)) {
    let height = height.max(1);
    let mut v = view.get();
    let (cl, cc) = (cursor.0.min(lines.len().saturating_sub(1)), cursor.1);
    let Some(line) = lines.get(cl) else {
        view.set(View {
            width,
            height,
            ..View::default()
        });
        return (Vec::new(), (0, 0));
    };
    let mut wraps = Wraps::new(lines, width);
    let (crow, ccol) = locate(line, wraps.rows(cl), byte_of_char(line, cc));
    if v.width != width {
        // A new width wraps differently: start the view at the cursor's paragraph.
        v = View { line: cl, row: 0, ..v };
    }
    v.line = v.line.min(lines.len() - 1);
    v.row = v.row.min(wraps.count(v.line) - 1);
    if (cl, crow) < (v.line, v.row) {
        (v.line, v.row) = (cl, crow);
    } else {
        // Count the rows from the top to the cursor, at most a screen's worth.
        let mut seen = 0;
        let mut l = v.line;
        let mut first = v.row;
        while l < cl && seen < height {
            seen += wraps.count(l) - first;
            first = 0;
            l += 1;
        }
        if l < cl || seen + crow.saturating_sub(first) >= height {
            // Below the view: put the cursor on the last row, going back from it.
            (v.line, v.row) = wraps.back((cl, crow), height - 1);
        }
    }
    // No empty rows under the text while there is text above the view.
    let mut filled = 0;
    let mut l = v.line;
    while l < lines.len() && filled < height {
        filled += wraps.count(l) - if l == v.line { v.row } else { 0 };
        l += 1;
    }
    if filled < height {
        (v.line, v.row) = wraps.back((v.line, v.row), height - filled);
    }
    view.set(View { width, height, ..v });
    // The rows from the top.
    let mut out = Vec::with_capacity(height);
    let mut at = None;
    let mut l = v.line;
    let mut skip = v.row;
    while out.len() < height && l < lines.len() {
        for (r, &range) in wraps.rows(l).iter().enumerate().skip(skip) {
            if out.len() == height {
                break;
            }
            if l == cl && r == crow {
                at = Some((out.len(), ccol.min(width.saturating_sub(1))));
            }
            out.push((l, range));
        }
        skip = 0;
        l += 1;
    }
    (out, at.unwrap_or((0, 0)))
}

/// The cursor after moving `by` screen rows (negative is up) at `width`, keeping the
/// cell column: (paragraph, character).
#[must_use]
pub fn move_rows(lines: &[String], cursor: (usize, usize), by: isize, width: usize) -> (usize, usize) {
    let (mut l, cc) = (cursor.0.min(lines.len().saturating_sub(1)), cursor.1);
    let Some(line) = lines.get(l) else { return cursor };
    let mut rows = wrap(line, width);
    let (mut r, col) = locate(line, &rows, byte_of_char(line, cc));
    let mut left = by.unsigned_abs();
    while left > 0 {
        if by < 0 {
            if r > 0 {
                r -= 1;
            } else if l > 0 {
                l -= 1;
                rows = wrap(&lines[l], width);
                r = rows.len() - 1;
            } else {
                return (0, 0);
            }
        } else if r + 1 < rows.len() {
            r += 1;
        } else if l + 1 < lines.len() {
            l += 1;
            rows = wrap(&lines[l], width);
            r = 0;
        } else {
            return (l, lines[l].chars().count());
        }
        left -= 1;
    }
    (l, char_at_column(&lines[l], &rows, r, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(line: &str, width: usize) -> Vec<&str> {
        wrap(line, width).into_iter().map(|(s, e)| &line[s..e]).collect()
    }

    #[test]
    fn rows_break_after_spaces_and_cut_only_long_words() {
        assert_eq!(rows_of("", 10), vec![""]);
        assert_eq!(rows_of("satu dua tiga", 8), vec!["satu dua ", "tiga"]);
        assert_eq!(rows_of("satu dua tiga", 7), vec!["satu ", "dua ", "tiga"]);
        assert_eq!(rows_of("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(rows_of("ab abcdefghij", 4), vec!["ab ", "abcd", "efgh", "ij"]);
        assert_eq!(rows_of("kata   lain", 5), vec!["kata   ", "lain"]);
        assert_eq!(rows_of("犬猫犬猫", 5), vec!["犬猫", "犬猫"]);
        // A grapheme is never cut, and is as wide as the terminal buffer counts it.
        assert_eq!(rows_of("ab👍🏽cd", 4), vec!["ab👍🏽", "cd"]);
        assert_eq!(cells("👍🏽"), 2);
        assert_eq!(cells("\u{1b}"), 1);
        assert_eq!(cells("\t"), 1);
        // Every byte is in exactly one row, in order.
        let text = "Panwaslu Kecamatan Jetis – “Kami pastikan tidak ada selisih,” tegasnya. 👍🏽";
        for width in 1..40 {
            let rows = wrap(text, width);
            assert_eq!(rows[0].0, 0);
            assert_eq!(rows.last().unwrap().1, text.len());
            for pair in rows.windows(2) {
                assert_eq!(pair[0].1, pair[1].0);
            }
            for &(s, e) in &rows {
                let shown: usize = text[s..e].trim_end_matches(' ').graphemes(true).map(cells).sum();
                assert!(
                    shown <= width || text[s..e].graphemes(true).count() == 1,
                    "{width}: {:?}",
                    &text[s..e]
                );
            }
        }
    }

    #[test]
    fn moving_by_rows_keeps_the_column() {
        let lines: Vec<String> = vec!["satu dua tiga empat".into(), String::new(), "lima enam".into()];
        // Width 10: "satu dua " / "tiga empat"; "" ; "lima enam".
        assert_eq!(move_rows(&lines, (0, 2), 1, 10), (0, 11));
        assert_eq!(move_rows(&lines, (0, 11), -1, 10), (0, 2));
        assert_eq!(move_rows(&lines, (0, 11), 1, 10), (1, 0));
        assert_eq!(move_rows(&lines, (0, 11), 2, 10), (2, 2));
        assert_eq!(move_rows(&lines, (2, 2), -2, 10), (0, 11));
        assert_eq!(move_rows(&lines, (2, 2), -3, 10), (0, 2));
        assert_eq!(move_rows(&lines, (0, 3), -1, 10), (0, 0));
        assert_eq!(move_rows(&lines, (2, 3), 1, 10), (2, 9));
        // The end of a row that is not the last stays on that row.
        assert_eq!(move_rows(&lines, (0, 18), -1, 10), (0, 8));
    }

    #[test]
    fn the_view_follows_the_cursor() {
        let lines: Vec<String> = (0..50)
            .map(|i| format!("paragraf {i} dengan beberapa kata di dalamnya"))
            .collect();
        let view = Cell::new(View::default());
        let (rows, at) = layout(&lines, (0, 0), &view, 20, 5);
        assert_eq!((rows.len(), at), (5, (0, 0)));
        // Far below: the cursor lands on the last row.
        let (rows, at) = layout(&lines, (30, 0), &view, 20, 5);
        assert_eq!(at.0, 4);
        assert_eq!(rows[4].0, 30);
        // Back above the top: the cursor's row becomes the top.
        let (rows, at) = layout(&lines, (10, 0), &view, 20, 5);
        assert_eq!((rows[0].0, at.0), (10, 0));
        // A move inside the view does not scroll.
        let (rows, _) = layout(&lines, (11, 0), &view, 20, 5);
        assert_eq!(rows[0].0, 10);
        // Near the end, the view is full: the last row of text is at the bottom.
        let (rows, at) = layout(&lines, (49, 0), &view, 20, 5);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[4].0, 49);
        let (rows, _) = layout(
            &lines,
            (49, 0),
            &Cell::new(View {
                line: 49,
                row: 2,
                width: 20,
                height: 5,
            }),
            20,
            5,
        );
        assert_eq!((rows.len(), rows[4].0), (5, 49), "pulled up to fill the view");
        assert!(at.0 < 5);
        // Short text fills what it can.
        let (rows, at) = layout(&[String::new()], (0, 0), &Cell::new(View::default()), 20, 5);
        assert_eq!((rows.len(), at), (1, (0, 0)));
    }
}
