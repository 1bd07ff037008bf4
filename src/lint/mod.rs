//! The per-file pipeline: parse, map syntax errors, build semantic where a rule can fire,
//! dispatch nodes to rules, apply suppression, compute positions.
//!
//! Each worker thread owns one oxc `Allocator`, reset per file (and replaced when it grew
//! large). A panic inside one file's work becomes an `internal-error` for that file.

pub mod ctx;
pub mod depth;
pub mod directives;
pub mod gate;
pub mod prefetch;
pub mod ruleset;
pub mod scan;
pub mod schedule;
pub mod syntax;
#[cfg(test)]
pub mod test_util;
pub mod timing;

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser, ParserReturn};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

pub use ctx::Ctx;
pub use gate::GateSpec;
pub use ruleset::{ActiveRule, RuleSet, TextScan};
use timing::Stage;

use crate::diagnostic::{
    Diagnostic, INTERNAL_ERROR, PARSE_ERROR, Severity, Span, sort_diagnostics,
};
use crate::source::LazyLineIndex;

/// Nesting (see [`depth::nesting_estimate`]) past which a file is not parsed: oxc's parser and
/// semantic pass recurse without a guard. Measured with the workers' 1 GiB stacks, in a debug
/// build with oxc optimised (Cargo.toml) as in release: 500,000 levels of each of `(`, `[...`,
/// `{a:`, `` `${ ``, `a =>`, `a **`, `a ?:`, `if (a)`, `else if`, `new`, `!`, `a +`, `.b`, `()`
/// pass (1,000,000 of `{a:` and `` `${ ``). An unoptimised oxc needs ~5 KiB a level (200,000).
pub const MAX_DEPTH: usize = 500_000;
/// An allocator that grew past this is replaced rather than kept for the next file.
const ALLOCATOR_KEEP_BYTES: usize = 64 << 20;
/// Past this, an allocator is kept only for a file it may be needed for: one at least
/// 1/[`ALLOCATOR_BYTES_PER_TEXT_BYTE`] of its size (see [`keep_allocator`]).
const ALLOCATOR_SMALL_BYTES: usize = 16 << 20;
const ALLOCATOR_BYTES_PER_TEXT_BYTE: usize = 16;

/// Whether a worker's allocator, `capacity` bytes after the last file, is reset and kept for
/// a file of `len` bytes (its pages are already mapped) or replaced by an empty one. A run
/// of big files (the serial lane, largest first) keeps reusing it; a worker that moves on
/// from a bundle to small files does not carry the bundle's arena through them. Measured on
/// the `large` corpus, 2 threads: 4x peak 171-175 -> 158-165 MiB, 1x unchanged, no
/// measurable CPU cost.
fn keep_allocator(capacity: usize, len: usize) -> bool {
    capacity <= ALLOCATOR_SMALL_BYTES
        || (capacity <= ALLOCATOR_KEEP_BYTES
            && capacity <= len.saturating_mul(ALLOCATOR_BYTES_PER_TEXT_BYTE))
}

thread_local! {
    static ALLOCATOR: RefCell<Allocator> = RefCell::new(Allocator::default());
}

/// The extensions restlint lints.
pub const EXTENSIONS: &[&str] = &["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"];

/// Whether a path is a file restlint lints (by extension; `.d.ts` and kin excluded).
pub fn is_lintable(path: &Path) -> bool {
    // A name that is not UTF-8 is still a file to lint: its extension decides.
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    EXTENSIONS.contains(&ext) && !is_declaration_file(&name)
}

/// Whether a file name is a TypeScript declaration file (`.d.ts`, `.d.mts`, `.d.cts`, and
/// `.d.<ext>.ts` for arbitrary extensions), skipped however it is named (walked, named on
/// the command line, or `--stdin-filename`).
pub fn is_declaration_file(name: &str) -> bool {
    [".d.ts", ".d.mts", ".d.cts"]
        .iter()
        .any(|s| name.ends_with(s))
        || (name.contains(".d.") && name.ends_with(".ts"))
}

/// The source type for a path, as `SourceType::from_path` gives it; unknown extensions are
/// read as JavaScript (a `--stdin-filename` without one).
pub fn source_type_for(path: &Path) -> SourceType {
    SourceType::from_path(path).unwrap_or_default()
}

/// Capacities for the semantic model, estimated from the text's length, so that the builder
/// skips the extra AST pass it otherwise makes to count. Measured on the npm corpus: one
/// node per 7.8 bytes on average and per 2.9 bytes at most (minified code); one scope per
/// 250 (at most 62), one symbol per 130 (at most 29), one reference per 42 (at most 13).
/// An estimate that is too small only makes the tables grow; reserved but unused capacity
/// is never touched, so it costs address space, not memory.
fn estimated_stats(len: usize) -> oxc_semantic::Stats {
    let per = |bytes: usize| u32::try_from(len / bytes + 16).unwrap_or(u32::MAX);
    oxc_semantic::Stats::new(per(3), per(60), per(28), per(12))
}

/// The rules whose diagnostics come from the parser's errors, not from `check`.
const SYNTAX_RULES: &[&str] = &["rest-not-last", "invalid-rest"];

fn is_syntax_rule(id: &str) -> bool {
    SYNTAX_RULES.contains(&id)
}

/// Whether the gate is on: `RESTLINT_GATE=off` turns it off (every rule whose needles match
/// runs, on the semantic model), for `scripts/gate-check.sh`, which compares the two.
fn gate_on() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("RESTLINT_GATE").is_none_or(|v| v != "off"))
}

/// How rules are reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dispatch {
    /// The dispatch table and the needle pre-filter (the normal way).
    Table,
    /// Every rule's `check` on every node, no pre-filter: a test compares it with `Table`.
    Everything,
}

/// Lints one file's text. Never panics: a panic inside becomes an `internal-error`.
/// The diagnostics come back sorted, with severities and positions set.
pub fn lint_text(path: &Path, text: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    lint_text_with(path, text, rules, Dispatch::Table)
}

/// [`lint_text`] with a choice of dispatch.
pub fn lint_text_with(
    path: &Path,
    text: &str,
    rules: &RuleSet,
    dispatch: Dispatch,
) -> Vec<Diagnostic> {
    let line_index = LazyLineIndex::new(text);
    let mut diags = match catch_unwind(AssertUnwindSafe(|| {
        lint_unchecked(path, text, rules, &line_index, dispatch)
    })) {
        Ok(d) => d,
        Err(payload) => {
            // The allocator may hold a half-built AST: start the next file on a fresh one.
            ALLOCATOR.with(|a| {
                if let Ok(mut a) = a.try_borrow_mut() {
                    *a = Allocator::default();
                }
            });
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            vec![internal_error(format!(
                "restlint failed on this file ({what}); the other files were linted"
            ))]
        }
    };
    if !diags.is_empty() {
        let line_index = &*line_index;
        for d in &mut diags {
            d.start = line_index.position(text, d.span.start);
            d.end = line_index.position(text, d.span.end);
        }
        sort_diagnostics(&mut diags);
    }
    diags
}

/// An `internal-error` diagnostic at the start of the file.
pub fn internal_error(message: String) -> Diagnostic {
    Diagnostic::new(INTERNAL_ERROR, Span::new(0, 0), message)
        .with_help("please report this with the file attached; restlint skipped it")
}

fn parse<'a>(allocator: &'a Allocator, text: &'a str, source_type: SourceType) -> ParserReturn<'a> {
    let options = ParseOptions {
        allow_return_outside_function: source_type.is_commonjs(),
        ..ParseOptions::default()
    };
    Parser::new(allocator, text, source_type)
        .with_options(options)
        .parse()
}

fn lint_unchecked(
    path: &Path,
    text: &str,
    rules: &RuleSet,
    line_index: &LazyLineIndex<'_>,
    dispatch: Dispatch,
) -> Vec<Diagnostic> {
    // Each level takes at least one byte, so only texts longer than the limit are scanned.
    let timer = timing::start();
    let scanned = text.len() > MAX_DEPTH;
    let deep = scanned && depth::nesting_estimate(text) > MAX_DEPTH;
    if scanned {
        timer.stop_file(Stage::Depth, text.len());
    }
    if deep {
        return vec![internal_error(format!(
            "the code nests deeper than {MAX_DEPTH} levels (brackets, operators or statements); restlint does not parse such a file"
        ))];
    }
    ALLOCATOR.with(|cell| match cell.try_borrow_mut() {
        Ok(mut allocator) => {
            if keep_allocator(allocator.capacity(), text.len()) {
                allocator.reset();
            } else {
                *allocator = Allocator::default();
            }
            lint_in(&allocator, path, text, rules, line_index, dispatch)
        }
        // Called while this thread's allocator holds another file's AST (fix verification
        // from inside a lint): use a second allocator rather than reset the first.
        Err(_) => lint_in(
            &Allocator::default(),
            path,
            text,
            rules,
            line_index,
            dispatch,
        ),
    })
}

fn lint_in(
    allocator: &Allocator,
    path: &Path,
    text: &str,
    rules: &RuleSet,
    line_index: &LazyLineIndex<'_>,
    dispatch: Dispatch,
) -> Vec<Diagnostic> {
    let mut source_type = source_type_for(path);
    let timer = timing::start();
    let mut ret = parse(allocator, text, source_type);
    timer.stop_file(Stage::Parse, text.len());
    // `.js` files often hold JSX; `SourceType::from_path` does not allow it there. Retry as JSX
    // only when the plain parse failed, so valid scripts keep their exact reading.
    if !ret.diagnostics.is_empty()
        && source_type.is_javascript()
        && !source_type.is_jsx()
        && text.contains('<')
    {
        let jsx = source_type.with_jsx(true);
        let retry = parse(allocator, text, jsx);
        if retry.diagnostics.is_empty() {
            ret = retry;
            source_type = jsx;
        }
    }
    let _ = source_type;

    let mut diags: Vec<Diagnostic> = Vec::new();
    syntax::convert_all(&ret.diagnostics, text, &mut diags);
    let panicked = ret.panicked;

    let scan = match dispatch {
        Dispatch::Table => rules.scan_text(text),
        Dispatch::Everything => TextScan::everything(rules, text),
    };
    let active = &scan.active;
    // Rules that need the semantic model (every rule but the syntax-error ones, which only
    // read the parser's errors).
    let any_rule = rules
        .rules
        .iter()
        .zip(active)
        .any(|(r, a)| *a && !is_syntax_rule(r.rule.meta().id));

    // Comments matter only for suppression directives: skip collecting them when the text
    // names none.
    let has_directives = memchr::memmem::find(text.as_bytes(), b"restlint-").is_some();
    let comments: Vec<(Span, Span)> = if has_directives {
        ret.program
            .comments
            .iter()
            .map(|c| (Span::from(c.span), Span::from(c.content_span())))
            .collect()
    } else {
        Vec::new()
    };

    // The gate (see `gate.rs`) decides, from the AST alone, whether any rule can fire here and
    // whether the file has a construct whose early errors only the semantic checks report.
    // Without it (`Dispatch::Everything`) the model is built wherever a rule is on or a `...`
    // is written, as the gate's soundness tests compare.
    let program = allocator.alloc(ret.program);
    // Per enabled rule: whether it runs on this file (its needles matched and the gate let it
    // through).
    let mut run: Vec<bool> = active.clone();
    let mut syntax_checks = scan.has_spread;
    if panicked || !(scan.has_spread || any_rule) {
        run.iter_mut().for_each(|r| *r = false);
        syntax_checks = false;
    } else if dispatch == Dispatch::Table && gate_on() {
        let specs: Vec<GateSpec> = rules
            .gates
            .iter()
            .zip(active)
            .filter(|(_, a)| **a)
            .map(|(g, _)| *g)
            .collect();
        let timer = timing::start();
        let verdict = gate::decide(program, text, &specs);
        timer.stop_file(Stage::Gate, text.len());
        for (g, on) in rules.gates.iter().zip(run.iter_mut()) {
            *on &= verdict.live & g.bit() != 0;
        }
        syntax_checks &= verdict.syntax;
    }
    let any_rule = rules
        .rules
        .iter()
        .zip(&run)
        .any(|(r, on)| *on && !is_syntax_rule(r.rule.meta().id));
    // The semantic pass also reports early errors the parser leaves to it (a rest parameter
    // in a function whose body says "use strict", duplicate arrow parameters, …); it builds
    // the node store only when rules will read it.
    if any_rule || syntax_checks {
        let timer = timing::start();
        let sem = SemanticBuilder::new()
            .with_stats(estimated_stats(text.len()))
            .with_build_nodes(any_rule)
            .with_check_syntax_error(syntax_checks)
            .build(program);
        timer.stop_file(Stage::Semantic, text.len());
        if ret.diagnostics.is_empty() {
            syntax::convert_all(&sem.diagnostics, text, &mut diags);
        }
        if any_rule {
            let timer = timing::start();
            let semantic = &sem.semantic;
            let mut rule_diags = Vec::new();
            {
                let mut cx = Ctx {
                    semantic,
                    source: text,
                    line_index,
                    rule: "",
                    diagnostics: &mut rule_diags,
                    kinds: crate::kinds::Kinds::new(semantic, text, line_index),
                };
                let live_types = rules.live_types(&run);
                let timed = timing::per_rule();
                for node in prefetch::nodes(semantic.nodes()) {
                    match dispatch {
                        Dispatch::Table => {
                            let ty = node.kind().ty() as u8;
                            if live_types.get(ty as usize) != Some(&true) {
                                continue;
                            }
                            for &i in rules.for_type(ty) {
                                let i = i as usize;
                                if run[i] {
                                    let r = &rules.rules[i];
                                    cx.rule = r.rule.meta().id;
                                    let timer = timing::start_if(timed);
                                    r.rule.check(node, &mut cx);
                                    timer.stop_rule(cx.rule);
                                }
                            }
                        }
                        Dispatch::Everything => {
                            for r in &rules.rules {
                                cx.rule = r.rule.meta().id;
                                r.rule.check(node, &mut cx);
                            }
                        }
                    }
                }
                for (i, r) in rules.rules.iter().enumerate() {
                    if run[i] {
                        cx.rule = r.rule.meta().id;
                        let timer = timing::start_if(timed);
                        r.rule.check_file(&mut cx);
                        timer.stop_rule(cx.rule);
                    }
                }
            }
            timer.stop_file(Stage::Rules, text.len());
            for mut d in rule_diags {
                if let Some(sev) = rules.severity(d.rule) {
                    d.severity = sev;
                    diags.push(d);
                }
            }
        }
    }

    // Syntax rules: their severity comes from the configuration; a syntax error turned
    // off as a rule still is one, so it stays as a `parse-error`.
    for d in &mut diags {
        if d.rule == PARSE_ERROR || d.rule == INTERNAL_ERROR {
            d.severity = Severity::Error;
        } else if is_syntax_rule(d.rule) {
            match rules.severity(d.rule) {
                Some(s) => d.severity = s,
                None => {
                    d.rule = PARSE_ERROR;
                    d.severity = Severity::Error;
                }
            }
        }
    }

    if has_directives {
        directives::apply(
            text,
            comments.into_iter(),
            line_index,
            &mut diags,
            !panicked,
            &|r| crate::rules::find(r).is_some(),
        );
    }
    for d in &mut diags {
        if d.rule == crate::diagnostic::UNUSED_DISABLE_DIRECTIVE {
            d.severity = Severity::Warning;
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_arena_is_kept_only_for_a_big_file() {
        const MB: usize = 1 << 20;
        // Small arenas are always kept; past 64 MiB never.
        assert!(keep_allocator(16 * MB, 0));
        assert!(!keep_allocator(65 * MB, 100 * MB));
        // In between, only for a file that may need it.
        assert!(keep_allocator(40 * MB, 3 * MB));
        assert!(!keep_allocator(40 * MB, 2 * MB));
        assert!(!keep_allocator(17 * MB, 1000));
    }

    #[test]
    fn lintable_extensions() {
        for ok in [
            "a.js",
            "a.mjs",
            "a.cjs",
            "a.jsx",
            "a.ts",
            "a.mts",
            "a.cts",
            "a.tsx",
            "x/y.test.ts",
        ] {
            assert!(is_lintable(Path::new(ok)), "{ok}");
        }
        for no in [
            "a.d.ts",
            "a.d.mts",
            "a.d.cts",
            "a.json",
            "a",
            "a.vue",
            "types.d.foo.ts",
        ] {
            assert!(!is_lintable(Path::new(no)), "{no}");
        }
    }
}
