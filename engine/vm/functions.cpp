// Calling: argument binding for Python functions (with CPython's TypeError messages), calls from
// native code (nested run), and the function-like types: function, method, builtin function,
// property, staticmethod, classmethod, cell, code, module, getset descriptors.
#include "engine/vm/internal.hpp"

namespace ll::vm {

std::string function_display_name(Function* fn) { return fn->qualname.as<Str>()->text; }

static std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

static Frame* make_call_frame_general(VM& vm, Function* fn, Args args, const Value* self_prefix);

// A frame for fn's code with fn's globals and builtins; no argument bound yet.
static Frame* new_function_frame(VM& vm, Function* fn) {
    Code* code = fn->code_obj();
    const std::size_t nslots = code->frame_slots;
    auto* frame = new (FrameSlots{nslots}) Frame(vm.types.frame, code, nslots);
    frame->func = ObjRef::borrow(fn);
    return frame;
}

// The closure's cells, after the frame's own.
static void bind_free_variables(Function* fn, Frame* frame) {
    Code* code = fn->code_obj();
    if (!code->nfree) return;
    Value* free = frame->cells() + code->ncells;
    const auto& closure = fn->closure.as<Tuple>()->items;
    for (std::size_t i = 0; i < code->nfree; ++i) free[i] = closure[i];
}

Frame* make_positional_call_frame(VM& vm, Function* fn, const Value* items, std::uint32_t count, const Value* self_prefix,
                                  bool steal_args) {
    Code* code = fn->code_obj();
    const lang::CodeObject& co = *code->co;
    // The common call: positional arguments only, the rest of the positional parameters from
    // their defaults; no *args/**kwargs, keyword-only parameters or cells. What the general code
    // does for it, minus its checks (this runs on every Python call).
    const std::size_t npos = count + (self_prefix ? 1u : 0u);
    const std::size_t argcount = static_cast<std::size_t>(co.argcount);
    if (co.kwonlyargcount != 0 || code->ncells != 0 ||
        (co.flags & (lang::kCoVarargs | lang::kCoVarkeywords | lang::kCoOptimized)) != lang::kCoOptimized ||
        !(npos == argcount || (npos < argcount && fn->defaults && npos + fn->defaults.as<Tuple>()->items.size() >= argcount)))
        return nullptr;
    Frame* frame = new_function_frame(vm, fn);
    Value* fast = frame->fast();
    if (npos < argcount) {
        const auto& defaults = fn->defaults.as<Tuple>()->items;
        const std::size_t first_default = argcount - defaults.size();
        for (std::size_t i = npos; i < argcount; ++i) fast[i] = defaults[i - first_default];
    }
    if (self_prefix) *fast++ = *self_prefix;
    if (steal_args) {
        Value* from = const_cast<Value*>(items);
        for (std::uint32_t i = 0; i < count; ++i) fast[i] = std::move(from[i]);
    } else {
        for (std::uint32_t i = 0; i < count; ++i) fast[i] = items[i];
    }
    if (code->nfree) bind_free_variables(fn, frame);
    return frame;
}

Frame* make_call_frame(VM& vm, Function* fn, Args args, const Value* self_prefix) {
    if (args.kwcount == 0)
        if (Frame* frame = make_positional_call_frame(vm, fn, args.items, args.count, self_prefix, false)) return frame;
    return make_call_frame_general(vm, fn, args, self_prefix);
}

// Everything else (keywords, *args/**kwargs, keyword-only parameters, cells, argument errors):
// out of line, so that the common call above does not pay for this part's stack frame and
// saved registers.
[[gnu::noinline]] static Frame* make_call_frame_general(VM& vm, Function* fn, Args args, const Value* self_prefix) {
    Code* code = fn->code_obj();
    const lang::CodeObject& co = *code->co;
    Frame* frame = new_function_frame(vm, fn);
    // Module-level code made callable (a notebook cell, compile_cell): its names live in the
    // globals, as under exec. Class bodies replace this with their namespace.
    if (code->has_namespace) frame->set_namespace(fn->globals, fn->globals);
    Value* fast = frame->fast();
    const int argcount = co.argcount;
    const int kwonly = co.kwonlyargcount;
    const bool has_var = co.flags & lang::kCoVarargs;
    const bool has_kw = co.flags & lang::kCoVarkeywords;
    const std::size_t npos = args.count + (self_prefix ? 1 : 0);
    auto pos = [&](std::size_t i) -> const Value& { return self_prefix ? (i == 0 ? *self_prefix : args.items[i - 1]) : args.items[i]; };
    auto fail = [&](std::string msg) -> Frame* {
        raise(vm, vm.exc.TypeError, function_display_name(fn) + "() " + msg);
        delete frame;
        return nullptr;
    };

    // Fast path: exact positional call, no *args/**kwargs/keywords.
    std::size_t ncopy = std::min<std::size_t>(npos, static_cast<std::size_t>(argcount));
    for (std::size_t i = 0; i < ncopy; ++i) fast[i] = pos(i);
    std::size_t var_slot = static_cast<std::size_t>(argcount + kwonly);
    std::size_t kw_slot = var_slot + (has_var ? 1 : 0);
    if (npos > static_cast<std::size_t>(argcount)) {
        if (has_var) {
            std::vector<Value> extra;
            for (std::size_t i = static_cast<std::size_t>(argcount); i < npos; ++i) extra.push_back(pos(i));
            fast[var_slot] = new_tuple(vm, std::move(extra));
        } else {
            std::size_t ndefaults = fn->defaults.is_null() ? 0 : fn->defaults.as<Tuple>()->items.size();
            std::size_t kwgiven = 0;
            for (std::uint32_t k = 0; k < args.kwcount; ++k) {
                std::string_view name = args.kwname(k);
                for (int j = argcount; j < argcount + kwonly; ++j)
                    if (co.varnames[static_cast<std::size_t>(j)] == name) ++kwgiven;
            }
            std::string takes;
            if (ndefaults) takes = fmt::format("from {} to {} positional arguments", argcount - static_cast<int>(ndefaults), argcount);
            else takes = fmt::format("{} positional argument{}", argcount, argcount == 1 ? "" : "s");
            std::string given;
            if (kwgiven)
                given = fmt::format("{} positional argument{} (and {} keyword-only argument{}) were given", npos,
                                    npos == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
            else
                given = fmt::format("{} {} given", npos, npos == 1 ? "was" : "were");
            return fail(fmt::format("takes {} but {}", takes, given));
        }
    } else if (has_var) {
        fast[var_slot] = vm.empty_tuple;
    }
    Dict* kwdict = nullptr;
    if (has_kw) {
        fast[kw_slot] = new_dict(vm);
        kwdict = fast[kw_slot].as<Dict>();
    }
    for (std::uint32_t k = 0; k < args.kwcount; ++k) {
        std::string_view name = args.kwname(k);
        int found = -1;
        // Keyword names are interned like parameter names: identity first, text only if not.
        const Object* kwobj = args.kwnames[k].is_obj() ? args.kwnames[k].obj() : nullptr;
        for (int j = co.posonlyargcount; j < argcount + kwonly; ++j)
            if (code->varnames[static_cast<std::size_t>(j)].obj() == kwobj) {
                found = j;
                break;
            }
        if (found < 0)
            for (int j = co.posonlyargcount; j < argcount + kwonly; ++j)
                if (co.varnames[static_cast<std::size_t>(j)] == name) {
                    found = j;
                    break;
                }
        if (found >= 0) {
            if (!fast[found].is_null())
                return fail(fmt::format("got multiple values for argument '{}'", name));
            fast[found] = args.kwvalues[k];
            continue;
        }
        if (kwdict) {
            kwdict->set(vm, args.kwnames[k], args.kwvalues[k]);
            continue;
        }
        for (int j = 0; j < co.posonlyargcount; ++j)
            if (co.varnames[static_cast<std::size_t>(j)] == name)
                return fail(fmt::format("got some positional-only arguments passed as keyword arguments: '{}'", name));
        return fail(fmt::format("got an unexpected keyword argument '{}'", name));
    }
    if (npos < static_cast<std::size_t>(argcount)) {
        const Tuple::Items* defaults = fn->defaults.is_null() ? nullptr : &fn->defaults.as<Tuple>()->items;
        std::size_t nd = defaults ? defaults->size() : 0;
        std::size_t first_default = static_cast<std::size_t>(argcount) - nd;
        std::vector<std::string> missing;
        for (std::size_t i = npos; i < static_cast<std::size_t>(argcount); ++i) {
            if (!fast[i].is_null()) continue;
            if (i >= first_default) fast[i] = (*defaults)[i - first_default];
            else missing.push_back(co.varnames[i]);
        }
        if (!missing.empty())
            return fail(fmt::format("missing {} required positional argument{}: {}", missing.size(),
                                    missing.size() == 1 ? "" : "s", join_names(missing)));
    }
    if (kwonly) {
        std::vector<std::string> missing;
        for (int j = argcount; j < argcount + kwonly; ++j) {
            if (!fast[j].is_null()) continue;
            Value d;
            if (!fn->kwdefaults.is_null()) d = fn->kwdefaults.as<Dict>()->get_str(vm, code->varnames[static_cast<std::size_t>(j)].as<Str>());
            if (d) fast[j] = d;
            else missing.push_back(co.varnames[static_cast<std::size_t>(j)]);
        }
        if (!missing.empty())
            return fail(fmt::format("missing {} required keyword-only argument{}: {}", missing.size(),
                                    missing.size() == 1 ? "" : "s", join_names(missing)));
    }
    Value* cells = frame->cells();
    for (std::size_t i = 0; i < code->ncells; ++i) {
        int arg = code->cell2arg[i];
        cells[i] = new_cell(vm, arg >= 0 ? fast[arg] : Value());
    }
    bind_free_variables(fn, frame);
    return frame;
}

Value call_object(VM& vm, const Value& callable, Args args) {
    Type* t = type_of(callable);
    if (t == vm.types.function) {
        Function* fn = callable.as<Function>();
        Frame* frame = make_call_frame(vm, fn, args);
        if (!frame) return {};
        Value fv = Value::steal(frame);
        std::uint32_t flags = fn->code_obj()->co->flags;
        if (flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator)) return make_generator_for(vm, fn, frame);
        if (vm.thread.depth >= vm.recursion_limit) return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded");
        Budget local;
        Budget* budget = vm.current_budget ? vm.current_budget : &local;
        Value result;
        ++vm.thread.native_depth;
        Exit e = run(vm, frame, *budget, result);
        --vm.thread.native_depth;
        if (e == Exit::Returned) return result;
        if (e == Exit::OutOfBudget) {
            vm.budget_exhausted = true;
            return raise(vm, vm.exc.SystemError, "instruction budget exhausted inside a native call");
        }
        return {};
    }
    if (t == vm.types.builtin_function) {
        auto* bf = callable.as<BuiltinFunction>();
        if (bf->self.is_null()) return bf->fn(vm, args);
        return call_with_self(vm, callable, bf->self, args);
    }
    if (t == vm.types.method) {
        auto* m = callable.as<BoundMethod>();
        return call_with_self(vm, m->func, m->self, args);
    }
    if (t->slots.call) return t->slots.call(vm, callable, args);
    return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not callable", t->name);
}

Value call_with_self(VM& vm, const Value& fn, const Value& self, Args args) {
    Type* t = type_of(fn);
    if (t == vm.types.function) {
        Function* f = fn.as<Function>();
        Frame* frame = make_call_frame(vm, f, args, &self);
        if (!frame) return {};
        Value fv = Value::steal(frame);
        std::uint32_t flags = f->code_obj()->co->flags;
        if (flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator)) return make_generator_for(vm, f, frame);
        if (vm.thread.depth >= vm.recursion_limit) return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded");
        Budget local;
        Budget* budget = vm.current_budget ? vm.current_budget : &local;
        Value result;
        ++vm.thread.native_depth;
        Exit e = run(vm, frame, *budget, result);
        --vm.thread.native_depth;
        if (e == Exit::Returned) return result;
        if (e == Exit::OutOfBudget) {
            vm.budget_exhausted = true;
            return raise(vm, vm.exc.SystemError, "instruction budget exhausted inside a native call");
        }
        return {};
    }
    // Generic: build [self, args...].
    std::vector<Value> argv;
    argv.reserve(args.count + 1);
    argv.push_back(self);
    for (std::uint32_t i = 0; i < args.count; ++i) argv.push_back(args.items[i]);
    Args a(argv.data(), static_cast<std::uint32_t>(argv.size()));
    a.kwvalues = args.kwvalues;
    a.kwnames = args.kwnames;
    a.kwcount = args.kwcount;
    if (t == vm.types.builtin_function) return fn.as<BuiltinFunction>()->fn(vm, a);
    return call_object(vm, fn, a);
}

Value call(VM& vm, const Value& callable, Args args) { return call_object(vm, callable, args); }

Value call(VM& vm, const Value& callable, std::initializer_list<Value> args) {
    return call_object(vm, callable, Args(args.begin(), static_cast<std::uint32_t>(args.size())));
}

Value call_method(VM& vm, const Value& self, std::string_view name, std::initializer_list<Value> args) {
    Value m = get_attr(vm, self, name);
    if (!m) return {};
    return call_object(vm, m, Args(args.begin(), static_cast<std::uint32_t>(args.size())));
}

// ---------------------------------------------------------------------------------------------
// function
// ---------------------------------------------------------------------------------------------

static Value function_repr(VM& vm, const Value& self) {
    return new_str(vm, fmt::format("<function {} at {:#x}>", self.as<Function>()->qualname.as<Str>()->text,
                                   reinterpret_cast<std::uintptr_t>(self.obj())));
}

static Value function_descr_get(VM& vm, const Value& self, const Value& obj, const Value&) {
    if (obj.is_null() || obj.is_none()) return self;
    return Value::steal(new BoundMethod(vm.types.method, self, obj));
}

static Value function_call(VM& vm, const Value& self, Args args) { return call_object(vm, self, args); }

static Value function_getattr(VM& vm, const Value& self, Str* name) {
    Function* f = self.as<Function>();
    const std::string& n = name->text;
    if (n == "__name__") return f->name;
    if (n == "__qualname__") return f->qualname;
    if (n == "__module__") return f->module ? f->module : Value::none();
    if (n == "__doc__") return f->doc ? f->doc : Value::none();
    if (n == "__code__") return f->code;
    if (n == "__globals__") return f->globals;
    if (n == "__defaults__") return f->defaults ? f->defaults : Value::none();
    if (n == "__kwdefaults__") return f->kwdefaults ? f->kwdefaults : Value::none();
    if (n == "__closure__") return f->closure ? f->closure : Value::none();
    if (n == "__dict__") {
        if (f->dict.is_null()) f->dict = new_dict(vm);
        return f->dict;
    }
    if (!f->dict.is_null()) {
        Value v = f->dict.as<Dict>()->get_str(vm, name);
        if (v) return v;
    }
    return generic_getattr(vm, self, name, true);
}

static bool function_setattr(VM& vm, const Value& self, Str* name, const Value& value) {
    Function* f = self.as<Function>();
    const std::string& n = name->text;
    if (n == "__name__" && is_str(value)) { f->name = value; return true; }
    if (n == "__qualname__" && is_str(value)) { f->qualname = value; return true; }
    if (n == "__doc__") { f->doc = value; return true; }
    if (n == "__module__") { f->module = value; return true; }
    if (n == "__defaults__") { f->defaults = value.is_none() ? Value() : value; return true; }
    if (f->dict.is_null()) f->dict = new_dict(vm);
    if (value.is_null()) return f->dict.as<Dict>()->del(vm, Value::borrow(name)) > 0;
    return f->dict.as<Dict>()->set(vm, Value::borrow(name), value);
}

// ---------------------------------------------------------------------------------------------
// bound method, builtin function
// ---------------------------------------------------------------------------------------------

static Value method_repr(VM& vm, const Value& self) {
    auto* m = self.as<BoundMethod>();
    std::string name = callable_name(m->func);
    if (is_type(m->func, vm.types.function)) name = m->func.as<Function>()->qualname.as<Str>()->text;
    std::string out = "<bound method " + name + " of ";
    if (!repr_into(vm, m->self, out)) return {};
    out += ">";
    return new_str(vm, std::move(out));
}

static Value method_call(VM& vm, const Value& self, Args args) {
    auto* m = self.as<BoundMethod>();
    return call_with_self(vm, m->func, m->self, args);
}

static Value method_getattr(VM& vm, const Value& self, Str* name) {
    auto* m = self.as<BoundMethod>();
    if (name->text == "__self__") return m->self;
    if (name->text == "__func__") return m->func;
    return get_attr(vm, m->func, name);
}

static Value method_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_type(b, vm.types.method) || (op != CompareOp::Eq && op != CompareOp::Ne)) return vm.not_implemented;
    auto* x = a.as<BoundMethod>();
    auto* y = b.as<BoundMethod>();
    bool same = x->func.obj() == y->func.obj() && x->self.is(y->self);
    return Value::boolean(op == CompareOp::Eq ? same : !same);
}

static bool method_hash(VM& vm, const Value& self, std::int64_t& out) {
    auto* m = self.as<BoundMethod>();
    std::int64_t a, b;
    if (!hash(vm, m->func, a)) return false;
    if (!hash(vm, m->self, b)) {
        clear_error(vm);
        b = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(m->self.is_obj() ? m->self.obj() : nullptr));
    }
    out = a ^ b;
    if (out == -1) out = -2;
    return true;
}

static Value builtin_repr(VM& vm, const Value& self) {
    auto* f = self.as<BuiltinFunction>();
    if (!f->self.is_null() && !is_type(f->self, vm.types.module)) {
        std::string out = "<built-in method " + f->name + " of " + std::string(type_name(f->self)) + " object at " +
                          fmt::format("{:#x}>", reinterpret_cast<std::uintptr_t>(f->self.is_obj() ? f->self.obj() : nullptr));
        return new_str(vm, std::move(out));
    }
    if (f->owner) return new_str(vm, fmt::format("<method '{}' of '{}' objects>", f->name, f->owner->name));
    return new_str(vm, "<built-in function " + f->name + ">");
}

static Value builtin_descr_get(VM& vm, const Value& self, const Value& obj, const Value&) {
    auto* f = self.as<BuiltinFunction>();
    if (!f->owner || obj.is_null() || obj.is_none() || !f->self.is_null()) return self;
    auto* b = new BuiltinFunction(vm.types.builtin_function, f->name, f->fn);
    b->self = obj;
    b->owner = f->owner;
    b->data = f->data;
    return Value::steal(b);
}

static Value builtin_call(VM& vm, const Value& self, Args args) { return call_object(vm, self, args); }

static Value builtin_getattr(VM& vm, const Value& self, Str* name) {
    auto* f = self.as<BuiltinFunction>();
    if (name->text == "__name__") return new_str(vm, f->name);
    if (name->text == "__qualname__") return new_str(vm, f->owner ? f->owner->name + "." + f->name : f->name);
    if (name->text == "__self__") return f->self ? f->self : Value::none();
    if (name->text == "__doc__") return Value::none();
    if (name->text == "__module__") return f->owner ? Value::none() : new_str(vm, "builtins");
    return generic_getattr(vm, self, name, true);
}

// ---------------------------------------------------------------------------------------------
// property, staticmethod, classmethod
// ---------------------------------------------------------------------------------------------

static Value property_new(VM& vm, Type* cls, Args args) {
    auto* p = new Property(cls);
    Value r = Value::steal(p);
    auto get = [&](std::size_t i, const char* n) {
        Value v = i < args.size() ? args[i] : args.kw(n);
        return (v && !v.is_none()) ? v : Value();
    };
    p->fget = get(0, "fget");
    p->fset = get(1, "fset");
    p->fdel = get(2, "fdel");
    p->doc = get(3, "doc");
    (void)vm;
    return r;
}

static Value property_get(VM& vm, const Value& self, const Value& obj, const Value&) {
    auto* p = self.as<Property>();
    if (obj.is_null() || obj.is_none()) return self;
    if (p->fget.is_null()) {
        std::string name = "?";
        return raise_fmt(vm, vm.exc.AttributeError, "property {} of '{}' object has no getter", name, type_name(obj));
    }
    return call(vm, p->fget, {obj});
}

static std::string property_name(const Property* p) {
    const Value& f = !p->fget.is_null() ? p->fget : p->fset;
    if (!f.is_null() && is_type(f, current_vm().types.function)) return "'" + f.as<Function>()->name.as<Str>()->text + "'";
    return "";
}

static bool property_set(VM& vm, const Value& self, const Value& obj, const Value& value) {
    auto* p = self.as<Property>();
    if (value.is_null()) {
        if (p->fdel.is_null()) {
            raise_fmt(vm, vm.exc.AttributeError, "property {} of '{}' object has no deleter", property_name(p), type_name(obj));
            return false;
        }
        return !call(vm, p->fdel, {obj}).is_null();
    }
    if (p->fset.is_null()) {
        raise_fmt(vm, vm.exc.AttributeError, "property {} of '{}' object has no setter", property_name(p), type_name(obj));
        return false;
    }
    return !call(vm, p->fset, {obj, value}).is_null();
}

static Value property_copy_with(VM& vm, Args a, int which) {
    auto* p = a[0].as<Property>();
    auto* q = new Property(vm.types.property);
    Value r = Value::steal(q);
    q->fget = p->fget;
    q->fset = p->fset;
    q->fdel = p->fdel;
    q->doc = p->doc;
    Value f = a.size() > 1 ? a[1] : Value::none();
    (which == 0 ? q->fget : which == 1 ? q->fset : q->fdel) = f.is_none() ? Value() : f;
    return r;
}

static Value property_getattr(VM& vm, const Value& self, Str* name) {
    auto* p = self.as<Property>();
    if (name->text == "fget") return p->fget ? p->fget : Value::none();
    if (name->text == "fset") return p->fset ? p->fset : Value::none();
    if (name->text == "fdel") return p->fdel ? p->fdel : Value::none();
    if (name->text == "__doc__") {
        if (p->doc) return p->doc;
        if (p->fget && is_type(p->fget, vm.types.function) && p->fget.as<Function>()->doc) return p->fget.as<Function>()->doc;
        return Value::none();
    }
    return generic_getattr(vm, self, name, true);
}

static Value staticmethod_new(VM& vm, Type* cls, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "staticmethod expected 1 argument, got {}", a.size());
    return Value::steal(new StaticMethod(cls, a[0]));
}

static Value staticmethod_get(VM&, const Value& self, const Value&, const Value&) { return self.as<StaticMethod>()->func; }

static Value classmethod_new(VM& vm, Type* cls, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "classmethod expected 1 argument, got {}", a.size());
    return Value::steal(new ClassMethod(cls, a[0]));
}

static Value classmethod_get(VM& vm, const Value& self, const Value& obj, const Value& owner) {
    Value cls = (owner.is_null() || owner.is_none()) ? Value::borrow(type_of(obj)) : owner;
    const Value& f = self.as<ClassMethod>()->func;
    if (is_type(f, vm.types.builtin_function)) {
        auto* b = new BuiltinFunction(vm.types.builtin_function, f.as<BuiltinFunction>()->name, f.as<BuiltinFunction>()->fn);
        b->self = cls;
        return Value::steal(b);
    }
    return Value::steal(new BoundMethod(vm.types.method, f, cls));
}

static Value wrapper_getattr(VM& vm, const Value& self, Str* name) {
    const Value& f = type_of(self) == vm.types.staticmethod || type_of(self)->is_subtype(vm.types.staticmethod)
                         ? self.as<StaticMethod>()->func
                         : self.as<ClassMethod>()->func;
    if (name->text == "__func__" || name->text == "__wrapped__") return f;
    Value v = generic_getattr(vm, self, name, false);
    if (v || has_error(vm)) return v;
    return get_attr(vm, f, name);
}

// ---------------------------------------------------------------------------------------------
// getset, cell, code, module
// ---------------------------------------------------------------------------------------------

static Value getset_get(VM&, const Value& self, const Value& obj, const Value&) {
    if (obj.is_null() || obj.is_none()) return self;
    return self.as<GetSetDescriptor>()->get(current_vm(), obj);
}

static Value getset_repr(VM& vm, const Value& self) {
    auto* d = self.as<GetSetDescriptor>();
    return new_str(vm, fmt::format("<attribute '{}' of '{}' objects>", d->name, d->owner ? d->owner->name : std::string("?")));
}

static bool getset_set(VM& vm, const Value& self, const Value& obj, const Value& value) {
    auto* d = self.as<GetSetDescriptor>();
    if (!d->set) {
        raise_fmt(vm, vm.exc.AttributeError, "attribute '{}' of '{}' objects is not writable", d->name,
                  d->owner ? d->owner->name : std::string(type_name(obj)));
        return false;
    }
    return d->set(vm, obj, value);
}

static Value cell_repr(VM& vm, const Value& self) {
    auto* c = self.as<Cell>();
    if (c->value.is_null()) return new_str(vm, fmt::format("<cell at {:#x}: empty>", reinterpret_cast<std::uintptr_t>(self.obj())));
    return new_str(vm, fmt::format("<cell at {:#x}: {} object at {:#x}>", reinterpret_cast<std::uintptr_t>(self.obj()),
                                   type_name(c->value), reinterpret_cast<std::uintptr_t>(c->value.is_obj() ? c->value.obj() : nullptr)));
}

static Value code_repr(VM& vm, const Value& self) {
    auto& co = *self.as<Code>()->co;
    return new_str(vm, fmt::format("<code object {} at {:#x}, file \"{}\", line {}>", co.name,
                                   reinterpret_cast<std::uintptr_t>(self.obj()), co.filename, co.firstlineno));
}

// Traceback entries, read-only: enough to walk `e.__traceback__` and print where each frame was.
static Value traceback_getattr(VM& vm, const Value& self, Str* name) {
    auto* t = self.as<Traceback>();
    const std::string& n = name->text;
    if (n == "tb_next") return t->next ? t->next : Value::none();
    if (n == "tb_frame") return t->frame;
    if (n == "tb_lineno") return Value::integer(t->line());
    // CPython counts bytes of 2-byte code units; an entry raised before the first one is at 0.
    if (n == "tb_lasti") return Value::integer(t->lasti == Traceback::kAtEntry ? 0 : 2 * static_cast<std::int64_t>(t->lasti));
    return generic_getattr(vm, self, name, true);
}

static Value code_getattr(VM& vm, const Value& self, Str* name) {
    auto& co = *self.as<Code>()->co;
    if (name->text == "co_name") return new_str(vm, co.name);
    if (name->text == "co_qualname") return new_str(vm, co.qualname);
    if (name->text == "co_filename") return new_str(vm, co.filename);
    if (name->text == "co_firstlineno") return Value::integer(co.firstlineno);
    if (name->text == "co_argcount") return Value::integer(co.argcount);
    if (name->text == "co_flags") return Value::integer(co.flags & 0xffffff);
    if (name->text == "co_varnames") {
        std::vector<Value> v;
        for (auto& n : co.varnames) v.push_back(new_str(vm, n));
        return new_tuple(vm, std::move(v));
    }
    return generic_getattr(vm, self, name, true);
}

static Value module_repr(VM& vm, const Value& self) {
    auto* m = self.as<Module>();
    if (m->name == "builtins" || m->name == "sys") return new_str(vm, "<module '" + m->name + "' (built-in)>");
    Value file = m->globals()->get("__file__");
    if (file && is_str(file)) return new_str(vm, "<module '" + m->name + "' from '" + file.as<Str>()->text + "'>");
    return new_str(vm, "<module '" + m->name + "' (built-in)>");
}

static Value module_getattr(VM& vm, const Value& self, Str* name) {
    auto* m = self.as<Module>();
    Value v = m->globals()->get_str(vm, name);
    if (v) return v;
    if (name->text == "__dict__") return m->dict;
    Value ga = m->globals()->get("__getattr__");
    if (ga) {
        Value n = Value::borrow(name);
        return call(vm, ga, Args(&n, 1));
    }
    return raise_fmt(vm, vm.exc.AttributeError, "module '{}' has no attribute '{}'", m->name, name->text);
}

static bool module_setattr(VM& vm, const Value& self, Str* name, const Value& value) {
    auto* m = self.as<Module>();
    if (value.is_null()) {
        if (m->globals()->del(vm, Value::borrow(name)) <= 0) {
            raise_fmt(vm, vm.exc.AttributeError, "module '{}' has no attribute '{}'", m->name, name->text);
            return false;
        }
        return true;
    }
    return m->globals()->set(vm, Value::borrow(name), value);
}

static Value module_new(VM& vm, Type* cls, Args a) {
    if (a.size() < 1 || !is_str(a[0])) return raise(vm, vm.exc.TypeError, "module() argument 'name' must be str");
    return Value::steal(new Module(cls, a[0].as<Str>()->text));
}

void init_function_types(VM& vm) {
    Type* f = vm.types.function;
    f->slots.repr = function_repr;
    f->slots.descr_get = function_descr_get;
    f->slots.call = function_call;
    f->slots.getattr = function_getattr;
    f->slots.setattr = function_setattr;
    f->slots.new_ = nullptr;
    Type* m = vm.types.method;
    m->slots.repr = method_repr;
    m->slots.call = method_call;
    m->slots.getattr = method_getattr;
    m->slots.richcompare = method_richcompare;
    m->slots.hash = method_hash;
    m->slots.new_ = nullptr;
    Type* b = vm.types.builtin_function;
    b->slots.repr = builtin_repr;
    b->slots.descr_get = builtin_descr_get;
    b->slots.call = builtin_call;
    b->slots.getattr = builtin_getattr;
    b->slots.new_ = nullptr;
    Type* p = vm.types.property;
    p->alloc = nullptr;
    p->slots.new_ = property_new;
    p->slots.init = nullptr;
    p->slots.descr_get = property_get;
    p->slots.descr_set = property_set;
    p->slots.getattr = property_getattr;
    def_method(vm, p, "getter", [](VM& v, Args a) { return property_copy_with(v, a, 0); });
    def_method(vm, p, "setter", [](VM& v, Args a) { return property_copy_with(v, a, 1); });
    def_method(vm, p, "deleter", [](VM& v, Args a) { return property_copy_with(v, a, 2); });
    Type* sm = vm.types.staticmethod;
    sm->alloc = nullptr;
    sm->slots.new_ = staticmethod_new;
    sm->slots.init = nullptr;
    sm->slots.descr_get = staticmethod_get;
    sm->slots.getattr = wrapper_getattr;
    sm->slots.call = [](VM& v, const Value& self, Args a) { return call_object(v, self.as<StaticMethod>()->func, a); };
    Type* cm = vm.types.classmethod;
    cm->alloc = nullptr;
    cm->slots.new_ = classmethod_new;
    cm->slots.init = nullptr;
    cm->slots.descr_get = classmethod_get;
    cm->slots.getattr = wrapper_getattr;
    Type* gs = vm.types.getset;
    gs->slots.descr_get = getset_get;
    gs->slots.descr_set = getset_set;
    gs->slots.repr = getset_repr;
    gs->slots.new_ = nullptr;
    vm.types.cell->slots.repr = cell_repr;
    vm.types.cell->slots.new_ = nullptr;
    vm.types.code->slots.repr = code_repr;
    vm.types.code->slots.getattr = code_getattr;
    vm.types.code->slots.new_ = nullptr;
    Type* mod = vm.types.module;
    mod->alloc = nullptr;
    mod->slots.repr = module_repr;
    mod->slots.getattr = module_getattr;
    mod->slots.setattr = module_setattr;
    mod->slots.new_ = module_new;
    mod->slots.init = nullptr;
    vm.types.frame->slots.new_ = nullptr;
    vm.types.traceback->slots.new_ = nullptr;
    vm.types.traceback->slots.getattr = traceback_getattr;
}

}  // namespace ll::vm
