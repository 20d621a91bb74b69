pub mod placeholder_never_shipped {}
pub mod paths;
