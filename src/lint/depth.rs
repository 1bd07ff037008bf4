//! A linear pre-scan that bounds how deep oxc's parser and semantic pass could recurse on a
//! text, so that a hostile file becomes an `internal-error` instead of a stack overflow (which
//! aborts the process: it cannot be caught).
//!
//! Brackets are not the only way to nest. Each of these adds one level of recursion (parser or
//! AST visitor) without any bracket: prefix operators (`!!!!x`, `typeof typeof x`, `new new
//! X`), right-associative operators (`a = b = c`, `a ** b ** c`, `a ? b : c ? …`, `a => b =>
//! …`), left-deep chains that become left-deep trees (`a + b + c`, `a.b.c`, `f()()()`),
//! statement heads (`if (a) if (b) …`, `a: b: …`, `do do …`), `else if` chains and class
//! heritage (`class extends class extends B {} {}`: `class` and `extends` count one each, which
//! also covers the extra stack a `class extends (…)` level takes). The estimate is, at
//! every point, the sum over open brackets of one per bracket plus the operator-like tokens
//! seen at that bracket level since the last `;` or `,` (which end an expression) or line
//! break after an operand (which ends a statement in code without semicolons), plus the
//! `else if`s seen at that level (an `else if` chain nests across `;`).
//!
//! It over-approximates (`{a: {a: …` counts two a level) and that is the point: real code stays in
//! the hundreds, hostile code in the hundreds of thousands. Strings and comments are skipped so
//! that a large base64 string does not count; template literals are followed into `${…}`.

/// Byte classes for the scan (one table lookup a byte instead of a chain of tests).
const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const QUOTE: u8 = 2;
const TICK: u8 = 3;
const SLASH: u8 = 4;
const OPEN: u8 = 5;
const CLOSE: u8 = 6;
const SEPARATOR: u8 = 7;
const OPERATOR: u8 = 8;
const WORD: u8 = 9;
const DIGIT: u8 = 10;
const OTHER: u8 = 11;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b == b' ' || b == b'\t' || b == 0x0c {
            SPACE
        } else if b == b'\n' || b == b'\r' {
            NEWLINE
        } else if b == b'"' || b == b'\'' {
            QUOTE
        } else if b == b'`' {
            TICK
        } else if b == b'/' {
            SLASH
        } else if b == b'(' || b == b'[' || b == b'{' {
            OPEN
        } else if b == b')' || b == b']' || b == b'}' {
            CLOSE
        } else if b == b';' || b == b',' {
            SEPARATOR
        } else if is_operator(b) {
            OPERATOR
        } else if b.is_ascii_alphabetic() || b == b'_' || b == b'$' {
            WORD
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            OTHER
        };
        c += 1;
    }
    t
};

fn is_word_byte(c: u8) -> bool {
    matches!(CLASS[c as usize], WORD | DIGIT)
}

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
        let class = CLASS[c as usize];
        match class {
            SPACE => {
                i += 1;
                continue;
            }
            NEWLINE => {
                if matches!(CLASS[last as usize], WORD | DIGIT | CLOSE | QUOTE | TICK) {
                    pending_reset = true;
                }
                i += 1;
                continue;
            }
            SLASH if matches!(b.get(i + 1), Some(b'/')) => {
                i = memchr::memchr2(b'\n', b'\r', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            SLASH if matches!(b.get(i + 1), Some(b'*')) => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2);
                continue;
            }
            _ => {}
        }
        // Code: a line that starts with an operator continues the expression above (`a\n+ b`).
        if pending_reset && class != OPERATOR && class != SLASH {
            reset(&mut levels, &mut current);
        }
        pending_reset = false;
        last = c;
        match class {
            QUOTE => i = skip_string(b, i),
            TICK => {
                // A template: skip its text; `${` opens a level that returns here on `}`.
                let (next, opened) = skip_template_text(b, i + 1);
                if opened {
                    levels.push((0, 0, true));
                    current += 1;
                    max = max.max(current);
                }
                i = next;
            }
            OPEN => {
                levels.push((0, 0, false));
                current += 1;
                max = max.max(current);
                i += 1;
            }
            CLOSE => {
                i += 1;
                if levels.len() > 1 {
                    let (run, elses, template) = levels.pop().unwrap_or_default();
                    current -= 1 + run + elses;
                    if template && c == b'}' {
                        // Back in the template's text: skip to its end or next `${`.
                        let (next, opened) = skip_template_text(b, i);
                        if opened {
                            levels.push((0, 0, true));
                            current += 1;
                            max = max.max(current);
                        }
                        i = next;
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
                    max = max.max(current);
                }
            }
            SEPARATOR => {
                reset(&mut levels, &mut current);
                i += 1;
            }
            OPERATOR | SLASH => {
                // A run of operator characters is one token (`...`, `=>`, `**`, `===`), but
                // each prefix operator in it nests (`a = -+-+-b`, `!!!!x`).
                let mut prefixes = 0;
                i += 1;
                while i < b.len()
                    && matches!(CLASS[b[i] as usize], OPERATOR | SLASH)
                    && !(b[i] == b'/' && matches!(b.get(i + 1), Some(b'/' | b'*')))
                {
                    prefixes += usize::from(matches!(b[i], b'+' | b'-' | b'!' | b'~'));
                    i += 1;
                }
                bump(&mut levels, &mut current, 1 + prefixes);
                max = max.max(current);
            }
            WORD => {
                let start = i;
                i += 1;
                while i < b.len() && is_word_byte(b[i]) {
                    i += 1;
                }
                let word = &b[start..i];
                // The words below: 2 to 10 letters, starting with one of these.
                if (2..=10).contains(&word.len())
                    && matches!(
                        word[0],
                        b'e' | b'n' | b't' | b'v' | b'd' | b'a' | b'y' | b'i' | b'c' | b'k'
                    )
                {
                    match word {
                        // Only `else if` nests; `else {` and `else x` end the statement.
                        b"else"
                            if b.get(skip_spaces(b, i)..).is_some_and(|r| {
                                r.starts_with(b"if") && !r.get(2).is_some_and(|c| is_word_byte(*c))
                            }) =>
                        {
                            if let Some(top) = levels.last_mut() {
                                top.1 += 1;
                                current += 1;
                            }
                        }
                        b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"in"
                        | b"instanceof" | b"keyof" => bump(&mut levels, &mut current, 1),
                        // `class extends class extends B {} {}` and `do do x; while (a); while
                        // (a)` nest without a bracket open at the deepest point.
                        b"class" | b"extends" | b"do" => bump(&mut levels, &mut current, 1),
                        _ => {}
                    }
                    max = max.max(current);
                }
            }
            _ => {
                // Digits and other bytes: operands that nest nothing.
                i += 1;
                while i < b.len() && matches!(CLASS[b[i] as usize], DIGIT | OTHER) {
                    last = b[i];
                    i += 1;
                }
            }
        }
    }
    max
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

const fn is_operator(c: u8) -> bool {
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
    while let Some(n) = memchr::memchr3(quote, b'\\', b'\n', &b[j..]) {
        let at = j + n;
        // A carriage return ends the string's line too.
        if let Some(r) = memchr::memchr(b'\r', &b[j..at]) {
            return j + r;
        }
        match b[at] {
            b'\\' => j = at + 2,
            b'\n' => return at,
            _ => return at + 1,
        }
        if j >= b.len() {
            return b.len();
        }
    }
    memchr::memchr(b'\r', &b[j.min(b.len())..]).map_or(b.len(), |r| j + r)
}

/// From inside a template's text at `i`: the offset after its closing backtick (`false`) or
/// after the next `${` (`true`).
fn skip_template_text(b: &[u8], mut i: usize) -> (usize, bool) {
    while i < b.len() {
        let Some(n) = memchr::memchr3(b'\\', b'`', b'$', &b[i..]) else {
            break;
        };
        i += n;
        match b[i] {
            b'\\' => i += 2,
            b'`' => return (i + 1, false),
            _ if b.get(i + 1) == Some(&b'{') => return (i + 2, true),
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
        // Heritage chains and `do` bodies nest with nothing open at the deepest point.
        assert!(
            nesting_estimate(&format!(
                "x = {}B{};",
                "class extends ".repeat(1000),
                " {}".repeat(1000)
            )) >= 2000
        );
        assert!(
            nesting_estimate(&format!(
                "{}x;{}",
                "do ".repeat(1000),
                " while (a);".repeat(1000)
            )) >= 1000
        );
        assert!(nesting_estimate(&format!("let x: {}T;", "keyof ".repeat(1000))) >= 1000);
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
