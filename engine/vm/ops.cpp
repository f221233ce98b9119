// The generic object protocols: dispatch through type slots with CPython's fallbacks,
// reflected operands and error messages.
#include "engine/vm/ops.hpp"

#include "engine/base/float_format.hpp"
#include "engine/base/format_spec.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

Value tramp_binop(VM& vm, BinOp op, const Value& lhs, const Value& rhs);
Value user_binop(VM& vm, BinOp op, const Value& self, const Value& other, bool reflected);

// ---------------------------------------------------------------------------------------------
// Type checks
// ---------------------------------------------------------------------------------------------

Type* type_of_inline_value(const Value& v) {
    VM& vm = current_vm();
    switch (v.tag()) {
        case Tag::None: return vm.types.none;
        case Tag::Bool: return vm.types.bool_;
        case Tag::Int: return vm.types.int_;
        case Tag::Float: return vm.types.float_;
        case Tag::Obj: return v.obj()->type;
        case Tag::Null: break;
    }
    return vm.types.none;
}

bool isinstance(const Value& v, Type* t) { return type_of(v)->is_subtype(t); }
bool is_str(const Value& v) { return v.is_obj() && v.obj()->type->is_subtype(current_vm().types.str); }
bool is_int(const Value& v) {
    return v.is_int() || v.is_bool() || (v.is_obj() && v.obj()->type->is_subtype(current_vm().types.int_));
}
bool is_exact_int(const Value& v) { return v.is_int() || (v.is_obj() && v.obj()->type == current_vm().types.int_); }
bool is_float(const Value& v) { return v.is_float(); }
bool is_tuple(const Value& v) { return v.is_obj() && v.obj()->type->is_subtype(current_vm().types.tuple); }
bool is_list(const Value& v) { return v.is_obj() && v.obj()->type->is_subtype(current_vm().types.list); }
bool is_dict(const Value& v) { return v.is_obj() && v.obj()->type->is_subtype(current_vm().types.dict); }
bool is_type_object(const Value& v) { return v.is_obj() && v.obj()->type->is_subtype(current_vm().types.type); }
bool is_exception(const Value& v) { return v.is_obj() && v.obj()->type->has_flag(kTypeException); }
std::string_view type_name(const Value& v) { return type_of(v)->name; }
std::string_view str_view(const Value& v) { return v.as<Str>()->text; }

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

Value repr(VM& vm, const Value& v) {
    switch (v.tag()) {
        case Tag::None: return new_str(vm, "None");
        case Tag::Bool: return new_str(vm, v.as_bool() ? "True" : "False");
        case Tag::Int: return new_str(vm, std::to_string(v.as_int()));
        case Tag::Float: return new_str(vm, base::float_repr(v.as_float()));
        default: break;
    }
    Type* t = type_of(v);
    if (!t->slots.repr) return new_str(vm, "<object>");
    if (vm.thread.depth + vm.thread.native_depth > vm.recursion_limit + 50)
        return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    ++vm.thread.native_depth;
    Value r = t->slots.repr(vm, v);
    --vm.thread.native_depth;
    return r;
}

Value str(VM& vm, const Value& v) {
    if (v.is_obj() && v.obj()->type == vm.types.str) return v;
    Type* t = type_of(v);
    if (t->slots.str) return t->slots.str(vm, v);
    return repr(vm, v);
}

bool repr_into(VM& vm, const Value& v, std::string& out) {
    switch (v.tag()) {
        case Tag::None: out += "None"; return true;
        case Tag::Bool: out += v.as_bool() ? "True" : "False"; return true;
        case Tag::Int: out += std::to_string(v.as_int()); return true;
        case Tag::Float: base::append_float_repr(out, v.as_float()); return true;
        default: break;
    }
    Value r = repr(vm, v);
    if (!r) return false;
    out += r.as<Str>()->text;
    return true;
}

bool str_into(VM& vm, const Value& v, std::string& out) {
    if (v.is_obj() && v.obj()->type == vm.types.str) {
        out += v.as<Str>()->text;
        return true;
    }
    if (!v.is_obj()) return repr_into(vm, v, out);
    Value r = str(vm, v);
    if (!r) return false;
    out += r.as<Str>()->text;
    return true;
}

Value format(VM& vm, const Value& v, std::string_view spec) {
    Type* t = type_of(v);
    Value f = t->lookup(vm.intern("__format__"));
    if (f && !is_type(f, vm.types.builtin_function)) {
        Value s = new_str(vm, std::string(spec));
        Value r = call_with_self(vm, f, v, Args(&s, 1));
        if (r && !is_str(r))
            return raise_fmt(vm, vm.exc.TypeError, "__format__ must return a str, not {}", type_name(r));
        return r;
    }
    if (v.is_bool() && spec.empty()) return repr(vm, v);
    if (v.is_int() || v.is_bool()) {
        auto r = base::format_int(v.as_int(), spec, v.is_bool() ? "bool" : "int");
        if (!r) return raise_from_base(vm, r.error());
        return new_str(vm, std::move(*r));
    }
    if (v.is_obj() && v.obj()->type->is_subtype(vm.types.int_) && v.obj()->type == vm.types.int_) {
        auto r = base::format_int(v.as<IntObject>()->value, spec);
        if (!r) return raise_from_base(vm, r.error());
        return new_str(vm, std::move(*r));
    }
    if (v.is_float()) {
        auto r = base::format_float(v.as_float(), spec);
        if (!r) return raise_from_base(vm, r.error());
        return new_str(vm, std::move(*r));
    }
    if (is_str(v)) {
        auto r = base::format_str(v.as<Str>()->text, spec, t->name);
        if (!r) return raise_from_base(vm, r.error());
        return new_str(vm, std::move(*r));
    }
    if (!spec.empty())
        return raise_fmt(vm, vm.exc.TypeError, "unsupported format string passed to {}.__format__", t->name);
    return str(vm, v);
}

// ---------------------------------------------------------------------------------------------
// Hash, equality, comparison, truth
// ---------------------------------------------------------------------------------------------

bool hash(VM& vm, const Value& v, std::int64_t& out) {
    switch (v.tag()) {
        case Tag::None: out = 0xFCA86420; return true;
        case Tag::Bool: out = v.as_int(); return true;
        case Tag::Int: out = base::py_hash_int(v.as_int()); return true;
        case Tag::Float: {
            double d = v.as_float();
            if (d != d) {
                out = static_cast<std::int64_t>(v.raw_bits() >> 4);
                return true;
            }
            out = base::py_hash_double(d);
            return true;
        }
        default: break;
    }
    Type* t = v.obj()->type;
    if (t == vm.types.str) {
        out = v.as<Str>()->hash();
        return true;
    }
    if (!t->slots.hash) {
        raise_fmt(vm, vm.exc.TypeError, "unhashable type: '{}'", t->name);
        return false;
    }
    return t->slots.hash(vm, v, out);
}

static CompareOp swapped(CompareOp op) {
    switch (op) {
        case CompareOp::Lt: return CompareOp::Gt;
        case CompareOp::Le: return CompareOp::Ge;
        case CompareOp::Gt: return CompareOp::Lt;
        case CompareOp::Ge: return CompareOp::Le;
        default: return op;
    }
}

static const char* cmp_symbol(CompareOp op) {
    switch (op) {
        case CompareOp::Lt: return "<";
        case CompareOp::Le: return "<=";
        case CompareOp::Eq: return "==";
        case CompareOp::Ne: return "!=";
        case CompareOp::Gt: return ">";
        case CompareOp::Ge: return ">=";
    }
    return "?";
}

template <class T>
static bool cmp_apply(CompareOp op, const T& a, const T& b) {
    switch (op) {
        case CompareOp::Lt: return a < b;
        case CompareOp::Le: return a <= b;
        case CompareOp::Eq: return a == b;
        case CompareOp::Ne: return a != b;
        case CompareOp::Gt: return a > b;
        case CompareOp::Ge: return a >= b;
    }
    return false;
}

Value compare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    // Fast paths for the common scalar cases.
    if ((a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool())) return Value::boolean(cmp_apply(op, a.as_int(), b.as_int()));
    if (a.is_float() && b.is_float()) return Value::boolean(cmp_apply(op, a.as_float(), b.as_float()));
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (ta == vm.types.str && tb == vm.types.str) return Value::boolean(cmp_apply(op, a.as<Str>()->text, b.as<Str>()->text));
    if (vm.thread.depth + vm.thread.native_depth > vm.recursion_limit + 50)
        return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded in comparison");
    bool checked_reverse = false;
    if (ta != tb && tb->is_subtype(ta) && tb->slots.richcompare && tb->slots.richcompare != ta->slots.richcompare) {
        checked_reverse = true;
        Value r = tb->slots.richcompare(vm, b, a, swapped(op));
        if (!r || !r.is(vm.not_implemented)) return r;
    }
    if (ta->slots.richcompare) {
        ++vm.thread.native_depth;
        Value r = ta->slots.richcompare(vm, a, b, op);
        --vm.thread.native_depth;
        if (!r || !r.is(vm.not_implemented)) return r;
    }
    if (!checked_reverse && tb->slots.richcompare) {
        ++vm.thread.native_depth;
        Value r = tb->slots.richcompare(vm, b, a, swapped(op));
        --vm.thread.native_depth;
        if (!r || !r.is(vm.not_implemented)) return r;
    }
    if (op == CompareOp::Eq) return Value::boolean(a.is(b));
    if (op == CompareOp::Ne) return Value::boolean(!a.is(b));
    return raise_fmt(vm, vm.exc.TypeError, "'{}' not supported between instances of '{}' and '{}'", cmp_symbol(op),
                     ta->name, tb->name);
}

int compare_bool(VM& vm, const Value& a, const Value& b, CompareOp op) {
    Value r = compare(vm, a, b, op);
    if (!r) return -1;
    if (r.is_bool()) return r.as_bool();
    return truthy(vm, r);
}

int eq(VM& vm, const Value& a, const Value& b) {
    if (a.is(b)) return 1;  // PyObject_RichCompareBool's identity shortcut
    if (a.tag() != b.tag() || a.is_obj()) {
        if (a.is_obj() && b.is_obj() && a.obj()->type == vm.types.str && b.obj()->type == vm.types.str) {
            Str* x = a.as<Str>();
            Str* y = b.as<Str>();
            if (x->interned && y->interned) return 0;
            return x->text == y->text;
        }
        return compare_bool(vm, a, b, CompareOp::Eq);
    }
    switch (a.tag()) {
        case Tag::Int:
        case Tag::Bool: return a.as_int() == b.as_int();
        case Tag::Float: return a.as_float() == b.as_float();
        default: return 1;
    }
}

int truthy(VM& vm, const Value& v) {
    switch (v.tag()) {
        case Tag::None: return 0;
        case Tag::Bool:
        case Tag::Int: return v.as_int() != 0;
        case Tag::Float: return v.as_float() != 0.0;
        case Tag::Null: return 0;
        case Tag::Obj: break;
    }
    Type* t = v.obj()->type;
    if (t->slots.truth) return t->slots.truth(vm, v);
    if (t->slots.len) {
        std::int64_t n;
        if (!t->slots.len(vm, v, n)) return -1;
        return n != 0;
    }
    return 1;
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

bool to_int64(const Value& v, std::int64_t& out) {
    if (v.is_int() || v.is_bool()) {
        out = v.as_int();
        return true;
    }
    return false;
}

base::BigInt to_bigint(const Value& v) {
    if (v.is_int() || v.is_bool()) return base::BigInt(v.as_int());
    return v.as<IntObject>()->value;
}

bool index_int64(VM& vm, const Value& v, std::int64_t& out) {
    if (to_int64(v, out)) return true;
    if (is_int(v)) {
        raise_fmt(vm, vm.exc.IndexError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    Value f = type_of(v)->lookup(vm.intern("__index__"));
    if (f) {
        Value r = call_with_self(vm, f, v, Args());
        if (!r) return false;
        if (to_int64(r, out)) return true;
    }
    raise_fmt(vm, vm.exc.TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
    return false;
}

bool to_double(VM& vm, const Value& v, double& out) {
    if (v.is_float()) {
        out = v.as_float();
        return true;
    }
    if (v.is_int() || v.is_bool()) {
        out = static_cast<double>(v.as_int());
        return true;
    }
    if (is_int(v)) {
        auto d = v.as<IntObject>()->value.to_double();
        if (!d) {
            raise(vm, vm.exc.OverflowError, "int too large to convert to float");
            return false;
        }
        out = *d;
        return true;
    }
    raise_fmt(vm, vm.exc.TypeError, "must be real number, not {}", type_name(v));
    return false;
}

Value binary_op(VM& vm, BinOp op, const Value& a, const Value& b) {
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (is_inplace(op)) {
        if (ta->slots.binop) {
            Value r = ta->slots.binop(vm, op, a, b);
            if (!r || !r.is(vm.not_implemented)) return r;
        }
    }
    BinOp bop = base_op(op);
    auto slot_call = [&](Type* t, bool reflected) -> Value {
        if (t->slots.binop == tramp_binop)
            return reflected ? user_binop(vm, bop, b, a, true) : user_binop(vm, bop, a, b, false);
        return t->slots.binop(vm, bop, a, b);
    };
    bool tried_b = false;
    if (ta != tb && tb->slots.binop && tb->is_subtype(ta) && tb->slots.binop == tramp_binop) {
        tried_b = true;
        Value r = slot_call(tb, true);
        if (!r || !r.is(vm.not_implemented)) return r;
    }
    if (ta->slots.binop) {
        Value r = slot_call(ta, false);
        if (!r || !r.is(vm.not_implemented)) return r;
    }
    if (!tried_b && tb->slots.binop && (tb != ta || tb->slots.binop != tramp_binop)) {
        if (tb != ta) {
            Value r = slot_call(tb, true);
            if (!r || !r.is(vm.not_implemented)) return r;
        }
    }
    if (bop == BinOp::Pow && ta->slots.binop == nullptr && tb->slots.binop == nullptr) {}
    const char* sym = binop_symbol(op);
    if (bop == BinOp::Pow && !is_inplace(op))
        return raise_fmt(vm, vm.exc.TypeError, "unsupported operand type(s) for ** or pow(): '{}' and '{}'", ta->name, tb->name);
    if (bop == BinOp::Add && is_str(a) && !is_str(b) && !is_inplace(op))
        return raise_fmt(vm, vm.exc.TypeError, "can only concatenate str (not \"{}\") to str", tb->name);
    if (bop == BinOp::Add && is_list(a) && !is_list(b) && !is_inplace(op))
        return raise_fmt(vm, vm.exc.TypeError, "can only concatenate list (not \"{}\") to list", tb->name);
    if (bop == BinOp::Add && is_tuple(a) && !is_tuple(b) && !is_inplace(op))
        return raise_fmt(vm, vm.exc.TypeError, "can only concatenate tuple (not \"{}\") to tuple", tb->name);
    if (bop == BinOp::Mul && (is_str(a) || is_list(a) || is_tuple(a) || is_str(b) || is_list(b) || is_tuple(b))) {
        const Value& other = (is_str(a) || is_list(a) || is_tuple(a)) ? b : a;
        return raise_fmt(vm, vm.exc.TypeError, "can't multiply sequence by non-int of type '{}'", type_name(other));
    }
    return raise_fmt(vm, vm.exc.TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", sym, ta->name, tb->name);
}

Value unary_op(VM& vm, UnaryOp op, const Value& v) {
    Type* t = type_of(v);
    if (t->slots.unop) return t->slots.unop(vm, op, v);
    const char* sym = op == UnaryOp::Neg ? "unary -" : op == UnaryOp::Pos ? "unary +" : "unary ~";
    return raise_fmt(vm, vm.exc.TypeError, "bad operand type for {}: '{}'", sym, t->name);
}

const char* binop_symbol(BinOp op) {
    static const char* const names[] = {"+",   "&",   "//",  "<<",  "@",   "*",   "%",   "|",   "**",
                                        ">>",  "-",   "/",   "^",   "+=",  "&=",  "//=", "<<=", "@=",
                                        "*=",  "%=",  "|=",  "**=", ">>=", "-=",  "/=",  "^="};
    return names[static_cast<int>(op)];
}

// ---------------------------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------------------------

static Value attribute_error(VM& vm, const Value& obj, Str* name) {
    Value e = make_exception(vm, vm.exc.AttributeError,
                             {new_str(vm, fmt::format("'{}' object has no attribute '{}'", type_name(obj), name->text))});
    if (!e) return {};
    Dict* d = e.as<ExceptionObject>()->ensure_dict(vm);
    d->set(vm, "name", Value::borrow(name));
    d->set(vm, "obj", obj);
    vm.thread.exc = std::move(e);
    return {};
}

Value generic_getattr(VM& vm, const Value& obj, Str* name, bool raise_missing) {
    Type* t = type_of(obj);
    std::int32_t* hint = nullptr;
    Value descr = t->lookup(name, &hint);
    Type* dt = nullptr;
    if (descr) {
        dt = type_of(descr);
        if (dt->slots.descr_get && dt->slots.descr_set) return dt->slots.descr_get(vm, descr, obj, Value::borrow(t));
    }
    if (obj.is_obj() && t->has_flag(kTypeInstanceDict)) {
        auto* inst = static_cast<Instance*>(obj.obj());
        if (inst->dict()) {
            Dict* d = inst->dict();
            Value v = hint ? d->get_str_hinted(vm, name, *hint) : d->get_str(vm, name);
            if (v) return v;
        }
    }
    if (descr) {
        if (dt->slots.descr_get) return dt->slots.descr_get(vm, descr, obj, Value::borrow(t));
        return descr;
    }
    if (name->text == "__class__") return Value::borrow(t);
    if (name->text == "__dict__" && obj.is_obj() && t->has_flag(kTypeInstanceDict))
        return Value::borrow(static_cast<Instance*>(obj.obj())->ensure_dict(vm));
    if (!raise_missing) return {};
    return attribute_error(vm, obj, name);
}

bool generic_setattr(VM& vm, const Value& obj, Str* name, const Value& value) {
    Type* t = type_of(obj);
    std::int32_t* hint = nullptr;
    Value descr = t->lookup(name, &hint);
    if (descr) {
        Type* dt = type_of(descr);
        if (dt->slots.descr_set) return dt->slots.descr_set(vm, descr, obj, value);
    }
    if (obj.is_obj() && t->has_flag(kTypeInstanceDict)) {
        auto* inst = static_cast<Instance*>(obj.obj());
        if (value.is_null()) {
            int r = !inst->dict() ? 0 : inst->dict()->del(vm, Value::borrow(name));
            if (r == 0) {
                attribute_error(vm, obj, name);
                return false;
            }
            return r > 0;
        }
        Dict* d = inst->ensure_dict(vm);
        std::int64_t ix = hint ? d->index_of_hinted(vm, name, *hint) : d->index_of(vm, name);
        if (ix >= 0) {
            // Rebinding an existing attribute: no hashing protocol, no insertion.
            d->value_at(static_cast<std::size_t>(ix)) = value;
            return true;
        }
        if (!d->set(vm, Value::borrow(name), value)) return false;
        if (d->size() > t->instance_dict_hint && d->size() <= 32) t->instance_dict_hint = static_cast<std::uint32_t>(d->size());
        return true;
    }
    if (descr)
        raise_fmt(vm, vm.exc.AttributeError, "'{}' object attribute '{}' is read-only", t->name, name->text);
    else
        raise_fmt(vm, vm.exc.AttributeError, "'{}' object has no attribute '{}' and no __dict__ for setting new attributes", t->name, name->text);
    return false;
}

Value get_attr(VM& vm, const Value& obj, Str* name) {
    Type* t = type_of(obj);
    if (t->slots.getattr) return t->slots.getattr(vm, obj, name);
    return generic_getattr(vm, obj, name, true);
}

Value get_attr(VM& vm, const Value& obj, std::string_view name) { return get_attr(vm, obj, vm.intern(name)); }

Value get_attr_opt(VM& vm, const Value& obj, std::string_view name) {
    Value r = get_attr(vm, obj, vm.intern(name));
    if (!r && error_matches(vm, vm.exc.AttributeError)) clear_error(vm);
    return r;
}

bool set_attr(VM& vm, const Value& obj, Str* name, const Value& value) {
    Type* t = type_of(obj);
    if (t->slots.setattr) return t->slots.setattr(vm, obj, name, value);
    return generic_setattr(vm, obj, name, value);
}

bool del_attr(VM& vm, const Value& obj, Str* name) { return set_attr(vm, obj, name, Value()); }

// ---------------------------------------------------------------------------------------------
// Items and containers
// ---------------------------------------------------------------------------------------------

Value get_item(VM& vm, const Value& obj, const Value& key) {
    Type* t = type_of(obj);
    if (t->slots.getitem) return t->slots.getitem(vm, obj, key);
    if (is_type_object(obj)) {
        Value f = obj.as<Type>()->lookup(vm.intern("__class_getitem__"));
        if (f) return call(vm, f, {obj, key});
        if (obj.as<Type>()->has_flag(kTypeHeap) == false) return obj;  // list[int] etc.: a plain alias
        return raise_fmt(vm, vm.exc.TypeError, "type '{}' is not subscriptable", obj.as<Type>()->name);
    }
    return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not subscriptable", t->name);
}

bool set_item(VM& vm, const Value& obj, const Value& key, const Value& value) {
    Type* t = type_of(obj);
    if (t->slots.setitem) return t->slots.setitem(vm, obj, key, value);
    raise_fmt(vm, vm.exc.TypeError, "'{}' object does not support item assignment", t->name);
    return false;
}

bool del_item(VM& vm, const Value& obj, const Value& key) {
    Type* t = type_of(obj);
    if (t->slots.delitem) return t->slots.delitem(vm, obj, key);
    raise_fmt(vm, vm.exc.TypeError, "'{}' object doesn't support item deletion", t->name);
    return false;
}

bool length(VM& vm, const Value& v, std::int64_t& out) {
    Type* t = type_of(v);
    if (t->slots.len) return t->slots.len(vm, v, out);
    raise_fmt(vm, vm.exc.TypeError, "object of type '{}' has no len()", t->name);
    return false;
}

int contains(VM& vm, const Value& container, const Value& item) {
    Type* t = type_of(container);
    if (t->slots.contains) return t->slots.contains(vm, container, item);
    if (!t->slots.iter && !t->slots.getitem) {
        raise_fmt(vm, vm.exc.TypeError, "argument of type '{}' is not iterable", t->name);
        return -1;
    }
    Value it = get_iter(vm, container);
    if (!it) return -1;
    for (;;) {
        Value x = iter_next(vm, it);
        if (!x) return has_error(vm) ? -1 : 0;
        int r = eq(vm, x, item);
        if (r != 0) return r;
    }
}

// ---------------------------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------------------------

struct SeqIterator : Object {
    SeqIterator(Type* t, Value s) : Object(t), seq(std::move(s)) {}
    Value seq;
    std::int64_t index = 0;
};

static Value seq_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<SeqIterator>();
    if (it->seq.is_null()) return {};
    Value r = get_item(vm, it->seq, Value::integer(it->index));
    if (!r) {
        if (error_matches(vm, vm.exc.IndexError) || error_matches(vm, vm.exc.StopIteration)) {
            clear_error(vm);
            it->seq = Value();
        }
        return {};
    }
    ++it->index;
    return r;
}

Value get_iter(VM& vm, const Value& v) {
    Type* t = type_of(v);
    if (t->slots.iter) return t->slots.iter(vm, v);
    if (t->slots.getitem && !is_dict(v)) {
        static bool init = false;
        if (!init) {
            init = true;
        }
        vm.types.seq_iterator->slots.next = seq_iter_next;
        vm.types.seq_iterator->slots.iter = [](VM&, const Value& s) { return s; };
        return Value::steal(new SeqIterator(vm.types.seq_iterator, v));
    }
    return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not iterable", t->name);
}

Value iter_next(VM& vm, const Value& it) {
    Type* t = type_of(it);
    if (!t->slots.next) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not an iterator", t->name);
    Value x = t->slots.next(vm, it);
    if (!x && has_error(vm)) stop_iteration_ends(vm);
    return x;
}

bool stop_iteration_ends(VM& vm) {
    if (!error_matches(vm, vm.exc.StopIteration)) return false;
    clear_error(vm);
    return true;
}

bool collect(VM& vm, const Value& iterable, std::vector<Value>& out) {
    if (is_list(iterable)) {
        auto& items = iterable.as<List>()->items;
        out.insert(out.end(), items.begin(), items.end());
        return true;
    }
    if (is_tuple(iterable)) {
        auto& items = iterable.as<Tuple>()->items;
        out.insert(out.end(), items.begin(), items.end());
        return true;
    }
    Value it = get_iter(vm, iterable);
    if (!it) return false;
    Type* t = type_of(it);
    for (;;) {
        Value x = t->slots.next(vm, it);
        if (!x) return !has_error(vm) || stop_iteration_ends(vm);
        out.push_back(std::move(x));
    }
}

bool is_callable(const Value& v) { return type_of(v)->slots.call != nullptr; }

std::string callable_name(const Value& v) {
    VM& vm = current_vm();
    if (is_type(v, vm.types.function)) return v.as<Function>()->name.as<Str>()->text;
    if (is_type(v, vm.types.builtin_function)) return v.as<BuiltinFunction>()->name;
    if (is_type_object(v)) return v.as<Type>()->name;
    return std::string(type_name(v));
}

}  // namespace ll::vm
