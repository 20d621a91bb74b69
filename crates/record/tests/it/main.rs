//! The record's integration tests in one binary (one link on a small machine): real SQLite
//! files, every rule, every refusal.

mod common;

mod backup;
mod bad_input;
mod consult;
mod council_law;
mod demo;
mod import_rules;
mod locking;
mod migrations;
mod numbering;
mod plans;
mod record;
mod search;
mod store;
mod timetable;
mod transfer;
