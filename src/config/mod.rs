//! Configuration: `restlint.json` / `.restlintrc.json` discovery, loading with errors that
//! point into the file, and resolution into a [`RuleSet`] per linted path.

mod error;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde_json::Value;

pub use error::ConfigError;

use crate::diagnostic::Severity;
use crate::lint::{ActiveRule, RuleSet};
use crate::rules::{self, Category, RuleMeta};

/// The names a config file may have, in the order they are looked for.
pub const FILE_NAMES: &[&str] = &["restlint.json", ".restlintrc.json"];

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "off" => Some(Level::Off),
            "warn" | "warning" => Some(Level::On(Severity::Warning)),
            "error" => Some(Level::On(Severity::Error)),
            _ => None,
        }
    }
}

/// One rule's setting: a level and, maybe, options.
#[derive(Clone, Debug)]
pub struct RuleSetting {
    pub level: Level,
    pub options: Option<Value>,
}

/// A set of rule and category settings (the top level, or one override).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub categories: Vec<(Category, Level)>,
    pub rules: Vec<(&'static RuleMeta, RuleSetting)>,
}

/// One `overrides` entry.
#[derive(Debug)]
pub struct Override {
    pub files: GlobSet,
    pub settings: Settings,
}

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// The folder globs are relative to.
    pub root: PathBuf,
    pub base: Settings,
    pub ignore: Option<GlobSet>,
    pub overrides: Vec<Override>,
    /// The file's text, for the cache key.
    pub text: String,
    /// `root` made absolute and normalized, and its canonical form (made once).
    root_forms: OnceLock<(PathBuf, Option<PathBuf>)>,
}

impl Config {
    /// No configuration file: the defaults, with globs (none) relative to `root`.
    pub fn empty(root: PathBuf) -> Config {
        Config {
            root,
            ..Config::default()
        }
    }

    /// Finds `restlint.json` or `.restlintrc.json` in `dir` or its nearest parent.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            for name in FILE_NAMES {
                let p = d.join(name);
                if p.is_file() {
                    return Some(p);
                }
            }
            cur = d.parent();
        }
        None
    }

    /// Loads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut cfg = Self::parse(&text, &crate::walk::display_path(path), root)?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Parses a configuration's text; `name` is used in error reports.
    pub fn parse(text: &str, name: &str, root: PathBuf) -> Result<Config, ConfigError> {
        let err = |offset: usize, len: usize, message: String, help: Option<String>| {
            ConfigError::invalid(name, text, offset, len, message, help)
        };
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let offset = offset_of_line_col(text, e.line(), e.column());
            err(
                offset,
                1,
                format!("invalid JSON: {e}"),
                Some("the configuration must be one JSON object".into()),
            )
        })?;
        let Value::Object(top) = value else {
            return Err(err(
                0,
                text.len().min(1),
                "the configuration must be a JSON object".into(),
                None,
            ));
        };
        let locate = Locator { text };
        let mut cfg = Config {
            root,
            text: text.to_string(),
            ..Config::default()
        };
        for (key, v) in &top {
            match key.as_str() {
                "$schema" => {}
                "categories" | "rules" => {}
                "ignore" => {
                    let globs = string_list(v).ok_or_else(|| {
                        let (o, l) = locate.key(key, 0);
                        err(o, l, "`ignore` must be a list of glob strings".into(), None)
                    })?;
                    cfg.ignore = Some(build_globs(&globs).map_err(|(g, e)| {
                        let (o, l) = locate.string(&g);
                        err(o, l, format!("invalid glob `{g}`: {e}"), None)
                    })?);
                }
                "overrides" => {}
                other => {
                    let (o, l) = locate.key(other, 0);
                    let help = closest(
                        other,
                        ["$schema", "categories", "rules", "ignore", "overrides"].into_iter(),
                    )
                    .map(|s| format!("did you mean `{s}`?"));
                    return Err(err(
                        o,
                        l,
                        format!("unknown configuration key `{other}`"),
                        help,
                    ));
                }
            }
        }
        cfg.base = parse_settings(&top, &locate, &err, 0)?;
        if let Some(ov) = top.get("overrides") {
            let Value::Array(items) = ov else {
                let (o, l) = locate.key("overrides", 0);
                return Err(err(
                    o,
                    l,
                    "`overrides` must be a list of objects".into(),
                    None,
                ));
            };
            let mut search_from = locate.key("overrides", 0).0;
            for item in items {
                let Value::Object(obj) = item else {
                    return Err(err(
                        search_from,
                        1,
                        "each override must be an object with `files` and `rules`".into(),
                        None,
                    ));
                };
                for k in obj.keys() {
                    if !matches!(k.as_str(), "files" | "rules" | "categories") {
                        let (o, l) = locate.key(k, search_from);
                        return Err(err(
                            o,
                            l,
                            format!("unknown override key `{k}`"),
                            Some("an override has `files`, `rules` and `categories`".into()),
                        ));
                    }
                }
                let files = obj.get("files").and_then(string_list).ok_or_else(|| {
                    err(
                        search_from,
                        1,
                        "each override needs `files`, a list of glob strings".into(),
                        None,
                    )
                })?;
                let set = build_globs(&files).map_err(|(g, e)| {
                    let (o, l) = locate.string(&g);
                    err(o, l, format!("invalid glob `{g}`: {e}"), None)
                })?;
                let here = locate.key("files", search_from).0;
                let settings = parse_settings(obj, &locate, &err, here)?;
                search_from = here + 1;
                cfg.overrides.push(Override {
                    files: set,
                    settings,
                });
            }
        }
        Ok(cfg)
    }

    /// Whether a path is ignored by the configuration's `ignore` globs: the path itself or a
    /// folder it is in. The walk never enters an ignored folder, so a file named explicitly
    /// (pre-commit passes files) under `src/gen*` is left out as the walk leaves it out.
    pub fn is_ignored(&self, path: &Path) -> bool {
        let Some(set) = &self.ignore else {
            return false;
        };
        let rel = self.relative(path);
        rel.ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && p.parent().is_some())
            .any(|p| set.is_match(p))
    }

    /// The path as the globs see it: relative to the config file's folder, however the
    /// file was named (`../lib/a.js` from a sibling folder, an absolute path through a
    /// symlinked folder, `a/./b`). A path outside that folder is given whole (absolute).
    fn relative(&self, path: &Path) -> PathBuf {
        let (root_lexical, root_physical) = self.root_forms.get_or_init(|| {
            let lexical = normalize(&absolute(&self.root));
            let physical = std::fs::canonicalize(&lexical).ok();
            (lexical, physical)
        });
        let abs = normalize(&absolute(path));
        if let Ok(rel) = abs.strip_prefix(root_lexical) {
            return rel.to_path_buf();
        }
        // Named through a symlink (a symlinked working folder, config folder or parent):
        // compare the physical forms. Only the folders are resolved, so a symlinked file
        // is judged where its name is, like any other file.
        if let Some(root) = root_physical
            && let Some(physical) = physical_folders(&abs)
            && let Ok(rel) = physical.strip_prefix(root)
        {
            return rel.to_path_buf();
        }
        abs
    }

    /// Which overrides apply to a path, as a bit set of any size (word `i / 64`, bit
    /// `i % 64`), without trailing zero words so equal sets compare equal. No override
    /// applies: empty, no allocation.
    fn override_mask(&self, path: &Path) -> OverrideMask {
        let mut mask = OverrideMask::new();
        if self.overrides.is_empty() {
            return mask;
        }
        let rel = self.relative(path);
        for (i, o) in self.overrides.iter().enumerate() {
            if o.files.is_match(&rel) {
                let word = i / 64;
                if mask.len() <= word {
                    mask.resize(word + 1, 0);
                }
                mask[word] |= 1 << (i % 64);
            }
        }
        mask
    }
}

/// The overrides that apply to a path (see [`Config::override_mask`]).
type OverrideMask = Vec<u64>;

fn applies(mask: &[u64], i: usize) -> bool {
    mask.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

fn absolute(p: &Path) -> PathBuf {
    // Read once: restlint never changes its working folder.
    static CWD: OnceLock<Option<PathBuf>> = OnceLock::new();
    match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) if !p.is_absolute() => cwd.join(p),
        _ => p.to_path_buf(),
    }
}

/// An absolute path without `.` and `..` components. A `..` after a symlinked folder goes
/// where the system goes (the parent of the link's target), so that folder is resolved
/// first; otherwise the path is left as named.
fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if std::fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink())
                    && let Ok(target) = std::fs::canonicalize(&out)
                {
                    out = target;
                }
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `abs` (normalized) with its folders resolved: the deepest folder that exists is made
/// canonical and the rest appended (a `--stdin-filename` may name a file that does not
/// exist). `None` when no folder resolves.
fn physical_folders(abs: &Path) -> Option<PathBuf> {
    // The last component stays as named (a symlinked file is judged where its name is).
    let mut rest = vec![abs.file_name()?];
    let mut cur = abs.parent()?;
    loop {
        if let Ok(mut real) = std::fs::canonicalize(cur) {
            real.extend(rest.iter().rev());
            return Some(real);
        }
        rest.push(cur.file_name()?);
        cur = cur.parent()?;
    }
}

/// Finds spans in the config text for error reports.
struct Locator<'t> {
    text: &'t str,
}

impl Locator<'_> {
    /// The span of `"key"` (as an object key) at or after `from`.
    fn key(&self, key: &str, from: usize) -> (usize, usize) {
        let quoted = format!("\"{key}\"");
        let hay = self.text.get(from..).unwrap_or("");
        match hay.find(&quoted) {
            Some(i) => (from + i, quoted.len()),
            None => (from.min(self.text.len()), 0),
        }
    }
    /// The span of a string value anywhere.
    fn string(&self, s: &str) -> (usize, usize) {
        self.key(s, 0)
    }
    /// The span of a value after `"key"` at or after `from`.
    fn value_after_key(&self, key: &str, from: usize) -> (usize, usize) {
        let (k, l) = self.key(key, from);
        let after = k + l;
        let rest = self.text.get(after..).unwrap_or("");
        let colon = rest.find(':').map_or(0, |c| c + 1);
        let rest2 = &rest[colon..];
        let start = after + colon + (rest2.len() - rest2.trim_start().len());
        let v = self.text.get(start..).unwrap_or("");
        let len = if let Some(inner) = v.strip_prefix('"') {
            inner.find('"').map_or(v.len(), |e| e + 2)
        } else if v.starts_with('[') {
            v.find(']').map_or(v.len(), |e| e + 1)
        } else {
            v.find([',', '}', '\n']).unwrap_or(v.len())
        };
        (start, len)
    }
}

type ErrFn<'e> = dyn Fn(usize, usize, String, Option<String>) -> ConfigError + 'e;

fn parse_settings(
    obj: &serde_json::Map<String, Value>,
    locate: &Locator,
    err: &ErrFn,
    from: usize,
) -> Result<Settings, ConfigError> {
    let mut settings = Settings::default();
    if let Some(cats) = obj.get("categories") {
        let Value::Object(cats) = cats else {
            let (o, l) = locate.key("categories", from);
            return Err(err(
                o,
                l,
                "`categories` must be an object of category: severity".into(),
                None,
            ));
        };
        for (name, v) in cats {
            let Some(cat) = Category::parse(name) else {
                let (o, l) = locate.key(name, from);
                let help = closest(name, Category::ALL.iter().map(|c| c.as_str()))
                    .map(|s| format!("did you mean `{s}`?"));
                return Err(err(o, l, format!("unknown category `{name}`"), help));
            };
            let level = v.as_str().and_then(Level::parse).ok_or_else(|| {
                let (o, l) = locate.value_after_key(name, from);
                err(
                    o,
                    l,
                    format!("invalid severity for category `{name}`"),
                    Some("use \"off\", \"warn\" or \"error\"".into()),
                )
            })?;
            settings.categories.push((cat, level));
        }
    }
    if let Some(rs) = obj.get("rules") {
        let Value::Object(rs) = rs else {
            let (o, l) = locate.key("rules", from);
            return Err(err(
                o,
                l,
                "`rules` must be an object of rule id: severity".into(),
                None,
            ));
        };
        for (id, v) in rs {
            let Some(meta) = rules::find(id) else {
                let (o, l) = locate.key(id, from);
                if let Some(why) = not_a_rule(id) {
                    return Err(err(o, l, format!("unknown rule `{id}`"), Some(why)));
                }
                let help = closest(id, rules::RULES.iter().map(|m| m.id))
                    .map(|s| format!("did you mean `{s}`?"));
                return Err(err(
                    o,
                    l,
                    format!("unknown rule `{id}`"),
                    help.or_else(|| Some("`restlint rules` lists every rule".into())),
                ));
            };
            let bad_sev = || {
                let (o, l) = locate.value_after_key(id, from);
                err(
                    o,
                    l,
                    format!("invalid setting for rule `{id}`"),
                    Some("use \"off\", \"warn\", \"error\", or [\"warn\", { options }]".into()),
                )
            };
            let setting = match v {
                Value::String(s) => RuleSetting {
                    level: Level::parse(s).ok_or_else(bad_sev)?,
                    options: None,
                },
                Value::Array(a) if (1..=2).contains(&a.len()) => {
                    let level = a[0].as_str().and_then(Level::parse).ok_or_else(bad_sev)?;
                    RuleSetting {
                        level,
                        options: a.get(1).cloned(),
                    }
                }
                _ => return Err(bad_sev()),
            };
            if let Err(e) = (meta.create)(setting.options.as_ref()) {
                let (o, l) = locate.value_after_key(id, from);
                return Err(err(
                    o,
                    l,
                    format!("invalid options for rule `{id}`: {e}"),
                    Some(format!("`restlint explain {id}` documents its options")),
                ));
            }
            settings.rules.push((meta, setting));
        }
    }
    Ok(settings)
}

fn string_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(a) => a.iter().map(|x| x.as_str().map(String::from)).collect(),
        Value::String(s) => Some(vec![s.clone()]),
        _ => None,
    }
}

/// Builds a glob set; a glob without `/` matches at any depth (like `.gitignore`), one with a
/// `/` (a leading one too) from the config's folder; a negated glob (`!…`) is refused rather
/// than matched as a name that starts with `!`. As in
/// `.gitignore`, ESLint, oxlint and Biome, `*` and `?` stay within one path component
/// (`src/*.js` is not `src/lib/a.js`); `**` crosses folders.
pub fn build_globs(globs: &[String]) -> Result<GlobSet, (String, String)> {
    let glob = |pat: &str| GlobBuilder::new(pat).literal_separator(true).build();
    let mut b = GlobSetBuilder::new();
    for g in globs {
        if g.starts_with('!') {
            return Err((
                g.clone(),
                "negated globs are not supported: list only what to match".into(),
            ));
        }
        // A leading `/` anchors to the config's folder, as any glob with a `/` already is.
        let pat = g.trim_start_matches("./");
        let anchored = pat.contains('/');
        let pat = pat.trim_start_matches('/');
        let pat = if anchored {
            pat.to_string()
        } else {
            format!("**/{pat}")
        };
        b.add(glob(&pat).map_err(|e| (g.clone(), e.kind().to_string()))?);
        // `dist` or `dist/` also ignores what is under it.
        if !g.contains('*') {
            let under = format!("{}/**", pat.trim_end_matches('/'));
            b.add(glob(&under).map_err(|e| (g.clone(), e.kind().to_string()))?);
        }
    }
    b.build().map_err(|e| (globs.join(", "), e.to_string()))
}

/// Why an id restlint reports is not a rule that can be configured or explained, for the ids
/// that are not rules (`parse-error`, …); `None` for any other name.
pub fn not_a_rule(id: &str) -> Option<String> {
    use crate::diagnostic::{INTERNAL_ERROR, IO_ERROR, PARSE_ERROR, UNUSED_DISABLE_DIRECTIVE};
    let what = match id {
        PARSE_ERROR => "a syntax error",
        IO_ERROR => "a file that could not be read, or is not UTF-8",
        INTERNAL_ERROR => "a file restlint failed on",
        UNUSED_DISABLE_DIRECTIVE => "a restlint-disable directive that suppresses nothing",
        _ => return None,
    };
    Some(format!(
        "`{id}` is not a rule: it reports {what}, and cannot be turned off or configured"
    ))
}

/// The closest name, for did-you-mean.
pub fn closest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(s, _)| *s > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn offset_of_line_col(text: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (off + col.saturating_sub(1)).min(text.len());
        }
        off += l.len();
    }
    text.len().saturating_sub(1)
}

/// Command-line rule overrides (`--rule ID=SEVERITY`), applied last.
#[derive(Clone, Debug, Default)]
pub struct CliRules(pub Vec<(&'static RuleMeta, Level)>);

impl CliRules {
    /// Parses `ID=off|warn|error`.
    pub fn parse(items: &[String]) -> Result<CliRules, ConfigError> {
        let mut out = Vec::new();
        for item in items {
            let Some((id, sev)) = item.split_once('=') else {
                return Err(ConfigError::Usage(format!(
                    "--rule takes ID=off|warn|error, got `{item}`"
                )));
            };
            let Some(meta) = rules::find(id.trim()) else {
                if let Some(why) = not_a_rule(id.trim()) {
                    return Err(ConfigError::Usage(format!("--rule: {why}")));
                }
                let hint = closest(id, rules::RULES.iter().map(|m| m.id))
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err(ConfigError::Usage(format!(
                    "--rule: unknown rule `{id}`{hint}"
                )));
            };
            let Some(level) = Level::parse(sev.trim()) else {
                return Err(ConfigError::Usage(format!(
                    "--rule {id}: invalid severity `{sev}` (use off, warn or error)"
                )));
            };
            out.push((meta, level));
        }
        Ok(CliRules(out))
    }
}

/// Gives each path its rule set, caching one per combination of matching overrides.
pub struct Resolver {
    pub config: Config,
    cli: CliRules,
    cache: Mutex<HashMap<OverrideMask, Arc<RuleSet>>>,
}

impl Resolver {
    pub fn new(config: Config, cli: CliRules) -> Result<Self, ConfigError> {
        let r = Resolver {
            config,
            cli,
            cache: Mutex::new(HashMap::new()),
        };
        // Build the base set now so option errors surface before any file is read.
        r.build(&[]).map_err(ConfigError::Usage)?;
        Ok(r)
    }

    /// The rule set for a path.
    pub fn rules_for(&self, path: &Path) -> Arc<RuleSet> {
        let mask = self.config.override_mask(path);
        if let Ok(cache) = self.cache.lock()
            && let Some(rs) = cache.get(&mask)
        {
            return Arc::clone(rs);
        }
        // Options were validated at load time, so building cannot fail here.
        let rs = Arc::new(
            self.build(&mask)
                .unwrap_or_else(|_| RuleSet::new(Vec::new())),
        );
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(mask, Arc::clone(&rs));
        }
        rs
    }

    /// Every rule's level and options under the given overrides.
    fn build(&self, mask: &[u64]) -> Result<RuleSet, String> {
        let mut layers: Vec<&Settings> = vec![&self.config.base];
        for (i, o) in self.config.overrides.iter().enumerate() {
            if applies(mask, i) {
                layers.push(&o.settings);
            }
        }
        let mut active = Vec::new();
        // The rules that are on: id, severity, options.
        let mut resolved: Vec<(&RuleMeta, Severity, Option<&Value>)> = Vec::new();
        for meta in rules::RULES {
            let mut level = match meta.category.default_severity() {
                Some(s) => Level::On(s),
                None => Level::Off,
            };
            let mut options: Option<&Value> = None;
            for layer in &layers {
                if let Some((_, l)) = layer
                    .categories
                    .iter()
                    .rev()
                    .find(|(c, _)| *c == meta.category)
                {
                    level = *l;
                }
                if let Some((_, s)) = layer.rules.iter().rev().find(|(m, _)| m.id == meta.id) {
                    level = s.level;
                    if s.options.is_some() {
                        options = s.options.as_ref();
                    }
                }
            }
            if let Some((_, l)) = self.cli.0.iter().rev().find(|(m, _)| m.id == meta.id) {
                level = *l;
            }
            if let Level::On(severity) = level {
                resolved.push((meta, severity, options));
            }
        }
        // `prefer-spread` leaves to `spread-args-overflow`, when it is on, the callees it
        // watches, including the array methods its `methods` option adds.
        let overflow = resolved
            .iter()
            .find(|(m, _, _)| m.id == rules::spread_args_overflow::META.id)
            .map(|(_, _, options)| *options);
        for (meta, severity, options) in resolved {
            let rule = match overflow {
                Some(overflow) if meta.id == rules::prefer_spread::META.id => {
                    rules::prefer_spread::beside_overflow(options, overflow)
                }
                _ => (meta.create)(options),
            }
            .map_err(|e| format!("rule `{}`: {e}", meta.id))?;
            active.push(ActiveRule { rule, severity });
        }
        Ok(RuleSet::new(active))
    }

    /// A stable description of the effective configuration, for cache keys.
    pub fn fingerprint(&self) -> String {
        let cli: Vec<String> = self
            .cli
            .0
            .iter()
            .map(|(m, l)| format!("{}={l:?}", m.id))
            .collect();
        format!("{}\n{}", self.config.text, cli.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, "restlint.json", PathBuf::from("/p"))
    }

    #[test]
    fn valid_config() {
        let c = parse(r#"{"categories": {"style": "warn"}, "rules": {"rest-not-last": "warn"}, "ignore": ["dist/**"], "overrides": [{"files": ["**/*.test.ts"], "rules": {"invalid-rest": "off"}}]}"#).unwrap();
        assert_eq!(
            c.base.categories,
            vec![(Category::Style, Level::On(Severity::Warning))]
        );
        assert_eq!(c.overrides.len(), 1);
        assert!(c.is_ignored(Path::new("/p/dist/a.js")));
        assert!(!c.is_ignored(Path::new("/p/src/a.js")));
    }

    #[test]
    fn prefer_spread_leaves_the_overflow_methods_to_spread_args_overflow() {
        let code = "export function f(out, o) {\n  out.push.apply(out, Object.keys(o));\n  out[\"unshift\"].apply(out, Object.keys(o));\n}\n";
        let run = |config: &str, cli: &[&str]| -> Vec<(&'static str, u32, u32)> {
            let cli: Vec<String> = cli.iter().map(|s| s.to_string()).collect();
            let resolver = Resolver::new(
                parse(config).expect("config"),
                CliRules::parse(&cli).expect("cli"),
            )
            .expect("resolver");
            let path = Path::new("/p/a.js");
            crate::lint::lint_text(path, code, &resolver.rules_for(path))
                .iter()
                .map(|d| (d.rule, d.start.line, d.start.column))
                .collect()
        };
        let style = r#""categories": {"style": "warn"}"#;
        let both = vec![("prefer-spread", 2, 3), ("prefer-spread", 3, 3)];
        assert_eq!(run(&format!("{{{style}}}"), &[]), both);
        assert_eq!(
            run(
                &format!(
                    r#"{{{style}, "rules": {{"spread-args-overflow": ["warn", {{"methods": ["push"]}}]}}}}"#
                ),
                &[]
            ),
            vec![("spread-args-overflow", 2, 23), ("prefer-spread", 3, 3)]
        );
        assert_eq!(
            run(
                &format!(
                    r#"{{{style}, "rules": {{"spread-args-overflow": ["error", {{"methods": ["unshift", "push"]}}]}}}}"#
                ),
                &[]
            ),
            vec![
                ("spread-args-overflow", 2, 23),
                ("spread-args-overflow", 3, 29)
            ]
        );
        // Off, its `methods` watch nothing.
        assert_eq!(
            run(
                &format!(
                    r#"{{{style}, "rules": {{"spread-args-overflow": ["off", {{"methods": ["push"]}}]}}}}"#
                ),
                &[]
            ),
            both
        );
        assert_eq!(
            run(
                &format!(
                    r#"{{{style}, "rules": {{"spread-args-overflow": ["warn", {{"methods": ["push"]}}]}}}}"#
                ),
                &["spread-args-overflow=off"]
            ),
            both
        );
        // Options given in the base and a level in an override: the options still hold.
        assert_eq!(
            run(
                r#"{"rules": {"spread-args-overflow": ["off", {"methods": ["push"]}]}, "overrides": [{"files": ["**/*.js"], "rules": {"spread-args-overflow": "warn", "prefer-spread": "warn"}}]}"#,
                &[]
            ),
            vec![("spread-args-overflow", 2, 23), ("prefer-spread", 3, 3)]
        );
    }

    #[test]
    fn unknown_rule_suggests() {
        let Err(ConfigError::Invalid(e)) = parse(r#"{"rules": {"rest-not-lst": "error"}}"#) else {
            panic!()
        };
        assert!(
            e.help.as_deref().unwrap_or("").contains("rest-not-last"),
            "{:?}",
            e.help
        );
        assert_eq!(e.span.offset(), 11);
    }

    #[test]
    fn bad_severity_and_json() {
        assert!(matches!(
            parse(r#"{"rules": {"rest-not-last": "fatal"}}"#),
            Err(ConfigError::Invalid(_))
        ));
        assert!(matches!(
            parse(r#"{"rules": "#),
            Err(ConfigError::Invalid(_))
        ));
        assert!(matches!(
            parse(r#"{"rulez": {}}"#),
            Err(ConfigError::Invalid(_))
        ));
        assert!(matches!(
            parse(r#"{"rules": {"rest-not-last": ["error", {"x": 1}]}}"#),
            Err(ConfigError::Invalid(_))
        ));
    }

    #[test]
    fn globs_without_slash_match_anywhere() {
        let g = build_globs(&["*.min.js".into(), "dist".into()]).unwrap();
        assert!(g.is_match("a/b/c.min.js"));
        assert!(g.is_match("dist/x.js"));
        assert!(!g.is_match("src/x.js"));
    }

    #[test]
    fn a_leading_slash_anchors_and_a_negation_is_refused() {
        let g = build_globs(&["/dist".into(), "/gen/*.js".into()]).unwrap();
        assert!(g.is_match("dist/a.js"));
        assert!(g.is_match("gen/a.js"));
        assert!(!g.is_match("src/dist/a.js"));
        let e = build_globs(&["dist".into(), "!dist/keep.js".into()]).unwrap_err();
        assert_eq!(e.0, "!dist/keep.js");
        assert!(e.1.contains("negated globs are not supported"), "{}", e.1);
        assert!(matches!(
            parse(r#"{"ignore": ["!a.js"]}"#),
            Err(ConfigError::Invalid(_))
        ));
    }

    #[test]
    fn a_star_stays_in_one_folder_and_ignored_folders_hide_their_files() {
        let g = build_globs(&["src/*.js".into(), "**/gen/**".into()]).unwrap();
        assert!(g.is_match("src/a.js"));
        assert!(!g.is_match("src/lib/a.js"));
        assert!(g.is_match("x/gen/y/z.js"));
        let c = parse(r#"{"ignore": ["out*", "lib/*.js"]}"#).unwrap();
        assert!(c.is_ignored(Path::new("/p/output/deep/a.js")));
        assert!(c.is_ignored(Path::new("/p/lib/a.js")));
        assert!(!c.is_ignored(Path::new("/p/lib/sub/a.js")));
        assert!(!c.is_ignored(Path::new("/p/src/a.js")));
    }
}
