//! `prefer-rest-params`: `arguments` in a non-arrow function (arrows inside it included, as
//! they see the function's `arguments`). Like ESLint, a non-computed member access
//! (`arguments.length`) is not reported.
//!
//! The suggestion adds a rest parameter to a function that has no parameters and replaces
//! every `arguments` of that function with it. It is only a suggestion: `arguments` is not an
//! array (`Object.prototype.toString` says `[object Arguments]`), and code may rely on that.

use std::collections::HashMap;

use oxc_ast::AstKind;
use oxc_ast::ast::{Expression, Function, MethodDefinitionKind, PropertyKind};
use oxc_semantic::NodeId;
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "prefer-rest-params",
    category: Category::Style,
    fix: FixKind::Suggestion,
    // `check_file` reads the file's unresolved `arguments` references: no node dispatch.
    node_types: &[],
    needles: &["arguments"],
    docs: include_str!("../../rules/prefer-rest-params.md"),
    create: crate::no_options!(PreferRestParams),
};

pub struct PreferRestParams;

fn uses_arguments(span: OxcSpan, function: &str) -> Diagnostic {
    Diagnostic::new(
        META.id,
        span,
        format!("{function} reads its arguments through `arguments`, an array-like object: a rest parameter gives a real array"),
    )
    .with_label(span, "the `arguments` object")
    .with_help("declare a rest parameter (`...args`) and use it instead of `arguments`")
}

/// Names tried for the new rest parameter, in order.
const REST_NAMES: &[&str] = &["args", "rest", "params", "argv"];

impl Rule for PreferRestParams {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::PreferRestParams
    }

    /// The `arguments` that no binding declares are the file's unresolved references by that
    /// name (oxc resolves every other reference to its symbol): only those are looked at,
    /// not every identifier of the file.
    fn check_file<'a>(&self, cx: &mut Ctx<'a, '_>) {
        let semantic = cx.semantic;
        let Some(references) = semantic
            .scoping()
            .root_unresolved_references()
            .get("arguments")
        else {
            return;
        };
        // Grouped by the function that owns them, so that each function's suggestion (which
        // renames all of them) is built once: per `arguments` it made a hostile function with
        // thousands of them quadratic in time and memory.
        let mut groups: Vec<(NodeId, Vec<NodeId>)> = Vec::new();
        let mut index: HashMap<NodeId, usize> = HashMap::new();
        for &r in references {
            let id = semantic.scoping().get_reference(r).node_id();
            let Some((func_id, _)) = owning_function(cx, id) else {
                continue;
            };
            let i = *index.entry(func_id).or_insert_with(|| {
                groups.push((func_id, Vec::new()));
                groups.len() - 1
            });
            groups[i].1.push(id);
        }
        for (func_id, ids) in groups {
            check_function(cx, func_id, &ids);
        }
    }
}

/// Above this many reports in one function, only the first carries the suggestion (each copy
/// holds an edit per `arguments`; applying one applies them all, so the others add nothing).
const MAX_FIX_COPIES: usize = 64;

/// The `arguments` (all references, none declared by a binding: a local `arguments`
/// parameter or variable would have resolved them) that one function owns.
fn check_function<'a>(cx: &mut Ctx<'a, '_>, func_id: NodeId, ids: &[NodeId]) {
    let nodes = cx.nodes();
    let AstKind::Function(func) = nodes.kind(func_id) else {
        return;
    };
    let reported: Vec<OxcSpan> = ids
        .iter()
        .filter_map(|&id| {
            let AstKind::IdentifierReference(ident) = nodes.kind(id) else {
                return None;
            };
            // `arguments.length`, `arguments?.length`: ESLint leaves these alone.
            if let AstKind::StaticMemberExpression(m) = nodes.parent_kind(id)
                && m.object.span() == ident.span
            {
                return None;
            }
            Some(ident.span)
        })
        .collect();
    if reported.is_empty() {
        return;
    }
    let name = match &func.id {
        Some(id) => format!("`{}`", id.name),
        None => "this function".to_string(),
    };
    let fix = rest_fix(cx, func_id, func, ids);
    let copies = if reported.len() > MAX_FIX_COPIES {
        1
    } else {
        reported.len()
    };
    for (i, span) in reported.into_iter().enumerate() {
        let mut d = uses_arguments(span, &name);
        if i < copies
            && let Some(fix) = &fix
        {
            d = d.with_fix(fix.clone());
        }
        cx.report(d);
    }
}

/// The non-arrow function whose `arguments` this is; `None` at the top level or in a class
/// field or static block (where `arguments` is not the function's).
fn owning_function<'a, 'c>(cx: &Ctx<'a, 'c>, id: NodeId) -> Option<(NodeId, &'c Function<'a>)> {
    for a in cx.nodes().ancestors(id) {
        match a.kind() {
            AstKind::Function(f) => return f.body.is_some().then_some((a.id(), f)),
            AstKind::PropertyDefinition(_)
            | AstKind::AccessorProperty(_)
            | AstKind::StaticBlock(_)
            | AstKind::Program(_) => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// Adds `...args` to a parameterless function and renames every `arguments` it owns (`ids`).
fn rest_fix(cx: &Ctx<'_, '_>, func_id: NodeId, func: &Function<'_>, ids: &[NodeId]) -> Option<Fix> {
    // With parameters, `arguments[0]` is the first parameter, not the rest's first element.
    if !func.params.items.is_empty() || func.params.rest.is_some() || func.this_param.is_some() {
        return None;
    }
    // A getter takes no parameter and a setter exactly one.
    let accessor = match cx.nodes().parent_kind(func_id) {
        AstKind::MethodDefinition(m) => {
            matches!(
                m.kind,
                MethodDefinitionKind::Get | MethodDefinitionKind::Set
            )
        }
        AstKind::ObjectProperty(p) => p.kind != PropertyKind::Init,
        _ => false,
    };
    if accessor {
        return None;
    }
    let body = func.body.as_ref()?;
    // A function with a "use strict" directive may not have a non-simple parameter list.
    if body.directives.iter().any(|d| d.directive == "use strict") {
        return None;
    }
    let params = func.params.span;
    if cx.source.as_bytes().get(params.start as usize) != Some(&b'(') {
        return None;
    }
    let func_text = cx.text(func.span);
    let name = REST_NAMES.iter().find(|n| !func_text.contains(**n))?;
    let nodes = cx.nodes();
    // In TypeScript the elements of `arguments` are `any`; so are the rest's (and an
    // unannotated rest is an error under `noImplicitAny`).
    let annotation = if cx.semantic.source_type().is_typescript() {
        ": any[]"
    } else {
        ""
    };
    let mut edits = vec![Edit::new(
        crate::diagnostic::Span::new(params.start + 1, params.start + 1),
        format!("...{name}{annotation}"),
    )];
    for &ref_node in ids {
        let AstKind::IdentifierReference(ident) = nodes.kind(ref_node) else {
            return None;
        };
        // A default value would read the rest before it exists; `arguments.callee` has no
        // array counterpart; writing `arguments` itself is not a read.
        if params.contains_inclusive(ident.span)
            || cx.scoping().get_reference(ident.reference_id()).is_write()
        {
            return None;
        }
        if let AstKind::StaticMemberExpression(m) = nodes.parent_kind(ref_node)
            && matches!(&m.object, Expression::Identifier(o) if o.span == ident.span)
            && matches!(m.property.name.as_str(), "callee" | "caller")
        {
            return None;
        }
        // `{ arguments }` names its property after the binding: the key stays.
        let shorthand =
            matches!(nodes.parent_kind(ref_node), AstKind::ObjectProperty(p) if p.shorthand);
        let text = if shorthand {
            format!("arguments: {name}")
        } else {
            (*name).to_string()
        };
        edits.push(Edit::new(ident.span, text));
    }
    edits.sort_by_key(|e| e.span.start);
    Some(Fix::suggestion(
        format!("add a rest parameter `...{name}` and use it instead of `arguments`"),
        edits,
    ))
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const RULE: &str = "prefer-rest-params";

    #[test]
    fn fail_and_pass() {
        let fail: &[(&str, usize)] = &[
            ("function f() { return g.apply(this, arguments); }", 1),
            ("function f() { return arguments[0]; }", 1),
            ("function f() { return () => arguments; }", 1),
            ("const o = { m() { use(arguments); } };", 1),
            ("class C { m() { return [...arguments]; } }", 1),
            ("function f() { use(arguments); use(arguments[1]); }", 2),
        ];
        let pass = [
            "function f() { return arguments.length; }",
            "function f() { return arguments?.length; }",
            "function f(...args) { return args; }",
            "const f = () => arguments;",
            "arguments;",
            "function f(arguments) { return arguments; }",
            "function f() { const arguments = []; return arguments; }",
            "class C { x = 1; static { } }",
        ];
        let mut failures = Vec::new();
        for (code, n) in fail {
            let d = lint_with_rule("a.js", code, RULE);
            let spans_ok = d
                .iter()
                .all(|d| &code[d.span.start as usize..d.span.end as usize] == "arguments");
            if d.len() != *n || !spans_ok {
                failures.push(format!(
                    "fail {code}: {:?}",
                    d.iter().map(|d| (d.span, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        for code in pass {
            let d = lint_with_rule("a.js", code, RULE);
            if !d.is_empty() {
                failures.push(format!(
                    "pass {code}: {:?}",
                    d.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn fix_keeps_a_shorthand_key() {
        let code = "function f() { return g({ arguments }, arguments[0]); }";
        assert_eq!(
            crate::rules::fix_test_util::apply(code, RULE),
            "function f(...args) { return g({ arguments: args }, args[0]); }"
        );
    }

    #[test]
    fn fix_only_when_safe_to_offer() {
        let no_fix = [
            "function f(a) { return arguments[1]; }",
            "function f() { 'use strict'; return arguments[0]; }",
            "const o = { get x() { return arguments[0]; } };",
            "class C { get x() { return arguments[0]; } }",
            "function f() { return arguments.callee(arguments[0]); }",
            "function f() { var args = 1, rest = 2, params = 3, argv = 4; return arguments[0]; }",
        ];
        let mut failures = Vec::new();
        for code in no_fix {
            let d = lint_with_rule("a.js", code, RULE);
            if d.is_empty() || d.iter().any(|d| d.fix.is_some()) {
                failures.push(code);
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn many_arguments_build_one_fix() {
        // Each report used to carry its own copy of the function's fix, an edit per
        // `arguments`: quadratic. Past MAX_FIX_COPIES reports only the first has it, and it
        // still renames every `arguments` of the function (those of the next function stay).
        let n = super::MAX_FIX_COPIES + 1;
        let code = format!(
            "function f() {{ {} }}\nfunction g() {{ return arguments[0]; }}\n",
            "use(arguments);".repeat(n)
        );
        let d = lint_with_rule("a.js", &code, RULE);
        assert_eq!(d.len(), n + 1);
        let fixes: Vec<usize> = d
            .iter()
            .map(|d| d.fix.as_ref().map_or(0, |f| f.edits.len()))
            .collect();
        let mut expected = vec![0; n + 1];
        expected[0] = n + 1;
        expected[n] = 2;
        assert_eq!(fixes, expected);
        assert_eq!(
            crate::rules::fix_test_util::apply(&code, RULE),
            format!(
                "function f(...args) {{ {} }}\nfunction g(...args) {{ return args[0]; }}\n",
                "use(args);".repeat(n)
            )
        );
        // At the limit, every report still has the fix.
        let code = format!("function f() {{ {} }}", "use(arguments);".repeat(n - 1));
        let d = lint_with_rule("a.js", &code, RULE);
        assert!(d.len() == n - 1 && d.iter().all(|d| d.fix.is_some()));
    }
}
