//! A small token-level scanner over source text, for the syntax errors after which oxc gives
//! no AST (a rest that is not last is fatal to the parser): it finds the element that follows
//! a rest, or the `...` that starts one. It knows strings, template literals and comments; it
//! does not need to be perfect, only to never read outside the text.

/// Skips whitespace and comments from `pos`; returns the first other byte offset.
pub fn skip_trivia(src: &str, mut pos: usize) -> usize {
    let b = src.as_bytes();
    loop {
        while pos < b.len() && (b[pos].is_ascii_whitespace()) {
            pos += 1;
        }
        if let Some(rest) = src.get(pos..) {
            if rest.starts_with("//") {
                pos += rest.find(['\n', '\r']).unwrap_or(rest.len());
                continue;
            }
            if rest.starts_with("/*") {
                pos += rest
                    .get(2..)
                    .and_then(|r| r.find("*/"))
                    .map_or(rest.len(), |i| i + 4);
                continue;
            }
            // Other Unicode whitespace (NBSP, BOM, line separators).
            if let Some(c) = rest.chars().next()
                && !c.is_ascii()
                && c.is_whitespace() | (c == '\u{feff}')
            {
                pos += c.len_utf8();
                continue;
            }
        }
        return pos.min(b.len());
    }
}

/// Skips a string or template literal starting at `pos` (on its quote); returns the offset
/// after its closing quote, or the end of the text.
fn skip_quoted(src: &str, pos: usize) -> usize {
    let b = src.as_bytes();
    let quote = b[pos];
    let mut i = pos + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            b'\n' if quote != b'`' => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// From `pos`, the end of the list element that starts there: the offset of the first `,`
/// or closing bracket at depth 0, with trailing trivia trimmed.
pub fn element_end(src: &str, pos: usize) -> usize {
    scan_element(src, pos, false).0
}

/// Like [`element_end`], for a TypeScript parameter: in its type annotation (after a `:` at
/// depth 0, up to the `=` of a default), `<`…`>` are brackets too, so `m: Map<K, V>` is one
/// parameter.
pub fn param_end(src: &str, pos: usize) -> usize {
    scan_element(src, pos, true).0
}

/// The offset of the bracket that closes the one at `open` (strings, templates and comments
/// skipped), if the text has it.
pub fn matching_close(src: &str, open: usize) -> Option<usize> {
    let b = src.as_bytes();
    let want = match b.get(open)? {
        b'(' => b')',
        b'[' => b']',
        b'{' => b'}',
        _ => return None,
    };
    let mut pos = open + 1;
    loop {
        let stop = scan_element(src, pos, false).1;
        match b.get(stop) {
            Some(b',') => pos = stop + 1,
            Some(&c) if c == want => return Some(stop),
            _ => return None,
        }
    }
}

/// The element that starts at `pos`: its end with trailing trivia trimmed, and where the scan
/// stopped (the `,` or closing bracket at depth 0, or the end of the text).
fn scan_element(src: &str, pos: usize, typed: bool) -> (usize, usize) {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = pos;
    let mut last_significant = pos;
    // In a parameter's type annotation (`typed` only), before its default.
    let mut in_type = false;
    let mut defaulted = false;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'`' => {
                i = skip_quoted(src, i);
                last_significant = i;
                continue;
            }
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => {
                i = skip_trivia(src, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            b',' if depth == 0 => break,
            b':' if typed && depth == 0 && !defaulted => in_type = true,
            b'=' if typed && depth == 0 && !matches!(b.get(i + 1), Some(b'>')) => {
                in_type = false;
                defaulted = true;
            }
            b'<' if in_type => depth += 1,
            // Not the `>` of a function type's `=>`.
            b'>' if in_type && depth > 0 && i > 0 && b[i - 1] != b'=' => depth -= 1,
            c if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => {}
        }
        i += 1;
        last_significant = i;
    }
    while last_significant > pos && !src.is_char_boundary(last_significant) {
        last_significant -= 1;
    }
    (last_significant.min(b.len()), i.min(b.len()))
}

/// What follows an element that ends at `end`.
#[derive(Debug, PartialEq, Eq)]
pub enum After {
    /// `, next` — the span of the next element.
    Element(usize, usize),
    /// `,` then a closing bracket — the span of the comma.
    TrailingComma(usize, usize),
    /// Anything else.
    Nothing,
}

/// Looks at what follows an element ending at `end`.
pub fn after_element(src: &str, end: usize) -> After {
    let comma = skip_trivia(src, end);
    if src.as_bytes().get(comma) != Some(&b',') {
        return After::Nothing;
    }
    let next = skip_trivia(src, comma + 1);
    match src.as_bytes().get(next) {
        None => After::Nothing,
        Some(b')' | b']' | b'}') => After::TrailingComma(comma, comma + 1),
        Some(_) => {
            let e = element_end(src, next);
            if e > next {
                After::Element(next, e)
            } else {
                After::Nothing
            }
        }
    }
}

/// The offset of the `...` that starts the rest element ending just before `pos`
/// (searching backwards at bracket depth 0), if any.
pub fn rest_start_before(src: &str, pos: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            b',' if depth == 0 => return None,
            b'.' if depth == 0 && i >= 2 && b[i - 1] == b'.' && b[i - 2] == b'.' => {
                return Some(i - 2);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_following_element() {
        let s = "function f(...a, b = [1, 2], c) {}";
        let end = s.find(", b").unwrap();
        let After::Element(st, en) = after_element(s, end) else {
            panic!()
        };
        assert_eq!(&s[st..en], "b = [1, 2]");
    }

    #[test]
    fn finds_trailing_comma() {
        let s = "function f(...a, /* c */ ) {}";
        let end = s.find(',').unwrap();
        assert_eq!(after_element(s, end), After::TrailingComma(end, end + 1));
    }

    #[test]
    fn strings_and_comments_inside_elements() {
        let s = "[...a, b = ')', // x\n c] = y";
        let end = s.find(',').unwrap();
        let After::Element(st, en) = after_element(s, end) else {
            panic!()
        };
        assert_eq!(&s[st..en], "b = ')'");
    }

    #[test]
    fn rest_start_backwards() {
        let s = "f(a, ...[b, c] = d";
        assert_eq!(rest_start_before(s, s.len()), Some(5));
        assert_eq!(rest_start_before("f(a, b", 6), None);
    }

    #[test]
    fn never_reads_past_the_end() {
        assert_eq!(after_element("...a,", 4), After::Nothing);
        assert_eq!(element_end("'abc", 0), 4);
        assert_eq!(skip_trivia("/* open", 0), 7);
        assert_eq!(matching_close("(a, [b", 0), None);
        assert_eq!(param_end("a: Map<K", 0), 8);
    }

    #[test]
    fn parameters_with_types() {
        let s = "(m: Map<K, V> = new Map(), n: (x: A<B>) => C<D, E>, o = a < b, c)";
        let end = param_end(s, 1);
        assert_eq!(&s[1..end], "m: Map<K, V> = new Map()");
        let next = skip_trivia(s, end + 1);
        let end = param_end(s, next);
        assert_eq!(&s[next..end], "n: (x: A<B>) => C<D, E>");
        let next = skip_trivia(s, end + 1);
        assert_eq!(&s[next..param_end(s, next)], "o = a < b");
        assert_eq!(matching_close(s, 0), Some(s.len() - 1));
        assert_eq!(matching_close("[a, ']', { b: [c] } ]", 0), Some(20));
    }
}
