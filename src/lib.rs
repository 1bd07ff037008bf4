//! restlint: a fast, precise linter for JavaScript and TypeScript rest and spread syntax.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod cache;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod kinds;
pub mod lint;
pub mod report;
pub mod rules;
pub mod source;
pub mod walk;
