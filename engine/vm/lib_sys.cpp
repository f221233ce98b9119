// The sys module: exit, argv, the recursion limit, switch interval, maxsize, version_info,
// stdout/stderr writers, modules, exc_info/exception.
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

// sys.stdout / sys.stderr: write() goes to the VM's output callbacks.
struct TextStream : Object {
    TextStream(Type* t, bool err) : Object(t), is_stderr(err) {}
    bool is_stderr;
};

Value stream_write(VM& vm, Args a) {
    if (!method_one(vm, a, "TextIOWrapper.write")) return {};
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "write() argument must be str, not {}", type_name(a[1]));
    auto* s = a[0].as<TextStream>();
    auto& out = s->is_stderr ? vm.write_stderr : vm.write_stdout;
    if (out) out(str_view(a[1]));
    return Value::integer(a[1].as<Str>()->length());
}

Value stream_flush(VM& vm, Args a) {
    if (!method_none(vm, a, "TextIOWrapper.flush")) return {};
    return Value::none();
}

Value stream_true(VM& vm, Args a) {
    if (!method_none(vm, a, "TextIOWrapper.writable")) return {};
    return Value::boolean(true);
}

Value stream_false(VM& vm, Args a) {
    if (!method_none(vm, a, "TextIOWrapper.isatty")) return {};
    return Value::boolean(false);
}

Value stream_repr(VM& vm, const Value& self) {
    bool err = self.as<TextStream>()->is_stderr;
    return new_str(vm, fmt::format("<_io.TextIOWrapper name='<{}>' mode='w' encoding='utf-8'>", err ? "stderr" : "stdout"));
}

Value stream_name(VM& vm, const Value& self) {
    return new_str(vm, self.as<TextStream>()->is_stderr ? "<stderr>" : "<stdout>");
}

Value s_exit(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "exit") || !check_range(vm, a.size(), "exit", 0, 1)) return {};
    std::vector<Value> args;
    if (a.size() == 1) args.push_back(a[0]);
    Value e = make_exception(vm, vm.exc.SystemExit, std::move(args));
    if (!e) return {};
    return raise_value(vm, std::move(e));
}

Value s_getrecursionlimit(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "getrecursionlimit") || !check_none(vm, a.size(), "sys.getrecursionlimit")) return {};
    return Value::integer(vm.recursion_limit);
}

Value s_setrecursionlimit(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "setrecursionlimit") || !check_one(vm, a.size(), "sys.setrecursionlimit")) return {};
    if (a[0].is_float()) return raise(vm, vm.exc.TypeError, "'float' object cannot be interpreted as an integer");
    std::int64_t n;
    if (!index_int64(vm, a[0], n)) return {};
    if (n < 1) return raise(vm, vm.exc.ValueError, "recursion limit must be greater or equal than 1");
    if (n > 100000) n = 100000;  // the C++ side has its own stack to protect
    if (n <= vm.thread.depth)
        return raise_fmt(vm, vm.exc.RecursionError,
                         "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n,
                         vm.thread.depth);
    vm.recursion_limit = static_cast<int>(n);
    return Value::none();
}

Value s_getswitchinterval(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "getswitchinterval") || !check_none(vm, a.size(), "sys.getswitchinterval")) return {};
    Value v = vm.modules.as<Dict>()->get("sys");
    if (v) {
        Value iv = v.as<Module>()->globals()->get("_switchinterval");
        if (iv) return iv;
    }
    return Value::number(0.005);
}

Value s_setswitchinterval(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "setswitchinterval") || !check_one(vm, a.size(), "sys.setswitchinterval")) return {};
    double d;
    if (!to_double(vm, a[0], d)) {
        if (!has_error(vm)) raise_fmt(vm, vm.exc.TypeError, "must be real number, not {}", type_name(a[0]));
        return {};
    }
    if (d <= 0) return raise(vm, vm.exc.ValueError, "switch interval must be strictly positive");
    Value v = vm.modules.as<Dict>()->get("sys");
    if (v) v.as<Module>()->globals()->set(vm, "_switchinterval", Value::number(d));
    return Value::none();
}

Value current_exception(VM& vm) {
    Value h = handled_exception(vm.thread);
    return h ? h : Value::none();
}

Value s_exception(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "exception") || !check_none(vm, a.size(), "sys.exception")) return {};
    return current_exception(vm);
}

Value s_exc_info(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "exc_info") || !check_none(vm, a.size(), "sys.exc_info")) return {};
    Value e = current_exception(vm);
    if (e.is_none()) return tuple_of(vm, {Value::none(), Value::none(), Value::none()});
    Value tb = e.as<ExceptionObject>()->traceback;
    return tuple_of(vm, {Value::borrow(type_of(e)), e, tb ? tb : Value::none()});
}

// sys.version_info: a tuple with named fields.
Value vi_field(const Value& self, std::size_t i) { return self.as<Tuple>()->items[i]; }

Value vi_repr(VM& vm, const Value& self) {
    const auto& it = self.as<Tuple>()->items;
    std::string rl;
    if (!repr_into(vm, it[3], rl)) return {};
    return new_str(vm, fmt::format("sys.version_info(major={}, minor={}, micro={}, releaselevel={}, serial={})",
                                   it[0].as_int(), it[1].as_int(), it[2].as_int(), rl, it[4].as_int()));
}

}  // namespace

bool init_sys(VM& vm, Module* m) {
    Type* st = make_builtin_type(vm, "TextIOWrapper", vm.types.object, 0);
    st->module = "_io";
    st->slots.repr = stream_repr;
    st->slots.new_ = nullptr;
    def_method(vm, st, "write", stream_write);
    def_method(vm, st, "flush", stream_flush);
    def_method(vm, st, "writable", stream_true);
    def_method(vm, st, "isatty", stream_false);
    def_getset(vm, st, "name", stream_name);
    Value out = Value::steal(new TextStream(st, false));
    Value err = Value::steal(new TextStream(st, true));
    def_value(vm, m, "stdout", out);
    def_value(vm, m, "stderr", err);
    def_value(vm, m, "__stdout__", out);
    def_value(vm, m, "__stderr__", err);
    decref(st);  // the streams keep their type alive

    Type* vi = make_builtin_type(vm, "version_info", vm.types.tuple, 0);
    vi->module = "sys";
    vi->slots.repr = vi_repr;
    vi->slots.new_ = nullptr;
    def_getset(vm, vi, "major", [](VM&, const Value& s) { return vi_field(s, 0); });
    def_getset(vm, vi, "minor", [](VM&, const Value& s) { return vi_field(s, 1); });
    def_getset(vm, vi, "micro", [](VM&, const Value& s) { return vi_field(s, 2); });
    def_getset(vm, vi, "releaselevel", [](VM&, const Value& s) { return vi_field(s, 3); });
    def_getset(vm, vi, "serial", [](VM&, const Value& s) { return vi_field(s, 4); });
    const Value fields[] = {Value::integer(3), Value::integer(13), Value::integer(0), new_str(vm, "final"), Value::integer(0)};
    Value version_info = Value::steal(Tuple::make(vi, std::size(fields), fields));
    decref(vi);
    def_value(vm, m, "version_info", version_info);
    def_value(vm, m, "version", new_str(vm, "3.13.0 (Loop Lab)"));
    def_value(vm, m, "hexversion", Value::integer(0x030d00f0));
    def_value(vm, m, "maxsize", Value::integer(INT64_MAX));
#ifdef __EMSCRIPTEN__
    def_value(vm, m, "platform", new_str(vm, "emscripten"));
#else
    def_value(vm, m, "platform", new_str(vm, "linux"));
#endif
    def_value(vm, m, "byteorder", new_str(vm, "little"));
    def_value(vm, m, "argv", new_list(vm, {new_str(vm, "main.py")}));
    def_value(vm, m, "path", new_list(vm));
    def_value(vm, m, "executable", new_str(vm, ""));
    def_value(vm, m, "modules", vm.modules);
    def_value(vm, m, "_switchinterval", Value::number(0.005));
    def_function(vm, m, "exit", s_exit);
    def_function(vm, m, "getrecursionlimit", s_getrecursionlimit);
    def_function(vm, m, "setrecursionlimit", s_setrecursionlimit);
    def_function(vm, m, "getswitchinterval", s_getswitchinterval);
    def_function(vm, m, "setswitchinterval", s_setswitchinterval);
    def_function(vm, m, "exception", s_exception);
    def_function(vm, m, "exc_info", s_exc_info);
    return true;
}

}  // namespace ll::vm::lib
