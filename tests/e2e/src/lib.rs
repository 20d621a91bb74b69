//! Intentionally empty: see tests/e2e.rs.
