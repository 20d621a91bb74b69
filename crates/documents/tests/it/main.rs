//! The documents' integration tests in one binary: PDFs made from real records, checked by
//! their extracted text (pdftotext), qpdf --check and pdffonts.

// The record's own fixtures (a demo record in a temporary file, helpers that add cases).
#[path = "../../../record/tests/it/common.rs"]
mod common;
mod doc_support;

mod consultation;
mod council;
mod documents;
mod pack;
mod sealed;
