//! `RESTLINT_TIMING=1` (like ESLint's `TIMING=1`): where a run's time went, by stage, summed
//! over the worker threads and printed to standard error at the end. Off, each stage costs
//! one check of a flag read once.

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

/// Whether `RESTLINT_TIMING` is set (to anything but `0` or empty).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("RESTLINT_TIMING").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

/// A running stage timer; [`Timer::stop`] adds its time to the stage.
pub struct Timer(Option<Instant>);

pub fn start() -> Timer {
    Timer(enabled().then(Instant::now))
}

impl Timer {
    pub fn stop(self, stage: Stage) {
        if let Some(t) = self.0 {
            let micros = u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX);
            TOTALS[stage as usize].fetch_add(micros, Ordering::Relaxed);
        }
    }
}

/// The table printed at the end of a run that took `wall`.
pub fn report(wall: Duration) -> String {
    let mut out = format!(
        "restlint timing (CPU seconds summed over threads; wall {:.3} s)\n",
        wall.as_secs_f64()
    );
    for (name, total) in NAMES.iter().zip(&TOTALS) {
        let secs = total.load(Ordering::Relaxed) as f64 / 1e6;
        out.push_str(&format!("  {name:<16} {secs:>8.3} s\n"));
    }
    out
}
