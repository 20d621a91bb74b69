//! Intentionally empty: see tests/e2e/main.rs.
