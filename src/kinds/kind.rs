//! The kinds a value can be known to have, and where that knowledge came from.

use oxc_syntax::node::NodeId;

use crate::diagnostic::Span;

/// What a value is known to be. [`Kind::Unknown`] means "anything": no kind-based rule
/// ever fires on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Nothing is known.
    #[default]
    Unknown,
    /// A plain object: an object literal, `new Object()`, `Object.fromEntries(…)`, an object
    /// rest, or an object type annotation. `iterable` is true when it has a
    /// `[Symbol.iterator]` member; `open` when a spread or `__proto__` in the literal may have
    /// brought one in (then iterability is unknown).
    Object {
        iterable: bool,
        open: bool,
    },
    /// An array. `bounded` when its length cannot be huge: an array literal without spreads,
    /// a rest parameter, or an array mapped, filtered or sliced from a bounded one.
    Array {
        bounded: bool,
    },
    String,
    Number,
    BigInt,
    Boolean,
    Null,
    Undefined,
    Symbol,
    RegExp,
    /// A function or arrow (a class is [`Kind::Class`]).
    Function,
    /// A class (the constructor itself, not an instance).
    Class,
    Map,
    Set,
    WeakMap,
    WeakSet,
    Date,
    /// An `Error` or one of its subclasses (built-in or declared in the file).
    Error,
    Promise,
    Url,
    UrlSearchParams,
    Headers,
    /// A fetch `Response` (`await fetch(…)`, `new Response(…)`): its data is behind
    /// prototype accessors and body methods.
    Response,
    /// A fetch `Request` (`new Request(…)`, a parameter annotated `Request`): like a
    /// Response, its data is behind prototype accessors and body methods.
    Request,
    FormData,
    ArrayBuffer,
    /// `Uint8Array` and the other typed arrays, and Node's `Buffer`.
    TypedArray,
    /// A sync generator object (a call of an in-file `function*`): iterable, one-shot.
    Generator,
    /// An async generator object (a call of an in-file `async function*`): not sync-iterable.
    AsyncGenerator,
    /// A built-in one-shot iterator: `map.keys()`, `str.matchAll(re)`, `Iterator.from(x)`,
    /// iterator-helper results.
    Iterator,
    /// An instance of a class declared in this file (by the class's node).
    Instance(NodeId),
    /// A `catch (err)` binding or the first parameter of a `.catch(fn)` callback on a known
    /// Promise: usually an Error, but anything can be thrown. Only rules that say so treat it
    /// as an Error; for everything else it is as good as Unknown.
    CaughtError,
}

impl Kind {
    /// Whether anything is known.
    pub fn is_known(self) -> bool {
        !matches!(self, Kind::Unknown)
    }

    /// Whether the value can be iterated synchronously (`[...x]`, `for…of`): `Some(true)` or
    /// `Some(false)` when known, `None` when it depends (Unknown, caught errors, open object
    /// literals, in-file class instances — ask [`crate::kinds::Kinds::is_iterable`] for those).
    pub fn iterable(self) -> Option<bool> {
        use Kind::*;
        match self {
            Unknown | CaughtError | Instance(_) => None,
            Object { iterable: true, .. } => Some(true),
            Object { open: true, .. } => None,
            Object { .. } => Some(false),
            Array { .. }
            | String
            | Map
            | Set
            | TypedArray
            | Generator
            | Iterator
            | UrlSearchParams
            | Headers
            | FormData => Some(true),
            // A class can have a static `[Symbol.iterator]`, its own or its base's.
            Class => None,
            Number | BigInt | Boolean | Null | Undefined | Symbol | RegExp | Function | WeakMap
            | WeakSet | Date | Error | Promise | Url | Response | Request | ArrayBuffer
            | AsyncGenerator => Some(false),
        }
    }

    /// Whether the value is `null` or `undefined`.
    pub fn is_nullish(self) -> bool {
        matches!(self, Kind::Null | Kind::Undefined)
    }

    /// Whether the value is a one-shot iterator (generator object or built-in iterator).
    pub fn is_one_shot(self) -> bool {
        matches!(
            self,
            Kind::Generator | Kind::AsyncGenerator | Kind::Iterator
        )
    }

    /// Whether two kinds are the same for merging branches (`c ? a : b`): equal, with arrays
    /// and objects merged (bounded only if both are, iterable only if both are).
    pub fn merge(self, other: Kind) -> Kind {
        match (self, other) {
            (Kind::Array { bounded: a }, Kind::Array { bounded: b }) => {
                Kind::Array { bounded: a && b }
            }
            (
                Kind::Object {
                    iterable: a,
                    open: oa,
                },
                Kind::Object {
                    iterable: b,
                    open: ob,
                },
            ) if a == b => Kind::Object {
                iterable: a,
                open: oa || ob,
            },
            (a, b) if a == b => a,
            _ => Kind::Unknown,
        }
    }

    /// The kind as a noun with its article, for messages: "a Map", "an object", "a number".
    /// In-file class instances say "a class instance"; [`crate::kinds::Kinds::noun`] names
    /// the class.
    pub fn noun(self) -> &'static str {
        use Kind::*;
        match self {
            Unknown => "a value of unknown kind",
            Object { .. } => "an object",
            Array { .. } => "an array",
            String => "a string",
            Number => "a number",
            BigInt => "a bigint",
            Boolean => "a boolean",
            Null => "null",
            Undefined => "undefined",
            Symbol => "a symbol",
            RegExp => "a RegExp",
            Function => "a function",
            Class => "a class",
            Map => "a Map",
            Set => "a Set",
            WeakMap => "a WeakMap",
            WeakSet => "a WeakSet",
            Date => "a Date",
            Error => "an Error",
            Promise => "a Promise",
            Url => "a URL",
            UrlSearchParams => "a URLSearchParams",
            Headers => "a Headers object",
            Response => "a Response",
            Request => "a Request",
            FormData => "a FormData",
            ArrayBuffer => "an ArrayBuffer",
            TypedArray => "a typed array",
            Generator => "a generator object",
            AsyncGenerator => "an async generator object",
            Iterator => "an iterator",
            Instance(_) => "a class instance",
            CaughtError => "a caught error",
        }
    }

    /// The bare name of the kind, for labels: "Map", "object", "number".
    pub fn name(self) -> &'static str {
        let noun = self.noun();
        noun.strip_prefix("an ")
            .or_else(|| noun.strip_prefix("a "))
            .unwrap_or(noun)
    }
}

/// Where a kind came from, so a diagnostic can say it and label it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The expression, declaration or annotation that gave the kind.
    pub span: Span,
    /// For the message, in parentheses after the kind: "created at line 3",
    /// "returned by the async function `load`", "annotated `Map<string, number>` at line 2".
    pub note: String,
    /// For the label on `span`, a noun phrase: "the Map created here".
    pub label: String,
    /// The value is a Promise returned by a call that was not awaited (an in-file async
    /// function, `fetch`, `import()`): messages add "did you forget `await`?".
    pub unawaited: bool,
    /// The value is an element of this array binding, whose elements are all Promises
    /// (`xs.map(async …)`): the fix is to await the whole array.
    pub element_of: Option<String>,
    /// The kind comes from a TypeScript type (an annotation or a return type), not from the
    /// value: a later assertion (`v as unknown as T[]`) or a narrowing test may say more.
    pub declared: bool,
}

/// A kind with its origin.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    pub kind: Kind,
    pub origin: Origin,
}

impl Typed {
    /// Nothing known.
    pub fn unknown() -> Self {
        Typed::default()
    }

    /// A kind with an origin.
    pub fn new(
        kind: Kind,
        span: impl Into<Span>,
        note: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Typed {
            kind,
            origin: Origin {
                span: span.into(),
                note: note.into(),
                label: label.into(),
                unawaited: false,
                element_of: None,
                declared: false,
            },
        }
    }

    /// Whether anything is known.
    pub fn is_known(&self) -> bool {
        self.kind.is_known()
    }

    /// The same origin with another kind (`.then()` of a Promise, `.map()` of an array).
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        if !kind.is_known() {
            self.origin = Origin::default();
        }
        self
    }
}
