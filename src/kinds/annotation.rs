//! TypeScript annotations: `x: Map<K, V>`, `xs: string[]`, `opts: { a: number }`, and the
//! members of an object type literal for destructured bindings.
//!
//! A type counts only when it names a builtin the inference knows and that name is not
//! declared in the file (a local `interface Map {}` or an imported type says nothing), a
//! keyword (`string`, `number`, …), an array or tuple type, `Record<…>`, or an object type
//! literal; a non-generic type alias declared at the top level of the file is the type it
//! names (`type Props = { tabs: Map<K, V> }`); interfaces and classes still say nothing.
//! `T | null | undefined` counts as `T` (the spread sits behind a narrowing check).
//! What a type gives is marked `declared`: an object type fits arrays and strings too, so a
//! later assertion (`v as unknown as T[]`) or a test of the binding may say more.

use oxc_ast::AstKind;
use oxc_ast::ast::*;
use oxc_semantic::IsGlobalReference;
use oxc_span::GetSpan;

use super::builtins;
use super::kind::{Kind, Typed};
use super::{Kinds, MAX_DEPTH, is_symbol_key, may_be_symbol_key};

/// What following a type alias costs of the depth budget: aliases of unions of aliases
/// (`type A = B | C; type B = A | C; …`) branch at each step, so only a few alias steps are
/// taken on any path (then the type is Unknown).
const ALIAS_HOP: u32 = 12;

impl<'a> Kinds<'a, '_> {
    /// The kind an annotation gives, with the annotation as origin.
    pub(super) fn annotation(&self, ty: &TSType<'a>, depth: u32) -> Typed {
        self.declared_type(ty, depth, "annotated", "the annotation")
    }

    /// The kind the type of an assertion (`v as unknown as T[]`) gives, with it as origin.
    pub(super) fn asserted(&self, ty: &TSType<'a>, depth: u32) -> Typed {
        self.declared_type(ty, depth, "asserted", "the asserted type")
    }

    fn declared_type(&self, ty: &TSType<'a>, depth: u32, verb: &str, label: &str) -> Typed {
        let kind = self.type_kind(ty, depth);
        if !kind.is_known() {
            return Typed::unknown();
        }
        let span = ty.span();
        let text = self.text(span);
        let shown = if text.len() <= 40 && !text.contains('\n') {
            format!("`{text}`")
        } else {
            "with a type".to_string()
        };
        let mut t = Typed::new(
            kind,
            span,
            format!("{verb} {shown} at line {}", self.line_of(span.start)),
            label,
        );
        t.origin.declared = true;
        t
    }

    /// The kind of member `key` of an object type literal annotation
    /// (`({ tabs }: { tabs: Map<K, V> })`).
    pub(super) fn member_annotation(&self, ty: &TSType<'a>, key: &str, depth: u32) -> Typed {
        if depth > MAX_DEPTH {
            return Typed::unknown();
        }
        let lit = match strip_parens(ty) {
            TSType::TSTypeLiteral(lit) => lit,
            // `p: Props` for `type Props = { tabs: Map<K, V> }`.
            TSType::TSTypeReference(r) => {
                return match self.alias_type(r) {
                    Some(t) => self.member_annotation(t, key, depth + ALIAS_HOP),
                    None => Typed::unknown(),
                };
            }
            _ => return Typed::unknown(),
        };
        for member in &lit.members {
            if let TSSignature::TSPropertySignature(p) = member
                && !p.computed
                && p.key.is_specific_static_name(key)
                && let Some(ann) = &p.type_annotation
            {
                return self.annotation(&ann.type_annotation, depth + 1);
            }
        }
        Typed::unknown()
    }

    /// The type a reference to an in-file type alias names: `type Props = { … }` (also
    /// exported) at the top level of the file, without type parameters, not `declare`d.
    /// Interfaces and classes still say nothing (see the module's comment).
    fn alias_type(&self, r: &TSTypeReference<'a>) -> Option<&'a TSType<'a>> {
        let TSTypeName::IdentifierReference(id) = &r.type_name else {
            return None;
        };
        if r.type_arguments.is_some() {
            return None;
        }
        let scoping = self.semantic.scoping();
        let symbol = scoping.get_reference(id.reference_id.get()?).symbol_id()?;
        let nodes = self.semantic.nodes();
        let decl = scoping.symbol_declaration(symbol);
        let AstKind::TSTypeAliasDeclaration(a) = nodes.kind(decl) else {
            return None;
        };
        if a.type_parameters.is_some() || a.declare || !is_top_level(nodes, decl) {
            return None;
        }
        Some(&a.type_annotation)
    }

    fn type_kind(&self, ty: &TSType<'a>, depth: u32) -> Kind {
        if depth > MAX_DEPTH {
            return Kind::Unknown;
        }
        match ty {
            TSType::TSStringKeyword(_) | TSType::TSTemplateLiteralType(_) => Kind::String,
            TSType::TSNumberKeyword(_) => Kind::Number,
            TSType::TSBooleanKeyword(_) => Kind::Boolean,
            TSType::TSBigIntKeyword(_) => Kind::BigInt,
            TSType::TSSymbolKeyword(_) => Kind::Symbol,
            TSType::TSLiteralType(l) => match &l.literal {
                TSLiteral::StringLiteral(_) | TSLiteral::TemplateLiteral(_) => Kind::String,
                TSLiteral::NumericLiteral(_) => Kind::Number,
                TSLiteral::BooleanLiteral(_) => Kind::Boolean,
                TSLiteral::BigIntLiteral(_) => Kind::BigInt,
                TSLiteral::UnaryExpression(_) => Kind::Number,
            },
            TSType::TSArrayType(_) => Kind::Array { bounded: false },
            TSType::TSTupleType(t) => {
                // `[...T[], U]` has no bound.
                let open = t
                    .element_types
                    .iter()
                    .any(|e| matches!(e, TSTupleElement::TSRestType(_)));
                Kind::Array { bounded: !open }
            }
            TSType::TSTypeOperatorType(op) if op.operator == TSTypeOperatorOperator::Readonly => {
                match self.type_kind(&op.type_annotation, depth + 1) {
                    k @ Kind::Array { .. } => k,
                    _ => Kind::Unknown,
                }
            }
            TSType::TSFunctionType(_) => Kind::Function,
            TSType::TSParenthesizedType(p) => self.type_kind(&p.type_annotation, depth + 1),
            // `{}` is any non-nullish value (arrays and strings included).
            TSType::TSTypeLiteral(lit) if lit.members.is_empty() => Kind::Unknown,
            TSType::TSTypeLiteral(lit) => {
                let mut iterable = false;
                let mut open = false;
                for m in &lit.members {
                    let (key, computed) = match m {
                        TSSignature::TSCallSignatureDeclaration(_)
                        | TSSignature::TSConstructSignatureDeclaration(_) => {
                            return Kind::Unknown;
                        }
                        TSSignature::TSMethodSignature(ms) => (&ms.key, ms.computed),
                        TSSignature::TSPropertySignature(ps) => (&ps.key, ps.computed),
                        _ => continue,
                    };
                    if is_iterator_key(key, computed) {
                        iterable = true;
                    } else if computed
                        && (is_symbol_key(key, computed, "asyncIterator") || may_be_symbol_key(key))
                    {
                        // `[Symbol.asyncIterator]` (async-iterable: what consumes it decides),
                        // or a key that may be `Symbol.iterator` (`[ITER]`), as for literals.
                        open = true;
                    }
                }
                Kind::Object { iterable, open }
            }
            TSType::TSUnionType(u) => {
                let mut kind: Option<Kind> = None;
                for t in &u.types {
                    if matches!(
                        t,
                        TSType::TSNullKeyword(_)
                            | TSType::TSUndefinedKeyword(_)
                            | TSType::TSVoidKeyword(_)
                    ) {
                        continue;
                    }
                    let k = self.type_kind(t, depth + 1);
                    kind = Some(match kind {
                        None => k,
                        Some(prev) => prev.merge(k),
                    });
                }
                kind.unwrap_or(Kind::Unknown)
            }
            TSType::TSTypeReference(r) => {
                let TSTypeName::IdentifierReference(id) = &r.type_name else {
                    return Kind::Unknown;
                };
                // A name declared in the file (interface, class, type alias, import, type
                // parameter) is not the builtin; a type alias is the type it names.
                if !id.is_global_reference(self.semantic.scoping()) {
                    return self
                        .alias_type(r)
                        .map_or(Kind::Unknown, |t| self.type_kind(t, depth + ALIAS_HOP));
                }
                // `Readonly<T[]>` is `readonly T[]`; `Readonly<{ a: number }>` an object type.
                if id.name == "Readonly" {
                    return match readonly_argument(r) {
                        Some(arg) => match self.type_kind(arg, depth + 1) {
                            k @ (Kind::Array { .. } | Kind::Object { .. }) => k,
                            _ => Kind::Unknown,
                        },
                        None => Kind::Unknown,
                    };
                }
                builtins::type_name(id.name.as_str()).unwrap_or(Kind::Unknown)
            }
            _ => Kind::Unknown,
        }
    }
}

/// Whether a declaration stands at the top level of the program (also under `export`).
fn is_top_level(nodes: &oxc_semantic::AstNodes<'_>, decl: oxc_syntax::node::NodeId) -> bool {
    match nodes.parent_kind(decl) {
        AstKind::Program(_) => true,
        AstKind::ExportDeclaration(_) => {
            matches!(
                nodes.parent_kind(nodes.parent_id(decl)),
                AstKind::Program(_)
            )
        }
        _ => false,
    }
}

/// The one type argument of `Readonly<T>`.
pub(crate) fn readonly_argument<'t, 'a>(r: &'t TSTypeReference<'a>) -> Option<&'t TSType<'a>> {
    match r.type_arguments.as_deref()?.params.as_slice() {
        [arg] => Some(arg),
        _ => None,
    }
}

/// A type with its parentheses looked through.
pub(crate) fn strip_parens<'t, 'a>(ty: &'t TSType<'a>) -> &'t TSType<'a> {
    match ty {
        TSType::TSParenthesizedType(p) => strip_parens(&p.type_annotation),
        t => t,
    }
}

fn is_iterator_key(key: &PropertyKey<'_>, computed: bool) -> bool {
    computed
        && key
            .as_expression()
            .is_some_and(|e| e.is_specific_member_access("Symbol", "iterator"))
}
