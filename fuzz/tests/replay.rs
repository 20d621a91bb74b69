//! Every committed corpus file through the same checks the fuzz targets run (plain `cargo test`
//! in fuzz/, no libFuzzer): what once found a bug stays fixed.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("corpus entry").path();
        check(&std::fs::read(&path).expect("corpus file"));
        n += 1;
    }
    assert!(n > 0, "no corpus in {}", dir.display());
    println!("{target}: {n} inputs replayed");
}

#[test]
fn numbers() {
    replay("numbers", quorum_fuzz::numbers);
}

#[test]
fn import() {
    replay("import", quorum_fuzz::import);
}

#[test]
fn richtext() {
    replay("richtext", quorum_fuzz::richtext);
}
