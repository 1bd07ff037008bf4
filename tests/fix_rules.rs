//! Every fixable rule: input → output snapshots, idempotence (fixing twice equals fixing once),
//! and the fixed text still parses.

use std::path::Path;

use restlint::diagnostic::{FixSafety, Severity};
use restlint::fix::{FixMode, fix_text};
use restlint::lint::{ActiveRule, RuleSet, lint_text};
use restlint::rules::FixKind;

fn rules(ids: &[&str]) -> RuleSet {
    RuleSet::new(
        ids.iter()
            .map(|id| {
                let meta = restlint::rules::find(id).expect("rule exists");
                ActiveRule {
                    rule: (meta.create)(None).expect("no options"),
                    severity: Severity::Warning,
                }
            })
            .collect(),
    )
}

fn fix_once(file: &str, code: &str, rules: &RuleSet, mode: FixMode) -> String {
    let path = Path::new(file);
    let diags = lint_text(path, code, rules);
    fix_text(path, code, diags, rules, mode).text
}

/// (rule, file, input) cases; the snapshot shows each input and its output.
const CASES: &[(&str, &str, &str)] = &[
    (
        "prefer-spread",
        "a.js",
        "function f() { return g.apply(null, arguments); }",
    ),
    (
        "prefer-spread",
        "a.js",
        "function f(...xs) { obj.m.apply(obj, xs); this.h.apply(this, xs); }",
    ),
    ("prefer-spread", "a.js", "run.apply(undefined, list);"),
    (
        "prefer-spread",
        "a.js",
        "run.apply(void 0, Array.from(set));",
    ),
    (
        "prefer-spread",
        "a.js",
        "const xs = [1, 2];\nf.apply(null, xs,);",
    ),
    ("prefer-spread", "a.js", "a['b'].apply(a, args);"),
    (
        "prefer-spread",
        "a.js",
        "f?.apply(null, args); (f.apply)(null, args);",
    ),
    (
        "prefer-spread",
        "a.js",
        "x = [].concat.apply([], [a].concat(b));",
    ),
    (
        "prefer-spread",
        "a.js",
        "class C { #f; m(...xs) { this.#f.apply(this, xs); } }",
    ),
    ("prefer-spread", "a.js", "g.apply(null, /* keep */ args);"),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({}, a);",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "Object.assign({ a: 1 }); x = globalThis.Object.assign({}, y);",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({ a: 1, }, b, c);",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "Object.assign({}, a).b = 1;",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const f = (x) => Object.assign({}, x);",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "export default Object.assign({}, base, { extra: true });",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({}, a, Object.assign({}, b));",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({}, cond ? a : b, (x, y));",
    ),
    (
        "prefer-object-spread",
        "a.ts",
        "const c = Object.assign({}, a as A);",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({}, { get x() { return 1; } }, { __proto__: p, y: 1 }, ({ z }), {});",
    ),
    (
        "prefer-object-spread",
        "a.js",
        "const c = Object.assign({}, {});",
    ),
    (
        "prefer-object-spread",
        "a.jsx",
        "const el = <C {...Object.assign({}, props)} />;",
    ),
    (
        "prefer-rest-params",
        "a.js",
        "function f() { return arguments[0] + arguments.length; }",
    ),
    (
        "prefer-rest-params",
        "a.js",
        "function f() { const args = 1; return [...arguments, args]; }",
    ),
    (
        "prefer-rest-params",
        "a.js",
        "const o = { m() { return () => arguments[0]; } };",
    ),
    (
        "prefer-rest-params",
        "a.js",
        "function f(a) { return arguments[1]; }",
    ),
    (
        "prefer-rest-params",
        "a.ts",
        "class C { pipe() { return pipeArguments(this, arguments); } }",
    ),
    (
        "prefer-rest-params",
        "a.js",
        "class C extends B { constructor() { super(...arguments); } get x() { return arguments.length ? arguments[0] : 1; } }",
    ),
    ("rest-not-last", "a.js", "function f(...rest, last) {}"),
    ("rest-not-last", "a.js", "const [...init, last] = xs;"),
    ("rest-not-last", "a.js", "const { ...others, id } = obj;"),
    ("rest-not-last", "a.js", "function f(a, ...rest,) {}"),
    ("rest-not-last", "a.js", "function f(...rest, last = 1) {}"),
    ("rest-not-last", "a.js", "[...a[f()], b] = xs;"),
    (
        "rest-not-last",
        "a.ts",
        "function f(...xs: number[], y: string) {}",
    ),
];

#[test]
fn fixes_snapshot_and_idempotence() {
    let mut out = String::new();
    let mut failures = Vec::new();
    for (rule, file, code) in CASES {
        let set = rules(&[rule]);
        // A rule declared `suggestion` never offers a safe fix; a rule without fixes offers none.
        for d in lint_text(Path::new(file), code, &set) {
            let Some(meta) = restlint::rules::find(d.rule) else {
                continue;
            };
            let ok = match (&d.fix, meta.fix) {
                (None, _) => true,
                (Some(_), FixKind::None) => false,
                (Some(f), FixKind::Suggestion) => f.safety == FixSafety::Suggestion,
                (Some(_), FixKind::Safe) => true,
            };
            if !ok {
                failures.push(format!(
                    "{rule} offers a fix its metadata does not allow: {code:?}"
                ));
            }
        }
        let once = fix_once(file, code, &set, FixMode::SUGGESTIONS);
        let twice = fix_once(file, &once, &set, FixMode::SUGGESTIONS);
        if once != twice {
            failures.push(format!(
                "{rule} not idempotent: {code:?} -> {once:?} -> {twice:?}"
            ));
        }
        let parse = lint_text(Path::new(file), &once, &rules(&[]));
        if once != *code && parse.iter().any(|d| d.rule == "parse-error") {
            failures.push(format!("{rule} fixed text does not parse: {once:?}"));
        }
        let safe = fix_once(file, code, &set, FixMode::SAFE);
        out.push_str(&format!(
            "## {rule} ({file})\n{code}\n--fix:\n{safe}\n--fix-suggestions:\n{once}\n\n"
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
    insta::assert_snapshot!("fixes", out);
}

#[test]
fn all_rules_together_converge() {
    let all: Vec<&str> = restlint::rules::RULES.iter().map(|m| m.id).collect();
    let set = rules(&all);
    let code = "function f() {\n  return g.apply(null, arguments);\n}\nconst o = Object.assign({}, Object.assign({}, a), b);\n";
    let once = fix_once("a.js", code, &set, FixMode::SUGGESTIONS);
    let twice = fix_once("a.js", &once, &set, FixMode::SUGGESTIONS);
    assert_eq!(once, twice);
    assert_eq!(
        once,
        "function f(...args) {\n  return g(...args);\n}\nconst o = { ...{ ...a }, ...b };\n"
    );
}

#[test]
fn crlf_and_bom_survive() {
    let set = rules(&["prefer-object-spread"]);
    let code = "\u{feff}const c = Object.assign({}, a);\r\nconst d = 1;\r\n";
    let once = fix_once("a.js", code, &set, FixMode::SAFE);
    assert_eq!(once, "\u{feff}const c = { ...a };\r\nconst d = 1;\r\n");
}

#[test]
fn a_file_with_a_parse_error_is_not_fixed() {
    let set = rules(&["prefer-object-spread"]);
    let code = "const c = Object.assign({}, a);\nconst = ;\n";
    assert_eq!(fix_once("a.js", code, &set, FixMode::SAFE), code);
}

#[test]
fn a_fix_that_would_add_a_diagnostic_is_withheld_with_a_note() {
    // The spread the fix writes would be an accumulating spread: a new diagnostic.
    let set = rules(&["prefer-object-spread", "accumulating-spread"]);
    let code = "const m = xs.reduce((acc, x) => Object.assign({}, acc, { [x]: 1 }), {});\nconst c = Object.assign({}, a);\n";
    let path = Path::new("a.js");
    let out = fix_text(path, code, lint_text(path, code, &set), &set, FixMode::SAFE);
    assert_eq!(
        out.text,
        "const m = xs.reduce((acc, x) => Object.assign({}, acc, { [x]: 1 }), {});\nconst c = { ...a };\n"
    );
    // The note is the help of the diagnostic whose fix was refused, not a diagnostic of its own.
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    let d = &out.diagnostics[0];
    assert_eq!(
        (d.rule, d.start.line, d.start.column),
        ("prefer-object-spread", 1, 33)
    );
    let help = d.help.as_deref().unwrap_or("");
    assert!(
        help.starts_with("write the object literal with the sources spread into it")
            && help.contains("the fix was not applied, as the fixed text would gain a diagnostic (accumulating-spread: "),
        "{help}"
    );
    assert!(d.fix.is_none(), "a refused fix is not offered again");
}

#[test]
fn each_refused_fix_is_noted_on_its_own_diagnostic() {
    // Both fixes would gain an object-spread-indexed diagnostic (its message for a spread
    // differs from the one for an `Object.assign` source).
    let set = rules(&["prefer-object-spread", "object-spread-indexed"]);
    let code =
        "const xs = [1];\nconst a = Object.assign({}, \"ab\"); const b = Object.assign({}, xs);\n";
    let path = Path::new("a.js");
    let before = lint_text(path, code, &set);
    let out = fix_text(path, code, before.clone(), &set, FixMode::SAFE);
    assert_eq!(out.text, code);
    assert_eq!(out.applied, 0);
    let got: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.start.line, d.start.column))
        .collect();
    let want: Vec<_> = before
        .iter()
        .map(|d| (d.rule, d.start.line, d.start.column))
        .collect();
    assert_eq!(got, want, "no diagnostic added");
    let helps: Vec<(u32, &str)> = out
        .diagnostics
        .iter()
        .filter(|d| d.rule == "prefer-object-spread")
        .map(|d| (d.start.column, d.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(helps.len(), 2);
    assert_eq!(helps[0].0, 11);
    assert!(
        helps[0]
            .1
            .contains("(object-spread-indexed: `\"ab\"` is a string"),
        "{}",
        helps[0].1
    );
    assert_eq!(helps[1].0, 46);
    assert!(
        helps[1]
            .1
            .contains("(object-spread-indexed: `xs` is an array"),
        "{}",
        helps[1].1
    );
}

#[test]
fn a_refused_fix_does_not_hold_the_others_back() {
    // n safe fixes ahead of one the check refuses: all n are applied in one run, which is
    // then a fixed point (a second run changes nothing).
    let set = rules(&[
        "prefer-spread",
        "prefer-object-spread",
        "object-spread-indexed",
    ]);
    for n in [1, 11, 12, 20, 70] {
        let mut code = String::from("const xs = [1];\n");
        let mut want = code.clone();
        for i in 0..n {
            code.push_str(&format!("f{i}.apply(null, xs);\n"));
            want.push_str(&format!("f{i}(...xs);\n"));
        }
        code.push_str("const z = Object.assign({}, \"ab\");\n");
        want.push_str("const z = Object.assign({}, \"ab\");\n");
        let once = fix_once("a.js", &code, &set, FixMode::SAFE);
        assert_eq!(once, want, "{n} fixes");
        assert_eq!(
            fix_once("a.js", &once, &set, FixMode::SAFE),
            once,
            "{n} fixes"
        );
    }
}

#[test]
fn a_refused_fix_between_two_others() {
    // The refused fix is in the middle of the pass: the halves each side of it go in.
    let set = rules(&[
        "prefer-spread",
        "prefer-object-spread",
        "object-spread-indexed",
    ]);
    let code = "const xs = [1];\nf.apply(null, xs); const z = Object.assign({}, \"ab\"); g.apply(null, xs);\n";
    let once = fix_once("a.js", code, &set, FixMode::SAFE);
    assert_eq!(
        once,
        "const xs = [1];\nf(...xs); const z = Object.assign({}, \"ab\"); g(...xs);\n"
    );
}

#[test]
fn nested_refused_fixes_are_tried_a_bounded_number_of_times() {
    // 150 nested fallbacks: each fix, tried alone (they overlap), makes the level around it
    // a spread of an object literal, a new useless-spread diagnostic, and is refused. Each
    // refusal is a lint of the whole file; after 64 passes that applied nothing the engine
    // stops, and the fixes it did not try stay offered.
    let set = rules(&["useless-spread"]);
    let mut code = "x".to_string();
    for _ in 0..150 {
        code = format!("{{ ...({code} || {{}}) }}");
    }
    let code = format!("const v = {code};\n");
    let path = Path::new("a.js");
    let before = lint_text(path, &code, &set);
    assert_eq!(before.len(), 150);
    let out = fix_text(path, &code, before, &set, FixMode::SAFE);
    let refused = out
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_none())
        .inspect(|d| {
            assert!(
                d.help
                    .as_deref()
                    .unwrap_or("")
                    .contains("the fix was not applied")
            )
        })
        .count();
    let offered = out.diagnostics.iter().filter(|d| d.fix.is_some()).count();
    assert_eq!(refused, 64, "{:#?}", out.diagnostics.first());
    assert_eq!(refused + offered + out.applied, 150);
}
