//! A linear pre-scan that bounds how deep oxc's parser and semantic pass could recurse on a
//! text, so that a hostile file becomes an `internal-error` instead of a stack overflow (which
//! aborts the process: it cannot be caught).
//!
//! Brackets are not the only way to nest. Each of these adds one level of recursion (parser or
//! AST visitor) without any bracket: prefix operators (`!!!!x`, `typeof typeof x`, `new new
//! X`), right-associative operators (`a = b = c`, `a ** b ** c`, `a ? b : c ? …`, `a => b =>
//! …`), left-deep chains that become left-deep trees (`a + b + c`, `a.b.c`, `f()()()`),
//! statement heads (`if (a) if (b) …`, `a: b: …`) and `else if` chains. The estimate is, at
//! every point, the sum over open brackets of one per bracket plus the operator-like tokens
//! seen at that bracket level since the last `;` or `,` (which end an expression) or line
//! break after an operand (which ends a statement in code without semicolons), plus the
//! `else if`s seen at that level (an `else if` chain nests across `;`).
//!
//! It over-approximates (`{a: {a: …` counts two a level) and that is the point: real code stays in
//! the hundreds, hostile code in the hundreds of thousands. Strings and comments are skipped so
//! that a large base64 string does not count; template literals are followed into `${…}`.

/// The nesting estimate of a text (see the module documentation).
pub fn nesting_estimate(text: &str) -> usize {
    let b = text.as_bytes();
    // Per open level: (operator run since the last `;`/`,`, `else` count, opened by `${`).
    let mut levels: Vec<(usize, usize, bool)> = vec![(0, 0, false)];
    let mut current = 0usize;
    let mut max = 0usize;
    let mut i = 0usize;
    // The last byte of code seen (not whitespace, not a comment).
    let mut last = b';';
    // A line break after an operand: the statement may have ended there.
    let mut pending_reset = false;
    while i < b.len() {
        let c = b[i];
        let comment = c == b'/' && matches!(b.get(i + 1), Some(b'/' | b'*'));
        if !(c.is_ascii_whitespace() || comment) {
            // A line that starts with an operator continues the expression above (`a\n+ b`).
            if pending_reset && !is_operator(c) {
                reset(&mut levels, &mut current);
            }
            pending_reset = false;
            last = c;
        }
        match c {
            b'\n' | b'\r'
                if last.is_ascii_alphanumeric()
                    || matches!(last, b'_' | b'$' | b')' | b']' | b'}' | b'"' | b'\'' | b'`') =>
            {
                pending_reset = true;
            }
            b'"' | b'\'' => {
                i = skip_string(b, i);
                continue;
            }
            b'`' => {
                // A template: skip its text; `${` opens a level that returns here on `}`.
                match skip_template_text(b, i + 1) {
                    (next, true) => {
                        levels.push((0, 0, true));
                        current += 1;
                        max = max.max(current);
                        i = next;
                    }
                    (next, false) => i = next,
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr2(b'\n', b'\r', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'(' | b'[' | b'{' => {
                levels.push((0, 0, false));
                current += 1;
            }
            b')' | b']' | b'}' => {
                if levels.len() > 1 {
                    let (run, elses, template) = levels.pop().unwrap_or_default();
                    current -= 1 + run + elses;
                    if template && c == b'}' {
                        // Back in the template's text: skip to its end or next `${`.
                        match skip_template_text(b, i + 1) {
                            (next, true) => {
                                levels.push((0, 0, true));
                                current += 1;
                                max = max.max(current);
                                i = next;
                            }
                            (next, false) => i = next,
                        }
                        continue;
                    }
                }
                // `if (a) if (b)`, `f()()`, `a[0][1]`: what follows a closed bracket can nest.
                // A `}` usually ends a statement (a block, a function body: minified code has
                // long runs of `function a(){}function b(){}` and `if(a){…}if(b){…}`), unless an
                // operator follows (`{}.x`, `{} + {}`): then it is an operand.
                if c == b'}' {
                    pending_reset = true;
                } else {
                    bump(&mut levels, &mut current, 1);
                }
            }
            b';' | b',' => reset(&mut levels, &mut current),
            c if is_operator(c) => {
                // A run of operator characters is one token (`...`, `=>`, `**`, `===`), but
                // each prefix operator in it nests (`a = -+-+-b`, `!!!!x`).
                let start = i;
                while i < b.len()
                    && is_operator(b[i])
                    && !(b[i] == b'/' && matches!(b.get(i + 1), Some(b'/' | b'*')))
                {
                    i += 1;
                }
                let prefixes = b[start + 1..i]
                    .iter()
                    .filter(|c| matches!(c, b'+' | b'-' | b'!' | b'~'))
                    .count();
                bump(&mut levels, &mut current, 1 + prefixes);
                max = max.max(current);
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'$' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$')
                {
                    i += 1;
                }
                match &b[start..i] {
                    // Only `else if` nests; `else {` and `else x` end the statement.
                    b"else"
                        if b.get(skip_spaces(b, i)..).is_some_and(|r| {
                            r.starts_with(b"if")
                                && !r.get(2).is_some_and(|c| {
                                    c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$'
                                })
                        }) =>
                    {
                        if let Some(top) = levels.last_mut() {
                            top.1 += 1;
                            current += 1;
                        }
                    }
                    b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"in"
                    | b"instanceof" => bump(&mut levels, &mut current, 1),
                    _ => {}
                }
                max = max.max(current);
                continue;
            }
            _ => {}
        }
        max = max.max(current);
        i += 1;
    }
    max
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

fn is_operator(c: u8) -> bool {
    matches!(
        c,
        b'!' | b'~'
            | b'+'
            | b'-'
            | b'*'
            | b'/'
            | b'%'
            | b'='
            | b'<'
            | b'>'
            | b'&'
            | b'|'
            | b'^'
            | b'?'
            | b':'
            | b'.'
    )
}

fn reset(levels: &mut [(usize, usize, bool)], current: &mut usize) {
    if let Some(top) = levels.last_mut() {
        *current -= top.0;
        top.0 = 0;
    }
}

fn bump(levels: &mut [(usize, usize, bool)], current: &mut usize, n: usize) {
    if let Some(top) = levels.last_mut() {
        top.0 += n;
        *current += n;
    }
}

/// From an opening quote at `i`, the offset after the closing one (or the line's end).
fn skip_string(b: &[u8], i: usize) -> usize {
    let quote = b[i];
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'\n' | b'\r' => return j,
            c if c == quote => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// From inside a template's text at `i`: the offset after its closing backtick (`false`) or
/// after the next `${` (`true`).
fn skip_template_text(b: &[u8], mut i: usize) -> (usize, bool) {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => return (i + 1, false),
            b'$' if b.get(i + 1) == Some(&b'{') => return (i + 2, true),
            _ => i += 1,
        }
    }
    (b.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_nest() {
        assert!(nesting_estimate("f([{}])") >= 3);
        assert_eq!(nesting_estimate(")))"), 3);
    }

    #[test]
    fn operator_chains_count_without_brackets() {
        for (unit, n) in [
            ("\n+ a", 1000),
            ("!", 1000),
            ("a**", 1000),
            ("a=>", 1000),
            ("a+", 1000),
            ("new ", 1000),
            ("a.", 1000),
        ] {
            let text = format!("x = {}1;", unit.repeat(n));
            assert!(nesting_estimate(&text) >= n, "{unit}");
        }
        assert!(nesting_estimate(&"if (a) ".repeat(1000)) >= 1000);
        assert!(nesting_estimate(&format!("{}c;", "if (a) b; else ".repeat(1000))) >= 1000);
        assert!(nesting_estimate(&"`${".repeat(1000)) >= 1000);
        assert!(nesting_estimate(&format!("x = {}1;", "{} + ".repeat(1000))) >= 1000);
    }

    #[test]
    fn statements_and_lists_reset() {
        // 10,000 statements or array elements are a flat list, not a deep tree.
        assert!(nesting_estimate(&"a = b + c;\n".repeat(10_000)) < 10);
        assert!(nesting_estimate(&format!("x = [{}];", "-1, ".repeat(10_000))) < 10);
        assert!(nesting_estimate(&"const a = b.c(d) + 1\n".repeat(10_000)) < 10);
        assert!(nesting_estimate(&"function a(b){if(b){c()}else{d()}}".repeat(10_000)) < 10);
        assert!(nesting_estimate(&"if(c.e){g(...a(c))}else{h.push(...c)}".repeat(10_000)) < 10);
    }

    #[test]
    fn strings_and_comments_do_not_count() {
        let s = format!(
            "x = '{}'; // {}\n/* {} */ y = `{}`;",
            "+".repeat(5000),
            "!".repeat(5000),
            "-".repeat(5000),
            "=".repeat(5000)
        );
        assert!(nesting_estimate(&s) < 10, "{}", nesting_estimate(&s));
        assert!(nesting_estimate("x = `a${ `b${ c }` }d` + 1;") < 10);
    }
}
