//! The layout engine's integration tests in one binary: sample documents rendered and checked
//! with poppler and qpdf.

mod samples;

mod pdf_layout;
