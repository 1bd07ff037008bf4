//! `RESTLINT_TIMING=1` (like ESLint's `TIMING=1`): where a run's time went, by stage, with
//! the files and bytes that went through each, summed over the worker threads and printed to
//! standard error at the end. `RESTLINT_TIMING=rules` also times each rule's checks (with the
//! value-kind inference they ask for); that times every check on every node, which adds about
//! half again to the "rules" stage, so the stage figures are read from a run without it.
//! Off, each timed step costs one check of a flag read once.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages of [`super::lint_text`] that are timed.
#[derive(Clone, Copy)]
pub enum Stage {
    /// The nesting pre-scan of long texts (`depth.rs`).
    Depth,
    Parse,
    /// The AST pass that decides which rules can fire (`gate.rs`).
    Gate,
    /// oxc's semantic model (scopes, symbols, references, nodes).
    Semantic,
    /// The rules and the value-kind inference they call.
    Rules,
}

const NAMES: [&str; 5] = ["nesting scan", "parse", "gate", "semantic model", "rules"];
static TOTALS: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];
/// Per stage: how many files went through it, and their bytes.
static FILES: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];
static BYTES: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];
/// Per rule, in the order of [`crate::rules::RULES`].
static RULE_TOTALS: [AtomicU64; 64] = [const { AtomicU64::new(0) }; 64];

/// Whether `RESTLINT_TIMING` is set (to anything but `0` or empty).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("RESTLINT_TIMING").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

/// Whether each rule's checks are timed too (`RESTLINT_TIMING=rules`).
pub fn per_rule() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("RESTLINT_TIMING").is_some_and(|v| v == "rules"))
}

/// A running stage timer; [`Timer::stop`] adds its time to the stage.
pub struct Timer(Option<Instant>);

pub fn start() -> Timer {
    start_if(enabled())
}

/// [`start`] with [`enabled`] read beforehand (for hot loops).
pub fn start_if(on: bool) -> Timer {
    Timer(on.then(Instant::now))
}

impl Timer {
    pub fn stop(self, stage: Stage) {
        if let Some(t) = self.0 {
            TOTALS[stage as usize].fetch_add(nanos(t), Ordering::Relaxed);
        }
    }

    /// [`Timer::stop`], also counting one file of `len` bytes through the stage.
    pub fn stop_file(self, stage: Stage, len: usize) {
        if self.0.is_some() {
            FILES[stage as usize].fetch_add(1, Ordering::Relaxed);
            BYTES[stage as usize].fetch_add(len as u64, Ordering::Relaxed);
        }
        self.stop(stage);
    }

    /// Adds the time to the rule `id` (a rule's `check` on one node, or `check_file`).
    pub fn stop_rule(self, id: &str) {
        if let Some(t) = self.0
            && let Some(i) = crate::rules::RULES.iter().position(|m| m.id == id)
            && let Some(total) = RULE_TOTALS.get(i)
        {
            total.fetch_add(nanos(t), Ordering::Relaxed);
        }
    }
}

fn nanos(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// The table printed at the end of a run that took `wall`.
pub fn report(wall: Duration) -> String {
    let mut out = format!(
        "restlint timing (CPU seconds summed over threads; wall {:.3} s)\n",
        wall.as_secs_f64()
    );
    for (i, (name, total)) in NAMES.iter().zip(&TOTALS).enumerate() {
        let secs = total.load(Ordering::Relaxed) as f64 / 1e9;
        let files = FILES[i].load(Ordering::Relaxed);
        let mb = BYTES[i].load(Ordering::Relaxed) as f64 / 1e6;
        out.push_str(&format!(
            "  {name:<16} {secs:>8.3} s  {files:>7} files {mb:>8.1} MB\n"
        ));
    }
    let mut rules: Vec<(&str, f64)> = crate::rules::RULES
        .iter()
        .zip(&RULE_TOTALS)
        .map(|(m, t)| (m.id, t.load(Ordering::Relaxed) as f64 / 1e9))
        .filter(|(_, secs)| *secs > 0.0)
        .collect();
    rules.sort_by(|a, b| b.1.total_cmp(&a.1));
    if !rules.is_empty() {
        out.push_str("  rules, each (inside \"rules\", which timing them inflates):\n");
        for (id, secs) in rules {
            out.push_str(&format!("    {id:<30} {secs:>8.3} s\n"));
        }
    }
    out
}
