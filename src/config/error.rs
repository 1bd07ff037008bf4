//! Run-stopping configuration and usage errors.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A configuration file that is not valid, with the spot it points at.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(restlint::config))]
pub struct InvalidConfig {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: SourceSpan,
    #[help]
    pub help: Option<String>,
}

/// Errors that stop the run with exit status 2.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{0}")]
    Invalid(Box<InvalidConfig>),
    #[error("cannot read the configuration file {path}: {message}")]
    Io { path: String, message: String },
    #[error("{0}")]
    Usage(String),
}

impl ConfigError {
    pub fn invalid(
        name: &str,
        text: &str,
        offset: usize,
        len: usize,
        message: String,
        help: Option<String>,
    ) -> Self {
        ConfigError::Invalid(Box::new(InvalidConfig {
            message,
            src: NamedSource::new(name, text.to_string()),
            span: (offset.min(text.len()), len).into(),
            help,
        }))
    }
}
