//! Realistic plain-JavaScript code (CommonJS CLIs and configs, Vue, Svelte stores, Redux,
//! Express/Koa/Fastify middleware, utility libraries, data scripts, games, DOM code, jest
//! tests, JSX) in `tests/fixtures/realistic-js`, linted with every rule on.
//!
//! `manifest.json` lists the clean files, which must give no diagnostic at all, and every
//! diagnostic expected in the buggy files (rule, line, UTF-16 column of its start): the
//! buggy files must give exactly those. Its `not_required` entries are planted bugs SPEC does
//! not require restlint to find; they are kept out of `bugs`, so a change that starts finding
//! one fails here until the manifest says so. The runner is `common::realistic`.

mod common;

use common::realistic::{Minimums, check};

#[test]
fn realistic_js_clean_files_are_clean_and_every_planted_bug_is_found_exactly() {
    check(
        "tests/fixtures/realistic-js",
        &Minimums {
            clean_files: 12,
            clean_lines: 150,
            bugs: 60,
        },
    );
}
