//! Renders a sample document: `cargo run --example render_sample -- [agenda|memo|hostile] out.pdf`
#[path = "../tests/it/samples.rs"]
mod samples;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "agenda".to_string());
    let out = args.next().unwrap_or_else(|| format!("{which}.pdf"));
    let doc = match which.as_str() {
        "agenda" => samples::agenda(),
        "memo" => samples::memo(),
        "hostile" => samples::hostile(),
        other => panic!("unknown sample {other:?} (agenda, memo, hostile)"),
    };
    let r = quorum_typeset::render_with_report(&doc).expect("render");
    std::fs::write(&out, &r.bytes).expect("write");
    eprintln!(
        "{out}: {} pages, {} bytes, notes: {:?}",
        r.page_count,
        r.bytes.len(),
        r.notes
    );
}
