//! The fix engine: apply the edits of fixable diagnostics, verify the result, write it safely.
//!
//! Invariants:
//! - A pass applies the fixes whose edit ranges do not touch one another (touching or
//!   overlapping fixes wait for the next pass); passes repeat until no fix applies, at most
//!   [`MAX_PASSES`].
//! - Every pass re-lints the new text. A pass whose text has a syntax error or a diagnostic
//!   (compared by rule and message, not offsets) the original did not have is not kept: its
//!   fixes are split in halves, each tried on its own, down to the single fixes that break
//!   the file on their own; those are set aside and the rest of the pass is applied (at most
//!   [`MAX_TRIALS`] extra lints per file; after [`MAX_REFUSED_PASSES`] passes that applied
//!   nothing, no more are tried). So a refused fix does not hold the others back,
//!   and the file reaches the point where nothing changes within the passes. The text that
//!   comes out is either the original or verified.
//! - A refused fix is not reported as a diagnostic of its own: the diagnostic it belonged to
//!   loses its fix (nothing offers or counts what `--fix` refused) and its help says why.
//! - A file that had a `parse-error` (or an `internal-error`) is not fixed at all: its AST was
//!   a recovery guess. A file whose only syntax errors are the rest rules' is fixed (their
//!   suggestions repair it), and then only new *syntax* errors count: the rules never ran on
//!   the original.
//! - Edits of a CRLF file get `\r\n` for `\n`; the BOM is never touched (no rule edits it).
//! - Writes are atomic: a temporary file in the same folder, permissions copied, `fsync`, the
//!   target re-read and compared with what was linted (a file changed on disk meanwhile is
//!   skipped), then `rename`. A read-only file or folder is refused, never replaced.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::diagnostic::{Diagnostic, Fix, FixSafety, INTERNAL_ERROR, PARSE_ERROR, Severity};
use crate::lint::{RuleSet, lint_text};

/// The most fix passes over one file.
pub const MAX_PASSES: usize = 10;
/// The most extra lints per file spent finding which fixes of a failed pass broke it.
const MAX_TRIALS: usize = 64;
/// The most passes per file that apply nothing (every fix tried was set aside) before the
/// engine stops trying: each costs at least a lint of the whole file, and nested fixes
/// (`{ ...({ ...(x || {}) } || {}) }`, 2,000 levels) are tried one per pass, so without a
/// bound the fixing is quadratic in the file. The fixes not tried stay offered in the report.
const MAX_REFUSED_PASSES: usize = 64;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixMode {
    /// `--fix-suggestions`: suggestions too, not only safe fixes.
    suggestions: bool,
    /// `--quiet`: only the fixes of error-severity diagnostics, as ESLint applies under
    /// `--quiet` (a warning the report does not show is not fixed either).
    errors_only: bool,
}

impl FixMode {
    /// `--fix`: safe fixes only.
    pub const SAFE: FixMode = FixMode {
        suggestions: false,
        errors_only: false,
    };
    /// `--fix-suggestions`: suggestions too.
    pub const SUGGESTIONS: FixMode = FixMode {
        suggestions: true,
        errors_only: false,
    };

    /// This mode, limited to the fixes of error-severity diagnostics (`--quiet`).
    pub fn errors_only(self) -> FixMode {
        FixMode {
            errors_only: true,
            ..self
        }
    }

    /// Whether this mode applies the fix of `diag`, which carries `fix`.
    pub fn applies(self, diag: &Diagnostic, fix: &Fix) -> bool {
        (fix.safety == FixSafety::Safe || self.suggestions)
            && (!self.errors_only || diag.severity == Severity::Error)
    }
}

/// The result of fixing one text.
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed (verified) text; equal to the input when nothing was applied.
    pub text: String,
    /// The diagnostics of `text`, plus a note for each fix that was withheld.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied.
    pub applied: usize,
}

impl FixOutcome {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// Syntax ids: a fixed text with a new one of these does not parse.
fn is_syntax(rule: &str) -> bool {
    matches!(
        rule,
        PARSE_ERROR | INTERNAL_ERROR | "rest-not-last" | "invalid-rest"
    )
}

/// Whether any diagnostic carries a fix this mode applies.
pub fn has_fixes(diags: &[Diagnostic], mode: FixMode) -> bool {
    diags
        .iter()
        .any(|d| d.fix.as_ref().is_some_and(|f| mode.applies(d, f)))
}

/// Fixes `text` (as linted into `diags`) with `rules`; re-lints after each pass.
/// Never panics: a failure inside leaves the text as it was, with an `internal-error`.
pub fn fix_text(
    path: &Path,
    text: &str,
    diags: Vec<Diagnostic>,
    rules: &RuleSet,
    mode: FixMode,
) -> FixOutcome {
    let kept = diags.clone();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        fix_unchecked(path, text, diags, rules, mode)
    })) {
        Ok(outcome) => outcome,
        Err(_) => {
            let mut diagnostics = kept;
            let mut d = crate::lint::internal_error(
                "restlint failed while fixing this file; it was left unchanged".to_string(),
            );
            d.start = crate::diagnostic::Position { line: 1, column: 1 };
            d.end = d.start;
            diagnostics.push(d);
            crate::diagnostic::sort_diagnostics(&mut diagnostics);
            FixOutcome {
                text: text.to_string(),
                diagnostics,
                applied: 0,
            }
        }
    }
}

fn fix_unchecked(
    path: &Path,
    text: &str,
    diags: Vec<Diagnostic>,
    rules: &RuleSet,
    mode: FixMode,
) -> FixOutcome {
    if diags
        .iter()
        .any(|d| d.rule == PARSE_ERROR || d.rule == INTERNAL_ERROR)
        || !has_fixes(&diags, mode)
    {
        return FixOutcome {
            text: text.to_string(),
            diagnostics: diags,
            applied: 0,
        };
    }
    let mut trial = Trial {
        path,
        rules,
        baseline: Baseline::new(&diags),
        crlf: is_crlf(text),
        budget: MAX_TRIALS,
        rejected: HashMap::new(),
    };
    let mut current = text.to_string();
    let mut current_diags = diags;
    let mut applied = 0usize;
    let mut passes = 0usize;
    let mut refused_passes = 0usize;
    while passes < MAX_PASSES {
        let chosen = choose(&current, &current_diags, mode, &trial.rejected);
        if chosen.is_empty() {
            break;
        }
        let rejected_before = trial.rejected.len();
        match trial.pass(&current, &current_diags, &chosen) {
            Some(kept) => {
                // Only a pass that changed the text counts: one that only set fixes aside is
                // followed by one without them.
                passes += 1;
                applied += kept.fixes;
                current = kept.text;
                current_diags = kept.diagnostics;
            }
            // Nothing applied, and no fix newly set aside (the trial budget ran out): the next
            // pass would choose the same fixes.
            None if trial.rejected.len() == rejected_before => break,
            None => {
                refused_passes += 1;
                if refused_passes >= MAX_REFUSED_PASSES {
                    break;
                }
            }
        }
    }
    let mut diagnostics = current_diags;
    for d in &mut diagnostics {
        let Some(reason) = d
            .fix
            .as_ref()
            .and_then(|_| trial.rejected.get(&FixKey::of(d, &current)))
        else {
            continue;
        };
        // The note belongs to the diagnostic whose fix was refused: its help says why, and
        // the fix goes, so that nothing offers (or counts as fixable) what `--fix` refused.
        let note = format!(
            "the fix was not applied, as {reason}: make the change by hand and check the result"
        );
        d.help = Some(match d.help.take() {
            Some(help) => format!("{help}; {note}"),
            None => note,
        });
        d.fix = None;
    }
    crate::diagnostic::sort_diagnostics(&mut diagnostics);
    FixOutcome {
        text: current,
        diagnostics,
        applied,
    }
}

/// A verified text: the fixes applied to get it, the text and its diagnostics.
struct Verified {
    fixes: usize,
    text: String,
    diagnostics: Vec<Diagnostic>,
}

/// Some of a pass's fixes (indices into its diagnostics) and their verified result.
type Part = (Vec<usize>, Verified);

/// What a pass needs to apply fixes and check the result, and what it learnt: the fixes set
/// aside, with the reason.
struct Trial<'r> {
    path: &'r Path,
    rules: &'r RuleSet,
    baseline: Baseline,
    crlf: bool,
    /// Lints left for sorting out passes whose fixes fail together.
    budget: usize,
    rejected: HashMap<FixKey, String>,
}

impl Trial<'_> {
    /// Applies the fixes of `chosen` (indices into `diags`) to `text`. When the result fails
    /// the check, the fixes are split in halves and each is tried on its own, down to single
    /// fixes: a fix that fails alone is set aside, the others are applied together. So a bad
    /// fix costs about two lints per halving, and the good ones still go in this pass.
    /// `None` when nothing could be applied.
    fn pass(&mut self, text: &str, diags: &[Diagnostic], chosen: &[usize]) -> Option<Verified> {
        let found = match self.verify(text, diags, chosen) {
            Ok(v) => return Some(v),
            Err(reason) => self.failed(text, diags, chosen, reason),
        };
        found.map(|(_, v)| v)
    }

    /// The largest part of `set` found to pass, with its indices; uses the budget.
    fn best(&mut self, text: &str, diags: &[Diagnostic], set: &[usize]) -> Option<Part> {
        if self.budget == 0 {
            return None;
        }
        self.budget -= 1;
        match self.verify(text, diags, set) {
            Ok(v) => Some((set.to_vec(), v)),
            Err(reason) => self.failed(text, diags, set, reason),
        }
    }

    /// `set` failed together, for `reason`: a single fix is set aside; otherwise the best of
    /// each half, together when they pass together, else the first half's (the second waits
    /// for the next pass, where it is tried on the text the first made).
    fn failed(
        &mut self,
        text: &str,
        diags: &[Diagnostic],
        set: &[usize],
        reason: String,
    ) -> Option<Part> {
        if let [one] = set {
            self.rejected.insert(FixKey::of(&diags[*one], text), reason);
            return None;
        }
        let (left, right) = set.split_at(set.len() / 2);
        let a = self.best(text, diags, left);
        let b = self.best(text, diags, right);
        let (a, b) = match (a, b) {
            (Some(a), Some(b)) => (a, b),
            (a, b) => return a.or(b),
        };
        // Both halves pass whole: then it is the two together that fail.
        let whole = a.0.len() == left.len() && b.0.len() == right.len();
        if whole || self.budget == 0 {
            return Some(a);
        }
        self.budget -= 1;
        let mut both = a.0.clone();
        both.extend_from_slice(&b.0);
        match self.verify(text, diags, &both) {
            Ok(v) => Some((both, v)),
            Err(_) => Some(a),
        }
    }

    /// Applies the fixes of `set` to `text` and lints the result: `Err(reason)` when it does
    /// not parse or has a diagnostic the original did not have.
    fn verify(&self, text: &str, diags: &[Diagnostic], set: &[usize]) -> Result<Verified, String> {
        let fixes: Vec<&Fix> = set
            .iter()
            .map(|&i| diags[i].fix.as_ref().expect("chosen has a fix"))
            .collect();
        // `choose` picks well-formed, disjoint fixes, so this does not fail.
        let next = apply(text, &fixes, self.crlf)
            .ok_or_else(|| "its edits overlap another fix's".to_string())?;
        let next_diags = lint_text(self.path, &next, self.rules);
        self.baseline.check(&next_diags)?;
        Ok(Verified {
            fixes: fixes.len(),
            text: next,
            diagnostics: next_diags,
        })
    }
}

/// What the original text's diagnostics were, for "no new diagnostic".
struct Baseline {
    counts: HashMap<(&'static str, String), usize>,
    /// The original did not parse (a rest syntax error): only syntax errors are compared.
    syntax_only: bool,
}

impl Baseline {
    fn new(diags: &[Diagnostic]) -> Self {
        let mut counts = HashMap::new();
        for d in diags {
            *counts.entry((d.rule, d.message.clone())).or_insert(0) += 1;
        }
        Self {
            counts,
            syntax_only: diags.iter().any(|d| is_syntax(d.rule)),
        }
    }

    /// `Err(reason)` when `diags` has a diagnostic the original did not have.
    fn check(&self, diags: &[Diagnostic]) -> Result<(), String> {
        let mut seen: HashMap<(&'static str, &str), usize> = HashMap::new();
        for d in diags {
            if self.syntax_only && !is_syntax(d.rule) {
                continue;
            }
            let n = seen.entry((d.rule, d.message.as_str())).or_insert(0);
            *n += 1;
            let had = self
                .counts
                .get(&(d.rule, d.message.clone()))
                .copied()
                .unwrap_or(0);
            if *n > had {
                return Err(if is_syntax(d.rule) {
                    format!("the fixed text would not parse ({}: {})", d.rule, d.message)
                } else {
                    format!(
                        "the fixed text would gain a diagnostic ({}: {})",
                        d.rule, d.message
                    )
                });
            }
        }
        Ok(())
    }
}

/// Identifies a fix across passes (offsets move; rule, message and what the fix makes of its
/// range do not). A fix may rewrite only the text around what it keeps (`Object.assign({},
/// a)` → `{ ...a }` replaces `Object.assign({}, ` and `)`), so its replacement texts alone do
/// not tell two such fixes apart: the texts kept between its edits count too, hashed by their
/// length and ends (keeping or hashing all of them would make nested fixes quadratic).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct FixKey {
    rule: &'static str,
    message: String,
    fixed: u64,
}

impl FixKey {
    /// `text` is the text `d` was reported on.
    fn of(d: &Diagnostic, text: &str) -> Self {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut h = DefaultHasher::new();
        if let Some(f) = &d.fix {
            let mut at: Option<usize> = None;
            for e in &f.edits {
                let (s, t) = (e.span.start as usize, e.span.end as usize);
                if let Some(at) = at {
                    // The text kept between two edits, by its length and ends: hashing all
                    // of it per fix and pass made nested fixes quadratic again.
                    let kept = text.get(at..s).unwrap_or_default().as_bytes();
                    kept.len().hash(&mut h);
                    kept[..kept.len().min(64)].hash(&mut h);
                    kept[kept.len().saturating_sub(64)..].hash(&mut h);
                }
                e.text.hash(&mut h);
                at = Some(t);
            }
        }
        Self {
            rule: d.rule,
            message: d.message.clone(),
            fixed: h.finish(),
        }
    }
}

/// The range a fix touches: from its first edit's start to its last edit's end.
fn range(fix: &Fix) -> Option<(u32, u32)> {
    let start = fix.edits.iter().map(|e| e.span.start).min()?;
    let end = fix.edits.iter().map(|e| e.span.end).max()?;
    Some((start, end))
}

/// Whether a fix's own edits are well formed for `text`: in bounds, on char boundaries,
/// sorted and disjoint.
fn well_formed(text: &str, fix: &Fix) -> bool {
    let mut last_end = 0u32;
    let mut first = true;
    for e in &fix.edits {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        if s > t || t > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
            return false;
        }
        if !first && e.span.start < last_end {
            return false;
        }
        first = false;
        last_end = e.span.end;
    }
    !fix.edits.is_empty()
}

/// Indices of the diagnostics whose fixes run in this pass: in diagnostic order, each
/// skipped when its range touches one already chosen.
fn choose(
    text: &str,
    diags: &[Diagnostic],
    mode: FixMode,
    rejected: &HashMap<FixKey, String>,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    // The chosen ranges by start (disjoint, so only the nearest one starting at or before a
    // range's end can touch it): a list scanned per fix made 100,000 fixes quadratic.
    let mut ranges: std::collections::BTreeMap<u32, u32> = std::collections::BTreeMap::new();
    for (i, d) in diags.iter().enumerate() {
        let Some(fix) = d.fix.as_ref() else { continue };
        if !mode.applies(d, fix)
            || !well_formed(text, fix)
            || (!rejected.is_empty() && rejected.contains_key(&FixKey::of(d, text)))
        {
            continue;
        }
        // A fix that changes nothing would loop forever.
        if fix
            .edits
            .iter()
            .all(|e| text.get(e.span.start as usize..e.span.end as usize) == Some(e.text.as_str()))
        {
            continue;
        }
        let Some((s, e)) = range(fix) else { continue };
        if ranges
            .range(..=e)
            .next_back()
            .is_some_and(|(_, &ce)| s <= ce)
        {
            continue;
        }
        ranges.insert(s, e);
        chosen.push(i);
    }
    chosen
}

/// Applies the edits of `fixes` (disjoint by construction) to `text`.
fn apply(text: &str, fixes: &[&Fix], crlf: bool) -> Option<String> {
    let mut edits: Vec<_> = fixes.iter().flat_map(|f| f.edits.iter()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0usize;
    for e in edits {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        if s < pos {
            return None;
        }
        out.push_str(text.get(pos..s)?);
        if crlf {
            out.push_str(&to_crlf(&e.text));
        } else {
            out.push_str(&e.text);
        }
        pos = t;
    }
    out.push_str(text.get(pos..)?);
    Some(out)
}

/// Whether the text's line breaks are mostly `\r\n`.
pub fn is_crlf(text: &str) -> bool {
    let crlf = text.matches("\r\n").count();
    let lf = text.matches('\n').count() - crlf;
    crlf > 0 && crlf >= lf
}

/// `\n` not preceded by `\r` becomes `\r\n`.
fn to_crlf(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    ReadOnly,
    FolderReadOnly,
    Changed,
    Io(&'static str, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::ReadOnly => f.write_str("the file is read-only; the fixes were not written and the file is unchanged"),
            WriteError::FolderReadOnly => {
                f.write_str("the file's folder is read-only; the fixes were not written and the file is unchanged")
            }
            WriteError::Changed => f.write_str(
                "the file changed on disk while restlint was fixing it; the fixes were not written (run restlint again)",
            ),
            WriteError::Io(what, e) => write!(f, "cannot {what}: {e}; the fixes were not written and the file is unchanged"),
        }
    }
}

/// Seams for fault tests: how the temporary file is written, and a moment just before the
/// target is compared with what was linted.
pub trait WriteHooks {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn before_compare(&self, _target: &Path) {}
}

/// The hooks of a normal run.
pub struct NoHooks;
impl WriteHooks for NoHooks {}

/// Faults injected through `RESTLINT_FAULT` (`write`: the write fails; `change`: the target
/// changes on disk before the compare). Compiled only with the `fault-injection` feature.
#[cfg(feature = "fault-injection")]
pub struct EnvHooks(pub String);

#[cfg(feature = "fault-injection")]
impl WriteHooks for EnvHooks {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.0 == "write" {
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(io::Error::other("injected write failure"));
        }
        file.write_all(bytes)
    }
    fn before_compare(&self, target: &Path) {
        if self.0 == "change" {
            let _ = OpenOptions::new()
                .append(true)
                .open(target)
                .and_then(|mut f| f.write_all(b"\n// edited meanwhile\n"));
        }
    }
}

/// The hooks for this run.
pub fn hooks() -> Box<dyn WriteHooks> {
    #[cfg(feature = "fault-injection")]
    if let Ok(v) = std::env::var("RESTLINT_FAULT") {
        return Box::new(EnvHooks(v));
    }
    Box::new(NoHooks)
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path`'s content `original` with `fixed`, atomically.
pub fn write_atomic(
    path: &Path,
    original: &str,
    fixed: &str,
    hooks: &dyn WriteHooks,
) -> Result<(), WriteError> {
    // A symlink is followed: the link stays, its target gets the new text.
    let target = fs::canonicalize(path).map_err(|e| WriteError::Io("resolve the path", e))?;
    let meta = fs::metadata(&target).map_err(|e| WriteError::Io("read the file's metadata", e))?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    let dir = target
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // Checked by the mode bits too, so that a run as root does not replace a file in a folder
    // its owner made read-only.
    if fs::metadata(&dir).is_ok_and(|m| m.permissions().readonly()) {
        return Err(WriteError::FolderReadOnly);
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.restlint-{}-{}.tmp",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return Err(WriteError::FolderReadOnly);
        }
        Err(e) => return Err(WriteError::Io("create a temporary file next to it", e)),
    };
    let cleanup = |e: WriteError| {
        let _ = fs::remove_file(&tmp);
        e
    };
    hooks
        .write(&mut file, fixed.as_bytes())
        .map_err(|e| cleanup(WriteError::Io("write the fixed text", e)))?;
    file.set_permissions(meta.permissions())
        .map_err(|e| cleanup(WriteError::Io("copy the file's permissions", e)))?;
    file.sync_all()
        .map_err(|e| cleanup(WriteError::Io("flush the fixed text to disk", e)))?;
    drop(file);
    hooks.before_compare(&target);
    match fs::read(&target) {
        Ok(now) if now == original.as_bytes() => {}
        Ok(_) => return Err(cleanup(WriteError::Changed)),
        Err(e) => {
            return Err(cleanup(WriteError::Io(
                "re-read the file before replacing it",
                e,
            )));
        }
    }
    fs::rename(&tmp, &target).map_err(|e| cleanup(WriteError::Io("replace the file", e)))?;
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Span};

    #[test]
    fn crlf_conversion() {
        assert!(is_crlf("a\r\nb\r\n"));
        assert!(!is_crlf("a\nb\r\nc\n"));
        assert!(!is_crlf("a"));
        assert_eq!(to_crlf("a\nb\r\nc"), "a\r\nb\r\nc");
    }

    #[test]
    fn apply_and_choose() {
        let text = "abcdef";
        let f1 = Fix::safe("x", vec![Edit::new(Span::new(0, 1), "A")]);
        let f2 = Fix::safe("y", vec![Edit::new(Span::new(4, 6), "EF\n")]);
        assert_eq!(apply(text, &[&f1, &f2], false).as_deref(), Some("AbcdEF\n"));
        assert_eq!(
            apply(text, &[&f1, &f2], true).as_deref(),
            Some("AbcdEF\r\n")
        );
        let bad = Fix::safe("z", vec![Edit::new(Span::new(3, 9), "")]);
        assert!(!well_formed(text, &bad));
        let unsorted = Fix::safe(
            "z",
            vec![
                Edit::new(Span::new(3, 4), ""),
                Edit::new(Span::new(1, 2), ""),
            ],
        );
        assert!(!well_formed(text, &unsorted));
        // Touching fixes wait for the next pass.
        let mk = |s, e| {
            Diagnostic::new("prefer-spread", Span::new(s, e), "m")
                .with_fix(Fix::safe("f", vec![Edit::new(Span::new(s, e), "q")]))
        };
        let diags = vec![mk(0, 2), mk(2, 3), mk(4, 5)];
        assert_eq!(
            choose(text, &diags, FixMode::SAFE, &HashMap::new()),
            vec![0, 2]
        );
        let sugg = Diagnostic::new("x", Span::new(0, 1), "m")
            .with_fix(Fix::suggestion("f", vec![Edit::new(Span::new(0, 1), "q")]));
        assert!(
            choose(
                text,
                std::slice::from_ref(&sugg),
                FixMode::SAFE,
                &HashMap::new()
            )
            .is_empty()
        );
        assert_eq!(
            choose(text, &[sugg], FixMode::SUGGESTIONS, &HashMap::new()),
            vec![0]
        );
    }

    struct FailingWrite;
    impl WriteHooks for FailingWrite {
        fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::other("disk full"))
        }
    }

    struct EditsMeanwhile;
    impl WriteHooks for EditsMeanwhile {
        fn before_compare(&self, target: &Path) {
            fs::write(target, "changed by someone else").expect("test write");
        }
    }

    fn only_file(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn write_failure_keeps_the_original() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.js");
        fs::write(&p, "old").expect("write");
        let err = write_atomic(&p, "old", "new text", &FailingWrite).expect_err("must fail");
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(fs::read_to_string(&p).expect("read"), "old");
        assert_eq!(only_file(dir.path()), vec!["a.js"]);
    }

    #[test]
    fn change_on_disk_is_detected() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.js");
        fs::write(&p, "old").expect("write");
        let err = write_atomic(&p, "old", "new", &EditsMeanwhile).expect_err("must fail");
        assert!(matches!(err, WriteError::Changed));
        assert_eq!(
            fs::read_to_string(&p).expect("read"),
            "changed by someone else"
        );
        assert_eq!(only_file(dir.path()), vec!["a.js"]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_kept_and_read_only_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.js");
        fs::write(&p, "old").expect("write");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o750)).expect("chmod");
        write_atomic(&p, "old", "new", &NoHooks).expect("write");
        assert_eq!(fs::read_to_string(&p).expect("read"), "new");
        assert_eq!(
            fs::metadata(&p).expect("meta").permissions().mode() & 0o777,
            0o750
        );
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(matches!(
            write_atomic(&p, "new", "newer", &NoHooks),
            Err(WriteError::ReadOnly)
        ));
        assert_eq!(fs::read_to_string(&p).expect("read"), "new");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).expect("chmod");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        let r = write_atomic(&p, "new", "newer", &NoHooks);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(matches!(r, Err(WriteError::FolderReadOnly)), "{r:?}");
        assert_eq!(fs::read_to_string(&p).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_target_is_written_and_link_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.js");
        let link = dir.path().join("link.js");
        fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_atomic(&link, "old", "new", &NoHooks).expect("write");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
    }
}
