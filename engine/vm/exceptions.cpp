// BaseException and its family: construction, args/str/repr, __cause__/__context__/
// __traceback__ attributes, add_note/with_traceback, and ExceptionGroup (split, subgroup, derive).
#include "engine/vm/internal.hpp"

namespace ll::vm {

Object* alloc_exception(VM&, Type* cls) { return new ExceptionObject(cls); }

static ExceptionObject* X(const Value& v) { return v.as<ExceptionObject>(); }

static Value exc_new(VM& vm, Type* cls, Args args) {
    Value e = Value::steal(cls->alloc(vm, cls));
    std::vector<Value> a(args.items, args.items + args.count);
    X(e)->args = new_tuple(vm, std::move(a));
    return e;
}

static bool exc_init(VM& vm, const Value& self, Args args) {
    Type* t = type_of(self);
    if (args.has_kwargs() && !t->has_flag(kTypeHeap)) {
        raise_fmt(vm, vm.exc.TypeError, "{}() takes no keyword arguments", t->name);
        return false;
    }
    std::vector<Value> a(args.items, args.items + args.count);
    X(self)->args = new_tuple(vm, std::move(a));
    return true;
}

Value exception_str(VM& vm, const Value& exc) {
    auto* e = X(exc);
    Type* t = type_of(exc);
    if (t->is_subtype(vm.exc.BaseExceptionGroup) && !e->eg_message.is_null()) {
        std::size_t n = e->eg_exceptions.as<Tuple>()->items.size();
        return new_str(vm, fmt::format("{} ({} sub-exception{})", e->eg_message.as<Str>()->text, n, n == 1 ? "" : "s"));
    }
    auto& args = e->args.is_null() ? vm.empty_tuple.as<Tuple>()->items : e->args.as<Tuple>()->items;
    if (args.empty()) return vm.empty_str;
    if (args.size() == 1) {
        if (t->is_subtype(vm.exc.KeyError)) return repr(vm, args[0]);
        return str(vm, args[0]);
    }
    return repr(vm, e->args);
}

static Value exc_str(VM& vm, const Value& self) { return exception_str(vm, self); }

static Value exc_repr(VM& vm, const Value& self) {
    auto* e = X(self);
    Type* t = type_of(self);
    std::string out = t->name + "(";
    if (t->is_subtype(vm.exc.BaseExceptionGroup) && !e->eg_message.is_null()) {
        if (!repr_into(vm, e->eg_message, out)) return {};
        out += ", ";
        auto& a = e->args.as<Tuple>()->items;
        Value l = a.size() >= 2 ? a[1] : new_list(vm, e->eg_exceptions.as<Tuple>()->items.to_vector());
        if (!repr_into(vm, l, out)) return {};
        out += ")";
        return new_str(vm, std::move(out));
    }
    auto& args = e->args.as<Tuple>()->items;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i) out += ", ";
        if (!repr_into(vm, args[i], out)) return {};
    }
    out += ")";
    return new_str(vm, std::move(out));
}

static Value or_none(const Value& v) { return v.is_null() ? Value::none() : v; }

static Value exc_getattr(VM& vm, const Value& self, Str* name) {
    auto* e = X(self);
    const std::string& n = name->text;
    Type* t = type_of(self);
    if (n == "args") return e->args;
    if (n == "__cause__") return or_none(e->cause);
    if (n == "__context__") return or_none(e->context);
    if (n == "__suppress_context__") return Value::boolean(e->suppress_context);
    if (n == "__traceback__") return or_none(e->traceback);
    if (n == "__notes__" && !e->notes.is_null()) return e->notes;
    if (t->is_subtype(vm.exc.StopIteration) && n == "value") {
        auto& a = e->args.as<Tuple>()->items;
        return a.empty() ? Value::none() : a[0];
    }
    if (t->is_subtype(vm.exc.SystemExit) && n == "code") {
        auto& a = e->args.as<Tuple>()->items;
        return a.empty() ? Value::none() : a.size() == 1 ? a[0] : e->args;
    }
    if (t->is_subtype(vm.exc.BaseExceptionGroup)) {
        if (n == "message") return or_none(e->eg_message);
        if (n == "exceptions") return or_none(e->eg_exceptions);
    }
    Value v = generic_getattr(vm, self, name, false);
    if (v || has_error(vm)) return v;
    if ((t->is_subtype(vm.exc.AttributeError) || t->is_subtype(vm.exc.NameError)) && (n == "name" || n == "obj"))
        return Value::none();
    if (t->is_subtype(vm.exc.ImportError) && (n == "name" || n == "path" || n == "msg")) return Value::none();
    return generic_getattr(vm, self, name, true);
}

static bool exc_setattr(VM& vm, const Value& self, Str* name, const Value& value) {
    auto* e = X(self);
    const std::string& n = name->text;
    if (n == "__cause__") {
        if (!value.is_null() && !value.is_none() && !is_exception(value)) {
            raise(vm, vm.exc.TypeError, "exception cause must be None or derive from BaseException");
            return false;
        }
        e->cause = value.is_none() ? Value() : value;
        e->suppress_context = true;
        return true;
    }
    if (n == "__context__") {
        e->context = value.is_none() ? Value() : value;
        return true;
    }
    if (n == "__suppress_context__") {
        e->suppress_context = truthy(vm, value) > 0;
        return true;
    }
    if (n == "__traceback__") {
        e->traceback = value.is_none() ? Value() : value;
        return true;
    }
    if (n == "args") {
        std::vector<Value> a;
        if (!collect(vm, value, a)) return false;
        e->args = new_tuple(vm, std::move(a));
        return true;
    }
    if (n == "__notes__") {
        e->notes = value;
        return true;
    }
    return generic_setattr(vm, self, name, value);
}

static Value m_with_traceback(VM&, Args a) {
    X(a[0])->traceback = a[1].is_none() ? Value() : a[1];
    return a[0];
}

static Value m_add_note(VM& vm, Args a) {
    if (a.size() != 2 || !is_str(a[1]))
        return raise_fmt(vm, vm.exc.TypeError, "note must be a str, not '{}'", a.size() > 1 ? type_name(a[1]) : "NoneType");
    auto* e = X(a[0]);
    if (e->notes.is_null()) e->notes = new_list(vm);
    if (is_list(e->notes)) e->notes.as<List>()->items.push_back(a[1]);
    return Value::none();
}

// ---------------------------------------------------------------------------------------------
// ExceptionGroup
// ---------------------------------------------------------------------------------------------

Value new_exception_group(VM& vm, Type* type, Value message, std::vector<Value> excs) {
    Value e = Value::steal(type->alloc(vm, type));
    X(e)->args = new_tuple(vm, {message, new_tuple(vm, excs)});
    X(e)->eg_message = std::move(message);
    X(e)->eg_exceptions = new_tuple(vm, std::move(excs));
    return e;
}

static Value eg_new(VM& vm, Type* cls, Args args) {
    if (args.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.size());
    if (!is_str(args[0])) return raise_fmt(vm, vm.exc.TypeError, "argument 1 must be str, not {}", type_name(args[0]));
    if (!is_list(args[1]) && !is_tuple(args[1]) && !type_of(args[1])->slots.getitem)
        return raise(vm, vm.exc.TypeError, "second argument (exceptions) must be a sequence");
    std::vector<Value> excs;
    if (!collect(vm, args[1], excs)) return {};
    if (excs.empty()) return raise(vm, vm.exc.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exc = true;
    for (std::size_t i = 0; i < excs.size(); ++i) {
        if (!is_exception(excs[i]))
            return raise_fmt(vm, vm.exc.ValueError, "Item {} of second argument (exceptions) is not an exception", i);
        if (!type_of(excs[i])->is_subtype(vm.exc.Exception)) all_exc = false;
    }
    if (cls == vm.exc.BaseExceptionGroup) {
        if (all_exc) cls = vm.exc.ExceptionGroup;
    } else if (cls->is_subtype(vm.exc.ExceptionGroup) && !all_exc) {
        if (cls == vm.exc.ExceptionGroup) return raise(vm, vm.exc.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        return raise_fmt(vm, vm.exc.TypeError, "Cannot nest BaseExceptions in '{}'", cls->name);
    }
    Value e = Value::steal(cls->alloc(vm, cls));
    X(e)->args = new_tuple(vm, {args[0], args[1]});
    X(e)->eg_message = args[0];
    X(e)->eg_exceptions = new_tuple(vm, std::move(excs));
    return e;
}

static bool eg_init(VM&, const Value&, Args) { return true; }

// A condition for split/subgroup: a type, a tuple of types, or a predicate.
static int eg_matches(VM& vm, const Value& cond, const Value& exc) {
    if (is_type_object(cond)) return type_of(exc)->is_subtype(cond.as<Type>());
    if (is_tuple(cond)) {
        for (auto& t : cond.as<Tuple>()->items)
            if (is_type_object(t) && type_of(exc)->is_subtype(t.as<Type>())) return 1;
        return 0;
    }
    Value r = call(vm, cond, {exc});
    if (!r) return -1;
    return truthy(vm, r);
}

static Value eg_derive(VM& vm, const Value& self, std::vector<Value> excs) {
    Value m = call_method(vm, self, "derive", {new_list(vm, std::move(excs))});
    if (!m) return {};
    if (!is_exception(m)) return raise(vm, vm.exc.TypeError, "derive must return an instance of BaseExceptionGroup");
    auto* src = X(self);
    auto* dst = X(m);
    dst->traceback = src->traceback;
    dst->cause = src->cause;
    dst->context = src->context;
    dst->suppress_context = src->suppress_context;
    // CPython copies the list, so that the parts have independent notes.
    if (is_list(src->notes)) dst->notes = new_list(vm, src->notes.as<List>()->items);
    else if (!src->notes.is_null()) dst->notes = src->notes;
    return m;
}

static bool eg_split_impl(VM& vm, const Value& self, const Value& cond, bool want_rest, Value& match, Value& rest) {
    int whole = eg_matches(vm, cond, self);
    if (whole < 0) return false;
    if (whole) {
        match = self;
        rest = Value::none();
        return true;
    }
    std::vector<Value> mlist, rlist;
    for (auto& e : X(self)->eg_exceptions.as<Tuple>()->items) {
        if (type_of(e)->is_subtype(vm.exc.BaseExceptionGroup)) {
            Value m, r;
            if (!eg_split_impl(vm, e, cond, want_rest, m, r)) return false;
            if (!m.is_none()) mlist.push_back(m);
            if (want_rest && !r.is_none()) rlist.push_back(r);
        } else {
            int k = eg_matches(vm, cond, e);
            if (k < 0) return false;
            if (k) mlist.push_back(e);
            else if (want_rest) rlist.push_back(e);
        }
    }
    match = mlist.empty() ? Value::none() : eg_derive(vm, self, std::move(mlist));
    if (!match) return false;
    rest = Value::none();
    if (want_rest && !rlist.empty()) {
        rest = eg_derive(vm, self, std::move(rlist));
        if (!rest) return false;
    }
    return true;
}

static Value m_split(VM& vm, Args a) {
    Value m, r;
    if (!eg_split_impl(vm, a[0], a[1], true, m, r)) return {};
    return new_tuple(vm, {m, r});
}

static Value m_subgroup(VM& vm, Args a) {
    Value m, r;
    if (!eg_split_impl(vm, a[0], a[1], false, m, r)) return {};
    return m;
}

static Value m_derive(VM& vm, Args a) {
    std::vector<Value> excs;
    if (!collect(vm, a[1], excs)) return {};
    Value cls = Value::borrow(vm.exc.BaseExceptionGroup);
    return call(vm, cls, {X(a[0])->eg_message, new_list(vm, std::move(excs))});
}

void set_context(VM& vm, const Value& exc, const Value& context) {
    if (context.is_null() || context.is_none() || exc.is(context) || !is_exception(exc)) return;
    // Break cycles: if exc already appears in context's chain, cut it there.
    Value o = context;
    while (!o.is_null() && is_exception(o)) {
        Value next = X(o)->context;
        if (next.is(exc)) {
            X(o)->context = Value();
            break;
        }
        o = next;
    }
    (void)vm;
    X(exc)->context = context;
}

void init_exception_types(VM& vm) {
    std::vector<Type*> all;
#define LL_EXC(name, base) all.push_back(vm.exc.name);
#include "engine/vm/exceptions.def"
    for (Type* t : all) {
        t->alloc = alloc_exception;
        t->flags |= kTypeInstanceDict;
        t->slots.new_ = exc_new;
        t->slots.init = exc_init;
        t->slots.str = exc_str;
        t->slots.repr = exc_repr;
        t->slots.getattr = exc_getattr;
        t->slots.setattr = exc_setattr;
    }
    def_method(vm, vm.exc.BaseException, "with_traceback", m_with_traceback);
    def_method(vm, vm.exc.BaseException, "add_note", m_add_note);
    for (Type* t : {vm.exc.BaseExceptionGroup, vm.exc.ExceptionGroup}) {
        t->slots.new_ = eg_new;
        t->slots.init = eg_init;
    }
    def_method(vm, vm.exc.BaseExceptionGroup, "split", m_split);
    def_method(vm, vm.exc.BaseExceptionGroup, "subgroup", m_subgroup);
    def_method(vm, vm.exc.BaseExceptionGroup, "derive", m_derive);
}

}  // namespace ll::vm
