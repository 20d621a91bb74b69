//! Renders the sample agenda: `cargo run --example render_sample -- out.pdf`
#[path = "../tests/common/samples.rs"]
mod samples;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "agenda.pdf".to_string());
    let r = quorum::pdf::render_with_report(&samples::agenda()).expect("render");
    std::fs::write(&out, &r.bytes).expect("write");
    eprintln!(
        "{out}: {} pages, {} bytes, notes: {:?}",
        r.page_count,
        r.bytes.len(),
        r.notes
    );
}
