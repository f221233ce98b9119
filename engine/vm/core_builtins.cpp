// The core builtins that belong to the object model (print, len, repr, isinstance, iter, next,
// getattr and friends, the built-in classes and exceptions) and the `sys` module. The rest of the
// builtins live in builtins_*.cpp.
#include "engine/vm/internal.hpp"

namespace ll::vm {

static Value b_print(VM& vm, Args a) {
    Value sep = a.kw("sep"), end = a.kw("end"), file = a.kw("file");
    for (std::uint32_t i = 0; i < a.kwcount; ++i) {
        std::string_view k = a.kwname(i);
        if (k != "sep" && k != "end" && k != "file" && k != "flush")
            return raise_fmt(vm, vm.exc.TypeError, "'{}' is an invalid keyword argument for print()", k);
    }
    if (sep && !sep.is_none() && !is_str(sep)) return raise_fmt(vm, vm.exc.TypeError, "sep must be None or a string, not {}", type_name(sep));
    if (end && !end.is_none() && !is_str(end)) return raise_fmt(vm, vm.exc.TypeError, "end must be None or a string, not {}", type_name(end));
    std::string out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += (sep && !sep.is_none()) ? sep.as<Str>()->text : " ";
        if (!str_into(vm, a[i], out)) return {};
    }
    out += (end && !end.is_none()) ? end.as<Str>()->text : "\n";
    if (file && !file.is_none()) {
        Value w = get_attr(vm, file, "write");
        if (!w) return {};
        if (!call(vm, w, {new_str(vm, std::move(out))})) return {};
        return Value::none();
    }
    vm.write_stdout(out);
    return Value::none();
}

static Value b_len(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "len() takes exactly one argument ({} given)", a.size());
    std::int64_t n;
    if (!length(vm, a[0], n)) return {};
    return Value::integer(n);
}

static Value b_repr(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "repr() takes exactly one argument ({} given)", a.size());
    return repr(vm, a[0]);
}

static bool isinstance_check(VM& vm, const Value& obj, const Value& cls, int& out, const char* fname) {
    if (is_tuple(cls)) {
        for (auto& c : cls.as<Tuple>()->items) {
            if (!isinstance_check(vm, obj, c, out, fname)) return false;
            if (out) return true;
        }
        out = 0;
        return true;
    }
    if (!is_type_object(cls)) {
        raise_fmt(vm, vm.exc.TypeError, "{}() arg 2 must be a type, a tuple of types, or a union", fname);
        return false;
    }
    // (Metaclass __instancecheck__/__subclasscheck__ hooks are not consulted: Loop Lab has no
    // user metaclasses, and looking them up cost a lookup per call for nothing.)
    if (std::string_view(fname) == "isinstance") out = type_of(obj)->is_subtype(cls.as<Type>());
    else {
        if (!is_type_object(obj)) {
            raise(vm, vm.exc.TypeError, "issubclass() arg 1 must be a class");
            return false;
        }
        out = obj.as<Type>()->is_subtype(cls.as<Type>());
    }
    return true;
}

static Value b_isinstance(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "isinstance expected 2 arguments, got {}", a.size());
    int r;
    if (!isinstance_check(vm, a[0], a[1], r, "isinstance")) return {};
    return Value::boolean(r);
}

static Value b_issubclass(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "issubclass expected 2 arguments, got {}", a.size());
    int r;
    if (!isinstance_check(vm, a[0], a[1], r, "issubclass")) return {};
    return Value::boolean(r);
}

struct CallableIterator : Object {
    CallableIterator(Type* t, Value f, Value s) : Object(t), func(std::move(f)), sentinel(std::move(s)) {}
    Value func, sentinel;
};

static Value b_iter(VM& vm, Args a) {
    if (a.size() == 2) {
        if (!is_callable(a[0])) return raise(vm, vm.exc.TypeError, "iter(v, w): v must be callable");
        Type* t = vm.types.callable_iterator;
        t->slots.iter = [](VM&, const Value& s) { return s; };
        t->slots.next = [](VM& v, const Value& s) -> Value {
            auto* it = s.as<CallableIterator>();
            if (it->func.is_null()) return {};
            Value r = call(v, it->func, {});
            if (!r) {
                if (error_matches(v, v.exc.StopIteration)) {
                    clear_error(v);
                    it->func = Value();
                }
                return {};
            }
            int e = eq(v, r, it->sentinel);
            if (e < 0) return {};
            if (e) {
                it->func = Value();
                return {};
            }
            return r;
        };
        return Value::steal(new CallableIterator(t, a[0], a[1]));
    }
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "iter expected at most 2 arguments, got {}", a.size());
    return get_iter(vm, a[0]);
}

static Value b_next(VM& vm, Args a) {
    if (a.size() < 1 || a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "next expected at most 2 arguments, got {}", a.size());
    Type* t = type_of(a[0]);
    if (!t->slots.next) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not an iterator", t->name);
    // A generator's return value travels in StopIteration: use send(None) to keep it.
    Value r = t == vm.types.generator || t == vm.types.coroutine_wrapper ? call_method(vm, a[0], "send", {Value::none()})
                                                                          : t->slots.next(vm, a[0]);
    if (r) return r;
    if (has_error(vm)) {
        if (a.size() == 2 && error_matches(vm, vm.exc.StopIteration)) {
            clear_error(vm);
            return a[1];
        }
        return {};
    }
    if (a.size() == 2) return a[1];
    return raise_with_args(vm, vm.exc.StopIteration, {});
}

static Value b_getattr(VM& vm, Args a) {
    if (a.size() < 2 || a.size() > 3) return raise_fmt(vm, vm.exc.TypeError, "getattr expected 2 or 3 arguments, got {}", a.size());
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "attribute name must be string, not '{}'", type_name(a[1]));
    Str* name = a[1].as<Str>();
    if (!name->interned) name = vm.intern(name->text);
    if (a.size() == 3 && !type_of(a[0])->slots.getattr) {
        // getattr(obj, name, default) on a plain object: a miss builds no AttributeError.
        Value r = generic_getattr(vm, a[0], name, false);
        if (r) return r;
        if (!has_error(vm)) return a[2];
        if (!error_matches(vm, vm.exc.AttributeError)) return r;
        clear_error(vm);
        return a[2];
    }
    Value r = get_attr(vm, a[0], name);
    if (!r && a.size() == 3 && error_matches(vm, vm.exc.AttributeError)) {
        clear_error(vm);
        return a[2];
    }
    return r;
}

static Value b_setattr(VM& vm, Args a) {
    if (a.size() != 3) return raise_fmt(vm, vm.exc.TypeError, "setattr expected 3 arguments, got {}", a.size());
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "attribute name must be string, not '{}'", type_name(a[1]));
    if (!set_attr(vm, a[0], vm.intern(a[1].as<Str>()->text), a[2])) return {};
    return Value::none();
}

static Value b_delattr(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "delattr expected 2 arguments, got {}", a.size());
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "attribute name must be string, not '{}'", type_name(a[1]));
    if (!del_attr(vm, a[0], vm.intern(a[1].as<Str>()->text))) return {};
    return Value::none();
}

static Value b_hasattr(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "hasattr expected 2 arguments, got {}", a.size());
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "attribute name must be string, not '{}'", type_name(a[1]));
    Value r = get_attr(vm, a[0], vm.intern(a[1].as<Str>()->text));
    if (r) return Value::boolean(true);
    if (error_matches(vm, vm.exc.AttributeError)) {
        clear_error(vm);
        return Value::boolean(false);
    }
    return {};
}

static Value b_id(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "id() takes exactly one argument ({} given)", a.size());
    if (a[0].is_obj()) return Value::integer(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a[0].obj())));
    return Value::integer(static_cast<std::int64_t>(a[0].raw_bits() * 2 + static_cast<int>(a[0].tag())));
}

static Value b_hash(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "hash() takes exactly one argument ({} given)", a.size());
    std::int64_t h;
    if (!hash(vm, a[0], h)) return {};
    return Value::integer(h);
}

static Value b_callable(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "callable() takes exactly one argument ({} given)", a.size());
    return Value::boolean(is_callable(a[0]));
}

static Value b_globals(VM& vm, Args) {
    Frame* f = vm.thread.frame;
    return f ? Value::borrow(f->globals()) : Value::none();
}

static Value b_locals(VM& vm, Args) {
    Frame* f = vm.thread.frame;
    if (!f) return Value::none();
    if (f->locals()) return f->locals();
    Value d = new_dict(vm);
    auto& co = *f->code_obj()->co;
    for (std::size_t i = 0; i < co.varnames.size(); ++i)
        if (!f->fast()[i].is_null()) d.as<Dict>()->set(vm, co.varnames[i], f->fast()[i]);
    for (std::size_t i = 0; i < co.cellvars.size() + co.freevars.size(); ++i) {
        const Value& c = f->cells()[i];
        if (c && !c.as<Cell>()->value.is_null())
            d.as<Dict>()->set(vm, i < co.cellvars.size() ? co.cellvars[i] : co.freevars[i - co.cellvars.size()], c.as<Cell>()->value);
    }
    return d;
}

// --- sys

struct StreamObject : Object {
    StreamObject(Type* t, bool err) : Object(t), is_err(err) {}
    bool is_err;
};

static Value stream_write(VM& vm, Args a) {
    if (a.size() != 2 || !is_str(a[1]))
        return raise_fmt(vm, vm.exc.TypeError, "write() argument must be str, not {}", a.size() > 1 ? type_name(a[1]) : "nothing");
    auto* s = a[0].as<StreamObject>();
    (s->is_err ? vm.write_stderr : vm.write_stdout)(a[1].as<Str>()->text);
    return Value::integer(a[1].as<Str>()->length());
}

static Value sys_exit(VM& vm, Args a) {
    if (a.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "exit expected at most 1 argument, got {}", a.size());
    std::vector<Value> args;
    if (a.size() == 1) args.push_back(a[0]);
    return raise_with_args(vm, vm.exc.SystemExit, std::move(args));
}

static Value sys_getrecursionlimit(VM& vm, Args) { return Value::integer(vm.recursion_limit); }

static Value sys_setrecursionlimit(VM& vm, Args a) {
    std::int64_t n;
    if (a.size() != 1 || !index_int64(vm, a[0], n)) return has_error(vm) ? Value() : raise(vm, vm.exc.TypeError, "setrecursionlimit() takes exactly one argument");
    if (n < 1) return raise(vm, vm.exc.ValueError, "recursion limit must be greater or equal than 1");
    vm.recursion_limit = static_cast<int>(std::min<std::int64_t>(n, 100000));
    return Value::none();
}

static Value sys_exc_info(VM& vm, Args) {
    Value h = handled_exception(vm.thread);
    if (!h) return new_tuple(vm, {Value::none(), Value::none(), Value::none()});
    Value tb = h.as<ExceptionObject>()->traceback;
    return new_tuple(vm, {Value::borrow(type_of(h)), h, tb ? tb : Value::none()});
}

static Value sys_exception(VM& vm, Args) {
    Value h = handled_exception(vm.thread);
    return h ? h : Value::none();
}

static bool init_sys(VM& vm, Module* m) {
    def_function(vm, m, "exit", sys_exit);
    def_function(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    def_function(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    def_function(vm, m, "exc_info", sys_exc_info);
    def_function(vm, m, "exception", sys_exception);
    Value stream_type = new_class(vm, "TextIOWrapper", vm.types.object, {}, "_io");
    Type* st = stream_type.as<Type>();
    st->flags &= ~static_cast<std::uint32_t>(kTypeInstanceDict);
    def_method(vm, st, "write", stream_write);
    def_method(vm, st, "flush", [](VM&, Args) { return Value::none(); });
    def_value(vm, m, "stdout", Value::steal(new StreamObject(st, false)));
    def_value(vm, m, "stderr", Value::steal(new StreamObject(st, true)));
    def_value(vm, m, "modules", vm.modules);
    def_value(vm, m, "argv", new_list(vm, {new_str(vm, "")}));
    def_value(vm, m, "maxsize", Value::integer(INT64_MAX));
    def_value(vm, m, "version", new_str(vm, "3.13.0 (Loop Lab)"));
    def_value(vm, m, "version_info", new_tuple(vm, {Value::integer(3), Value::integer(13), Value::integer(0),
                                                     new_str(vm, "final"), Value::integer(0)}));
    def_value(vm, m, "platform", new_str(vm, "looplab"));
    def_value(vm, m, "byteorder", new_str(vm, "little"));
    return true;
}

void init_core_builtins(VM& vm) {
    Dict* b = vm.builtins.as<Dict>();
    def_function(vm, b, "print", b_print);
    def_function(vm, b, "len", b_len);
    def_function(vm, b, "repr", b_repr);
    def_function(vm, b, "isinstance", b_isinstance);
    def_function(vm, b, "issubclass", b_issubclass);
    def_function(vm, b, "iter", b_iter);
    def_function(vm, b, "next", b_next);
    def_function(vm, b, "getattr", b_getattr);
    def_function(vm, b, "setattr", b_setattr);
    def_function(vm, b, "delattr", b_delattr);
    def_function(vm, b, "hasattr", b_hasattr);
    def_function(vm, b, "id", b_id);
    def_function(vm, b, "hash", b_hash);
    def_function(vm, b, "callable", b_callable);
    def_function(vm, b, "globals", b_globals);
    def_function(vm, b, "locals", b_locals);
    struct Named {
        const char* name;
        Type* type;
    };
    for (Named n : {Named{"object", vm.types.object}, Named{"type", vm.types.type}, Named{"int", vm.types.int_},
                    Named{"bool", vm.types.bool_}, Named{"float", vm.types.float_}, Named{"str", vm.types.str},
                    Named{"tuple", vm.types.tuple}, Named{"list", vm.types.list}, Named{"dict", vm.types.dict},
                    Named{"set", vm.types.set}, Named{"frozenset", vm.types.frozenset}, Named{"range", vm.types.range},
                    Named{"slice", vm.types.slice}, Named{"property", vm.types.property},
                    Named{"staticmethod", vm.types.staticmethod}, Named{"classmethod", vm.types.classmethod},
                    Named{"super", vm.types.super}})
        b->set(vm, n.name, Value::borrow(n.type));
#define LL_EXC(name, base) b->set(vm, #name, Value::borrow(vm.exc.name));
#include "engine/vm/exceptions.def"
    b->set(vm, "EnvironmentError", Value::borrow(vm.exc.OSError));
    b->set(vm, "IOError", Value::borrow(vm.exc.OSError));
    b->set(vm, "None", Value::none());
    b->set(vm, "True", Value::boolean(true));
    b->set(vm, "False", Value::boolean(false));
    b->set(vm, "NotImplemented", vm.not_implemented);
    b->set(vm, "Ellipsis", vm.ellipsis);
    b->set(vm, "__name__", new_str(vm, "builtins"));
    b->set(vm, "__debug__", Value::boolean(true));
    vm.register_native_module("sys", init_sys);
    Value bm = Value::steal(new Module(vm.types.module, "builtins"));
    bm.as<Module>()->dict = vm.builtins;
    vm.modules.as<Dict>()->set(vm, "builtins", bm);
}

}  // namespace ll::vm
