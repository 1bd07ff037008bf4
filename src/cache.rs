//! The result cache (`--cache`): the diagnostics of files that did not change since the last
//! run are reused instead of linted again.
//!
//! An entry is keyed by the file's path as shown and a 128-bit hash of its content (XXH3: the
//! hash of an unchanged file is most of what a cached run costs, and XXH3 runs at memory
//! speed, about 8× SipHash's); the whole
//! cache file is keyed by the run key: the cache format, restlint's version, the binary itself
//! (size and modification time, so a rebuilt restlint never reads an older build's results),
//! the effective configuration (`Resolver::fingerprint`), the configuration file's path and
//! the working folder. A cache with another run key is ignored and rewritten.
//!
//! The file is one header line, `restlint-cache <format> <body length> <body checksum>`,
//! then a JSON body. A file whose header, length, checksum or JSON does not check out is
//! never trusted: the run lints everything and writes a fresh cache. Writes go to a
//! temporary file in the same folder, then a rename, so a reader never sees half a cache.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::diagnostic::{Diagnostic, INTERNAL_ERROR, IO_ERROR};

/// Bump when the body's layout or the meaning of an entry changes.
const FORMAT: u32 = 2;
const MAGIC: &str = "restlint-cache";
/// The default location, relative to the working folder (as ESLint and Babel do).
pub const DEFAULT_DIR: &str = "node_modules/.cache/restlint";
/// The cache file's name inside a cache folder.
pub const FILE_NAME: &str = "results.cache";

/// A 128-bit XXH3 of some byte strings, as 32 hex digits.
fn hash_hex(parts: &[&[u8]]) -> String {
    let mut h = Xxh3::new();
    for p in parts {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    format!("{:032x}", h.digest128())
}

/// The hash of a file's content that keys its entry, as 32 hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxh3_128(bytes))
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    /// [`content_hash`] of the file's content.
    hash: String,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Body {
    run_key: String,
    entries: HashMap<String, Entry>,
}

/// What one run did with the cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose results were reused.
    pub reused: usize,
    /// Files linted (not in the cache, or changed).
    pub linted: usize,
}

/// The cache of one run: what the last run left, and what this run found.
pub struct Cache {
    file: PathBuf,
    run_key: String,
    /// The last run's entries, each with whether this run reused it.
    old: HashMap<String, (Entry, AtomicBool)>,
    /// The entries of the files this run linted.
    fresh: Mutex<HashMap<String, Entry>>,
    reused: AtomicUsize,
    linted: AtomicUsize,
    /// Why the old cache was not used, if it existed and was not.
    pub rejected: Option<String>,
}

/// Where the cache file goes: `location` is a file, or a folder when it names an existing
/// folder or ends with a path separator; no location means [`DEFAULT_DIR`].
pub fn cache_file(location: Option<&Path>) -> PathBuf {
    match location {
        None => Path::new(DEFAULT_DIR).join(FILE_NAME),
        Some(p) => {
            let s = p.as_os_str().to_string_lossy();
            if p.is_dir() || s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR) {
                p.join(FILE_NAME)
            } else {
                p.to_path_buf()
            }
        }
    }
}

/// The run key for a configuration fingerprint (see the module documentation).
pub fn run_key(config_fingerprint: &str, config_path: Option<&Path>) -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok());
    let exe_id = exe
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{mtime}", m.len())
        })
        .unwrap_or_default();
    let cwd = std::env::current_dir().unwrap_or_default();
    let config_path = config_path
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    hash_hex(&[
        FORMAT.to_string().as_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
        exe_id.as_bytes(),
        config_fingerprint.as_bytes(),
        config_path.as_bytes(),
        cwd.to_string_lossy().as_bytes(),
    ])
}

impl Cache {
    /// Opens the cache at `file` for a run with this key. Never fails: a missing, corrupt or
    /// foreign cache is an empty one (`rejected` says why, for the last two).
    pub fn open(file: PathBuf, run_key: String) -> Cache {
        let mut cache = Cache {
            file,
            run_key,
            old: HashMap::new(),
            fresh: Mutex::new(HashMap::new()),
            reused: AtomicUsize::new(0),
            linted: AtomicUsize::new(0),
            rejected: None,
        };
        if let Ok(bytes) = std::fs::read(&cache.file) {
            match decode(&bytes, &cache.run_key) {
                Ok(entries) => {
                    cache.old = entries
                        .into_iter()
                        .map(|(k, e)| (k, (e, AtomicBool::new(false))))
                        .collect()
                }
                Err(why) => cache.rejected = Some(why),
            }
        }
        cache
    }

    /// The cached diagnostics of the file shown as `key`, when the last run saw it with the
    /// content whose [`content_hash`] is `hash`.
    pub fn reuse(&self, key: &str, hash: &str) -> Option<Vec<Diagnostic>> {
        let (entry, seen) = self.old.get(key)?;
        if entry.hash != hash {
            return None;
        }
        seen.store(true, Ordering::Relaxed);
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(entry.diagnostics.clone())
    }

    /// Records what linting the file shown as `key`, with content hash `hash`, found.
    pub fn store(&self, key: &str, hash: String, diagnostics: &[Diagnostic]) {
        self.linted.fetch_add(1, Ordering::Relaxed);
        // A file restlint failed on is linted again next time rather than trusted.
        if diagnostics
            .iter()
            .any(|d| d.rule == INTERNAL_ERROR || d.rule == IO_ERROR)
        {
            return;
        }
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(
                key.to_string(),
                Entry {
                    hash,
                    diagnostics: diagnostics.to_vec(),
                },
            );
        }
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            reused: self.reused.load(Ordering::Relaxed),
            linted: self.linted.load(Ordering::Relaxed),
        }
    }

    /// Writes the cache back (atomically), unless nothing changed. Entries of files this run
    /// did not see are kept while their file still exists (a run over a sub-folder does not
    /// forget the rest).
    pub fn save(self) -> std::io::Result<()> {
        let mut entries = self.fresh.into_inner().unwrap_or_default();
        let linted = self.linted.load(Ordering::Relaxed);
        let mut kept_all = true;
        for (key, (entry, seen)) in self.old {
            if entries.contains_key(&key) {
                continue;
            }
            if seen.into_inner() || Path::new(&key).is_file() {
                entries.insert(key, entry);
            } else {
                kept_all = false;
            }
        }
        // Every file was reused and nothing was dropped: the file on disk is already right.
        if linted == 0 && kept_all && self.rejected.is_none() && self.file.is_file() {
            return Ok(());
        }
        let bytes = encode(&Body {
            run_key: self.run_key,
            entries,
        })?;
        write_atomically(&self.file, &bytes)
    }
}

fn encode(body: &Body) -> std::io::Result<Vec<u8>> {
    let json = serde_json::to_vec(body).map_err(std::io::Error::other)?;
    let mut out = format!("{MAGIC} {FORMAT} {} {}\n", json.len(), hash_hex(&[&json])).into_bytes();
    out.extend_from_slice(&json);
    Ok(out)
}

fn decode(bytes: &[u8], run_key: &str) -> Result<HashMap<String, Entry>, String> {
    let nl = memchr::memchr(b'\n', bytes).ok_or("no header line")?;
    let header = std::str::from_utf8(&bytes[..nl]).map_err(|_| "the header is not text")?;
    let body = &bytes[nl + 1..];
    let mut words = header.split(' ');
    if words.next() != Some(MAGIC) {
        return Err("not a restlint cache".into());
    }
    if words.next() != Some(FORMAT.to_string().as_str()) {
        return Err("another cache format".into());
    }
    let len: usize = words
        .next()
        .and_then(|w| w.parse().ok())
        .ok_or("no body length")?;
    let sum = words.next().ok_or("no checksum")?;
    if words.next().is_some() || len != body.len() || sum != hash_hex(&[body]) {
        return Err("the cache is damaged (length or checksum)".into());
    }
    let body: Body =
        serde_json::from_slice(body).map_err(|e| format!("the cache does not parse: {e}"))?;
    if body.run_key != run_key {
        return Err("written by another restlint build or configuration".into());
    }
    Ok(body.entries)
}

fn write_atomically(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, file)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix, Severity, Span};

    impl Cache {
        /// The cached diagnostics of an unchanged file, else those `lint` returns.
        fn lint(
            &self,
            key: &str,
            text: &str,
            lint: impl FnOnce() -> Vec<Diagnostic>,
        ) -> Vec<Diagnostic> {
            let hash = content_hash(text.as_bytes());
            self.reuse(key, &hash).unwrap_or_else(|| {
                let diagnostics = lint();
                self.store(key, hash, &diagnostics);
                diagnostics
            })
        }
    }

    fn diag(rule: &'static str, start: u32) -> Diagnostic {
        Diagnostic::new(rule, Span::new(start, start + 3), "a message")
            .with_label(Span::new(0, 1), "a label")
            .with_help("do this")
            .with_fix(Fix::suggestion(
                "fix it",
                vec![Edit::new(Span::new(start, start + 3), "x")],
            ))
            .with_severity(Severity::Warning)
    }

    #[test]
    fn diagnostics_survive_the_round_trip() {
        let d = diag("rest-not-last", 4);
        let json = serde_json::to_string(&d).unwrap();
        let back: Diagnostic = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        let unknown = json.replace("rest-not-last", "no-such-rule");
        assert!(serde_json::from_str::<Diagnostic>(&unknown).is_err());
    }

    #[test]
    fn header_and_checksum_are_checked() {
        let mut entries = HashMap::new();
        entries.insert(
            "a.js".to_string(),
            Entry {
                hash: content_hash(b"x"),
                diagnostics: vec![diag("invalid-rest", 1)],
            },
        );
        let bytes = encode(&Body {
            run_key: "k".into(),
            entries,
        })
        .unwrap();
        assert_eq!(decode(&bytes, "k").unwrap().len(), 1);
        assert!(decode(&bytes, "other").is_err(), "foreign run key");
        let mut flipped = bytes.clone();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        assert!(decode(&flipped, "k").is_err(), "checksum");
        assert!(decode(&bytes[..bytes.len() - 1], "k").is_err(), "truncated");
        assert!(decode(b"garbage", "k").is_err());
        assert!(decode(b"", "k").is_err());
        assert!(
            decode(b"restlint-cache 999 2 x\n{}", "k").is_err(),
            "other format"
        );
    }

    #[test]
    fn reuses_only_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/results.cache");
        let lint_count = AtomicUsize::new(0);
        let lint = |n: u32| {
            lint_count.fetch_add(1, Ordering::Relaxed);
            vec![diag("rest-not-last", n)]
        };

        let c = Cache::open(file.clone(), "k1".into());
        assert_eq!(
            c.lint("a.js", "aaa", || lint(1)),
            vec![diag("rest-not-last", 1)]
        );
        assert_eq!(
            c.lint("b.js", "bbb", || lint(2)),
            vec![diag("rest-not-last", 2)]
        );
        c.save().unwrap();
        assert_eq!(lint_count.load(Ordering::Relaxed), 2);

        // Same key, one file changed: only that one is linted again.
        let c = Cache::open(file.clone(), "k1".into());
        assert!(c.rejected.is_none());
        assert_eq!(
            c.lint("a.js", "aaa", || lint(9)),
            vec![diag("rest-not-last", 1)]
        );
        assert_eq!(
            c.lint("b.js", "bbb changed", || lint(3)),
            vec![diag("rest-not-last", 3)]
        );
        assert_eq!(
            c.stats(),
            CacheStats {
                reused: 1,
                linted: 1
            }
        );
        c.save().unwrap();

        // Another configuration: nothing is reused.
        let c = Cache::open(file.clone(), "k2".into());
        assert!(c.rejected.is_some());
        assert_eq!(
            c.lint("a.js", "aaa", || lint(5)),
            vec![diag("rest-not-last", 5)]
        );
        assert_eq!(
            c.stats(),
            CacheStats {
                reused: 0,
                linted: 1
            }
        );

        // A damaged file is rejected, not trusted.
        std::fs::write(&file, b"restlint-cache 1 5 0123\n{\"a\"").unwrap();
        let c = Cache::open(file.clone(), "k1".into());
        assert!(c.rejected.is_some());
        assert_eq!(
            c.lint("a.js", "aaa", || lint(6)),
            vec![diag("rest-not-last", 6)]
        );
        c.save().unwrap();
        assert!(
            decode(&std::fs::read(&file).unwrap(), "k1").is_ok(),
            "rewritten whole"
        );
    }

    #[test]
    fn location_is_a_file_or_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(cache_file(None), Path::new(DEFAULT_DIR).join(FILE_NAME));
        assert_eq!(cache_file(Some(dir.path())), dir.path().join(FILE_NAME));
        assert_eq!(
            cache_file(Some(Path::new("x/y/"))),
            Path::new("x/y/").join(FILE_NAME)
        );
        assert_eq!(
            cache_file(Some(Path::new("x/my.cache"))),
            Path::new("x/my.cache")
        );
    }
}
