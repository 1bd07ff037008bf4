//! oxc's syntax errors turned into our diagnostics.
//!
//! The rest/spread syntax errors get their own rule ids (`rest-not-last`, `invalid-rest`)
//! with labels and help; every other error is a `parse-error`. One construct gets one
//! diagnostic even when oxc reports several errors for it.

use oxc_diagnostics::OxcDiagnostic;

use crate::diagnostic::{Diagnostic, PARSE_ERROR, Span};
use crate::lint::scan;
use crate::rules::{invalid_rest, rest_not_last};

/// What an oxc error means to us.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxClass {
    /// A rest that is not last (or has a trailing comma): `rest-not-last`.
    RestNotLast(rest_not_last::Cause),
    /// Another rest syntax error: `invalid-rest`.
    InvalidRest(invalid_rest::Cause),
    /// Anything else: `parse-error`.
    Other,
}

/// The table from oxc's messages to our ids. Each entry is tested in `tests`.
pub fn classify(message: &str) -> SyntaxClass {
    use invalid_rest::Cause as I;
    use rest_not_last::Cause as R;
    match message {
        "A rest parameter must be last in a parameter list" => {
            SyntaxClass::RestNotLast(R::Parameter)
        }
        "A rest element must be last in a destructuring pattern" => {
            SyntaxClass::RestNotLast(R::Pattern)
        }
        "Spread must be last element" => SyntaxClass::RestNotLast(R::Assignment),
        "A rest parameter or binding pattern may not have a trailing comma." => {
            SyntaxClass::RestNotLast(R::TrailingComma)
        }
        "A rest element cannot have an initializer."
        | "A rest parameter cannot have an initializer." => {
            SyntaxClass::InvalidRest(I::Initializer)
        }
        "A 'set' accessor cannot have rest parameter." => SyntaxClass::InvalidRest(I::Setter),
        "Invalid rest element target in destructuring pattern"
        | "Invalid rest element target in destructuring assignment" => {
            SyntaxClass::InvalidRest(I::Target)
        }
        _ => SyntaxClass::Other,
    }
}

/// The primary span of an oxc diagnostic (its first primary label, else its first label).
pub fn primary_span(d: &OxcDiagnostic) -> Option<Span> {
    let labels: &[oxc_span::LabeledSpan] = &d.labels;
    let label = labels
        .iter()
        .find(|l| l.primary())
        .or_else(|| labels.first())?;
    Some(Span::from(label.span()))
}

/// Converts one oxc error into our diagnostic.
pub fn convert(d: &OxcDiagnostic, source: &str) -> Diagnostic {
    let span = primary_span(d).unwrap_or_default();
    match classify(&d.message) {
        SyntaxClass::RestNotLast(cause) => rest_not_last::from_syntax_error(cause, span, source),
        SyntaxClass::InvalidRest(cause) => invalid_rest::from_syntax_error(cause, span, source),
        SyntaxClass::Other => {
            match arrow_rest_error(source, span).or_else(|| rest_parameter_default(source, span)) {
                Some((rest, SyntaxClass::RestNotLast(cause))) => {
                    rest_not_last::from_syntax_error(cause, rest, source)
                }
                Some((rest, SyntaxClass::InvalidRest(cause))) => {
                    invalid_rest::from_syntax_error(cause, rest, source)
                }
                _ => parse_error(d, span),
            }
        }
    }
}

/// oxc parses arrow parameters as a parenthesized expression first, so a rest error there
/// comes out as another error: "unexpected token" at the `...` or "expected a semicolon" at
/// the `=>` (`(a, ...b, c) => 1`, `([...x, y]) => {}`, `({ ...{ a } }) => a`), and in
/// TypeScript "expected `,` or `)`" at the `:` of a parameter's annotation or at the `=` of a
/// default after one (`([...xs, y]: number[]) => y`, `(...args: string[] = []) => args`).
/// Recognise those and find the rest, with the class and the span the rest rules take: the
/// rest for `rest-not-last`, the part after the `...` for `invalid-rest`.
fn arrow_rest_error(src: &str, err: Span) -> Option<(Span, SyntaxClass)> {
    let at = scan::skip_trivia(src, err.start as usize);
    let here = src.get(at..)?;
    let arrow_here = here.starts_with("=>");
    // In TypeScript a generic arrow whose parameters do not parse is read again as a type
    // assertion: `<T>(a: T, …)` fails at the first annotation's `:`, `<T extends U>(…)` at
    // the `>` (read as a conditional type) and `<T, U>(…)` at the `,`.
    let generic_open = if here.starts_with('>') || here.starts_with(',') {
        parameters_after_type_parameters(src, at)
    } else {
        None
    };
    let inside = here.starts_with("...")
        || (here.starts_with(':')
            && (annotates_pattern(src, at) || after_type_parameters(src, at)))
        || (here.starts_with('=') && !arrow_here && !here.starts_with("=="));
    if !inside && !arrow_here && generic_open.is_none() {
        return None;
    }
    // The parameter list: `(` … `)` followed by `=>` (or by a return type and `=>`).
    let (open, close) = if arrow_here {
        let close = src.get(..at)?.trim_end().len().checked_sub(1)?;
        if src.as_bytes().get(close) != Some(&b')') {
            return None;
        }
        (matching_open(src, close)?, close)
    } else if let Some(open) = generic_open {
        (open, scan::matching_close(src, open)?)
    } else {
        let open = enclosing_open(src, at)?;
        let close = scan::matching_close(src, open)?;
        (open, close)
    };
    if src.as_bytes().get(open) != Some(&b'(') || !arrow_follows(src, close + 1) {
        return None;
    }
    // The rests of the parameters and of their patterns, not the spreads of a default
    // value (`(a = f(...b, c), …)`) or the rests of a type (`(x: [...A, B], …)`).
    let rests = binding_rests(src, open, close);
    let end_of = |start: usize, list: List| match list {
        List::Params => scan::param_end(src, start),
        List::Array | List::Object => scan::element_end(src, start),
    };
    // The first rest that something follows.
    for &(start, list) in &rests {
        let end = end_of(start, list);
        if !matches!(scan::after_element(src, end), scan::After::Nothing) {
            let cause = if list == List::Params {
                rest_not_last::Cause::Parameter
            } else {
                rest_not_last::Cause::Pattern
            };
            let rest = Span::new(start as u32, end as u32);
            return Some((rest, SyntaxClass::RestNotLast(cause)));
        }
    }
    // Else the first rest with a default value, or an object rest whose target is a pattern.
    for &(start, list) in &rests {
        let end = end_of(start, list);
        let target = scan::skip_trivia(src, start + 3);
        let Some(text) = src.get(target..end) else {
            continue;
        };
        let after = Span::new(target as u32, end as u32);
        if has_default(text) {
            return Some((
                after,
                SyntaxClass::InvalidRest(invalid_rest::Cause::Initializer),
            ));
        }
        if list == List::Object && matches!(src.as_bytes().get(target), Some(b'{' | b'[')) {
            return Some((after, SyntaxClass::InvalidRest(invalid_rest::Cause::Target)));
        }
    }
    None
}

/// In TypeScript oxc reads a rest parameter's annotation after the rest, so in a function,
/// method, constructor or signature a default after the annotation comes out as "expected `,`
/// or `)`" at its `=` (`function f(...args: string[] = []) {}`, `m(...o: T[] = []) {}`), not
/// as the initializer error the same rest without an annotation gets. (Arrows are read by
/// [`arrow_rest_error`].) Recognise that `=` when it is the default of a rest parameter of
/// the enclosing parameter list, with the span `invalid-rest` takes: the part after the `...`.
fn rest_parameter_default(src: &str, err: Span) -> Option<(Span, SyntaxClass)> {
    let at = scan::skip_trivia(src, err.start as usize);
    let here = src.get(at..)?;
    if !here.starts_with('=') || here.starts_with("==") || here.starts_with("=>") {
        return None;
    }
    let open = enclosing_open(src, at)?;
    if src.as_bytes().get(open) != Some(&b'(') {
        return None;
    }
    let close = scan::matching_close(src, open)?;
    let (start, end) = binding_rests(src, open, close)
        .into_iter()
        .filter(|&(_, list)| list == List::Params)
        .map(|(start, _)| (start, scan::param_end(src, start)))
        .find(|&(start, end)| start < at && at < end)?;
    let target = scan::skip_trivia(src, start + 3);
    // The `=` must be the rest's own default, not one inside its annotation.
    let text = src.get(target..end)?;
    (default_at(text) == Some(at - target)).then_some((
        Span::new(target as u32, end as u32),
        SyntaxClass::InvalidRest(invalid_rest::Cause::Initializer),
    ))
}

/// The kind of list a rest is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    Params,
    Array,
    Object,
}

/// How deep [`binding_rests`] follows nested patterns (hostile input may nest thousands).
const MAX_PATTERN_DEPTH: u32 = 32;

/// The `...` of every rest in the binding part of the parameter list between the `(` at
/// `open` and the `)` at `close`, in source order, with the list it is in: rest parameters
/// and the rests of the parameters' patterns, at any depth; never a spread in a default value
/// or a rest in a type annotation.
fn binding_rests(src: &str, open: usize, close: usize) -> Vec<(usize, List)> {
    let mut out = Vec::new();
    list_rests(src, open + 1, close, List::Params, 0, &mut out);
    out
}

/// The rests of the list of kind `list` whose elements start at `from`, up to `to`.
fn list_rests(
    src: &str,
    from: usize,
    to: usize,
    list: List,
    depth: u32,
    out: &mut Vec<(usize, List)>,
) {
    let b = src.as_bytes();
    let mut pos = from;
    loop {
        let start = scan::skip_trivia(src, pos);
        if start >= to {
            return;
        }
        let end = match list {
            List::Params => scan::param_end(src, start),
            List::Array | List::Object => scan::element_end(src, start),
        }
        .min(to);
        if src.get(start..).is_some_and(|t| t.starts_with("...")) {
            out.push((start, list));
            target_rests(src, scan::skip_trivia(src, start + 3), end, depth, out);
        } else if list == List::Object {
            // `key: target`, `[key]: target`, `"key": target`; a shorthand binds a name.
            if let Some(value) = property_value(src, start, end) {
                target_rests(src, value, end, depth, out);
            }
        } else {
            // `target`, `target = default`, `target?: T`, `target: T = default`.
            target_rests(src, start, end, depth, out);
        }
        let comma = scan::skip_trivia(src, end);
        if comma >= to || b.get(comma) != Some(&b',') {
            return;
        }
        pos = comma + 1;
    }
}

/// The rests in a binding target starting at `at` (before `end`): those of an array or
/// object pattern there.
fn target_rests(src: &str, at: usize, end: usize, depth: u32, out: &mut Vec<(usize, List)>) {
    let list = match src.as_bytes().get(at) {
        Some(b'[') => List::Array,
        Some(b'{') => List::Object,
        _ => return,
    };
    if depth >= MAX_PATTERN_DEPTH {
        return;
    }
    if let Some(close) = scan::matching_close(src, at).filter(|&c| c < end) {
        list_rests(src, at + 1, close, list, depth + 1, out);
    }
}

/// Where the value of an object pattern's property that starts at `start` (before `end`)
/// starts: after the `:` of `key: value`; `None` for a shorthand (`a`, `a = 1`).
fn property_value(src: &str, start: usize, end: usize) -> Option<usize> {
    let b = src.as_bytes();
    let key_end = match b.get(start)? {
        b'[' => scan::matching_close(src, start)? + 1,
        b'"' | b'\'' => {
            let quote = b[start];
            let mut i = start + 1;
            while i < end && b[i] != quote {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i + 1
        }
        _ => {
            let mut i = start;
            while i < end && !b[i].is_ascii_whitespace() && !matches!(b[i], b':' | b'=' | b'/') {
                i += 1;
            }
            i
        }
    };
    let colon = scan::skip_trivia(src, key_end);
    (colon < end && b.get(colon) == Some(&b':')).then(|| scan::skip_trivia(src, colon + 1))
}

/// Whether the `:` at `colon` annotates a whole pattern parameter: it follows a `]` or `}`
/// whose bracket opens the parameter (after `(` or `,`), as in `([...xs, y]: T[]) =>`, not
/// the `:` of a `?:` or of a property.
fn annotates_pattern(src: &str, colon: usize) -> bool {
    let Some(close) = src[..colon].trim_end().len().checked_sub(1) else {
        return false;
    };
    if !matches!(src.as_bytes()[close], b']' | b'}') {
        return false;
    }
    matching_open(src, close)
        .is_some_and(|open| matches!(src[..open].trim_end().as_bytes().last(), Some(b'(' | b',')))
}

/// Whether the `:` at `colon` is in a parenthesised list that follows a type parameter list
/// (`<T>(a: T, …`): the parameters of a generic arrow, read as a type assertion's operand.
fn after_type_parameters(src: &str, colon: usize) -> bool {
    enclosing_open(src, colon).is_some_and(|open| {
        src.as_bytes().get(open) == Some(&b'(')
            && src[..open].trim_end().as_bytes().last() == Some(&b'>')
    })
}

/// From a `>` or `,` at `at` inside a type parameter list (`<T, U>(`, `<T extends U>(`): the
/// `(` that follows the list's closing `>`.
fn parameters_after_type_parameters(src: &str, at: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    let mut i = at;
    while i < b.len() {
        match b[i] {
            b'=' if b.get(i + 1) == Some(&b'>') => i += 1,
            b'(' | b'[' | b'{' | b'<' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'>' if depth == 0 => {
                let open = scan::skip_trivia(src, i + 1);
                return (b.get(open) == Some(&b'(')).then_some(open);
            }
            b'>' => depth -= 1,
            b';' if depth == 0 => return None,
            _ => {}
        }
        if depth < 0 {
            return None;
        }
        i += 1;
    }
    None
}

/// Whether `=>` follows at `pos`, directly or after a return type annotation (`): T =>`).
fn arrow_follows(src: &str, pos: usize) -> bool {
    let b = src.as_bytes();
    let mut i = scan::skip_trivia(src, pos);
    if src.get(i..).is_some_and(|t| t.starts_with("=>")) {
        return true;
    }
    if b.get(i) != Some(&b':') {
        return false;
    }
    // The return type: up to the first `=>` outside brackets (`(): () => void => …` stops
    // at the type's own arrow, which is as good), never past a `;` or `{` at the top.
    let mut depth = 0i32;
    i += 1;
    while i < b.len() {
        match b[i] {
            b'=' if depth == 0 && b.get(i + 1) == Some(&b'>') => return true,
            b'=' if b.get(i + 1) == Some(&b'>') => i += 1,
            b'(' | b'[' | b'<' => depth += 1,
            b')' | b']' | b'>' | b'}' => depth -= 1,
            b'{' if depth == 0 => return false,
            b'{' => depth += 1,
            b';' if depth == 0 => return false,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
        i += 1;
    }
    false
}

/// Whether the text of a rest's target (after the `...`) has a default value: an `=` outside
/// brackets that is not part of `=>`, `==` or a comparison.
fn has_default(target: &str) -> bool {
    default_at(target).is_some()
}

/// The offset of the `=` that [`has_default`] looks for.
fn default_at(target: &str) -> Option<usize> {
    let b = target.as_bytes();
    let mut depth = 0i32;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'=' if depth == 0 => {
                let next = b.get(i + 1).copied();
                let prev = i.checked_sub(1).map(|p| b[p]);
                if !matches!(next, Some(b'>' | b'='))
                    && !matches!(prev, Some(b'=' | b'!' | b'<' | b'>'))
                {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn matching_open(src: &str, close: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    for i in (0..=close).rev() {
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn enclosing_open(src: &str, at: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    for i in (0..at).rev() {
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// A plain `parse-error`, keeping oxc's message, labels and help.
pub fn parse_error(d: &OxcDiagnostic, span: Span) -> Diagnostic {
    let message = lowercase_first(d.message.trim_end_matches('.'));
    let mut diag = Diagnostic::new(PARSE_ERROR, span, message);
    for l in d.labels.iter() {
        let s = Span::from(l.span());
        if s == span && l.label().is_none() {
            continue;
        }
        diag.labels.push(crate::diagnostic::Label::new(
            s,
            l.label().unwrap_or("here").to_string(),
        ));
    }
    if let Some(h) = d.help.as_ref() {
        diag.help = Some(h.to_string());
    }
    diag
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep acronyms and quoted code as they are ("TS1234", "'set' accessor").
        Some(f) if f.is_uppercase() && c.clone().next().is_some_and(|n| n.is_lowercase()) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

/// Converts all of a file's oxc errors, keeping one diagnostic per construct: when a rest
/// rule and another error start inside the same rest element, the rest rule wins, and an
/// exact duplicate (same rule and span) is dropped.
pub fn convert_all(errors: &[OxcDiagnostic], source: &str, out: &mut Vec<Diagnostic>) {
    let mut converted: Vec<Diagnostic> = errors.iter().map(|d| convert(d, source)).collect();
    let rest_spans: Vec<Span> = converted
        .iter()
        .filter(|d| d.rule != PARSE_ERROR)
        .map(|d| d.span)
        .collect();
    converted.retain(|d| {
        d.rule != PARSE_ERROR
            || !rest_spans
                .iter()
                .any(|r| d.span.start >= r.start && d.span.start < r.end.max(r.start + 1))
    });
    for d in converted {
        if !out.iter().any(|o| o.rule == d.rule && o.span == d.span) {
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_entry_classifies() {
        use invalid_rest::Cause as I;
        use rest_not_last::Cause as R;
        let cases = [
            (
                "A rest parameter must be last in a parameter list",
                SyntaxClass::RestNotLast(R::Parameter),
            ),
            (
                "A rest element must be last in a destructuring pattern",
                SyntaxClass::RestNotLast(R::Pattern),
            ),
            (
                "Spread must be last element",
                SyntaxClass::RestNotLast(R::Assignment),
            ),
            (
                "A rest parameter or binding pattern may not have a trailing comma.",
                SyntaxClass::RestNotLast(R::TrailingComma),
            ),
            (
                "A rest element cannot have an initializer.",
                SyntaxClass::InvalidRest(I::Initializer),
            ),
            (
                "A rest parameter cannot have an initializer.",
                SyntaxClass::InvalidRest(I::Initializer),
            ),
            (
                "A 'set' accessor cannot have rest parameter.",
                SyntaxClass::InvalidRest(I::Setter),
            ),
            (
                "Invalid rest element target in destructuring pattern",
                SyntaxClass::InvalidRest(I::Target),
            ),
            (
                "Invalid rest element target in destructuring assignment",
                SyntaxClass::InvalidRest(I::Target),
            ),
            ("Unexpected token", SyntaxClass::Other),
        ];
        for (msg, want) in cases {
            assert_eq!(classify(msg), want, "{msg}");
        }
    }

    #[test]
    fn lowercases_sentence_starts_only() {
        assert_eq!(lowercase_first("Unexpected token"), "unexpected token");
        assert_eq!(lowercase_first("TS1109: x"), "TS1109: x");
        assert_eq!(lowercase_first("'set' accessor"), "'set' accessor");
    }
}
