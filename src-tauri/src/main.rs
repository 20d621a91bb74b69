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
    // WebKitGTK's DMA-BUF renderer keeps a second copy of every drawn surface: without it the
    // web process held ~15 MB less after opening a twenty-year record and ten searches, and it
    // is the usual cure for blank windows on some GPU drivers. A value set by the user wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // Set before any thread is started: nothing else reads the environment yet.
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    let db_path = quorum_record::paths::resolve_db_path(quorum_record::paths::db_arg(args));
    let export_dir = quorum_desk::state::default_export_dir();
    quorum_desk::run(db_path, export_dir);
}
