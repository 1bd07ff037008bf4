//! Realistic code whose bugs reach the correctness rules only through the value-kind
//! inference (SPEC §4 "value-kind inference" and "Inference details"): React hooks and
//! reducers, Node services with async/await, data pipelines, SDK clients, CLI tools,
//! class-based models with accessors and `#private` fields, generators. The values reach the
//! spread through const and never-reassigned bindings, TS annotations, in-file async and
//! generator functions, `fetch`, Promise chains, builtin calls, `?:`/`||`/`??`, in-file
//! classes and caught errors; the iterators are consumed twice in the ways SPEC lists.
//!
//! `tests/fixtures/realistic-inference/manifest.json` names the rules (the correctness rules
//! and `shallow-copy-mutation`), the clean files (which use the same constructs correctly,
//! with the hard clean cases) and every planted bug; the runner is `common::realistic`.

mod common;

use common::realistic::{Minimums, check};

#[test]
fn realistic_inference_clean_files_are_clean_and_every_planted_bug_is_found_exactly() {
    check(
        "tests/fixtures/realistic-inference",
        &Minimums {
            clean_files: 9,
            clean_lines: 200,
            bugs: 50,
        },
    );
}
