// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `quorum-desk --build-info` prints how this binary was built and exits without
    // opening a window (the e2e test uses it to refuse a binary that would load devUrl).
    if args.iter().skip(1).any(|a| a == "--build-info") {
        println!("{}", quorum_desk::build_info_json());
        return;
    }
    let db_path = quorum_record::paths::resolve_db_path(quorum_record::paths::db_arg(args));
    let export_dir = quorum_desk::state::default_export_dir();
    quorum_desk::run(db_path, export_dir);
}
