//! The rule pages `rules/<id>.md` are tests: every example block is linted with only its
//! rule on, and must give exactly what it says. Also checks each page's metadata line against
//! the rule's `RuleMeta`, that pages, rule ids and the README's rules table agree, and that
//! dispatch through the table gives what running every rule on every node gives.
//! All failures are gathered and reported at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use restlint::diagnostic::{Diagnostic, PARSE_ERROR, Severity};
use restlint::lint::{ActiveRule, Dispatch, RuleSet, lint_text, lint_text_with};
use restlint::rules::{Category, FixKind, RULES, RuleMeta};

const LANGS: &[&str] = &["js", "jsx", "ts", "tsx", "mjs", "cjs"];

#[derive(Debug, Clone)]
struct Block {
    line: usize,
    lang: String,
    bad: bool,
    use_options: bool,
    fixed: bool,
    options: bool,
    code: String,
    section: String,
}

fn parse_blocks(page: &str, failures: &mut Vec<String>, id: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = page.lines().enumerate();
    let mut section = String::new();
    while let Some((n, line)) = lines.next() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
            continue;
        }
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let info = info.trim();
        let mut code = String::new();
        for (_, l) in lines.by_ref() {
            if l.trim_start().starts_with("```") {
                break;
            }
            code.push_str(l);
            code.push('\n');
        }
        if info.is_empty() {
            continue;
        }
        let mut tokens = info.split_whitespace();
        let lang = tokens.next().unwrap_or("").to_string();
        let mut b = Block {
            line: n + 1,
            lang: lang.clone(),
            bad: false,
            use_options: false,
            fixed: false,
            options: false,
            code,
            section: section.clone(),
        };
        if lang == "json" {
            for t in tokens {
                match t {
                    "options" => b.options = true,
                    other => {
                        failures.push(format!("{id}.md:{}: unknown info token `{other}`", n + 1))
                    }
                }
            }
            if b.options {
                blocks.push(b);
            }
            continue;
        }
        if !LANGS.contains(&lang.as_str()) {
            if !matches!(
                lang.as_str(),
                "sh" | "text" | "console" | "yaml" | "toml" | "diff"
            ) {
                failures.push(format!(
                    "{id}.md:{}: unknown code fence language `{lang}`",
                    n + 1
                ));
            }
            continue;
        }
        for t in tokens {
            match t {
                "expect_diagnostic" => b.bad = true,
                "use_options" => b.use_options = true,
                "fixed" => b.fixed = true,
                other => failures.push(format!("{id}.md:{}: unknown info token `{other}`", n + 1)),
            }
        }
        blocks.push(b);
    }
    blocks
}

fn rule_set(meta: &RuleMeta, options: Option<&serde_json::Value>) -> Result<RuleSet, String> {
    let rule = (meta.create)(options)?;
    Ok(RuleSet::new(vec![ActiveRule {
        rule,
        severity: Severity::Error,
    }]))
}

fn expected_marks(code: &str) -> BTreeMap<u32, usize> {
    let mut m = BTreeMap::new();
    for (i, l) in code.lines().enumerate() {
        let c = l.matches('✗').count();
        if c > 0 {
            m.insert(i as u32 + 1, c);
        }
    }
    m
}

fn render(d: &Diagnostic) -> String {
    let mut s = format!(
        "{}:{} {} {}: {}\n",
        d.start.line,
        d.start.column,
        d.severity.as_str(),
        d.rule,
        d.message
    );
    for l in &d.labels {
        s.push_str(&format!(
            "  label [{}..{}]: {}\n",
            l.span.start, l.span.end, l.message
        ));
    }
    if let Some(h) = &d.help {
        s.push_str(&format!("  help: {h}\n"));
    }
    if let Some(f) = &d.fix {
        s.push_str(&format!("  fix ({:?}): {}\n", f.safety, f.message));
    }
    s
}

/// Applies this rule's fixes (suggestions included) until nothing changes, at most 10 passes.
fn apply_fixes(path: &Path, code: &str, rules: &RuleSet) -> String {
    let mut text = code.to_string();
    for _ in 0..10 {
        let diags = lint_text(path, &text, rules);
        let mut edits: Vec<_> = diags.iter().filter_map(|d| d.fix.as_ref()).collect();
        edits.sort_by_key(|f| f.edits.first().map(|e| e.span.start));
        let mut out = String::new();
        let mut pos = 0usize;
        let mut changed = false;
        for fix in edits {
            let mut es = fix.edits.clone();
            es.sort_by_key(|e| e.span.start);
            if es.first().is_none_or(|e| (e.span.start as usize) < pos) {
                continue;
            }
            for e in es {
                out.push_str(&text[pos..e.span.start as usize]);
                out.push_str(&e.text);
                pos = e.span.end as usize;
                changed = true;
            }
        }
        out.push_str(&text[pos..]);
        if !changed {
            break;
        }
        text = out;
    }
    text
}

fn check_page(meta: &RuleMeta, failures: &mut Vec<String>, snapshot: &mut String) {
    let id = meta.id;
    let page = meta.docs;
    // Title and metadata line.
    let mut lines = page.lines().filter(|l| !l.trim().is_empty());
    if lines.next() != Some(&format!("# {id}")) {
        failures.push(format!("{id}.md: the first line must be `# {id}`"));
    }
    let default = match meta.category.default_severity() {
        None => "off",
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warn",
    };
    let fix = match meta.fix {
        FixKind::None => "—",
        FixKind::Safe => "safe",
        FixKind::Suggestion => "suggestion",
    };
    let want = format!(
        "Category: {} · Default: {default} · Fix: {fix}",
        meta.category.as_str()
    );
    if lines.next() != Some(want.as_str()) {
        failures.push(format!("{id}.md: the second line must be `{want}`"));
    }
    for section in ["## Why", "## Bad", "## Good", "## Options", "## Fix"] {
        if !page.lines().any(|l| l.trim() == section) {
            failures.push(format!("{id}.md: missing section `{section}`"));
        }
    }

    let blocks = parse_blocks(page, failures, id);
    let mut options: Option<(String, serde_json::Value)> = None;
    let mut prev_bad: Option<Block> = None;
    let mut bad_count = 0;
    for b in &blocks {
        let at = format!("{id}.md:{}", b.line);
        if b.options {
            match serde_json::from_str(&b.code) {
                Ok(v) => options = Some((b.section.clone(), v)),
                Err(e) => failures.push(format!("{at}: options block is not JSON: {e}")),
            }
            continue;
        }
        let opts = if b.use_options {
            match &options {
                Some((sec, v)) if *sec == b.section => Some(v.clone()),
                _ => {
                    failures.push(format!(
                        "{at}: `use_options` without a `json options` block earlier in this section"
                    ));
                    None
                }
            }
        } else {
            None
        };
        let rules = match rule_set(meta, opts.as_ref()) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{at}: the options are refused: {e}"));
                continue;
            }
        };
        let path = PathBuf::from(format!("example.{}", b.lang));
        if b.fixed {
            let Some(bad) = prev_bad.take() else {
                failures.push(format!("{at}: a `fixed` block must follow a bad block"));
                continue;
            };
            let got = apply_fixes(
                &PathBuf::from(format!("example.{}", bad.lang)),
                &bad.code,
                &rules,
            );
            if got != b.code {
                failures.push(format!(
                    "{at}: the fixed text differs\n--- want\n{}--- got\n{}",
                    b.code, got
                ));
            }
            continue;
        }
        let diags = lint_text(&path, &b.code, &rules);
        // Dispatch through the table must agree with running every rule on every node.
        let all = lint_text_with(&path, &b.code, &rules, Dispatch::Everything);
        if all != diags {
            failures.push(format!(
                "{at}: table dispatch and full dispatch differ:\n{diags:#?}\nvs\n{all:#?}"
            ));
        }
        let others: Vec<_> = diags.iter().filter(|d| d.rule != id).collect();
        if !others.is_empty() {
            failures.push(format!(
                "{at}: other diagnostics: {}",
                others.iter().map(|d| render(d)).collect::<String>()
            ));
        }
        if b.bad {
            bad_count += 1;
            let marks = expected_marks(&b.code);
            if marks.is_empty() {
                failures.push(format!("{at}: a bad block needs at least one ✗"));
            }
            let mut got: BTreeMap<u32, usize> = BTreeMap::new();
            for d in diags.iter().filter(|d| d.rule == id) {
                *got.entry(d.start.line).or_default() += 1;
            }
            if got != marks {
                failures.push(format!(
                    "{at}: expected diagnostics on lines {marks:?}, got {got:?}:\n{}",
                    diags.iter().map(render).collect::<String>()
                ));
            }
            snapshot.push_str(&format!(
                "--- {id}.md:{}\n{}",
                b.line,
                diags.iter().map(render).collect::<String>()
            ));
            prev_bad = Some(b.clone());
        } else {
            prev_bad = None;
            if !diags.is_empty() {
                failures.push(format!(
                    "{at}: good code gave diagnostics:\n{}",
                    diags.iter().map(render).collect::<String>()
                ));
            }
        }
    }
    if bad_count == 0 {
        failures.push(format!("{id}.md: no bad example"));
    }
    let _ = PARSE_ERROR;
}

fn readme_table() -> BTreeMap<String, (String, String, String)> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap_or_default();
    let mut rows = BTreeMap::new();
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 6 && cells[1].starts_with("[`") {
            let id = cells[1]
                .trim_start_matches("[`")
                .split('`')
                .next()
                .unwrap_or("")
                .to_string();
            rows.insert(
                id,
                (
                    cells[2].to_string(),
                    cells[3].to_string(),
                    cells[4].to_string(),
                ),
            );
        }
    }
    rows
}

#[test]
fn rule_pages_are_right() {
    let mut failures = Vec::new();
    let mut snapshot = String::new();
    let mut per_rule = Vec::new();
    for meta in RULES {
        let mut one = String::new();
        check_page(meta, &mut failures, &mut one);
        snapshot.push_str(&one);
        per_rule.push((meta.id, one));
    }
    // Every page belongs to a rule, and every rule is in the README's table.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(&dir).expect("rules/ exists").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(id) = name.strip_suffix(".md")
            && !RULES.iter().any(|m| m.id == id)
        {
            failures.push(format!("rules/{name}: no rule has this id"));
        }
    }
    let table = readme_table();
    for meta in RULES {
        let default = meta.category.default_severity().map_or("off", |s| {
            if s == Severity::Error {
                "error"
            } else {
                "warn"
            }
        });
        let want = (
            meta.category.as_str().to_string(),
            default.to_string(),
            meta.fix.as_str().to_string(),
        );
        match table.get(meta.id) {
            None => failures.push(format!(
                "README.md: the rules table has no row for `{}`",
                meta.id
            )),
            Some(row) if *row != want => failures.push(format!(
                "README.md: row `{}` says {row:?}, the rule says {want:?}",
                meta.id
            )),
            _ => {}
        }
    }
    for id in table.keys() {
        if !RULES.iter().any(|m| m.id == id) {
            failures.push(format!(
                "README.md: the rules table lists `{id}`, which is not a rule"
            ));
        }
    }
    // Messages: one sentence, lowercase start, no final period.
    for line in snapshot
        .lines()
        .filter(|l| !l.starts_with("  ") && !l.starts_with("---"))
    {
        if let Some((_, msg)) = line.split_once(": ")
            && (msg.starts_with(|c: char| c.is_uppercase()) || msg.ends_with('.'))
        {
            failures.push(format!("message style: `{msg}`"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // One snapshot per rule: the rendered diagnostics of its bad examples.
    for (id, text) in per_rule {
        insta::assert_snapshot!(format!("rule_page__{id}"), text);
    }
}

/// `code` printed without whitespace or comments (`None` when it does not parse cleanly).
fn minified(lang: &str, code: &str) -> Option<String> {
    let allocator = oxc_allocator::Allocator::default();
    let source_type = oxc_span::SourceType::from_path(format!("example.{lang}")).ok()?;
    let ret = oxc_parser::Parser::new(&allocator, code, source_type).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        return None;
    }
    let out = oxc_codegen::Codegen::new()
        .with_options(oxc_codegen::CodegenOptions::minify())
        .build(&ret.program);
    Some(out.code)
}

/// Minified code has no spaces around `of`, `=` or brackets and no line breaks: every rule
/// page example, printed that way, must get as many of its rule's diagnostics as it does
/// written out (the needle pre-filter and the gate read text and shapes that minifying
/// changes). Examples with suppression comments are left out: minifying drops comments.
#[test]
fn minified_examples_find_the_same() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for meta in RULES {
        let mut ignored = Vec::new();
        let blocks = parse_blocks(meta.docs, &mut ignored, meta.id);
        let mut options = None;
        for b in &blocks {
            if b.options {
                options = serde_json::from_str::<serde_json::Value>(&b.code).ok();
                continue;
            }
            if b.fixed || b.code.contains("restlint-") {
                continue;
            }
            let Ok(rules) = rule_set(
                meta,
                if b.use_options {
                    options.as_ref()
                } else {
                    None
                },
            ) else {
                continue;
            };
            let Some(small) = minified(&b.lang, &b.code) else {
                continue;
            };
            let path = PathBuf::from(format!("example.{}", b.lang));
            let count = |code: &str| {
                lint_text(&path, code, &rules)
                    .iter()
                    .filter(|d| d.rule == meta.id)
                    .count()
            };
            compared += 1;
            let (want, got) = (count(&b.code), count(&small));
            if want != got {
                failures.push(format!(
                    "{}.md:{}: {want} diagnostic(s) written out, {got} minified:\n{small}",
                    meta.id, b.line
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(compared >= 80, "only {compared} examples compared");
}

#[test]
fn categories_are_known() {
    for meta in RULES {
        assert!(Category::parse(meta.category.as_str()).is_some());
    }
}
