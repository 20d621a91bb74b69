//! The commands the web view may invoke, by area. Each is thin: it calls the core and returns
//! plain data whose TypeScript types are generated with ts-rs (see `bindings.rs`).

pub mod app;
pub mod backups;
pub mod council;
pub mod documents;
pub mod journal;
pub mod record;
