//! Holds one trybuild case that needs `arazzo` without its `xpath` feature: a workflow with
//! `xpath` criteria must not compile, and the error must name each criterion and the feature.
//!
//! It cannot live in `arazzo-tests`, which enables the feature for its own end-to-end tests;
//! a separate crate gives trybuild a manifest without it.
