// The `__dunder__` methods of the built-in types as callable attributes (`list.__len__`,
// `int.__add__`, `super().__init__(...)`, `tuple.__new__(cls, ...)`). Each forwards to the C++
// slot of the nearest built-in type of self, so a user subclass overriding the dunder and calling
// the base version does not loop back into its own override.
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

// The nearest built-in (non-heap) class of t: whose slots are the C++ behaviour.
Type* native_of(Type* t) {
    while (t->has_flag(kTypeHeap) && t->base) t = t->base;
    return t;
}
Type* native_type(const Value& v) { return native_of(type_of(v)); }

bool need_self(VM& vm, const Args& a, const char* name) {
    if (a.size() >= 1) return true;
    raise_fmt(vm, vm.exc.TypeError, "descriptor '{}' needs an argument", name);
    return false;
}

bool nargs(VM& vm, const Args& a, const char* name, std::size_t n) {
    if (!need_self(vm, a, name)) return false;
    if (a.size() - 1 == n && !a.has_kwargs()) return true;
    if (n == 0) raise_fmt(vm, vm.exc.TypeError, "expected 0 arguments, got {}", a.size() - 1);
    else raise_fmt(vm, vm.exc.TypeError, "expected {} argument{}, got {}", n, n == 1 ? "" : "s", a.size() - 1);
    return false;
}

Value d_new(VM& vm, Args a) {
    if (a.size() == 0) return raise(vm, vm.exc.TypeError, "__new__(): not enough arguments");
    if (!is_type_object(a[0]))
        return raise_fmt(vm, vm.exc.TypeError, "__new__(X): X is not a type object ({})", type_name(a[0]));
    Type* cls = a[0].as<Type>();
    Type* native = native_of(cls);
    if (!native->slots.new_) return raise_fmt(vm, vm.exc.TypeError, "cannot create '{}' instances", cls->name);
    // object.__new__(cls) ignores extra arguments when the class defines __init__.
    Args rest = a.skip();
    if (native == vm.types.object) rest = Args();
    return native->slots.new_(vm, cls, rest);
}

Value d_init(VM& vm, Args a) {
    if (!need_self(vm, a, "__init__")) return {};
    Type* native = native_type(a[0]);
    if (native->slots.init && native != vm.types.object) {
        if (!native->slots.init(vm, a[0], a.skip())) return {};
    }
    return Value::none();
}

Value d_repr(VM& vm, Args a) {
    if (!nargs(vm, a, "__repr__", 0)) return {};
    Type* n = native_type(a[0]);
    if (!n->slots.repr) return repr(vm, a[0]);
    return n->slots.repr(vm, a[0]);
}

Value d_str(VM& vm, Args a) {
    if (!nargs(vm, a, "__str__", 0)) return {};
    Type* n = native_type(a[0]);
    if (n->slots.str) return n->slots.str(vm, a[0]);
    return repr(vm, a[0]);  // object.__str__ is type(self).__repr__, the user's one included
}

Value d_hash(VM& vm, Args a) {
    if (!nargs(vm, a, "__hash__", 0)) return {};
    Type* n = native_type(a[0]);
    std::int64_t h;
    if (n->slots.hash ? !n->slots.hash(vm, a[0], h) : !hash(vm, a[0], h)) return {};
    return Value::integer(h);
}

Value d_len(VM& vm, Args a) {
    if (!nargs(vm, a, "__len__", 0)) return {};
    std::int64_t n;
    if (!native_type(a[0])->slots.len(vm, a[0], n)) return {};
    return Value::integer(n);
}

Value d_iter(VM& vm, Args a) {
    if (!nargs(vm, a, "__iter__", 0)) return {};
    return native_type(a[0])->slots.iter(vm, a[0]);
}

Value d_next(VM& vm, Args a) {
    if (!nargs(vm, a, "__next__", 0)) return {};
    Value r = native_type(a[0])->slots.next(vm, a[0]);
    if (!r && !has_error(vm)) return raise_with_args(vm, vm.exc.StopIteration, {});
    return r;
}

Value d_getitem(VM& vm, Args a) {
    if (!nargs(vm, a, "__getitem__", 1)) return {};
    return native_type(a[0])->slots.getitem(vm, a[0], a[1]);
}

Value d_setitem(VM& vm, Args a) {
    if (!nargs(vm, a, "__setitem__", 2)) return {};
    if (!native_type(a[0])->slots.setitem(vm, a[0], a[1], a[2])) return {};
    return Value::none();
}

Value d_delitem(VM& vm, Args a) {
    if (!nargs(vm, a, "__delitem__", 1)) return {};
    if (!native_type(a[0])->slots.delitem(vm, a[0], a[1])) return {};
    return Value::none();
}

Value d_contains(VM& vm, Args a) {
    if (!nargs(vm, a, "__contains__", 1)) return {};
    int r = native_type(a[0])->slots.contains(vm, a[0], a[1]);
    if (r < 0) return {};
    return Value::boolean(r == 1);
}

Value d_bool(VM& vm, Args a) {
    if (!nargs(vm, a, "__bool__", 0)) return {};
    int r = native_type(a[0])->slots.truth(vm, a[0]);
    if (r < 0) return {};
    return Value::boolean(r == 1);
}

template <CompareOp Op>
Value d_compare(VM& vm, Args a) {
    if (!nargs(vm, a, "comparison", 1)) return {};
    return native_type(a[0])->slots.richcompare(vm, a[0], a[1], Op);
}

template <BinOp Op>
Value d_binop(VM& vm, Args a) {
    if (!nargs(vm, a, "operator", 1)) return {};
    return native_type(a[0])->slots.binop(vm, Op, a[0], a[1]);
}

template <BinOp Op>
Value d_rbinop(VM& vm, Args a) {
    if (!nargs(vm, a, "operator", 1)) return {};
    return native_type(a[0])->slots.binop(vm, Op, a[1], a[0]);
}

template <UnaryOp Op>
Value d_unop(VM& vm, Args a) {
    if (!nargs(vm, a, "operator", 0)) return {};
    return native_type(a[0])->slots.unop(vm, Op, a[0]);
}

Value d_abs(VM& vm, Args a) {
    if (!nargs(vm, a, "__abs__", 0)) return {};
    Value f = vm.builtins.as<Dict>()->get("abs");
    return call(vm, f, {a[0]});
}

Value d_index(VM& vm, Args a) {
    if (!nargs(vm, a, "__index__", 0)) return {};
    if (a[0].is_bool()) return Value::integer(a[0].as_int());
    if (is_exact_int(a[0])) return a[0];
    return new_int(vm, to_bigint(a[0]));
}

Value d_float(VM& vm, Args a) {
    if (!nargs(vm, a, "__float__", 0)) return {};
    double d;
    if (!to_double(vm, a[0], d)) return {};
    return Value::number(d);
}

Value d_int(VM& vm, Args a) {
    if (!nargs(vm, a, "__int__", 0)) return {};
    Value f = Value::borrow(vm.types.int_);
    return call(vm, f, {a[0]});
}

// Adds `name` to t's namespace unless the core (or a base listed earlier) already defined it there.
void add(VM& vm, Type* t, const char* name, NativeFn fn) {
    if (t->dict.as<Dict>()->get(name)) return;
    def_method(vm, t, name, fn);
}

struct BinopName {
    const char* name;
    NativeFn fwd;
    NativeFn rev;
};

#define LL_BIN(n, op) {n, d_binop<BinOp::op>, d_rbinop<BinOp::op>}
const BinopName kArith[] = {
    LL_BIN("add", Add), LL_BIN("sub", Sub), LL_BIN("mul", Mul), LL_BIN("floordiv", FloorDiv),
    LL_BIN("truediv", TrueDiv), LL_BIN("mod", Mod), LL_BIN("pow", Pow),
};
const BinopName kBits[] = {LL_BIN("lshift", LShift), LL_BIN("rshift", RShift), LL_BIN("and", And), LL_BIN("or", Or),
                           LL_BIN("xor", Xor)};
const BinopName kSetOps[] = {LL_BIN("and", And), LL_BIN("or", Or), LL_BIN("sub", Sub), LL_BIN("xor", Xor)};
#undef LL_BIN

void add_binops(VM& vm, Type* t, const BinopName* ops, std::size_t n, bool reflected = true) {
    for (std::size_t i = 0; i < n; ++i) {
        add(vm, t, fmt::format("__{}__", ops[i].name).c_str(), ops[i].fwd);
        if (reflected) add(vm, t, fmt::format("__r{}__", ops[i].name).c_str(), ops[i].rev);
    }
}

void add_common(VM& vm, Type* t) {
    const TypeSlots& s = t->slots;
    if (s.init) add(vm, t, "__init__", d_init);
    if (s.repr) add(vm, t, "__repr__", d_repr);
    if (s.hash && !t->dict.as<Dict>()->get("__hash__")) add(vm, t, "__hash__", d_hash);
    if (s.len) add(vm, t, "__len__", d_len);
    if (s.iter) add(vm, t, "__iter__", d_iter);
    if (s.next) add(vm, t, "__next__", d_next);
    if (s.getitem) add(vm, t, "__getitem__", d_getitem);
    if (s.setitem) add(vm, t, "__setitem__", d_setitem);
    if (s.delitem) add(vm, t, "__delitem__", d_delitem);
    if (s.contains) add(vm, t, "__contains__", d_contains);
    if (s.richcompare) {
        add(vm, t, "__eq__", d_compare<CompareOp::Eq>);
        add(vm, t, "__ne__", d_compare<CompareOp::Ne>);
        add(vm, t, "__lt__", d_compare<CompareOp::Lt>);
        add(vm, t, "__le__", d_compare<CompareOp::Le>);
        add(vm, t, "__gt__", d_compare<CompareOp::Gt>);
        add(vm, t, "__ge__", d_compare<CompareOp::Ge>);
    }
}

void add_new(VM& vm, Type* t) {
    Dict* d = t->dict.as<Dict>();
    Value existing = d->get("__new__");
    if (existing && !existing.is_none() && !is_type(existing, vm.types.builtin_function)) return;
    if (existing) d->del(vm, new_str(vm, "__new__"));
    def_staticmethod(vm, t, "__new__", d_new);
}

}  // namespace

void init_dunder_methods(VM& vm) {
    BuiltinTypes& T = vm.types;
    // object: __new__, __init__, __repr__, __str__, __eq__/__ne__, __hash__.
    add_new(vm, T.object);
    add(vm, T.object, "__init__", d_init);
    add(vm, T.object, "__repr__", d_repr);
    add(vm, T.object, "__str__", d_str);
    for (Type* t : {T.int_, T.float_, T.str, T.list, T.tuple, T.dict, T.set, T.frozenset, T.range, T.bool_}) {
        add_common(vm, t);
        if (t->slots.new_) add_new(vm, t);
    }
    for (Type* t : {T.list_iterator, T.tuple_iterator, T.str_iterator, T.range_iterator, T.dict_keyiterator,
                    T.dict_valueiterator, T.dict_itemiterator, T.set_iterator, T.dict_keys, T.dict_values, T.dict_items})
        add_common(vm, t);
    if (vm.exc.BaseException->slots.init) add(vm, vm.exc.BaseException, "__init__", d_init);
    if (vm.exc.BaseException->slots.new_) add_new(vm, vm.exc.BaseException);

    for (Type* t : {T.int_, T.float_}) {
        add_binops(vm, t, kArith, std::size(kArith));
        add(vm, t, "__neg__", d_unop<UnaryOp::Neg>);
        add(vm, t, "__pos__", d_unop<UnaryOp::Pos>);
        add(vm, t, "__abs__", d_abs);
        add(vm, t, "__bool__", d_bool);
        add(vm, t, "__float__", d_float);
        add(vm, t, "__int__", d_int);
    }
    add_binops(vm, T.int_, kBits, std::size(kBits));
    add(vm, T.int_, "__invert__", d_unop<UnaryOp::Invert>);
    add(vm, T.int_, "__index__", d_index);
    add(vm, T.str, "__add__", d_binop<BinOp::Add>);
    add(vm, T.str, "__mul__", d_binop<BinOp::Mul>);
    add(vm, T.str, "__rmul__", d_rbinop<BinOp::Mul>);
    add(vm, T.str, "__mod__", d_binop<BinOp::Mod>);
    for (Type* t : {T.list, T.tuple}) {
        add(vm, t, "__add__", d_binop<BinOp::Add>);
        add(vm, t, "__mul__", d_binop<BinOp::Mul>);
        add(vm, t, "__rmul__", d_rbinop<BinOp::Mul>);
    }
    add(vm, T.list, "__iadd__", d_binop<BinOp::InplaceAdd>);
    add(vm, T.list, "__imul__", d_binop<BinOp::InplaceMul>);
    for (Type* t : {T.set, T.frozenset}) add_binops(vm, t, kSetOps, std::size(kSetOps));
    add(vm, T.set, "__ior__", d_binop<BinOp::InplaceOr>);
    add(vm, T.set, "__iand__", d_binop<BinOp::InplaceAnd>);
    add(vm, T.set, "__isub__", d_binop<BinOp::InplaceSub>);
    add(vm, T.set, "__ixor__", d_binop<BinOp::InplaceXor>);
    add(vm, T.dict, "__or__", d_binop<BinOp::Or>);
    add(vm, T.dict, "__ror__", d_rbinop<BinOp::Or>);
    add(vm, T.dict, "__ior__", d_binop<BinOp::InplaceOr>);
}

}  // namespace ll::vm::lib
