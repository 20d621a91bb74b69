//! Errors of the PDF engine.

use thiserror::Error;

/// Why a [`Document`](super::Document) could not be rendered.
///
/// Content problems (missing glyphs, over-long words, rows taller than a
/// page) are never errors: they are rendered as well as possible and
/// recorded as [`RenderNote`](super::RenderNote)s. Errors are reserved for a
/// malformed document structure or a failure of the PDF backend.
#[derive(Debug, Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (a build problem, not a content one).
    #[error("embedded font {face} could not be parsed")]
    Font { face: &'static str },
    /// A table has no columns.
    #[error("table {table} has no columns")]
    EmptyTable { table: usize },
    /// A table row has more cells than the table has columns.
    #[error("table {table}, row {row}: {cells} cells but only {columns} columns")]
    TableShape {
        table: usize,
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// The PDF backend failed to write the document.
    #[error("PDF serialisation failed: {0}")]
    Serialize(String),
}

impl PdfError {
    /// The face named by a [`PdfError::Font`] (empty for other errors).
    pub(crate) fn face_name(&self) -> &'static str {
        match self {
            PdfError::Font { face } => face,
            _ => "",
        }
    }
}
