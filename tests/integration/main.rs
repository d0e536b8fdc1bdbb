//! Integration tests: one binary, one module per feature.
//!
//! Each test copies a fixture site from `tests/fixtures/` into a temporary
//! folder (see `harness`), builds it through the library or the real binary,
//! and asserts on the parsed output or a reviewed snapshot of diagnostics.

// The labelled-set tests print the precision and recall they measure.
#![allow(clippy::print_stderr)]

mod build;
mod check;
mod cleaning;
mod clustering;
mod cost;
mod determinism;
mod errors;
mod feeds;
mod fuzz;
mod harness;
mod home;
mod hostile_names;
mod images;
mod init;
mod intelligence;
mod links;
mod properties;
mod safety;
mod search;
mod serve;
mod subpath;
mod templates;
