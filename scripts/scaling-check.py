#!/usr/bin/env python3
"""Scaling check: does restlint stay close to linear in the size of its input?

For each input shape, generates an input of size N and of size 4N, runs restlint on both with
every rule on, and prints the wall-clock time at N and at 4N and their ratio, the ratio of
the CPU time (user + system; --fix waits on fsync), and the peak memory at N and 4N. A linear
cost gives a ratio near 4; above ~6 is suspect, above 10 a bug. N is doubled from the shape's
base (for each mode) until the run at N takes at least --min-seconds, so the 4N run is long
enough to measure.

    usage: scripts/scaling-check.py [--bin PATH] [--only SHAPE,...] [--modes MODE,...]
                                    [--timeout S] [--min-seconds S] [--max-doublings K]

Modes: json, pretty (every rule on, output to /dev/null), fix, sugg (--fix and
--fix-suggestions on a copy), and sarif, github, compact for the shapes that ask for them.
Nothing here is a test: the machine is noisy, read the table.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALL_RULES = '{ "categories": { "correctness": "error", "suspicious": "warn", "perf": "warn", "style": "warn" } }'


def lines(parts):
    return "\n".join(parts) + "\n"


# Each generator takes N and returns {relative path: text}.


def many_functions(n):
    return {"a.js": lines(
        f"function f{i}(a, ...r) {{ const o = {{ ...a, x: {i} }}; return [...r, o]; }}" for i in range(n))}


def one_function_statements(n):
    body = "\n".join(f"  const v{i} = [...arr, {i}]; g(...v{i});" for i in range(n))
    return {"a.js": f"function f(arr) {{\n{body}\n}}\n"}


def refs_reads(n):
    return {"a.js": "const arr = [1, 2, 3];\n" + lines(f"g(arr, {i}); h(...arr);" for i in range(n))}


def refs_writes(n):
    return {"a.js": "let acc = [];\n" + lines(f"acc = [...acc, {i}]; acc.x{i % 7} = {i};" for i in range(n))}


def refs_calls(n):
    return {"a.js": "function* gen() { yield 1; }\nconst m = new Map();\n"
            + lines(f"gen(); m.set({i}, {i}); f(...m.keys());" for i in range(n))}


def same_name_nested(n):
    # n nested block scopes each binding `x`, then reads of every level's x.
    depth = min(n, 400)
    out = []
    for i in range(n // depth):
        out.append("".join(f"{{ const x = [...y{i}, {d}]; f(...x); " for d in range(depth)) + "}" * depth)
    return {"a.js": lines(out)}


def same_name_siblings(n):
    return {"a.js": lines(f"function f{i}(x) {{ const y = {{ ...x }}; y.a.b = {i}; return [...x]; }}" for i in range(n))}


def loops_over_array(n):
    return {"a.js": "const arr = [1, 2, 3];\nlet acc = [];\n"
            + lines(f"for (const x of arr) {{ acc = [...acc, x]; }}" for i in range(n))}


def loops_over_spread_array(n):
    return {"a.js": "const arr = [1, 2, 3];\n" + lines(f"for (const x of [...arr]) {{ f(x, {i}); }}" for i in range(n))}


def copy_then_writes(n):
    return {"a.js": "const s = { a: { b: 1 } };\nconst c = { ...s };\n" + lines(f"c.a.b{i % 13} = {i};" for i in range(n))}


def many_copies_one_source(n):
    return {"a.js": "const s = { a: { b: 1 } };\n" + lines(f"const c{i} = {{ ...s }}; c{i}.a.b = {i};" for i in range(n))}


def long_member_chain(n):
    # chains of 200 members, n/200 of them (one 50k chain would hit the depth guard)
    k = 200
    return {"a.js": "const s = { a: {} };\nconst c = { ...s };\n"
            + lines("c" + ".a" * k + f" = {i};" for i in range(max(1, n // k)))}


def object_many_properties(n):
    props = ", ".join((f"...s{i % 50}" if i % 10 == 0 else f"p{i % 500}: {i}") for i in range(n))
    return {"a.js": "".join(f"const s{j} = {{ p{j}: 1 }};\n" for j in range(50)) + f"const o = {{ {props} }};\n"}


def object_many_spreads_same(n):
    props = ", ".join(f"...s, k{i}: 1" if i % 2 else "...t" for i in range(n))
    return {"a.js": f"const s = {{ a: 1 }};\nconst o = {{ {props} }};\n"}


def array_many_spreads(n):
    return {"a.js": "const a = [1];\nconst b = [...a, " + ", ".join(f"...x{i % 100}" for i in range(n)) + "];\n"}


def call_many_spreads(n):
    return {"a.js": "f(" + ", ".join(f"...x{i % 100}" for i in range(n)) + ");\nMath.max(" + ", ".join(f"...y{i % 100}" for i in range(n)) + ");\n"}


def or_chain(n):
    k = 500
    return {"a.js": lines("const v%d = [...(" % j + " || ".join(f"a{i}" for i in range(k)) + " || {})];" for j in range(max(1, n // k)))}


def nullish_chain(n):
    k = 500
    return {"a.js": lines("const v%d = { ...(" % j + " ?? ".join(f"a{i}" for i in range(k)) + " ?? {}) };" for j in range(max(1, n // k)))}


def conditional_chain(n):
    k = 500
    return {"a.js": lines("const v%d = [...(" % j + "".join(f"c{i} ? a{i} : " for i in range(k)) + "{})];" for j in range(max(1, n // k)))}


def nested_fallbacks(n):
    # {...({...({...(x || {})} || {})} || {})}, n levels (useless-spread, safe fix)
    k = min(n, 1000)
    out = []
    for j in range(max(1, n // k)):
        e = f"x{j}"
        for _ in range(k):
            e = "{ ...(" + e + " || {}) }"
        out.append(f"const v{j} = {e};")
    return {"a.js": lines(out)}


def flat_fallbacks(n):
    return {"a.js": lines(f"const v{i} = {{ ...(x{i} || {{}}), ...(y ?? {{}}) }};" for i in range(n))}


def nested_fallbacks_one_chain(n):
    # one chain of n levels: the known slow --fix case (refused trials re-lint the file)
    e = "x"
    for _ in range(n):
        e = "{ ...(" + e + " || {}) }"
    return {"a.js": f"const v = {e};\n"}


def uses_of_map(n):
    return {"a.js": "const m = new Map();\nconst d = new Date();\n"
            + lines(f"const o{i} = {{ ...m, ...d }}; f(...m);" for i in range(n))}


def uses_of_iterator(n):
    return {"a.js": "function* gen() { yield 1; }\nconst it = gen();\nconst k = new Map().keys();\n"
            + lines(f"if (c{i}) {{ f([...it], [...k]); }}" for i in range(n))}


def guarded_calls(n):
    # Uses inside functions, each called from a few places under guards and through a chain
    # of other functions (the calls of a function holding a use are looked at for a guard).
    return {"a.js": "function f(c) {\nconst v = c ? new Map() : 5;\n"
            + lines(f"const a{i} = () => [...v];\nconst b{i} = () => a{i}();\n"
                    f"if (typeof v !== 'number') {{ a{i}(); b{i}(); }}\nif (x{i}) b{i}();" for i in range(n))
            + "}\n"}


def guard_flags(n):
    # Tests that read a name with many references (a minified `let e;` reused everywhere) and
    # flags set under tests of the value (a flag is looked at only when it has few references).
    return {"a.js": "function f(c) {\nconst v = c ? new Map() : 5;\nlet e;\n"
            + lines(f"e = g{i}(); if (e) h([...v]);\nlet ok{i} = false;\nif (typeof v !== 'number') ok{i} = true;\nif (ok{i}) h([...v]);" for i in range(n))
            + "}\n"}


def guarded_uses(n):
    # Uses of branching bindings, each after earlier ifs that leave in nested branches (the
    # nearest ones are looked at for a guard) and inside a long `switch (true)` (the tests of
    # the nearest earlier cases).
    return {"a.js": "function f(c, xs, input, k) {\nconst v = c ? xs : null;\nconst w = input ?? {};\n"
            + lines(f"if (a{i}) {{ if (b{i}) {{ g(1); }} else {{ {{ return; }} }} }}\nf([...v], [...w]);" for i in range(n))
            + "switch (true) {\n"
            + lines(f"case k === {i}: f([...v], [...w]); break;" for i in range(n))
            + "}\n}\n"}


def uses_of_array_max(n):
    return {"a.js": "const xs = g().map(Number);\nconst ys = [...xs];\n"
            + lines(f"Math.max(...xs); Math.min.apply(Math, ys); String.fromCharCode(...xs);" for i in range(n))}


def uses_of_defaults(n):
    return {"a.js": "const d = { a: 1, b: 2 };\n" + lines(f"const o{i} = {{ a: {i}, ...d, b: 3 }};" for i in range(n))}


def uses_of_assign_target(n):
    return {"a.js": "const base = {};\n" + lines(f"const m{i} = Object.assign(base, x{i}); f(Object.assign(cfg.base, y));" for i in range(n))}


def uses_of_object_literal(n):
    return {"a.js": "const o = { a: 1 };\nconst xs = [new Map(), new Set()];\n"
            + lines(f"f([...o], {{ ...xs[0] }}, {{ ...xs }}, ...xs[1]);" for i in range(n))}


def uses_of_class(n):
    return {"a.js": "class C { #p = 1; get a() { return 1; } m() {} }\nconst s = new C();\n"
            + lines(f"const c{i} = {{ ...s }}; c{i}.m(); const n{i} = new C(); f({{ ...n{i} }});" for i in range(n))}


def uses_of_caught(n):
    return {"a.js": "try { f(); } catch (err) {\n" + lines(f"  log({{ ...err }}, {i}); const {{ code, ...rest{i} }} = err;" for i in range(n)) + "}\n"}


def uses_of_copy(n):
    return {"a.js": "const s = { a: { b: 1 }, list: [] };\nconst c = { ...s };\nconst d = [...arr];\n"
            + lines(f"c.list.push({i}); delete c.a.b; c.a.b++; d[0].x = {i}; f(c, d);" for i in range(n))}


def copies_of_member(n):
    return {"a.js": "const s = { a: { b: [] } };\n"
            + lines(f"const c{i} = [...s.a.b]; c{i}[0].x = {i}; const d{i} = {{ ...s }}; d{i}.a.b = 1;" for i in range(n))}


def uses_of_object_method(n):
    return {"a.js": "const api = { async load() { return 1; }, *gen() { yield 1; } };\n"
            + lines(f"const r{i} = {{ ...api.load() }}; f(...api.gen(), [...api.load()]);" for i in range(n))}


def uses_of_function_binding(n):
    return {"a.js": "function fn() {}\nconst arrow = () => 1;\n"
            + lines(f"const o{i} = {{ ...fn, ...arrow }};" for i in range(n))}


def uses_of_reassigned_state(n):
    return {"a.js": "let state = {};\nlet list = [];\n"
            + lines(f"const m{i} = Object.assign(state, x{i}); state = {{ a: {i} }}; list = [...list]; g(...list);" for i in range(n))}


def loop_body_accumulations(n):
    return {"a.js": "let acc = [];\nlet obj = {};\nfor (const x of xs) {\n"
            + lines(f"  acc = [...acc, x{i % 10}]; obj = {{ ...obj, [x]: {i} }};" for i in range(n)) + "}\n"}


def object_props_then_spreads(n):
    props = ", ".join(f"p{i}: 1" for i in range(n)) + ", " + ", ".join(f"...s{i % 50}" for i in range(n))
    return {"a.js": "".join(f"const s{j} = {{ q{j}: 1 }};\n" for j in range(50))
            + f"let acc = {{}};\nfor (const x of xs) acc = {{ {props}, ...acc, [x]: 1 }};\n"}


def iterators_used_twice(n):
    return {"a.js": "function* gen() { yield 1; }\nconst m = new Map();\n"
            + lines(f"const it{i} = gen(); const k{i} = m.keys(); f([...it{i}], [...it{i}], [...k{i}], Array.from(k{i}));" for i in range(n))}


def classes_with_accessors(n):
    return {"a.js": lines(
        f"class C{i} {{ #p = 1; get a() {{ return this.#p; }} m() {{}} }} const i{i} = new C{i}(); const o{i} = {{ ...i{i} }}; o{i}.m();"
        for i in range(n))}


def many_findings(n):
    return {"a.js": lines("f(...5); [...{}]; ({ a: 1, ...{ a: 2 } });" for _ in range(n // 3 + 1))}


def long_line(n):
    # one line of n * ~40 bytes with non-ASCII text, findings at its end
    filler = "".join(f"g('é😀漢{i}');" for i in range(n))
    return {"a.js": filler + " f(...5); [...[1, 2]]; ({ a: 1, ...{ a: 2 } });\n"}


def disable_directives(n):
    out = []
    for i in range(n):
        if i % 2:
            out.append("// restlint-disable-next-line spread-non-iterable -- used\nf(...5);")
        else:
            out.append(f"// restlint-disable-next-line useless-spread\ng({i});")
    out.append("/* restlint-disable */\nf(...5);\n/* restlint-enable */")
    return {"a.js": lines(out)}


def block_directives(n):
    out = []
    for i in range(n):
        out.append(f"/* restlint-disable spread-non-iterable */ f(...{i}); /* restlint-enable spread-non-iterable */")
        out.append(f"h(...{i}); // restlint-disable-line spread-non-iterable")
    return {"a.js": lines(out)}


def arguments_everywhere(n):
    return {"a.js": lines(f"function f{i}() {{ return g(arguments[0], arguments, ...arguments); }}" for i in range(n))}


def apply_and_assign(n):
    return {"a.js": lines(f"f.apply(null, a{i}); o.g.apply(o, b{i}); const m{i} = Object.assign({{}}, s, t{i});" for i in range(n))}


def ts_annotated_params(n):
    return {"a.ts": lines(
        f"function f{i}(a: Map<string, number>, b: number[], c: {{ x: Set<string> }}, ...r: string[]) {{ return [...a, ...c.x, {{ ...b }}]; }}"
        for i in range(n))}


def ts_big_type_literal(n):
    members = "; ".join(f"p{i}: Map<string, number>" for i in range(n))
    return {"a.ts": f"type T = {{ {members} }};\nfunction f(x: T) {{ return {{ ...x.p0, ...x }}; }}\nconst v: {{ {members} }} = g();\nconst w = [...v.p1];\n"}


def ts_big_union(n):
    union = " | ".join(f"'a{i}'" for i in range(n))
    return {"a.ts": f"type U = {union};\nfunction f(x: {union}, y: Map<U, number> | Set<U> | {union}) {{ return [...x, ...y]; }}\n"}


def many_files(n):
    return {f"f{i}.js": f"const a{i} = [...[1, 2]]; f(...5);\n" for i in range(n)}


def deep_tree(n):
    # n folders nested 50 deep per chain, each with one file
    files = {}
    depth = 50
    for c in range(max(1, n // depth)):
        path = f"c{c}"
        for d in range(depth):
            path += f"/d{d}"
            files[f"{path}/x.js"] = "f(...5);\n"
    return files


MODES_DEFAULT = ["json", "pretty", "fix", "sugg"]
ALL_FORMATS = MODES_DEFAULT + ["sarif", "github", "compact"]

# name, generator, base N, modes
def grown_array_max(n):
    # One array grown in N loops over a long collection, spread N times (the growth of a
    # bounded literal, see spread-args-overflow's loop_growth).
    return {"a.js": lines(
        ["const m = new Map(globalThis.x);", "const xs = [];"]
        + ["for (const k of m.keys()) xs.push(k);" for _ in range(n)]
        + [f"export const r{i} = Math.max(...xs);" for i in range(n)])}


def reduce_key_writes(n):
    # One reduce callback with N computed-key writes into the accumulator and N fixed-key
    # copies of it (accumulating-spread's key_write).
    body = [f"  acc[row.k{i}] = {i};" for i in range(n)]
    body += [f"  if (row.t{i}) return {{ ...acc, total{i}: {i} }};" for i in range(n)]
    return {"a.js": lines(["export const r = rows.reduce((acc, row) => {"] + body
                          + ["  return acc;", "}, {});"])}


def named_reduce_callbacks(n):
    # N reducers passed by name, each used by N/8 reduce calls (accumulating-spread's named
    # callbacks).
    out = []
    for i in range(n):
        out.append(f"function merge{i}(acc, x) {{ return {{ ...acc, [x.id]: x }}; }}")
    for i in range(n):
        out.append(f"export const r{i} = xs{i % 8}.reduce(merge{i % max(1, n // 8)}, {{}});")
    return {"a.js": lines(out)}


SHAPES = [
    ("many-functions", many_functions, 2000, MODES_DEFAULT),
    ("one-function-50k-stmts", one_function_statements, 2000, MODES_DEFAULT),
    ("refs-reads", refs_reads, 2000, MODES_DEFAULT),
    ("refs-writes", refs_writes, 2000, MODES_DEFAULT),
    ("refs-calls", refs_calls, 2000, MODES_DEFAULT),
    ("same-name-nested", same_name_nested, 2000, MODES_DEFAULT),
    ("same-name-siblings", same_name_siblings, 2000, MODES_DEFAULT),
    ("loops-over-array", loops_over_array, 2000, MODES_DEFAULT),
    ("loops-over-spread-array", loops_over_spread_array, 2000, MODES_DEFAULT),
    ("copy-then-writes", copy_then_writes, 2000, MODES_DEFAULT),
    ("many-copies-one-source", many_copies_one_source, 2000, MODES_DEFAULT),
    ("long-member-chains", long_member_chain, 4000, MODES_DEFAULT),
    ("object-many-properties", object_many_properties, 2000, MODES_DEFAULT),
    ("object-same-spread", object_many_spreads_same, 2000, MODES_DEFAULT),
    ("array-many-spreads", array_many_spreads, 2000, MODES_DEFAULT),
    ("call-many-spreads", call_many_spreads, 2000, MODES_DEFAULT),
    ("or-chain", or_chain, 2000, MODES_DEFAULT),
    ("nullish-chain", nullish_chain, 2000, MODES_DEFAULT),
    ("conditional-chain", conditional_chain, 2000, MODES_DEFAULT),
    ("nested-fallbacks", nested_fallbacks, 250, MODES_DEFAULT),
    ("flat-fallbacks", flat_fallbacks, 2000, MODES_DEFAULT),
    ("nested-fallbacks-one-chain", nested_fallbacks_one_chain, 250, MODES_DEFAULT),
    ("uses-of-map", uses_of_map, 2000, MODES_DEFAULT),
    ("uses-of-iterator", uses_of_iterator, 2000, MODES_DEFAULT),
    ("uses-of-array-max", uses_of_array_max, 2000, MODES_DEFAULT),
    ("guarded-uses", guarded_uses, 2000, MODES_DEFAULT),
    ("guarded-calls", guarded_calls, 2000, MODES_DEFAULT),
    ("guard-flags", guard_flags, 2000, MODES_DEFAULT),
    ("uses-of-defaults", uses_of_defaults, 2000, MODES_DEFAULT),
    ("uses-of-assign-target", uses_of_assign_target, 2000, MODES_DEFAULT),
    ("uses-of-object-literal", uses_of_object_literal, 2000, MODES_DEFAULT),
    ("uses-of-class", uses_of_class, 2000, MODES_DEFAULT),
    ("uses-of-caught", uses_of_caught, 2000, MODES_DEFAULT),
    ("uses-of-copy", uses_of_copy, 2000, MODES_DEFAULT),
    ("copies-of-member", copies_of_member, 2000, MODES_DEFAULT),
    ("uses-of-object-method", uses_of_object_method, 2000, MODES_DEFAULT),
    ("uses-of-function-binding", uses_of_function_binding, 2000, MODES_DEFAULT),
    ("uses-of-reassigned-state", uses_of_reassigned_state, 2000, MODES_DEFAULT),
    ("loop-body-accumulations", loop_body_accumulations, 2000, MODES_DEFAULT),
    ("object-props-then-spreads", object_props_then_spreads, 2000, MODES_DEFAULT),
    ("iterators-used-twice", iterators_used_twice, 2000, MODES_DEFAULT),
    ("classes-accessors", classes_with_accessors, 1000, MODES_DEFAULT),
    ("many-findings", many_findings, 5000, ALL_FORMATS),
    ("long-line", long_line, 5000, ALL_FORMATS),
    ("disable-directives", disable_directives, 2000, MODES_DEFAULT),
    ("block-directives", block_directives, 2000, MODES_DEFAULT),
    ("arguments", arguments_everywhere, 2000, MODES_DEFAULT),
    ("apply-and-assign", apply_and_assign, 2000, MODES_DEFAULT),
    ("ts-annotated-params", ts_annotated_params, 1000, MODES_DEFAULT),
    ("ts-big-type-literal", ts_big_type_literal, 2000, MODES_DEFAULT),
    ("ts-big-union", ts_big_union, 2000, MODES_DEFAULT),
    ("grown-array-max", grown_array_max, 2000, MODES_DEFAULT),
    ("reduce-key-writes", reduce_key_writes, 2000, MODES_DEFAULT),
    ("named-reduce-callbacks", named_reduce_callbacks, 2000, MODES_DEFAULT),
    ("many-files", many_files, 1000, ["json", "pretty", "fix"]),
    ("deep-tree", deep_tree, 1000, ["json", "pretty"]),
]


def write_tree(root, files):
    for rel, text in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)


def run(bin_path, cfg, tree, mode, work, timeout):
    """Returns (seconds, peak KiB, CPU seconds) of one run, or (None, None, None) on timeout."""
    target = tree
    if mode in ("fix", "sugg"):
        target = os.path.join(work, "fixcopy")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(tree, target)
    args = [bin_path, "--config", cfg, "--color", "never"]
    fmt = {"fix": "json", "sugg": "json"}.get(mode, mode)
    args += ["--format", fmt]
    if mode == "fix":
        args.append("--fix")
    if mode == "sugg":
        args.append("--fix-suggestions")
    args.append(target)
    timefile = os.path.join(work, "time.txt")
    cmd = ["/usr/bin/time", "-f", "%e %M %U %S", "-o", timefile] + args
    t0 = time.perf_counter()
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, None
    elapsed = time.perf_counter() - t0
    with open(timefile) as f:
        parts = f.read().split()
    return elapsed, int(parts[-3]), float(parts[-2]) + float(parts[-1])


def measure(bin_path, cfg, gen, n, mode, work, timeout):
    tree = os.path.join(work, f"n{n}")
    if not os.path.isdir(tree):
        write_tree(tree, gen(n))
    return run(bin_path, cfg, tree, mode, work, timeout)


def size_of(tree):
    total = 0
    for dirpath, _, names in os.walk(tree):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/restlint"))
    ap.add_argument("--only", default="")
    ap.add_argument("--modes", default="")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--min-seconds", type=float, default=0.1)
    ap.add_argument("--max-doublings", type=int, default=5)
    opts = ap.parse_args()
    only = set(filter(None, opts.only.split(",")))
    modes_filter = set(filter(None, opts.modes.split(",")))
    base = tempfile.mkdtemp(prefix="restlint-scaling-")
    cfg = os.path.join(base, "all.json")
    with open(cfg, "w") as f:
        f.write(ALL_RULES)
    print(f"{'shape':26} {'mode':8} {'N':>7} {'bytes@4N':>10} {'t(N)':>8} {'t(4N)':>8} {'ratio':>6} {'cpu-r':>6} "
          f"{'MiB(N)':>7} {'MiB(4N)':>8} {'mratio':>6}  verdict", flush=True)
    worst = []
    try:
        for name, gen, n0, modes in SHAPES:
            if only and name not in only:
                continue
            work = os.path.join(base, name)
            os.makedirs(work)
            for mode in modes:
                if modes_filter and mode not in modes_filter:
                    continue
                # Calibrate N for each mode (--fix may cost far more than a lint).
                n = n0
                for _ in range(opts.max_doublings):
                    t, _, _ = measure(opts.bin, cfg, gen, n, mode, work, opts.timeout)
                    if t is None or t >= opts.min_seconds:
                        break
                    n *= 2
                t1, m1, c1 = measure(opts.bin, cfg, gen, n, mode, work, opts.timeout)
                t4, m4, c4 = measure(opts.bin, cfg, gen, 4 * n, mode, work, opts.timeout)
                nbytes = size_of(os.path.join(work, f"n{4 * n}"))
                if t1 is None or t4 is None:
                    print(f"{name:26} {mode:8} {n:>7} {nbytes:>10} "
                          f"{'-' if t1 is None else f'{t1:.3f}':>8} {'timeout':>8}", flush=True)
                    worst.append((float("inf"), name, mode))
                    continue
                ratio = t4 / t1
                mratio = m4 / m1
                cratio = c4 / max(c1, 0.01)
                verdict = "BUG" if ratio > 10 or mratio > 10 else ("suspect" if ratio > 6 or mratio > 6 else "ok")
                if t4 < 0.3 and verdict == "ok":
                    verdict = "ok (short)"
                if verdict in ("suspect", "BUG") and cratio <= 6 and c4 < t4 / 2:
                    verdict += " (wall clock: waits, the CPU time is linear)"
                print(f"{name:26} {mode:8} {n:>7} {nbytes:>10} {t1:>8.3f} {t4:>8.3f} {ratio:>6.1f} "
                      f"{cratio:>6.1f} {m1 / 1024:>7.1f} {m4 / 1024:>8.1f} {mratio:>6.1f}  {verdict}", flush=True)
                worst.append((ratio, name, mode))
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    worst.sort(reverse=True)
    print("\nworst ratios: " + ", ".join(f"{nm}/{md} {r:.1f}" for r, nm, md in worst[:8]))


if __name__ == "__main__":
    sys.exit(main())
