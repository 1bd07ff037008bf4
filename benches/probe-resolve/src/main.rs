//! A probe for issue 7 (not part of restlint; see benches/PROFILE.md, step 18): what it costs
//! to resolve only the names the rules would ask about, in batches, against oxc's semantic
//! model as restlint builds it, on the same parsed files, one thread.
//!
//! Batch 1 resolves the names read by spreads (`...x`, `...x.y`, `...f()`); batch 2 the names
//! read by the initialisers of the declarations batch 1 found (the inference's next hop).
//! Each batch is one walk with a scope stack that records the declarations (hoisting `var`
//! and function declarations to the function) and the references of its names only, then
//! resolves each reference up its scope chain.
//!
//!   usage: probe FILE_LIST | DIR...   (a file listing paths, one a line, or folders)
use std::time::{Duration, Instant};

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::{FxHashMap, FxHashSet};

/// Walk 1: the names read by spreads (`...x`, `...x.y`).
#[derive(Default)]
struct Queries<'a> {
    names: FxHashSet<&'a str>,
}
impl<'a> Visit<'a> for Queries<'a> {
    fn visit_spread_element(&mut self, it: &SpreadElement<'a>) {
        let mut e = it.argument.get_inner_expression();
        loop {
            match e {
                Expression::Identifier(id) => {
                    self.names.insert(id.name.as_str());
                    break;
                }
                Expression::StaticMemberExpression(m) => e = m.object.get_inner_expression(),
                Expression::CallExpression(c) => e = c.callee.get_inner_expression(),
                _ => break,
            }
        }
        walk::walk_spread_element(self, it);
    }
}

/// Walk 2: a scope stack; declarations and references of the queried names only.
struct Resolve<'a, 'q> {
    q: &'q FxHashSet<&'a str>,
    parent: Vec<u32>,
    stack: Vec<u32>,
    fn_stack: Vec<u32>,
    decls: FxHashMap<(u32, &'a str), (Span, Option<&'a Expression<'a>>)>,
    refs: Vec<(u32, &'a str, Span, bool)>,
    in_var: bool,
    next_init: Option<&'a Expression<'a>>,
}
impl<'a, 'q> Resolve<'a, 'q> {
    fn push(&mut self, function: bool) {
        let id = self.parent.len() as u32;
        self.parent.push(*self.stack.last().unwrap_or(&u32::MAX));
        self.stack.push(id);
        if function {
            self.fn_stack.push(id);
        }
    }
    fn pop(&mut self, function: bool) {
        self.stack.pop();
        if function {
            self.fn_stack.pop();
        }
    }
    fn declare(&mut self, name: &'a str, span: Span, hoist: bool) {
        if self.q.contains(name) {
            let scope = if hoist {
                *self.fn_stack.last().unwrap()
            } else {
                *self.stack.last().unwrap()
            };
            self.decls.insert((scope, name), (span, self.next_init));
        }
    }
    fn resolve(&self) -> usize {
        let mut found = 0;
        for &(scope, name, _, _) in &self.refs {
            let mut s = scope;
            while s != u32::MAX {
                if self.decls.contains_key(&(s, name)) {
                    found += 1;
                    break;
                }
                s = self.parent[s as usize];
            }
        }
        found
    }
}
impl<'a, 'q> Visit<'a> for Resolve<'a, 'q> {
    fn enter_scope(
        &mut self,
        flags: ScopeFlags,
        _: &std::cell::Cell<Option<oxc_syntax::scope::ScopeId>>,
    ) {
        self.push(flags.is_function() || flags.is_top());
    }
    fn leave_scope(&mut self) {
        let top = *self.stack.last().unwrap();
        let function = self.fn_stack.last() == Some(&top);
        self.pop(function);
    }
    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        let v = self.in_var;
        self.in_var = it.kind == VariableDeclarationKind::Var;
        walk::walk_variable_declaration(self, it);
        self.in_var = v;
    }
    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        self.next_init = it.init.as_ref().map(|e| {
            // SAFETY: the initialiser lives in the arena, as long as the program ('a); the
            // visitor only hands it out with a shorter borrow.
            unsafe { &*(e as *const Expression<'a>) }
        });
        self.visit_binding_pattern(&it.id);
        self.next_init = None;
        if let Some(init) = &it.init {
            self.visit_expression(init);
        }
    }
    fn visit_binding_identifier(&mut self, it: &BindingIdentifier<'a>) {
        let hoist = self.in_var;
        self.declare(it.name.as_str(), it.span, hoist);
    }
    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        if let Some(id) = &it.id {
            self.declare(id.name.as_str(), id.span, true);
        }
        let v = self.in_var;
        self.in_var = false;
        walk::walk_function(self, it, flags);
        self.in_var = v;
    }
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if self.q.contains(it.name.as_str()) {
            self.refs.push((
                *self.stack.last().unwrap(),
                it.name.as_str(),
                it.span,
                false,
            ));
        }
    }
    fn visit_simple_assignment_target(&mut self, it: &SimpleAssignmentTarget<'a>) {
        if let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = it {
            if self.q.contains(id.name.as_str()) {
                self.refs
                    .push((*self.stack.last().unwrap(), id.name.as_str(), id.span, true));
            }
            return;
        }
        walk::walk_simple_assignment_target(self, it);
    }
}

/// Names read by the initialisers of the declarations found (the inference's next hop).
fn next_names<'a>(r: &Resolve<'a, '_>, out: &mut FxHashSet<&'a str>) {
    struct Ids<'a, 'o> {
        out: &'o mut FxHashSet<&'a str>,
    }
    impl<'a> Visit<'a> for Ids<'a, '_> {
        fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
            self.out.insert(it.name.as_str());
        }
    }
    let mut ids = Ids { out };
    for (_, init) in r.decls.values() {
        if let Some(e) = init {
            ids.visit_expression(e);
        }
    }
}

fn collect(path: &std::path::Path, out: &mut Vec<String>) {
    if path.is_dir() {
        let Ok(dir) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
        let lintable = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"]
            .iter()
            .any(|e| name.ends_with(&format!(".{e}")))
            && !name.contains(".d.");
        if lintable {
            out.push(path.display().to_string());
        }
    }
}

fn main() {
    let mut files_in = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = std::path::Path::new(&arg);
        if p.is_dir() {
            collect(p, &mut files_in);
        } else {
            let list = std::fs::read_to_string(p).expect("a file list or folders");
            files_in.extend(list.lines().filter(|l| !l.is_empty()).map(String::from));
        }
    }
    let mut t_sem = Duration::ZERO;
    let mut t_batch = [Duration::ZERO; 3];
    let mut t_probe = Duration::ZERO;
    let mut t_walk = Duration::ZERO;
    let (mut q1, mut q2, mut resolved, mut files, mut bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for path in &files_in {
        let path = path.as_str();
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let alloc = Allocator::default();
        let st = SourceType::from_path(path).unwrap_or_default();
        let ret = Parser::new(&alloc, &text, st).parse();
        if ret.panicked {
            continue;
        }
        files += 1;
        bytes += text.len();
        let program = &ret.program;
        // oxc's model, as restlint builds it.
        let t = Instant::now();
        let sem = SemanticBuilder::new().with_build_nodes(true).build(program);
        t_sem += t.elapsed();
        drop(sem);
        // A bare walk, for reference.
        struct Bare(usize);
        impl<'a> Visit<'a> for Bare {
            fn visit_spread_element(&mut self, it: &SpreadElement<'a>) {
                self.0 += 1;
                walk::walk_spread_element(self, it);
            }
        }
        let t = Instant::now();
        let mut b = Bare(0);
        b.visit_program(program);
        t_walk += t.elapsed();
        std::hint::black_box(b.0);
        // The probe: queries, then two batches of resolution.
        let t = Instant::now();
        let mut q = Queries::default();
        q.visit_program(program);
        let mut names = q.names;
        t_batch[0] += t.elapsed();
        q1 += names.len();
        let mut total = 0;
        for round in 0..2 {
            if names.is_empty() {
                break;
            }
            let tb = Instant::now();
            let mut r = Resolve {
                q: &names,
                parent: Vec::new(),
                stack: Vec::new(),
                fn_stack: Vec::new(),
                decls: FxHashMap::default(),
                refs: Vec::new(),
                in_var: false,
                next_init: None,
            };
            r.visit_program(program);
            total += r.resolve();
            if round == 0 {
                let mut more = FxHashSet::default();
                next_names(&r, &mut more);
                more.retain(|n| !names.contains(n));
                q2 += more.len();
                drop(r);
                names = more;
            }
            t_batch[round + 1] += tb.elapsed();
        }
        resolved += total;
        t_probe += t.elapsed();
    }
    println!(
        "{files} files, {:.1} MB, one thread: oxc semantic model (node store) {:.3} s; bare walk {:.3} s; \
         probe {:.3} s (query walk {:.3}, batch 1 {:.3}, batch 2 {:.3}); names {q1} + {q2}, references resolved {resolved}",
        bytes as f64 / 1e6,
        t_sem.as_secs_f64(),
        t_walk.as_secs_f64(),
        t_probe.as_secs_f64(),
        t_batch[0].as_secs_f64(),
        t_batch[1].as_secs_f64(),
        t_batch[2].as_secs_f64()
    );
}
