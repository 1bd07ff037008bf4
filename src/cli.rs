//! The command line: arguments, the run, output and exit status.
//!
//! Exit status: 0 when there is no error-severity diagnostic and the warnings are within
//! `--max-warnings`; 1 for lint errors (or too many warnings); 2 for usage, configuration and
//! I/O trouble (a missing path, a bad config, an unreadable file, a file restlint failed on).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::cache::{self, Cache};
use crate::config::{CliRules, Config, ConfigError, Resolver};
use crate::diagnostic::{Diagnostic, FileReport, INTERNAL_ERROR, IO_ERROR, Severity, Span};
use crate::fix::{self, FixMode};
use crate::lint;
use crate::report::{self, Summary};
use crate::rules;
use crate::walk::{self, WalkOptions};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames with labels and help, then a summary (the default).
    Pretty,
    /// One JSON document, schema version 1 (`restlint-output.schema.json`).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// `file:line:col: severity rule: message`, one per line.
    Compact,
}

/// The project's home page, named in SARIF output.
pub const HOMEPAGE: &str = "https://github.com/restlint/restlint";
/// Where the rule pages are published; a rule's page is this followed by `<id>.md`.
pub const RULES_BASE_URI: &str = "https://github.com/restlint/restlint/blob/main/rules/";

/// When to colour pretty output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Parser)]
#[command(
    name = "restlint",
    version,
    about = "A fast, precise linter for JavaScript and TypeScript rest and spread syntax",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files and folders to lint (default: `.`); `-` reads standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// Colour the pretty output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Report errors only.
    #[arg(long)]
    pub quiet: bool,

    /// Exit with status 1 when there are more warnings than this (-1: no limit, as in ESLint).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_max_warnings)]
    pub max_warnings: Option<usize>,

    /// Use this configuration file instead of looking for restlint.json.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Set a rule's severity: ID=off|warn|error (repeatable; overrides the config).
    #[arg(long = "rule", value_name = "ID=SEVERITY")]
    pub rules: Vec<String>,

    /// Lint standard input (given as `-`) as if it were this file.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Worker threads: 1 to 1024, or 0 for all cores (the default). Never more than the files
    /// to lint; the folder walk uses at most one per core.
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    pub no_ignore: bool,

    /// Reuse the results of files unchanged since the last `--cache` run.
    #[arg(long)]
    pub cache: bool,

    /// The cache file, or a folder for it (default: node_modules/.cache/restlint/).
    #[arg(long, value_name = "PATH", requires = "cache")]
    pub cache_location: Option<PathBuf>,

    /// Apply safe fixes in place, then report what is left. With `-` (standard input), print
    /// the fixed source to standard output and the report to standard error.
    #[arg(long)]
    pub fix: bool,

    /// Apply suggested fixes too (they may change behaviour); implies --fix.
    #[arg(long)]
    pub fix_suggestions: bool,
}

impl Args {
    /// The fixes this run applies, if any. With `--quiet`, only errors' fixes: as in ESLint,
    /// a warning the report does not show is not fixed either.
    pub fn fix_mode(&self) -> Option<FixMode> {
        let mode = if self.fix_suggestions {
            FixMode::SUGGESTIONS
        } else if self.fix {
            FixMode::SAFE
        } else {
            return None;
        };
        Some(if self.quiet { mode.errors_only() } else { mode })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every rule: id, category, default severity, fix.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule id.
        rule: String,
    },
}

/// Runs restlint with these arguments; returns the exit status.
pub fn run(args: Args) -> i32 {
    match args.command {
        Some(Command::Rules) => {
            print!("{}", rules_table());
            return 0;
        }
        Some(Command::Explain { ref rule }) => return explain(rule),
        None => {}
    }
    match lint_command(&args) {
        Ok(code) => code,
        Err(e) => {
            report_error(&e, args.color);
            2
        }
    }
}

/// Reports a run-stopping error on stderr; a bad config gets a code frame, coloured as
/// `--color` says for stderr (as the pretty report is for stdout).
fn report_error(e: &ConfigError, color: Color) {
    let colored = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    match e {
        ConfigError::Invalid(inv) => {
            let handler = miette::GraphicalReportHandler::new_themed(if colored {
                miette::GraphicalTheme::unicode()
            } else {
                miette::GraphicalTheme::unicode_nocolor()
            });
            let mut out = String::new();
            let _ = handler.render_report(&mut out, inv.as_ref());
            eprint!("restlint: invalid configuration\n{out}");
        }
        other => eprintln!("restlint: {other}"),
    }
}

/// The `restlint rules` table.
pub fn rules_table() -> String {
    let mut out = format!(
        "{:<30} {:<12} {:<8} {}\n",
        "id", "category", "default", "fix"
    );
    for m in rules::RULES {
        let default = m.category.default_severity().map_or("off", |s| match s {
            Severity::Error => "error",
            Severity::Warning => "warn",
        });
        out.push_str(&format!(
            "{:<30} {:<12} {:<8} {}\n",
            m.id,
            m.category.as_str(),
            default,
            m.fix.as_str()
        ));
    }
    out
}

fn explain(rule: &str) -> i32 {
    match rules::find(rule) {
        Some(m) => {
            print!("{}", m.docs);
            0
        }
        None if crate::config::not_a_rule(rule).is_some() => {
            let why = crate::config::not_a_rule(rule).unwrap_or_default();
            eprintln!("restlint: {why}; `restlint rules` lists every rule");
            2
        }
        None => {
            let hint = crate::config::closest(rule, rules::RULES.iter().map(|m| m.id))
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            eprintln!("restlint: unknown rule `{rule}`{hint}; `restlint rules` lists every rule");
            2
        }
    }
}

fn load_config(args: &Args) -> Result<Config, ConfigError> {
    if let Some(p) = &args.config {
        return Config::load(p);
    }
    let cwd = std::env::current_dir()
        .map_err(|e| ConfigError::Usage(format!("cannot read the current folder: {e}")))?;
    match Config::discover(&cwd) {
        Some(p) => Config::load(&p),
        None => Ok(Config::empty(cwd)),
    }
}

fn io_error(message: String) -> Diagnostic {
    // No text was read, so no line index sets the position: it is the file's start, 1:1
    // (the JSON schema's lines and columns are 1-based).
    let start = crate::diagnostic::Position { line: 1, column: 1 };
    Diagnostic {
        start,
        end: start,
        ..Diagnostic::new(IO_ERROR, Span::new(0, 0), message).with_severity(Severity::Error)
    }
}

fn lint_command(args: &Args) -> Result<i32, ConfigError> {
    let started = Instant::now();
    // Warnings `--quiet` left out of the report (see `too_many_warnings`).
    let hidden_warnings = AtomicUsize::new(0);
    let config = load_config(args)?;
    let cli_rules = CliRules::parse(&args.rules)?;
    let resolver = Resolver::new(config, cli_rules)?;

    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && paths.len() > 1 {
        return Err(ConfigError::Usage(
            "`-` (standard input) cannot be combined with other paths".into(),
        ));
    }
    if !stdin && args.stdin_filename.is_some() {
        return Err(ConfigError::Usage(
            "--stdin-filename needs `-` as the path".into(),
        ));
    }
    if !stdin {
        let missing: Vec<_> = paths
            .iter()
            .filter(|p| std::fs::symlink_metadata(p).is_err())
            .collect();
        if !missing.is_empty() {
            for p in missing {
                eprintln!("restlint: no such file or folder: {}", p.display());
            }
            return Ok(2);
        }
    }

    // The cores, or `--threads`; the pool is made for the files found (see `worker_pool`).
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let wanted = args.threads.filter(|n| *n > 0).unwrap_or(cores);

    // With `--fix` on standard input, the fixed source goes to stdout and the report to stderr.
    let mut fixed_stdin: Option<Vec<u8>> = None;
    let (mut reports, files) = if stdin {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("stdin.js"));
        let mut bytes = Vec::new();
        let display = args
            .stdin_filename
            .as_deref()
            .map_or_else(|| "-".to_string(), walk::display_path);
        // As on disk: a declaration file is skipped, and so is a path the config ignores.
        let file_name = name.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if lint::is_declaration_file(file_name) || resolver.config.is_ignored(&name) {
            // Nothing to fix: an editor still gets its buffer back.
            if args.fix_mode().is_some() && std::io::stdin().read_to_end(&mut bytes).is_ok() {
                fixed_stdin = Some(bytes);
            }
            (Vec::new(), 0)
        } else {
            let report = match std::io::stdin().read_to_end(&mut bytes) {
                Err(e) => FileReport {
                    path: display,
                    diagnostics: vec![io_error(format!("cannot read standard input: {e}"))],
                    source: None,
                    rendered: None,
                },
                Ok(_) => match String::from_utf8(std::mem::take(&mut bytes)) {
                    Err(e) => {
                        let error = crate::source::ReadError::NotUtf8 {
                            valid_up_to: e.utf8_error().valid_up_to(),
                        };
                        // Not text: an editor still gets its buffer back, unchanged.
                        if args.fix_mode().is_some() {
                            fixed_stdin = Some(e.into_bytes());
                        }
                        FileReport {
                            path: display,
                            diagnostics: vec![io_error(error.to_string())],
                            source: None,
                            rendered: None,
                        }
                    }
                    Ok(text) => {
                        let pool = worker_pool(1)?;
                        let rules = resolver.rules_for(&name);
                        let diagnostics = pool.install(|| lint::lint_text(&name, &text, &rules));
                        match args.fix_mode() {
                            Some(mode) => {
                                let outcome = pool.install(|| {
                                    fix::fix_text(&name, &text, diagnostics, &rules, mode)
                                });
                                fixed_stdin = Some(outcome.text.clone().into_bytes());
                                FileReport {
                                    path: display,
                                    diagnostics: outcome.diagnostics,
                                    source: Some(outcome.text),
                                    rendered: None,
                                }
                            }
                            None => FileReport {
                                path: display,
                                diagnostics,
                                source: Some(text),
                                rendered: None,
                            },
                        }
                    }
                },
            };
            (vec![report], 1)
        }
    } else {
        let (targets, issues) = walk::collect(
            &paths,
            &resolver.config,
            WalkOptions {
                no_ignore: args.no_ignore,
                // Idle walkers spin: never more than the cores (0: the walker's default).
                threads: args.threads.map_or(0, |n| n.min(cores)),
                // Plain lint mode keeps every name, as ESLint and oxlint do: each is a path
                // the user (or a CI annotation) may look for, and reading twice is harmless.
                one_name_per_file: args.fix_mode().is_some(),
            },
        );
        let pool = worker_pool(wanted.min(targets.len()))?;
        let cache = args.cache.then(|| open_cache(args, &resolver));
        // Clean files are dropped as they finish: memory then grows with the findings, not
        // with the number of files. Only the formats that quote the code (frames, SARIF
        // snippets) keep the text of a file with findings; for the others a report holds
        // just its diagnostics (on the 4x corpus, 200 MB of sources not kept).
        // The pretty format draws each file's frames in the worker that linted it, and keeps
        // the drawing rather than the text.
        let keep_source = matches!(args.format, Format::Pretty | Format::Sarif);
        // `--quiet` drops warnings as files finish; `--max-warnings` still counts them.
        let pretty = matches!(args.format, Format::Pretty).then(|| pretty_options(args));
        let lint_one = |t: &Path| {
            let mut r = lint_target(t, &resolver, args.fix_mode(), keep_source, cache.as_ref());
            if args.quiet {
                let before = r.diagnostics.len();
                r.diagnostics.retain(|d| d.severity == Severity::Error);
                hidden_warnings.fetch_add(before - r.diagnostics.len(), Ordering::Relaxed);
            }
            if let Some(opts) = pretty
                && !r.diagnostics.is_empty()
            {
                r.rendered = Some(report::pretty::render_file(&r, opts));
                r.source = None;
            }
            Some(r).filter(|r| !r.diagnostics.is_empty())
        };
        let mut reports: Vec<FileReport> = pool.install(|| {
            // Big files one at a time beside the rest (see `lint::schedule`).
            let lanes = lint::schedule::lanes(&targets, rayon::current_num_threads());
            let serial_queue = lint::schedule::SerialQueue::new(&lanes.serial);
            let (mut serial, parallel) = rayon::join(
                || {
                    std::iter::from_fn(|| serial_queue.front())
                        .filter_map(|i| lint_one(lanes.path(i)))
                        .collect::<Vec<_>>()
                },
                || {
                    let mut done = lanes
                        .parallel
                        .par_iter()
                        .filter_map(|&i| lint_one(lanes.path(i)))
                        .collect::<Vec<_>>();
                    // The parallel lane ran dry: help with the serial lane's smallest files.
                    done.extend(
                        std::iter::from_fn(|| serial_queue.back())
                            .filter_map(|i| lint_one(lanes.path(i))),
                    );
                    done
                },
            );
            serial.extend(parallel);
            serial
        });
        let n = targets.len() + issues.len();
        if let Some(cache) = cache {
            save_cache(cache, &cache::cache_file(args.cache_location.as_deref()));
        }
        for issue in issues {
            reports.push(FileReport {
                path: issue.display,
                diagnostics: vec![io_error(issue.message)],
                source: None,
                rendered: None,
            });
        }
        (reports, n)
    };

    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let trouble = reports.iter().any(|r| {
        r.diagnostics
            .iter()
            .any(|d| d.rule == IO_ERROR || d.rule == INTERNAL_ERROR)
    });
    if args.quiet {
        for r in &mut reports {
            let before = r.diagnostics.len();
            r.diagnostics.retain(|d| d.severity == Severity::Error);
            hidden_warnings.fetch_add(before - r.diagnostics.len(), Ordering::Relaxed);
        }
    }
    reports.retain(|r| !r.diagnostics.is_empty());
    let summary = Summary::of(files, &reports);

    let output = match args.format {
        Format::Json => report::json::render(files, &reports, summary),
        Format::Sarif => report::sarif::render(&reports, sarif_tool(), &sarif_rules()),
        Format::Github => report::github::render(&reports),
        Format::Compact => report::compact::render(&reports),
        Format::Pretty => report::pretty::render(
            &reports,
            summary,
            started.elapsed().as_millis(),
            pretty_options(args),
        ),
    };
    let written = match &fixed_stdin {
        Some(source) => {
            let mut stderr = std::io::stderr().lock();
            let _ = stderr
                .write_all(output.as_bytes())
                .and_then(|_| stderr.flush());
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(source).and_then(|_| stdout.flush())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
        }
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("restlint: cannot write the output: {e}");
        return Ok(2);
    }

    // Why the run fails, on stderr so a machine format's stdout stays one valid document.
    // The warnings `--quiet` did not print still count, as in ESLint and oxlint: `--quiet
    // --max-warnings 0` in CI must not pass a run that has warnings.
    let warnings = summary.warnings + hidden_warnings.load(Ordering::Relaxed);
    let too_many_warnings = args.max_warnings.filter(|m| warnings > *m);
    if let Some(max) = too_many_warnings {
        eprintln!("restlint: too many warnings ({warnings}, maximum: {max})");
    }
    if lint::timing::enabled() {
        eprint!("{}", lint::timing::report(started.elapsed()));
    }
    Ok(if trouble {
        2
    } else if summary.errors > 0 || too_many_warnings.is_some() {
        1
    } else {
        0
    })
}

/// The most `--threads` accepts: past it a thread per file costs more than it gives on any
/// machine restlint runs on (each reserves a 1 GiB stack, see `worker_pool`).
pub const MAX_THREADS: usize = 1024;

/// `--max-warnings N`: a count, or `-1` for no limit (ESLint's default, which scripts pass).
fn parse_max_warnings(s: &str) -> Result<usize, String> {
    if s.trim() == "-1" {
        return Ok(usize::MAX);
    }
    s.trim()
        .parse()
        .map_err(|_| "a number of warnings (0 or more), or -1 for no limit".to_string())
}

fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of threads (0 to {MAX_THREADS})"))?;
    if n > MAX_THREADS {
        return Err(format!("at most {MAX_THREADS} threads (0 means all cores)"));
    }
    Ok(n)
}

/// The lint workers: `threads` of them (at least one), on 1 GiB stacks (the parser recurses
/// without a depth limit).
fn worker_pool(threads: usize) -> Result<rayon::ThreadPool, ConfigError> {
    rayon::ThreadPoolBuilder::new()
        .stack_size(1 << 30)
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| ConfigError::Usage(format!("cannot start worker threads: {e}")))
}

fn sarif_tool() -> report::sarif::ToolInfo<'static> {
    report::sarif::ToolInfo {
        name: "restlint",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: HOMEPAGE,
        rules_base_uri: RULES_BASE_URI,
    }
}

/// Every rule, then the ids that are not rules, as the SARIF log describes them.
fn sarif_rules() -> Vec<report::sarif::RuleInfo<'static>> {
    use crate::diagnostic::{PARSE_ERROR, UNUSED_DISABLE_DIRECTIVE};
    use report::sarif::RuleInfo;
    let mut out: Vec<RuleInfo> = rules::RULES
        .iter()
        .map(|m| RuleInfo {
            id: m.id,
            summary: first_sentence(m.docs),
            docs: Some(m.docs),
            default: m.category.default_severity(),
        })
        .collect();
    out.extend([
        RuleInfo {
            id: PARSE_ERROR,
            summary: "The file has a syntax error.".into(),
            docs: None,
            default: Some(Severity::Error),
        },
        RuleInfo {
            id: IO_ERROR,
            summary: "The file could not be read as UTF-8 text.".into(),
            docs: None,
            default: Some(Severity::Error),
        },
        RuleInfo {
            id: INTERNAL_ERROR,
            summary: "restlint failed on this file; please report it.".into(),
            docs: None,
            default: Some(Severity::Error),
        },
        RuleInfo {
            id: UNUSED_DISABLE_DIRECTIVE,
            summary: "A restlint-disable directive suppresses nothing.".into(),
            docs: None,
            default: Some(Severity::Warning),
        },
    ]);
    out
}

/// The first sentence of a rule page's first paragraph (the lines after the title and the
/// metadata line, joined), with its period.
fn first_sentence(docs: &str) -> String {
    let paragraph: Vec<&str> = docs
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with('#') || l.starts_with("Category:"))
        .take_while(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let text = paragraph.join(" ");
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text,
    }
}

/// Reads and lints one file found by the walk; with a fix mode, fixes it and writes it back.
/// `keep_source`: keep the text of a file with diagnostics, for the formats that quote code.
fn lint_target(
    t: &Path,
    resolver: &Resolver,
    fix_mode: Option<FixMode>,
    keep_source: bool,
    cache: Option<&Cache>,
) -> FileReport {
    let display = walk::display_path(t);
    let report = |diagnostics| FileReport {
        path: display.clone(),
        diagnostics,
        source: None,
        rendered: None,
    };
    let failed = |e: crate::source::ReadError| report(vec![io_error(e.to_string())]);
    let bytes = match crate::source::read_bytes(t) {
        Ok(bytes) => bytes,
        Err(e) => return failed(e),
    };
    // With a cache, an unchanged file's results come back by its content hash; a file that
    // had nothing to say then needs neither the text nor its UTF-8 check (only valid text
    // was ever cached).
    let hash = cache.map(|_| cache::content_hash(&bytes));
    let cached = cache
        .zip(hash.as_deref())
        .and_then(|(c, h)| c.reuse(&display, h));
    if cached.as_ref().is_some_and(Vec::is_empty) {
        return report(Vec::new());
    }
    let text = match crate::source::text_from_bytes(bytes) {
        Ok(text) => text,
        Err(e) => return failed(e),
    };
    let rules = resolver.rules_for(t);
    let mut diagnostics = match cached {
        Some(diagnostics) => diagnostics,
        None => {
            let diagnostics = lint::lint_text(t, &text, &rules);
            if let (Some(cache), Some(hash)) = (cache, hash) {
                cache.store(&display, hash, &diagnostics);
            }
            diagnostics
        }
    };
    let mut text = text;
    if let Some(mode) = fix_mode
        && fix::has_fixes(&diagnostics, mode)
    {
        let outcome = fix::fix_text(t, &text, diagnostics.clone(), &rules, mode);
        if outcome.changed(&text) {
            match fix::write_atomic(t, &text, &outcome.text, fix::hooks().as_ref()) {
                Ok(()) => {
                    diagnostics = outcome.diagnostics;
                    text = outcome.text;
                }
                // The file is as it was: report its own diagnostics and why it was not fixed.
                Err(e) => {
                    diagnostics.push(io_error(e.to_string()));
                    crate::diagnostic::sort_diagnostics(&mut diagnostics);
                }
            }
        } else {
            diagnostics = outcome.diagnostics;
        }
    }
    let source = if diagnostics.is_empty() || !keep_source {
        None
    } else {
        Some(text)
    };
    FileReport {
        path: display.clone(),
        diagnostics,
        source,
        rendered: None,
    }
}

/// Colours and width for the pretty format.
fn pretty_options(args: &Args) -> report::pretty::PrettyOptions {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    report::pretty::PrettyOptions { color, width }
}

fn open_cache(args: &Args, resolver: &Resolver) -> Cache {
    let file = cache::cache_file(args.cache_location.as_deref());
    let key = cache::run_key(&resolver.fingerprint(), resolver.config.path.as_deref());
    let cache = Cache::open(file, key);
    if let (Some(why), true) = (&cache.rejected, debug_cache()) {
        eprintln!("restlint: cache: not used ({why})");
    }
    cache
}

/// Writes the cache back; `file` is where it goes, for the warning.
fn save_cache(cache: Cache, file: &Path) {
    let stats = cache.stats();
    if debug_cache() {
        eprintln!(
            "restlint: cache: {} reused, {} linted",
            stats.reused, stats.linted
        );
    }
    // A cache that cannot be written costs the next run time, not this run's result.
    if let Err(e) = cache.save() {
        eprintln!(
            "restlint: warning: cannot write the cache {}: {e}",
            file.display()
        );
    }
}

/// `RESTLINT_DEBUG_CACHE=1` reports on stderr what the cache did (for tests and curious users).
fn debug_cache() -> bool {
    std::env::var_os("RESTLINT_DEBUG_CACHE").is_some_and(|v| !v.is_empty())
}
