//! A seeded mutation fuzzer over the whole per-file pipeline (stable Rust, no extra crates).
//!
//! It takes real sources — the test262 rest/spread subset (`../shared/conformance/test262`),
//! the code blocks of `rules/*.md`, and `tests/fixtures/**` — and mutates each case with one to
//! four of: deleting a token, duplicating a token, inserting one of `...`, `[`, `{`, `(`, `,`,
//! `=`, `async`, `await`, `yield` (or a closing bracket), truncating, and splicing in a slice of
//! another source. The result is linted with every rule on at `error` (`lint_text`), fixed
//! (`fix_text`), rendered as JSON and pretty, and checked:
//!
//! - no panic: `lint_text` turns a panic into an `internal-error` diagnostic, so any
//!   `internal-error` is a failure here (and so is a panic in a reporter);
//! - diagnostics sorted by (start, rule), every span and label inside the text, on char
//!   boundaries, start ≤ end, positions 1-based and ordered;
//! - every fix edit inside the text, on char boundaries, the edits of a fix sorted and
//!   disjoint; in a file without syntax errors, each fix applied alone leaves none;
//! - the fix engine (`restlint::fix::fix_text`, suggestions included) does not panic, and
//!   its text is the original or one without a new syntax error (else the fix is withheld);
//! - no case takes longer than [`SLOW`].
//!
//! Runs: `cargo test --test fuzz` runs `RESTLINT_FUZZ_CASES` cases (default 80,000: about a
//! minute in a debug build with the correctness rules; more as rules are added) from seed
//! `RESTLINT_FUZZ_SEED` (default 1). A longer
//! run: `RESTLINT_FUZZ_CASES=200000 RESTLINT_FUZZ_SEED=$RANDOM cargo test --release --test fuzz
//! -- --nocapture`. A failure prints its case seed and writes the input to
//! `target/fuzz-failures/`; replay one case with `RESTLINT_FUZZ_CASE=<seed>`. Inputs that once
//! failed live in `tests/fixtures/fuzz/` and are checked first, every run.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use restlint::diagnostic::{Diagnostic, FileReport, INTERNAL_ERROR, sort_diagnostics};
use restlint::lint::{ActiveRule, RuleSet, lint_text};
use restlint::report::{self, Summary};

/// A case slower than this is a failure (a hang or a quadratic path).
const SLOW: Duration = Duration::from_secs(10);
const EXTENSIONS: &[&str] = &["js", "mjs", "cjs", "jsx", "ts", "tsx", "mts"];
const INSERTS: &[&str] = &[
    "...", "[", "{", "(", ",", "=", "async ", "await ", "yield ", "]", "}", ")", "=>", "`${", "\n",
];

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn all_rules() -> RuleSet {
    RuleSet::new(
        restlint::rules::RULES
            .iter()
            .map(|m| ActiveRule {
                rule: (m.create)(None).expect("every rule builds with default options"),
                severity: restlint::diagnostic::Severity::Error,
            })
            .collect(),
    )
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `shared/conformance/test262`, looked for next to the repository and above it.
fn test262_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RESTLINT_SHARED") {
        return Some(PathBuf::from(p).join("conformance/test262"));
    }
    manifest_dir()
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared/conformance/test262"))
        .find(|p| p.is_dir())
}

fn walk_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk_files(&p, out);
        } else if restlint::lint::is_lintable(&p) {
            out.push(p);
        }
    }
}

/// The code blocks of the rule pages.
fn rule_page_blocks() -> Vec<String> {
    let mut pages = Vec::new();
    if let Ok(entries) = std::fs::read_dir(manifest_dir().join("rules")) {
        pages.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md")),
        );
    }
    pages.sort();
    let mut blocks = Vec::new();
    for page in pages {
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let mut block: Option<String> = None;
        for line in text.lines() {
            match (&mut block, line.trim_start().strip_prefix("```")) {
                (None, Some(info))
                    if ["js", "jsx", "ts", "tsx", "mjs", "cjs"]
                        .iter()
                        .any(|l| info.starts_with(l)) =>
                {
                    block = Some(String::new())
                }
                (Some(b), Some(_)) => {
                    blocks.push(std::mem::take(b));
                    block = None;
                }
                (Some(b), None) => {
                    b.push_str(line);
                    b.push('\n');
                }
                (None, _) => {}
            }
        }
    }
    blocks
}

/// Every seed source, in a fixed order.
fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    match test262_dir() {
        Some(dir) => walk_files(&dir, &mut files),
        None => eprintln!(
            "fuzz: shared/conformance/test262 not found; fuzzing the rule pages and fixtures only"
        ),
    }
    walk_files(&manifest_dir().join("tests/fixtures"), &mut files);
    let mut sources: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.extend(rule_page_blocks());
    // A few of our own, so the fuzzer has material even without the shared folder.
    sources.extend(
        [
            "function f(a, ...rest) { return [...rest, ...a]; }\nconst { x, ...others } = obj;\n",
            "const m = new Map(); const o = { ...m, a: 1 };\nfor (const x of [...new Set(xs)]) f(...x);\n",
            "async function* g() { yield* [...await p]; }\nclass C { #a = 1; get b() { return this.#a; } }\n",
            "const [a, ...[b, ...c]] = xs; ({ ...a.b } = y); f(...(c ? d : {}));\n",
            "// restlint-disable-next-line rest-not-last -- why\nfunction h(...a, b) {}\n/* restlint-disable */\n",
            "let é = `${[...'😀']}`;\r\nlet s = { ...'abc' };\rlet t = Math.max(...xs);\u{2028}x\n",
            "const el = <C {...props} a={[...xs]} />;\nfunction k<T>(...args: [...T[], number]) {}\n",
        ]
        .map(String::from),
    );
    sources.retain(|s| !s.is_empty());
    sources
}

fn char_boundary_at_or_before(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The token around byte `i`: an identifier, a run of whitespace, `...`, or one character.
fn token_at(s: &str, i: usize) -> (usize, usize) {
    let i = char_boundary_at_or_before(s, i);
    let Some(c) = s[i..].chars().next() else {
        return (i, i);
    };
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let (mut start, mut end) = (i, i + c.len_utf8());
    if word(c) || c.is_whitespace() {
        let same = |d: char| if word(c) { word(d) } else { d.is_whitespace() };
        while let Some(d) = s[..start].chars().next_back().filter(|d| same(*d)) {
            start -= d.len_utf8();
        }
        while let Some(d) = s[end..].chars().next().filter(|d| same(*d)) {
            end += d.len_utf8();
        }
    } else if s[i..].starts_with("...") {
        end = i + 3;
    }
    (start, end)
}

/// Mutates `text` with one to four random edits; `corpus` provides splice material.
fn mutate(rng: &mut Rng, text: &str, corpus: &[String]) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = char_boundary_at_or_before(&s, rng.below(s.len() + 1));
        match rng.below(10) {
            0 | 1 => {
                let (a, b) = token_at(&s, at);
                s.replace_range(a..b, "");
            }
            2 | 3 => {
                let (a, b) = token_at(&s, at);
                let tok = s[a..b].to_string();
                s.insert_str(b, &tok);
            }
            4..=6 => {
                let ins = INSERTS[rng.below(INSERTS.len())];
                s.insert_str(at, ins);
            }
            7 => s.truncate(at),
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let a = char_boundary_at_or_before(other, rng.below(other.len() + 1));
                let b = char_boundary_at_or_before(other, a + rng.below(200));
                let (a, b) = (a.min(b), a.max(b));
                if rng.below(2) == 0 {
                    s.insert_str(at, &other[a..b]);
                } else {
                    // Replace the rest of the text from `at` with the slice.
                    s.truncate(at);
                    s.push_str(&other[a..b]);
                }
            }
        }
    }
    s
}

/// Everything that must hold for one file's result; returns the broken properties.
fn check(text: &str, diags: &[Diagnostic]) -> Vec<String> {
    let mut bad = Vec::new();
    let len = text.len() as u32;
    let on_boundary = |o: u32| text.is_char_boundary(o as usize);
    let mut sorted = diags.to_vec();
    sort_diagnostics(&mut sorted);
    if sorted != diags {
        bad.push("diagnostics are not sorted".to_string());
    }
    for d in diags {
        let what = format!("{} at {}..{}", d.rule, d.span.start, d.span.end);
        if d.rule == INTERNAL_ERROR {
            bad.push(format!("internal-error: {}", d.message));
        }
        let spans =
            std::iter::once((d.span, "span")).chain(d.labels.iter().map(|l| (l.span, "label")));
        for (sp, kind) in spans {
            if sp.start > sp.end || sp.end > len {
                bad.push(format!(
                    "{what}: {kind} {}..{} outside the text ({len} bytes)",
                    sp.start, sp.end
                ));
            } else if !on_boundary(sp.start) || !on_boundary(sp.end) {
                bad.push(format!(
                    "{what}: {kind} {}..{} not on char boundaries",
                    sp.start, sp.end
                ));
            }
        }
        if d.start.line == 0
            || d.start.column == 0
            || (d.start.line, d.start.column) > (d.end.line, d.end.column)
        {
            bad.push(format!("{what}: positions {:?} .. {:?}", d.start, d.end));
        }
        if let Some(fix) = &d.fix {
            let mut prev_end = 0u32;
            for (i, e) in fix.edits.iter().enumerate() {
                if e.span.start > e.span.end || e.span.end > len {
                    bad.push(format!(
                        "{what}: fix edit {}..{} outside the text",
                        e.span.start, e.span.end
                    ));
                } else if !on_boundary(e.span.start) || !on_boundary(e.span.end) {
                    bad.push(format!(
                        "{what}: fix edit {}..{} not on char boundaries",
                        e.span.start, e.span.end
                    ));
                }
                if i > 0 && e.span.start < prev_end {
                    bad.push(format!("{what}: fix edits overlap or are unsorted"));
                }
                prev_end = e.span.end;
            }
        }
    }
    bad
}

/// Whether oxc's semantic checks find an early error in the text (`yield` as a name in
/// strict code, …). restlint reports those only in files where its semantic model runs (a
/// rest or spread error may be among them), so a fix that adds a spread can bring one to
/// light that was there before: not one the fix made.
fn has_early_error(path: &Path, text: &str) -> bool {
    let allocator = oxc_allocator::Allocator::default();
    let source_type = oxc_span::SourceType::from_path(path).unwrap_or_default();
    let mut ret = oxc_parser::Parser::new(&allocator, text, source_type).parse();
    // As restlint reads a `.js` file that only parses as JSX.
    if !ret.diagnostics.is_empty() && source_type.is_javascript() && !source_type.is_jsx() {
        ret = oxc_parser::Parser::new(&allocator, text, source_type.with_jsx(true)).parse();
    }
    if !ret.diagnostics.is_empty() || ret.panicked {
        // A parse error: restlint reports it, and `check_fixes` stops on that.
        return false;
    }
    let program = allocator.alloc(ret.program);
    !oxc_semantic::SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(program)
        .diagnostics
        .is_empty()
}

/// Each fix of a file without syntax errors, applied alone, must leave a file without syntax
/// errors: the fix engine would withhold it, but the rule that offered it has a bug.
fn check_fixes(rules: &RuleSet, path: &Path, text: &str, diags: &[Diagnostic]) -> Vec<String> {
    const SYNTAX: &[&str] = &["parse-error", "rest-not-last", "invalid-rest"];
    if diags.iter().any(|d| SYNTAX.contains(&d.rule)) || has_early_error(path, text) {
        return Vec::new();
    }
    let mut bad = Vec::new();
    for d in diags {
        let Some(fix) = &d.fix else { continue };
        let mut fixed = text.to_string();
        for e in fix.edits.iter().rev() {
            fixed.replace_range(e.span.start as usize..e.span.end as usize, &e.text);
        }
        let after = lint_text(path, &fixed, rules);
        if let Some(e) = after.iter().find(|a| SYNTAX.contains(&a.rule)) {
            bad.push(format!(
                "the fix of {} at {}..{} ({:?}) breaks the syntax: {} `{}`",
                d.rule, d.span.start, d.span.end, fix.message, e.rule, e.message
            ));
        }
    }
    bad
}

/// The fix engine (`--fix-suggestions`, the most it does): no panic, and what it returns is
/// either the original text or a text with no syntax error the original did not have,
/// whose diagnostics pass the same checks.
fn check_fix_engine(rules: &RuleSet, path: &Path, text: &str, diags: &[Diagnostic]) -> Vec<String> {
    use restlint::fix::{FixMode, fix_text, has_fixes};
    if !has_fixes(diags, FixMode::SUGGESTIONS) {
        return Vec::new();
    }
    let outcome = fix_text(path, text, diags.to_vec(), rules, FixMode::SUGGESTIONS);
    let mut bad: Vec<String> = check(&outcome.text, &outcome.diagnostics)
        .into_iter()
        .map(|b| format!("after --fix: {b}"))
        .collect();
    if outcome.changed(text) {
        let syntax =
            |d: &&Diagnostic| matches!(d.rule, "parse-error" | "rest-not-last" | "invalid-rest");
        let before = diags.iter().filter(syntax).count();
        let after = lint_text(path, &outcome.text, rules);
        let new_syntax: Vec<_> = after.iter().filter(syntax).collect();
        if new_syntax.len() > before {
            bad.push(format!(
                "--fix wrote a text with a new syntax error: {} `{}`",
                new_syntax[0].rule, new_syntax[0].message
            ));
        }
    }
    bad
}

/// Lints one input, renders it, checks it. `Err` describes what broke; `Ok` counts the
/// diagnostics of rules (not `parse-error`), to show the run reached the rules.
fn run_one(rules: &RuleSet, name: &str, text: &str) -> Result<usize, String> {
    let path = PathBuf::from(name);
    let started = Instant::now();
    let diags = lint_text(&path, text, rules);
    let from_rules = diags
        .iter()
        .filter(|d| restlint::rules::find(d.rule).is_some())
        .count();
    let mut bad = check(text, &diags);
    if bad.is_empty() {
        bad.extend(check_fixes(rules, &path, text, &diags));
    }
    if bad.is_empty() {
        bad.extend(check_fix_engine(rules, &path, text, &diags));
    }
    // The reporters see every diagnostic too: a panic there (miette on odd spans) would end
    // a real run.
    let reports = vec![FileReport {
        path: name.to_string(),
        diagnostics: diags,
        source: Some(text.to_string()),
        rendered: None,
    }];
    let summary = Summary::of(1, &reports);
    let rendered = std::panic::catch_unwind(|| {
        let json = report::json::render(1, &reports, summary);
        let pretty = report::pretty::render(
            &reports,
            summary,
            0,
            report::pretty::PrettyOptions {
                color: false,
                width: 100,
            },
        );
        (json, pretty)
    });
    match rendered {
        Err(_) => bad.push("a reporter panicked".to_string()),
        Ok((json, _)) if serde_json::from_str::<serde_json::Value>(&json).is_err() => {
            bad.push("the JSON output does not parse".to_string())
        }
        Ok(_) => {}
    }
    if started.elapsed() > SLOW {
        bad.push(format!("took {:?}", started.elapsed()));
    }
    if bad.is_empty() {
        Ok(from_rules)
    } else {
        Err(bad.join("; "))
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// The input of case `seed`: its file name and text.
fn case(seed: u64, corpus: &[String]) -> (String, String) {
    let mut rng = Rng(seed);
    let source = &corpus[rng.below(corpus.len())];
    let ext = EXTENSIONS[rng.below(EXTENSIONS.len())];
    (
        format!("case-{seed}.{ext}"),
        mutate(&mut rng, source, corpus),
    )
}

fn save_failure(name: &str, text: &str) -> PathBuf {
    let dir = manifest_dir().join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(name);
    let _ = std::fs::write(&p, text);
    p
}

/// Runs `f` on a thread with a worker-sized stack, as the binary's rayon pool does.
fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .expect("spawn a fuzz thread")
        .join()
        .expect("the fuzz thread does not panic")
}

#[test]
fn fuzz_regressions() {
    let failures = with_big_stack(|| {
        let rules = all_rules();
        let mut files = Vec::new();
        walk_files(&manifest_dir().join("tests/fixtures/fuzz"), &mut files);
        let mut failures = String::new();
        for p in files {
            let text = std::fs::read_to_string(&p).expect("fuzz fixtures are UTF-8");
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("x.js")
                .to_string();
            if let Err(e) = run_one(&rules, &name, &text) {
                let _ = writeln!(failures, "{}: {e}", p.display());
            }
        }
        failures
    });
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn fuzz_mutations() {
    let summary = with_big_stack(|| {
        let corpus = corpus();
        let rules = all_rules();
        let (first, count) = match env_u64("RESTLINT_FUZZ_CASE") {
            Some(one) => (one, 1),
            None => {
                let base = env_u64("RESTLINT_FUZZ_SEED").unwrap_or(1);
                (
                    base.wrapping_mul(1_000_000_007),
                    env_u64("RESTLINT_FUZZ_CASES").unwrap_or(80_000),
                )
            }
        };
        let started = Instant::now();
        let mut failures = String::new();
        let mut n_failed = 0;
        let mut from_rules = 0;
        for seed in first..first + count {
            let (name, text) = case(seed, &corpus);
            match run_one(&rules, &name, &text) {
                Ok(n) => from_rules += n,
                Err(e) => {
                    n_failed += 1;
                    let saved = save_failure(&name, &text);
                    if n_failed <= 20 {
                        let _ = writeln!(failures, "case {seed} ({}): {e}", saved.display());
                    }
                }
            }
        }
        eprintln!(
            "fuzz: {count} cases from seed {first} over {} sources in {:.1?}, {from_rules} rule diagnostics, {n_failed} failed",
            corpus.len(),
            started.elapsed()
        );
        (n_failed, failures)
    });
    assert!(
        summary.0 == 0,
        "{} failing cases (replay one with RESTLINT_FUZZ_CASE=<case>):\n{}",
        summary.0,
        summary.1
    );
}

#[test]
fn mutations_are_deterministic_and_keep_utf8() {
    let corpus = vec![
        "let é = [...'😀'];\nf(a, ...b);".to_string(),
        "x".to_string(),
    ];
    for seed in 0..500 {
        let a = case(seed, &corpus);
        assert_eq!(a, case(seed, &corpus));
    }
}
