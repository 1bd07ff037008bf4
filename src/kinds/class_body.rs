//! What a class body does to its instances beyond declaring members: the own properties its
//! code writes on `this`, the ways it can reshape an instance (`this[key] = …`,
//! `Object.assign(this, …)`), and whether its constructor returns another object.

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_syntax::scope::ScopeFlags;

use super::{may_be_symbol_key_expr, reshaping_call};

/// The findings of [`scan`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ClassBody {
    /// Names written as `this.name = …` (any assignment operator) anywhere in the body: own
    /// properties of an instance, which a copy keeps.
    pub this_names: Vec<String>,
    /// `this[key] = …` with a key that may be a symbol, or `Object.assign(this, …)`,
    /// `Object.defineProperty(this, …)` and kin: an instance may have members the body does
    /// not declare (`[Symbol.iterator]` among them).
    pub reshapes_this: bool,
    /// `return value` in the constructor: `new C()` may be another object.
    pub constructor_returns: bool,
}

/// Scans a class body. Nested functions and classes are scanned too: their `this` is another
/// object, but counting them only makes the inference say less.
pub fn scan(class: &Class<'_>) -> ClassBody {
    let mut out = ClassBody::default();
    for element in &class.body.body {
        if let ClassElement::MethodDefinition(m) = element
            && m.kind == MethodDefinitionKind::Constructor
            && let Some(body) = &m.value.body
        {
            let mut returns = ConstructorReturns(false);
            returns.visit_function_body(body);
            out.constructor_returns = returns.0;
        }
    }
    Writes(&mut out).visit_class_body(&class.body);
    out
}

struct Writes<'o>(&'o mut ClassBody);

impl<'a> Visit<'a> for Writes<'_> {
    fn visit_assignment_expression(&mut self, a: &AssignmentExpression<'a>) {
        if let Some(member) = a.left.as_member_expression()
            && matches!(member.object(), Expression::ThisExpression(_))
        {
            match member {
                MemberExpression::StaticMemberExpression(m) => {
                    self.0.this_names.push(m.property.name.to_string());
                }
                // `this[Symbol.iterator] = …`, `this[key] = …`.
                MemberExpression::ComputedMemberExpression(m) => {
                    match m.expression.get_inner_expression() {
                        Expression::NumericLiteral(n) => {
                            self.0.this_names.push(n.value.to_string())
                        }
                        _ => match member.static_property_name() {
                            Some(name) if !may_be_symbol_key_expr(&m.expression) => {
                                self.0.this_names.push(name.to_string());
                            }
                            _ => self.0.reshapes_this = true,
                        },
                    }
                }
                MemberExpression::PrivateFieldExpression(_) => {}
            }
        }
        walk::walk_assignment_expression(self, a);
    }

    fn visit_call_expression(&mut self, c: &CallExpression<'a>) {
        if reshaping_call(c, &|e, ns| e.get_inner_expression().is_specific_id(ns))
            && c.arguments.first().is_some_and(|a| {
                a.as_expression().is_some_and(|e| {
                    matches!(e.get_inner_expression(), Expression::ThisExpression(_))
                })
            })
        {
            self.0.reshapes_this = true;
        }
        walk::walk_call_expression(self, c);
    }
}

/// Finds a `return value` of the constructor itself (not of a function inside it).
struct ConstructorReturns(bool);

impl<'a> Visit<'a> for ConstructorReturns {
    fn visit_return_statement(&mut self, r: &ReturnStatement<'a>) {
        if r.argument.is_some() {
            self.0 = true;
        }
    }

    fn visit_function(&mut self, _f: &Function<'a>, _flags: ScopeFlags) {}

    fn visit_arrow_function_expression(&mut self, _f: &ArrowFunctionExpression<'a>) {}

    fn visit_class(&mut self, _c: &Class<'a>) {}
}

#[cfg(test)]
mod tests {
    use oxc_allocator::Allocator;
    use oxc_ast::ast::{Expression, Statement};
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    use super::{ClassBody, scan};

    fn body(code: &str) -> ClassBody {
        let allocator = Allocator::default();
        let ret = Parser::new(&allocator, code, SourceType::ts()).parse();
        assert!(ret.diagnostics.is_empty(), "{code}");
        let class = ret
            .program
            .body
            .iter()
            .find_map(|s| match s {
                Statement::ClassDeclaration(c) => Some(c),
                Statement::ExpressionStatement(e) => match &e.expression {
                    Expression::ClassExpression(c) => Some(c),
                    _ => None,
                },
                _ => None,
            })
            .expect("a class");
        scan(class)
    }

    #[test]
    fn own_names_and_reshaping() {
        let b = body(
            "class T { total = 0; constructor() { this.go = this.go.bind(this); this['size'] ??= 1; this.#n = 2; } #n; go() {} }",
        );
        assert_eq!(b.this_names, ["go", "size"]);
        assert!(!b.reshapes_this && !b.constructor_returns);

        for code in [
            "class T { constructor() { this[Symbol.iterator] = function* () {}; } }",
            "class T { constructor(k) { this[k] = 1; } }",
            "class T { constructor(m) { Object.assign(this, m); } }",
            "class T { init() { Object.defineProperty(this, Symbol.iterator, { value() {} }); } }",
            "class T { init() { Reflect.set(this, 'x', 1); } }",
        ] {
            assert!(body(code).reshapes_this, "{code}");
        }
        for code in [
            "class T { constructor() { this[0] = 1; this[`a`] = 2; } }",
            "class T { constructor(m) { Object.assign(m, this); } }",
        ] {
            assert!(!body(code).reshapes_this, "{code}");
        }
    }

    #[test]
    fn constructor_returns() {
        for code in [
            "class L { constructor(xs) { return new Proxy(xs, {}); } }",
            "class L { constructor(xs) { if (xs) { return Object.freeze(xs); } } }",
        ] {
            assert!(body(code).constructor_returns, "{code}");
        }
        for code in [
            "class L { constructor(xs) { if (!xs) return; this.xs = xs; } }",
            "class L { constructor(xs) { this.f = () => { return xs; }; xs.map(function () { return 1; }); } }",
            "class L { make() { return {}; } }",
        ] {
            assert!(!body(code).constructor_returns, "{code}");
        }
    }
}
