//! Parsed criteria, runtime expressions and templates as Rust constructor expressions.
//!
//! Generated code must not hand spec text to the runtime to parse on every evaluation (issue
//! #14): the generator has parsed and checked everything, so it writes the parsed value itself,
//! built from `arazzo_expr`'s constructors inside a `static` (once per process). The names
//! used here are those of `arazzo::__private::parsed`, which each generated `static` imports
//! (`use ::arazzo::__private::parsed::*;` in its initialiser only), so the golden file reads
//! like the AST; the spec's text stays beside each value. Lowering has parsed everything
//! (`ir::CriterionIr`, `ValueIr`, `TemplateIr`), so nothing here can fail.

use arazzo_expr::condition::{Accessor, Literal, Node, Operand};
use arazzo_expr::rfc9535::{Comparable, FnArg, FnCall, Logical, PathSegment, PathSelector, Query};
use arazzo_expr::{
    ConditionKind, Criterion, Expression, JsonPointer, MessagePart, Segment, Selector, Source, StringValue, WorkflowField, XPathVersion,
};
use proc_macro2::{Literal as Lit, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::ir::{CriterionIr, TemplateIr, ValueIr};

/// What goes in front of a constructor: the glob import of the parsed forms' names.
pub(crate) fn prelude() -> TokenStream {
    quote! {
        #[allow(clippy::wildcard_imports, reason = "the parsed forms' names, in this initialiser only")]
        use ::arazzo::__private::parsed::*;
    }
}

/// `static NAME: LazyLock<[TYPE; N]> = ...; &*NAME` as one block expression: the values are
/// built once per process, the first time the step runs.
pub(crate) fn static_slice(name: &str, ty: TokenStream, items: &[TokenStream]) -> TokenStream {
    let name = quote::format_ident!("{name}");
    let len = Lit::usize_unsuffixed(items.len());
    let prelude = prelude();
    quote!({
        static #name: ::std::sync::LazyLock<[#ty; #len]> = ::std::sync::LazyLock::new(|| {
            #prelude
            [#(#items),*]
        });
        &*#name
    })
}

/// `"text".to_owned()`.
fn owned(s: &str) -> TokenStream {
    quote!(#s.to_owned())
}

/// `None`, or `Some(..)` of a pointer's constructor.
fn pointer(p: Option<&JsonPointer>) -> TokenStream {
    match p {
        None => quote!(None),
        Some(p) if p.is_root() => quote!(Some(JsonPointer::root())),
        Some(p) => {
            let tokens = p.tokens();
            quote!(Some(JsonPointer::from_tokens([#(#tokens),*])))
        }
    }
}

/// A JSON pointer's constructor.
pub(crate) fn json_pointer(p: &JsonPointer) -> TokenStream {
    if p.is_root() {
        quote!(JsonPointer::root())
    } else {
        let tokens = p.tokens();
        quote!(JsonPointer::from_tokens([#(#tokens),*]))
    }
}

fn source(s: &Source) -> TokenStream {
    match s {
        Source::Header(name) => {
            let name = owned(name);
            quote!(Source::Header(#name))
        }
        Source::Query(name) => {
            let name = owned(name);
            quote!(Source::Query(#name))
        }
        Source::Path(name) => {
            let name = owned(name);
            quote!(Source::Path(#name))
        }
        Source::Body(p) => {
            let p = pointer(p.as_ref());
            quote!(Source::Body(#p))
        }
    }
}

/// The part of a message a `$message` expression reads.
pub(crate) fn message_part(part: &MessagePart) -> TokenStream {
    match part {
        MessagePart::Header(name) => {
            let name = owned(name);
            quote!(MessagePart::Header(#name))
        }
        MessagePart::Payload(p) => {
            let p = pointer(p.as_ref());
            quote!(MessagePart::Payload(#p))
        }
    }
}

/// Any JSON value's constructor (a message constant).
pub(crate) fn json_value(value: &Value) -> TokenStream {
    match value {
        Value::Null => quote!(Value::Null),
        Value::Bool(b) => quote!(Value::Bool(#b)),
        Value::Number(n) => number(n, |n| quote!(Value::Number(#n)), |f| quote!(Value::from(#f))),
        Value::String(s) => {
            let s = owned(s);
            quote!(Value::String(#s))
        }
        Value::Array(items) => {
            let items = items.iter().map(json_value);
            quote!(Value::Array(vec![#(#items),*]))
        }
        Value::Object(members) => {
            let members = members.iter().map(|(k, v)| {
                let (k, v) = (owned(k), json_value(v));
                quote!((#k, #v))
            });
            quote!(Value::Object(Map::from_iter([#(#members),*])))
        }
    }
}

/// A runtime expression.
pub(crate) fn expression(e: &Expression) -> TokenStream {
    match e {
        Expression::Url => quote!(Expression::Url),
        Expression::Method => quote!(Expression::Method),
        Expression::StatusCode => quote!(Expression::StatusCode),
        Expression::SelfUri => quote!(Expression::SelfUri),
        Expression::Request(s) => {
            let s = source(s);
            quote!(Expression::Request(#s))
        }
        Expression::Response(s) => {
            let s = source(s);
            quote!(Expression::Response(#s))
        }
        Expression::Message(part) => {
            let part = message_part(part);
            quote!(Expression::Message(#part))
        }
        Expression::Inputs { name, pointer: p } => {
            let (name, p) = (owned(name), pointer(p.as_ref()));
            quote!(Expression::Inputs { name: #name, pointer: #p })
        }
        Expression::Outputs { name, pointer: p } => {
            let (name, p) = (owned(name), pointer(p.as_ref()));
            quote!(Expression::Outputs { name: #name, pointer: #p })
        }
        Expression::Steps {
            step_id,
            output,
            pointer: p,
        } => {
            let (step_id, output, p) = (owned(step_id), owned(output), pointer(p.as_ref()));
            quote!(Expression::Steps { step_id: #step_id, output: #output, pointer: #p })
        }
        Expression::Workflows {
            workflow_id,
            field,
            name,
            pointer: p,
        } => {
            let (workflow_id, name, p) = (owned(workflow_id), owned(name), pointer(p.as_ref()));
            let field = match field {
                WorkflowField::Inputs => quote!(WorkflowField::Inputs),
                WorkflowField::Outputs => quote!(WorkflowField::Outputs),
            };
            quote!(Expression::Workflows { workflow_id: #workflow_id, field: #field, name: #name, pointer: #p })
        }
        Expression::SourceDescriptions { name, field } => {
            let (name, field) = (owned(name), owned(field));
            quote!(Expression::SourceDescriptions { name: #name, field: #field })
        }
        Expression::Components { kind, name } => {
            let (kind, name) = (owned(kind), owned(name));
            quote!(Expression::Components { kind: #kind, name: #name })
        }
    }
}

fn literal(l: &Literal) -> TokenStream {
    match l {
        Literal::Null => quote!(Literal::Null),
        Literal::Bool(b) => quote!(Literal::Bool(#b)),
        Literal::Number(n) => number(n, |n| quote!(Literal::Number(#n)), |f| quote!(Literal::float(#f))),
        Literal::String(s) => {
            let s = owned(s);
            quote!(Literal::String(#s))
        }
    }
}

/// A JSON number: integers through `Number::from`, anything else as an `f64`.
fn number(n: &serde_json::Number, int: impl Fn(TokenStream) -> TokenStream, float: impl Fn(Lit) -> TokenStream) -> TokenStream {
    if let Some(u) = n.as_u64() {
        let u = Lit::u64_suffixed(u);
        int(quote!(Number::from(#u)))
    } else if let Some(i) = n.as_i64() {
        let i = Lit::i64_suffixed(i);
        int(quote!(Number::from(#i)))
    } else {
        // The parser only yields finite numbers; a non-finite one would not be JSON.
        float(Lit::f64_suffixed(n.as_f64().filter(|f| f.is_finite()).unwrap_or(0.0)))
    }
}

fn operand(o: &Operand) -> TokenStream {
    match o {
        Operand::Literal(l) => {
            let l = literal(l);
            quote!(Operand::Literal(#l))
        }
        Operand::Expression {
            expression: e,
            accessors,
            span,
        } => {
            let e = expression(e);
            let accessors = accessors.iter().map(|a| match a {
                Accessor::Member(m) => {
                    let m = owned(m);
                    quote!(Accessor::Member(#m))
                }
                Accessor::Index(i) => {
                    let i = Lit::usize_unsuffixed(*i);
                    quote!(Accessor::Index(#i))
                }
            });
            let (start, end) = (Lit::usize_unsuffixed(span.start), Lit::usize_unsuffixed(span.end));
            quote!(Operand::Expression { expression: #e, accessors: vec![#(#accessors),*], span: #start..#end })
        }
    }
}

fn node(n: &Node) -> TokenStream {
    match n {
        Node::Or(items) => {
            let items = items.iter().map(node);
            quote!(Node::Or(vec![#(#items),*]))
        }
        Node::And(items) => {
            let items = items.iter().map(node);
            quote!(Node::And(vec![#(#items),*]))
        }
        Node::Not(inner) => {
            let inner = node(inner);
            quote!(Node::Not(Box::new(#inner)))
        }
        Node::Comparison { left, op, right } => {
            let (left, right) = (operand(left), operand(right));
            let op = quote::format_ident!("{op:?}");
            quote!(Node::Comparison { left: #left, op: ComparisonOp::#op, right: #right })
        }
        Node::Test(o) => {
            let o = operand(o);
            quote!(Node::Test(#o))
        }
    }
}

/// An RFC 9535 query as its AST.
pub(crate) fn query(q: &Query) -> TokenStream {
    let segments = q.segments.iter().map(|s| {
        match s {
            PathSegment::Child(sel) => match sel.as_slice() {
                [PathSelector::Name(n)] => return quote!(PathSegment::name(#n)),
                [PathSelector::Index(i)] => {
                    let i = Lit::i64_unsuffixed(*i);
                    return quote!(PathSegment::index(#i));
                }
                _ => {}
            },
            PathSegment::Descendant(_) => {}
        }
        let (variant, selectors) = match s {
            PathSegment::Child(sel) => (quote!(Child), sel),
            PathSegment::Descendant(sel) => (quote!(Descendant), sel),
        };
        let selectors = selectors.iter().map(path_selector);
        quote!(PathSegment::#variant(vec![#(#selectors),*]))
    });
    if q.absolute {
        quote!(Query::absolute(vec![#(#segments),*]))
    } else {
        quote!(Query::relative(vec![#(#segments),*]))
    }
}

fn option_i64(v: Option<i64>) -> TokenStream {
    match v {
        Some(i) => {
            let i = Lit::i64_suffixed(i);
            quote!(Some(#i))
        }
        None => quote!(None),
    }
}

fn path_selector(s: &PathSelector) -> TokenStream {
    match s {
        PathSelector::Name(n) => {
            let n = owned(n);
            quote!(PathSelector::Name(#n))
        }
        PathSelector::Wildcard => quote!(PathSelector::Wildcard),
        PathSelector::Index(i) => {
            let i = Lit::i64_suffixed(*i);
            quote!(PathSelector::Index(#i))
        }
        PathSelector::Slice { start, end, step } => {
            let (start, end, step) = (option_i64(*start), option_i64(*end), option_i64(*step));
            quote!(PathSelector::Slice { start: #start, end: #end, step: #step })
        }
        PathSelector::Filter(l) => {
            let l = logical(l);
            quote!(PathSelector::Filter(#l))
        }
    }
}

fn logical(l: &Logical) -> TokenStream {
    match l {
        Logical::Or(items) => {
            let items = items.iter().map(logical);
            quote!(Logical::Or(vec![#(#items),*]))
        }
        Logical::And(items) => {
            let items = items.iter().map(logical);
            quote!(Logical::And(vec![#(#items),*]))
        }
        Logical::Not(inner) => {
            let inner = logical(inner);
            quote!(Logical::Not(Box::new(#inner)))
        }
        Logical::Compare(a, op, b) => {
            let (a, b) = (comparable(a), comparable(b));
            let op = quote::format_ident!("{op:?}");
            quote!(Logical::Compare(#a, ComparisonOp::#op, #b))
        }
        Logical::Exists(q) => {
            let q = query(q);
            quote!(Logical::Exists(#q))
        }
        Logical::Test(call) => {
            let call = fn_call(call);
            quote!(Logical::Test(#call))
        }
    }
}

fn comparable(c: &Comparable) -> TokenStream {
    match c {
        Comparable::Literal(v) => {
            let v = json_value(v);
            quote!(Comparable::Literal(#v))
        }
        Comparable::Query(q) => {
            let q = query(q);
            quote!(Comparable::Query(#q))
        }
        Comparable::Fn(call) => {
            let call = fn_call(call);
            quote!(Comparable::Fn(#call))
        }
        Comparable::JsLength { query: q, parent } => {
            let (q, parent) = (query(q), query(parent));
            quote!(Comparable::JsLength { query: #q, parent: #parent })
        }
    }
}

fn fn_call(call: &FnCall) -> TokenStream {
    let (func, name) = (call.func, call.func.name());
    let func = quote::format_ident!("{func:?}");
    let args = call.args.iter().map(|a| match a {
        FnArg::Literal(v) => {
            let v = json_value(v);
            quote!(FnArg::Literal(#v))
        }
        FnArg::Query(q) => {
            let q = query(q);
            quote!(FnArg::Query(#q))
        }
        FnArg::Fn(c) => {
            let c = fn_call(c);
            quote!(FnArg::Fn(#c))
        }
    });
    let tokens = quote!(FnCall::new(Func::#func, vec![#(#args),*]));
    // `match` and `search`, the I-Regexp functions: the runtime's `regex` feature decides.
    if call.func.is_logical() {
        let what = format!("JSONPath `{name}()`");
        quote!(::arazzo::__require_regex!(#what, #tokens))
    } else {
        tokens
    }
}

/// A parsed Selector Object's selector as a constructor of `arazzo_expr::Selector` (inside a
/// `static` that has [`prelude`]).
pub(crate) fn selector(parsed: &Selector) -> TokenStream {
    match parsed {
        Selector::Pointer(p) if p.is_root() => quote!(Selector::Pointer(JsonPointer::root())),
        Selector::Pointer(p) => {
            let tokens = p.tokens();
            quote!(Selector::Pointer(JsonPointer::from_tokens([#(#tokens),*])))
        }
        Selector::JsonPath { path, length, .. } => {
            let path = query(path);
            let length = match length {
                Some(q) => {
                    let q = query(q);
                    quote!(Some(#q))
                }
                None => quote!(None),
            };
            quote!(Selector::from_query(#path, #length))
        }
        Selector::XPath { expression, version } => {
            let version = xpath_version(*version);
            let expression = owned(expression);
            quote!(Selector::XPath { expression: #expression, version: XPathVersion::#version })
        }
    }
}

fn xpath_version(v: XPathVersion) -> proc_macro2::Ident {
    quote::format_ident!(
        "{}",
        match v {
            XPathVersion::V10 => "V10",
            XPathVersion::V20 => "V20",
            XPathVersion::V30 => "V30",
            XPathVersion::V31 => "V31",
        }
    )
}

/// A parsed `jsonpath` condition.
fn condition_kind(kind: &ConditionKind) -> TokenStream {
    match kind {
        ConditionKind::Query(q) => {
            let q = query(q);
            quote!(ConditionKind::Query(#q))
        }
        ConditionKind::Logical(l) => {
            let l = logical(l);
            quote!(ConditionKind::Logical(#l))
        }
    }
}

/// A criterion as `Check::...(text, parsed form)`.
pub(crate) fn check(criterion: &CriterionIr) -> TokenStream {
    let (text, goessner) = (criterion.condition.as_str(), criterion.goessner);
    match &criterion.parsed {
        Criterion::Simple(condition) => {
            let root = node(condition.root());
            quote!(Check::simple(#text, SimpleCondition::from_root(#root)))
        }
        Criterion::Regex { context, .. } => {
            let context = expression(context);
            let what = format!("`regex` criterion `{text}`");
            quote!(::arazzo::__require_regex!(#what, Check::regex(#text, #context)))
        }
        Criterion::JsonPath { context, path } if goessner => {
            let context = expression(context);
            let kind = condition_kind(path.kind());
            let length = match path.goessner_length() {
                Some(q) => {
                    let q = query(q);
                    quote!(Some(#q))
                }
                None => quote!(None),
            };
            quote!(Check::jsonpath_goessner(#text, #context, #kind, #length))
        }
        Criterion::JsonPath { context, path } => {
            let context = expression(context);
            let kind = condition_kind(path.kind());
            quote!(Check::jsonpath(#text, #context, #kind))
        }
        Criterion::XPath { context, version, .. } => {
            let context = expression(context);
            let version = match version {
                None => quote!(None),
                Some(v) => {
                    let v = xpath_version(*v);
                    quote!(Some(XPathVersion::#v))
                }
            };
            quote!(Check::xpath(#text, #context, #version))
        }
    }
}

/// A string value of the spec as an `Expr` (text beside its parsed form).
pub(crate) fn expr(value: &ValueIr) -> TokenStream {
    let text = value.text.as_str();
    match &value.parsed {
        StringValue::Literal(_) => quote!(Expr::literal(#text)),
        StringValue::Expression(e) => {
            let e = expression(e);
            quote!(Expr::expression(#text, #e))
        }
        StringValue::Template(t) => {
            let segments = t.segments.iter().map(|s| match s {
                Segment::Literal(l) => {
                    let l = owned(l);
                    quote!(Segment::Literal(#l))
                }
                Segment::Expression(e) => {
                    let e = expression(e);
                    quote!(Segment::Expression(#e))
                }
            });
            quote!(Expr::template(#text, vec![#(#segments),*]))
        }
    }
}

/// A spec structure as a `Template` constructor (members in document order).
pub(crate) fn template(value: &TemplateIr) -> TokenStream {
    match value {
        TemplateIr::Text(v) => {
            let e = expr(v);
            quote!(Template::Text(#e))
        }
        TemplateIr::Scalar(Value::Bool(b)) => quote!(Template::Scalar(Value::Bool(#b))),
        TemplateIr::Scalar(Value::Number(n)) => number(
            n,
            |n| quote!(Template::Scalar(Value::Number(#n))),
            |f| quote!(Template::Scalar(Value::from(#f))),
        ),
        // Lowering makes only `null`, booleans and numbers scalars.
        TemplateIr::Scalar(_) => quote!(Template::Scalar(Value::Null)),
        TemplateIr::Array(items) => {
            let items = items.iter().map(template);
            quote!(Template::Array(vec![#(#items),*]))
        }
        TemplateIr::Object(members) => {
            let members = members.iter().map(|(k, v)| {
                let v = template(v);
                quote!((#k, #v))
            });
            quote!(Template::Object(vec![#(#members),*]))
        }
    }
}

/// `static NAME: LazyLock<TYPE> = ...; &*NAME` as one block expression (see [`static_slice`]).
pub(crate) fn static_value(name: &str, ty: TokenStream, item: TokenStream) -> TokenStream {
    let name = quote::format_ident!("{name}");
    let prelude = prelude();
    quote!({
        static #name: ::std::sync::LazyLock<#ty> = ::std::sync::LazyLock::new(|| {
            #prelude
            #item
        });
        &#name
    })
}

/// A `&[(name, Expr)]` of outputs, parsed; `&[]` for none.
pub(crate) fn outputs<'a>(list: impl Iterator<Item = (&'a str, &'a ValueIr)>) -> TokenStream {
    let items: Vec<TokenStream> = list
        .map(|(name, value)| {
            let e = expr(value);
            quote!((#name, #e))
        })
        .collect();
    if items.is_empty() {
        return quote!(&[]);
    }
    static_slice("OUTPUTS", quote!((&'static str, ::arazzo::__private::Expr)), &items)
}

/// A template `static` (`&Template`).
pub(crate) fn template_static(value: &TemplateIr) -> TokenStream {
    static_value("TEMPLATE", quote!(::arazzo::__private::Template), template(value))
}
