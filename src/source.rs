//! Reading source files and mapping byte offsets to lines and UTF-16 columns.
//!
//! Line breaks are those of ECMAScript: `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029.
//! Columns count UTF-16 code units from the start of the line, 1-based, as ESLint and LSP do.
//! A byte-order mark at the start of the file is part of the byte offsets but not of the
//! columns (an editor does not show it).

use crate::diagnostic::Position;

/// Why a file could not be turned into text.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    NotUtf8 {
        valid_up_to: usize,
    },
    Directory,
    /// A FIFO, socket or device.
    NotRegular,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
            ReadError::NotUtf8 { valid_up_to } => {
                write!(
                    f,
                    "the file is not valid UTF-8 (invalid byte at offset {valid_up_to})"
                )
            }
            ReadError::Directory => write!(f, "the path is a directory, not a file"),
            ReadError::NotRegular => {
                write!(
                    f,
                    "not a regular file (a FIFO, socket or device): not read; use `-` to lint standard input"
                )
            }
        }
    }
}

/// Reads a file's bytes.
///
/// Only regular files (or symlinks to them) are read: a FIFO would block until a writer
/// comes, which may be never, and a device may never end. The file is opened without
/// blocking (`O_NONBLOCK`, which regular files ignore) and without becoming a controlling
/// terminal, and its type is checked on the open handle before anything is read: one path
/// lookup a file instead of a `stat` and then an `open`. The walk already skips such entries;
/// this covers paths named on the command line (`-` is the way to lint a stream).
pub fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    #[cfg(debug_assertions)]
    test_fault(path)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    // A socket cannot be opened at all (ENXIO): say what it is rather than the errno.
    let mut file = options
        .open(path)
        .map_err(|e| match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => ReadError::Directory,
            Ok(m) if !m.is_file() => ReadError::NotRegular,
            _ => ReadError::Io(e),
        })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    // One byte more than the size, so that the read that finds the end needs no regrowth.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    Ok(bytes)
}

/// A test-only seam (debug builds only, so never in a release binary): faults that cannot be
/// staged for real when the tests run as root, or only with a race. `RESTLINT_TEST_READ_FAULT`
/// is `deny:SUFFIX` (reading a path ending in SUFFIX fails with "permission denied", as
/// `chmod 000` does for a normal user) or `remove:SUFFIX` (the file is deleted just before it
/// is read, as if it vanished between the walk and the read).
#[cfg(debug_assertions)]
fn test_fault(path: &std::path::Path) -> Result<(), ReadError> {
    let Some(spec) = std::env::var_os("RESTLINT_TEST_READ_FAULT") else {
        return Ok(());
    };
    let spec = spec.to_string_lossy();
    let shown = path.to_string_lossy();
    match spec.split_once(':') {
        Some(("deny", suffix)) if shown.ends_with(suffix) => Err(ReadError::Io(
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        )),
        Some(("remove", suffix)) if shown.ends_with(suffix) => {
            let _ = std::fs::remove_file(path);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Turns bytes into text, or says where the first invalid byte is.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        valid_up_to: e.utf8_error().valid_up_to(),
    })
}

const BOM: &str = "\u{feff}";

/// A [`LineIndex`] built on first use: most files get no diagnostic and never need one.
pub struct LazyLineIndex<'t> {
    text: &'t str,
    index: std::cell::OnceCell<LineIndex>,
}

impl<'t> LazyLineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            index: std::cell::OnceCell::new(),
        }
    }
}

impl std::ops::Deref for LazyLineIndex<'_> {
    type Target = LineIndex;
    fn deref(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }
}

/// Past this many bytes between a line's start and an offset, columns come from the
/// wide-character index instead of a scan of the line: a 10 MB minified line with thousands
/// of diagnostics must not cost a scan of the line per diagnostic.
const SCAN_LIMIT: usize = 4096;

/// The length of a text in UTF-16 code units, from its bytes: one unit per character (every
/// byte but a continuation byte starts one) and a second for a 4-byte one (a surrogate pair).
/// A loop the compiler vectorises; `chars().map(char::len_utf16)` decodes every character.
fn utf16_len(s: &str) -> usize {
    // Byte-wide sums over chunks of 127 (at most 2 a byte: no overflow), so that each vector
    // step takes 16 or 32 bytes.
    s.as_bytes()
        .chunks(127)
        .map(|c| {
            c.iter().fold(0u8, |n, &b| {
                n + u8::from((b as i8) >= -0x40) + u8::from(b >= 0xF0)
            }) as usize
        })
        .sum()
}

/// Line starts of one text, for offset → (line, UTF-16 column).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    bom: u32,
    /// Built on the first column query far into a long line: for every non-ASCII character,
    /// the offset just after it and the running total of (UTF-8 bytes − UTF-16 units) up to
    /// and including it.
    wide: std::sync::OnceLock<Vec<(u32, u32)>>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0u32);
        // Jump from one candidate byte to the next (SIMD) instead of matching every byte:
        // most of a file is neither a line break nor the lead byte of U+2028/U+2029.
        let mut skip_to = 0usize;
        for i in memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes) {
            if i < skip_to {
                continue;
            }
            match bytes[i] {
                b'\n' => line_starts.push((i + 1) as u32),
                b'\r' => {
                    let end = if bytes.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    line_starts.push(end as u32);
                    skip_to = end;
                }
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                _ if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    line_starts.push((i + 3) as u32);
                }
                _ => {}
            }
        }
        let bom = if text.starts_with(BOM) {
            BOM.len() as u32
        } else {
            0
        };
        Self {
            line_starts,
            bom,
            wide: std::sync::OnceLock::new(),
        }
    }

    /// Bytes minus UTF-16 units of every character that ends at or before `offset`.
    fn excess_before(&self, text: &str, offset: usize) -> usize {
        let wide = self.wide.get_or_init(|| {
            let mut total = 0u32;
            text.char_indices()
                .filter(|(_, c)| !c.is_ascii())
                .map(|(i, c)| {
                    total += (c.len_utf8() - c.len_utf16()) as u32;
                    ((i + c.len_utf8()) as u32, total)
                })
                .collect()
        });
        let n = wide.partition_point(|&(end, _)| end as usize <= offset);
        if n == 0 { 0 } else { wide[n - 1].1 as usize }
    }

    /// The position of a byte offset; offsets past the end or inside a character are clamped.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let offset = (offset as usize).min(text.len());
        let line = self
            .line_starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        let mut start = self.line_starts[line] as usize;
        if line == 0 {
            start = start.max(self.bom as usize).min(offset);
        }
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column: usize = if end - start <= SCAN_LIMIT {
            text.get(start..end).map_or(0, utf16_len)
        } else {
            (end - start) - (self.excess_before(text, end) - self.excess_before(text, start))
        };
        Position {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.line_starts.partition_point(|&s| s <= offset) as u32
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: u32) -> (u32, u32) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn ascii_lines() {
        let t = "ab\ncd\n";
        assert_eq!(pos(t, 0), (1, 1));
        assert_eq!(pos(t, 1), (1, 2));
        assert_eq!(pos(t, 3), (2, 1));
        assert_eq!(pos(t, 5), (2, 3));
        assert_eq!(pos(t, 6), (3, 1));
    }

    #[test]
    fn utf16_columns() {
        // é is 2 bytes / 1 unit; 😀 is 4 bytes / 2 units.
        let t = "é😀x";
        assert_eq!(pos(t, 2), (1, 2));
        assert_eq!(pos(t, 6), (1, 4));
    }

    #[test]
    fn crlf_and_lone_cr() {
        let t = "a\r\nb\rc";
        assert_eq!(pos(t, 3), (2, 1));
        assert_eq!(pos(t, 5), (3, 1));
        assert_eq!(LineIndex::new(t).line_count(), 3);
    }

    /// The byte-at-a-time definition the memchr version must agree with.
    fn naive_line_starts(text: &str) -> Vec<u32> {
        let b = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                0xE2 if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    i += 2;
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        starts
    }

    #[test]
    fn fast_scan_matches_the_definition() {
        for t in [
            "",
            "\n",
            "\r",
            "\r\n",
            "\n\r",
            "\r\r\n",
            "\r\n\r",
            "a\r\n\nb\r",
            "\u{2028}\r\n\u{2029}",
            "\u{2027}\u{20ac}x\u{2028}",
            "\u{feff}a\rb\r\n",
            "é😀\n\u{2029}\u{2029}\r",
        ] {
            assert_eq!(LineIndex::new(t).line_starts, naive_line_starts(t), "{t:?}");
        }
    }

    #[test]
    fn lazy_index_is_the_same() {
        let t = "a\nb\r\nc";
        let lazy = LazyLineIndex::new(t);
        assert_eq!(lazy.line_of(5), LineIndex::new(t).line_of(5));
        assert_eq!(lazy.position(t, 5), LineIndex::new(t).position(t, 5));
    }

    #[test]
    fn unicode_line_separators() {
        let t = "a\u{2028}b\u{2029}c";
        assert_eq!(pos(t, 4), (2, 1));
        assert_eq!(pos(t, 8), (3, 1));
    }

    #[test]
    fn bom_is_not_a_column() {
        let t = "\u{feff}ab\nc";
        assert_eq!(pos(t, 3), (1, 1));
        assert_eq!(pos(t, 4), (1, 2));
        assert_eq!(pos(t, 6), (2, 1));
        assert_eq!(pos(t, 0), (1, 1));
    }

    #[test]
    fn long_lines_use_the_wide_index() {
        // Past SCAN_LIMIT the column comes from the index; it must agree with a scan.
        let t = format!("\u{feff}{}é😀{}x\ny", "a".repeat(5000), "b".repeat(5000));
        let li = LineIndex::new(&t);
        let line2 = t.find('\n').unwrap() + 1;
        for off in [
            0,
            3,
            5003,
            5005,
            5009,
            7000,
            10009,
            line2 - 1,
            line2,
            t.len(),
        ] {
            let (line, start) = if off >= line2 {
                (2, line2)
            } else {
                (1, 3.min(off))
            };
            let scan: usize = t[start..off].chars().map(char::len_utf16).sum();
            let p = li.position(&t, off as u32);
            assert_eq!((p.line, p.column), (line, scan as u32 + 1), "offset {off}");
        }
    }

    #[test]
    fn utf16_length_from_bytes() {
        for t in [
            "",
            "abc",
            "é",
            "€x",
            "😀",
            "a😀é€\u{2028}z",
            "\u{10FFFF}\u{FFFF}\u{80}\u{7FF}",
        ] {
            let want: usize = t.chars().map(char::len_utf16).sum();
            assert_eq!(super::utf16_len(t), want, "{t:?}");
        }
    }

    #[test]
    fn clamps_out_of_range_and_mid_char() {
        let t = "é";
        assert_eq!(pos(t, 1), (1, 1));
        assert_eq!(pos(t, 99), (1, 2));
    }
}
