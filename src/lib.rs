pub mod placeholder_never_shipped {}
