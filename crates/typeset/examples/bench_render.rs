//! Times the rendering of a document of about 100 pages:
//! `cargo run --release --example bench_render`
#[path = "../tests/it/samples.rs"]
mod samples;

use quorum_typeset::*;
use std::time::Instant;

fn main() {
    let agenda = samples::agenda();
    let memo = samples::memo();
    // Repeat the agenda's and the memo's blocks until about 100 pages.
    let mut blocks = Vec::new();
    for i in 0..20 {
        blocks.extend(agenda.blocks.iter().cloned());
        blocks.extend(memo.blocks.iter().cloned());
        blocks.push(Block::heading(format!("Vedlegg {}", i + 1), 1));
        for _ in 0..3 {
            blocks.push(Block::paragraph(
                "Rådet drøftet saken og la vekt på at kommunene må involveres tidlig, at gevinstene må dokumenteres, og at risikoen ved felles løsninger må fordeles på en måte som alle parter kan stå inne for. ".repeat(4),
            ));
        }
        blocks.push(Block::PageBreak);
    }
    let doc = samples::doc("Ytelsestest", blocks);
    // Warm-up parses the embedded fonts once per process.
    let first = Instant::now();
    let r = render_with_report(&doc).expect("render");
    let cold = first.elapsed();
    let runs = 5;
    let start = Instant::now();
    for _ in 0..runs {
        let again = render(&doc).expect("render");
        assert_eq!(again, r.bytes);
    }
    let warm = start.elapsed() / runs;
    println!(
        "{} pages, {} bytes: first render {:.0} ms (includes parsing the fonts), then {:.0} ms per render",
        r.page_count,
        r.bytes.len(),
        cold.as_secs_f64() * 1000.0,
        warm.as_secs_f64() * 1000.0
    );
}
