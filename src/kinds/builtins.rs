//! What the global builtins make: constructors, functions, static methods, and methods on
//! receivers of a known kind. Tables only; the caller checks that a name is the global.

use super::kind::Kind;

const OBJECT: Kind = Kind::Object {
    iterable: false,
    open: false,
};
const ARRAY: Kind = Kind::Array { bounded: false };

/// The global `Error` constructor and its built-in subclasses.
pub const ERROR_CLASSES: &[&str] = &[
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "AggregateError",
];

const TYPED_ARRAYS: &[&str] = &[
    "Int8Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float16Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
    "BigUint64Array",
    "Buffer",
];

/// `new Name(…)` of a global constructor. `args` is the argument count (`new Object(x)`
/// returns `x` when it is an object, so only the argument-less form is known).
pub fn constructed(name: &str, args: usize) -> Option<Kind> {
    Some(match name {
        "Map" => Kind::Map,
        "Set" => Kind::Set,
        "WeakMap" => Kind::WeakMap,
        "WeakSet" => Kind::WeakSet,
        "Date" => Kind::Date,
        "RegExp" => Kind::RegExp,
        "Promise" => Kind::Promise,
        "Object" if args == 0 => OBJECT,
        "Array" => ARRAY,
        "URL" => Kind::Url,
        "URLSearchParams" => Kind::UrlSearchParams,
        "Headers" => Kind::Headers,
        "FormData" => Kind::FormData,
        "Response" => Kind::Response,
        "Request" => Kind::Request,
        "ArrayBuffer" | "SharedArrayBuffer" => Kind::ArrayBuffer,
        "Function" => Kind::Function,
        n if ERROR_CLASSES.contains(&n) => Kind::Error,
        n if TYPED_ARRAYS.contains(&n) => Kind::TypedArray,
        _ => return None,
    })
}

/// `name(…)` of a global function.
pub fn called(name: &str) -> Option<Kind> {
    Some(match name {
        "String" | "encodeURIComponent" | "encodeURI" | "decodeURIComponent" | "decodeURI"
        | "escape" | "unescape" | "btoa" | "atob" | "Date" => Kind::String,
        "Number" | "parseInt" | "parseFloat" => Kind::Number,
        "Boolean" | "isNaN" | "isFinite" => Kind::Boolean,
        "Symbol" => Kind::Symbol,
        "BigInt" => Kind::BigInt,
        "RegExp" => Kind::RegExp,
        "Array" => ARRAY,
        "fetch" => Kind::Promise,
        n if ERROR_CLASSES.contains(&n) => Kind::Error,
        _ => return None,
    })
}

/// `Namespace.method(…)` of a global namespace or constructor. `Object.assign` is handled by
/// the caller (its result is its first argument).
pub fn static_call(namespace: &str, method: &str) -> Option<Kind> {
    Some(match (namespace, method) {
        (
            "Object",
            "keys" | "values" | "entries" | "getOwnPropertyNames" | "getOwnPropertySymbols",
        ) => ARRAY,
        ("Object", "fromEntries" | "groupBy") => OBJECT,
        ("Map", "groupBy") => Kind::Map,
        ("Object", "is" | "isFrozen" | "isSealed" | "isExtensible" | "hasOwn") => Kind::Boolean,
        ("Array", "from" | "of") => ARRAY,
        // `Array.fromAsync(xs)`: a Promise of the array.
        ("Array", "fromAsync") => Kind::Promise,
        ("Array", "isArray") => Kind::Boolean,
        ("Promise", "resolve" | "reject" | "all" | "allSettled" | "race" | "any" | "try") => {
            Kind::Promise
        }
        // `{ promise, resolve, reject }`.
        ("Promise", "withResolvers") => OBJECT,
        ("JSON", "stringify") => Kind::String,
        ("Math", _) => Kind::Number,
        ("Number", "isInteger" | "isNaN" | "isFinite" | "isSafeInteger") => Kind::Boolean,
        ("Number", "parseInt" | "parseFloat") => Kind::Number,
        ("String", "fromCharCode" | "fromCodePoint" | "raw") => Kind::String,
        ("Date", "now" | "parse" | "UTC") => Kind::Number,
        ("Iterator", "from") => Kind::Iterator,
        ("Symbol", "for") => Kind::Symbol,
        ("Buffer", "from" | "alloc" | "allocUnsafe" | "concat") => Kind::TypedArray,
        ("Buffer", "isBuffer") => Kind::Boolean,
        ("Reflect", "ownKeys") => ARRAY,
        ("Reflect", "has") => Kind::Boolean,
        ("URL", "createObjectURL") => Kind::String,
        ("URL", "canParse") => Kind::Boolean,
        _ => return None,
    })
}

/// The kind of `receiver.method(…)` for a receiver of a known kind.
pub fn method(receiver: Kind, method: &str) -> Option<Kind> {
    use Kind::*;
    Some(match (receiver, method) {
        (String, "split") => ARRAY,
        (String, "matchAll") => Iterator,
        (
            String,
            "toUpperCase" | "toLowerCase" | "toLocaleUpperCase" | "toLocaleLowerCase" | "trim"
            | "trimStart" | "trimEnd" | "slice" | "substring" | "substr" | "replace" | "replaceAll"
            | "padStart" | "padEnd" | "repeat" | "concat" | "charAt" | "normalize" | "toString"
            | "valueOf",
        ) => String,
        (
            String,
            "indexOf" | "lastIndexOf" | "charCodeAt" | "codePointAt" | "localeCompare" | "search",
        ) => Number,
        (String, "includes" | "startsWith" | "endsWith") => Boolean,

        (
            Array { bounded },
            "map" | "filter" | "slice" | "toSorted" | "toReversed" | "with" | "sort" | "reverse"
            | "fill",
        ) => Array { bounded },
        (Array { .. }, "concat" | "flat" | "flatMap" | "splice" | "toSpliced") => ARRAY,
        (Array { .. } | TypedArray, "keys" | "values" | "entries") => Iterator,
        (Array { .. } | TypedArray, "join" | "toString") => String,
        (
            Array { .. },
            "indexOf" | "lastIndexOf" | "push" | "unshift" | "findIndex" | "findLastIndex",
        ) => Number,
        (Array { .. }, "includes" | "some" | "every") => Boolean,
        (Array { .. }, "forEach") => Undefined,

        (Map | Set, "keys" | "values" | "entries") => Iterator,
        (Map | Set | WeakMap | WeakSet, "has" | "delete") => Boolean,
        (Map | Set, "forEach" | "clear") => Undefined,
        (Map, "set") => Map,
        (Set, "add" | "union" | "intersection" | "difference" | "symmetricDifference") => Set,
        (Set, "isSubsetOf" | "isSupersetOf" | "isDisjointFrom") => Boolean,
        (WeakMap, "set") => WeakMap,
        (WeakSet, "add") => WeakSet,

        (Promise, "then" | "catch" | "finally") => Promise,

        (Date, m) if m.starts_with("get") => Number,
        (Date, "valueOf") => Number,
        (
            Date,
            "toISOString" | "toString" | "toJSON" | "toDateString" | "toTimeString" | "toUTCString"
            | "toLocaleString" | "toLocaleDateString" | "toLocaleTimeString",
        ) => String,

        (RegExp, "test") => Boolean,
        (RegExp, "toString") => String,
        (Number, "toFixed" | "toString" | "toPrecision" | "toExponential" | "toLocaleString") => {
            String
        }
        (Boolean | BigInt | Symbol | Url | UrlSearchParams, "toString") => String,

        (Iterator | Generator, "map" | "filter" | "take" | "drop" | "flatMap") => Iterator,
        (Iterator | Generator, "toArray") => ARRAY,
        (Iterator | Generator, "some" | "every") => Boolean,

        (UrlSearchParams | Headers | FormData, "keys" | "values" | "entries") => Iterator,
        (UrlSearchParams | Headers | FormData, "has") => Boolean,
        (Url, "toJSON") => String,
        (Response | Request, "json" | "text" | "blob" | "arrayBuffer" | "bytes" | "formData") => {
            Promise
        }
        (Response, "clone") => Response,
        (Request, "clone") => Request,

        (Function, "bind") => Function,
        _ => return None,
    })
}

/// The kind of `receiver.property` for a receiver of a known kind.
pub fn property(receiver: Kind, property: &str) -> Option<Kind> {
    use Kind::*;
    Some(match (receiver, property) {
        (String | Array { .. } | TypedArray | Function, "length") => Number,
        (Map | Set, "size") => Number,
        (ArrayBuffer | TypedArray, "byteLength") => Number,
        (
            Url,
            "href" | "origin" | "protocol" | "host" | "hostname" | "port" | "pathname" | "search"
            | "hash",
        ) => String,
        (Url, "searchParams") => UrlSearchParams,
        (Response | Request, "headers") => Headers,
        (
            Request,
            "url" | "method" | "mode" | "credentials" | "cache" | "redirect" | "referrer"
            | "referrerPolicy" | "integrity",
        ) => String,
        (Response, "status") => Number,
        (Response, "ok" | "bodyUsed" | "redirected") => Boolean,
        (Error, "message") => String,
        _ => return None,
    })
}

/// The kind a TypeScript type reference to a global type names (`Map<K, V>`, `Date`, …).
pub fn type_name(name: &str) -> Option<Kind> {
    Some(match name {
        "Map" | "ReadonlyMap" => Kind::Map,
        "Set" | "ReadonlySet" => Kind::Set,
        "WeakMap" => Kind::WeakMap,
        "WeakSet" => Kind::WeakSet,
        "Date" => Kind::Date,
        "RegExp" => Kind::RegExp,
        "Promise" => Kind::Promise,
        "URL" => Kind::Url,
        "URLSearchParams" => Kind::UrlSearchParams,
        "Headers" => Kind::Headers,
        "FormData" => Kind::FormData,
        "Response" => Kind::Response,
        "Request" => Kind::Request,
        "ArrayBuffer" | "SharedArrayBuffer" => Kind::ArrayBuffer,
        "Array" | "ReadonlyArray" => ARRAY,
        "Record" => OBJECT,
        "Generator" => Kind::Generator,
        "AsyncGenerator" => Kind::AsyncGenerator,
        "String" => Kind::String,
        "Number" => Kind::Number,
        "Boolean" => Kind::Boolean,
        "BigInt" => Kind::BigInt,
        n if ERROR_CLASSES.contains(&n) => Kind::Error,
        n if TYPED_ARRAYS.contains(&n) => Kind::TypedArray,
        _ => return None,
    })
}

/// Node's promise modules, without their `node:` prefix, and the functions of each that
/// return a Promise (not `glob`, `watch` or `setInterval`: async iterators; not `constants`
/// or `scheduler`: objects).
const PROMISE_MODULES: &[(&str, &[&str])] = &[
    (
        "fs/promises",
        &[
            "access",
            "appendFile",
            "chmod",
            "chown",
            "copyFile",
            "cp",
            "lchmod",
            "lchown",
            "link",
            "lstat",
            "lutimes",
            "mkdir",
            "mkdtemp",
            "open",
            "opendir",
            "readdir",
            "readFile",
            "readlink",
            "realpath",
            "rename",
            "rm",
            "rmdir",
            "stat",
            "statfs",
            "symlink",
            "truncate",
            "unlink",
            "utimes",
            "writeFile",
        ],
    ),
    ("timers/promises", &["setTimeout", "setImmediate"]),
    ("stream/promises", &["pipeline", "finished"]),
    // `events.once(emitter, name)` (also `EventEmitter.once`, the default export); not `on`:
    // an async iterator.
    ("events", &["once"]),
    (
        "dns/promises",
        &[
            "lookup",
            "lookupService",
            "resolve",
            "resolve4",
            "resolve6",
            "resolveAny",
            "resolveCaa",
            "resolveCname",
            "resolveMx",
            "resolveNaptr",
            "resolveNs",
            "resolvePtr",
            "resolveSoa",
            "resolveSrv",
            "resolveTxt",
            "reverse",
        ],
    ),
];

/// The Promise-returning functions of a Node promise module (`"node:fs/promises"`,
/// `"fs/promises"`, …); `None` for any other module.
pub fn promise_module(source: &str) -> Option<&'static [&'static str]> {
    let name = source.strip_prefix("node:").unwrap_or(source);
    PROMISE_MODULES
        .iter()
        .find(|(m, _)| *m == name)
        .map(|(_, fns)| *fns)
}

/// `Object.assign(x, …)`, `Object.defineProperty(x, …)`, `Reflect.set(x, …)` and kin: the
/// builtins of `ns` that add or change members of their first argument.
pub fn reshapes_first_argument(ns: &str, method: &str) -> bool {
    matches!(
        (ns, method),
        (
            "Object",
            "assign" | "defineProperty" | "defineProperties" | "setPrototypeOf"
        ) | ("Reflect", "defineProperty" | "set" | "setPrototypeOf")
    )
}

/// What a binding of one of Node's promise modules is (see [`promise_binding`]).
pub enum PromiseBinding {
    /// A module whose functions in `functions` return Promises; `named` is its name when it
    /// was reached as another module's export (`fs`'s `promises`: `fs/promises`).
    Module {
        functions: &'static [&'static str],
        named: Option<&'static str>,
    },
    /// One of those functions.
    Function,
}

/// What binding `module` gives: the whole module when `key` is `None` (a default or
/// namespace import, `require(module)`), else its export `key` (a named import, a
/// destructured property); `None` when it is nothing known to return Promises.
pub fn promise_binding(module: &str, key: Option<&str>) -> Option<PromiseBinding> {
    let Some(key) = key else {
        return promise_module(module).map(|functions| PromiseBinding::Module {
            functions,
            named: None,
        });
    };
    if let Some(inner) = module_export(module, key) {
        return promise_module(inner).map(|functions| PromiseBinding::Module {
            functions,
            named: Some(inner),
        });
    }
    promise_module(module)?
        .contains(&key)
        .then_some(PromiseBinding::Function)
}

/// `import { promises } from "fs"`: the module an export of another module is.
pub fn module_export(source: &str, export: &str) -> Option<&'static str> {
    let name = source.strip_prefix("node:").unwrap_or(source);
    match (name, export) {
        ("fs", "promises") => Some("fs/promises"),
        ("dns", "promises") => Some("dns/promises"),
        _ => None,
    }
}

/// Array methods whose callback gets each element as its first parameter.
pub const ELEMENT_CALLBACKS: &[&str] = &[
    "map",
    "forEach",
    "filter",
    "find",
    "findLast",
    "findIndex",
    "findLastIndex",
    "some",
    "every",
    "flatMap",
];

/// Array methods that neither replace nor add elements (the element callbacks and these).
pub const ELEMENT_KEEPING: &[&str] = &[
    "at",
    "includes",
    "indexOf",
    "lastIndexOf",
    "slice",
    "concat",
    "join",
    "keys",
    "values",
    "entries",
    "reduce",
    "reduceRight",
    "toString",
];
