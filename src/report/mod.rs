//! Output formats. Reporters see only diagnostics and sources, never rules or the CLI.

pub mod compact;
pub mod github;
pub mod json;
pub mod pretty;
pub mod sarif;

use crate::diagnostic::FileReport;

/// Totals over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub fixable: usize,
}

impl Summary {
    pub fn of(files: usize, reports: &[FileReport]) -> Self {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for r in reports {
            s.errors += r.errors();
            s.warnings += r.warnings();
            s.fixable += r.diagnostics.iter().filter(|d| d.fix.is_some()).count();
        }
        s
    }
}
