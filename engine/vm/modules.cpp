// Modules and running source: code-object loading, `import` of registered native and embedded
// Python modules, run_source (compile + run as __main__), and the warnings output.
#include "engine/lang/compiler.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

static Value make_constant(VM& vm, const lang::ConstValue& c);

Value make_code(VM& vm, std::shared_ptr<const lang::CodeObject> co) {
    auto* code = new Code(vm.types.code, co);
    Value result = Value::steal(code);
    for (auto& c : co->consts) code->consts.push_back(make_constant(vm, c));
    for (auto& n : co->names) code->names.push_back(Value::borrow(vm.intern(n)));
    for (auto& n : co->varnames) code->varnames.push_back(Value::borrow(vm.intern(n)));
    code->nlocals = static_cast<std::uint32_t>(co->varnames.size());
    code->ncells = static_cast<std::uint32_t>(co->cellvars.size());
    code->nfree = static_cast<std::uint32_t>(co->freevars.size());
    code->has_namespace = !(co->flags & lang::kCoOptimized);
    code->stack_base = code->nlocals + code->ncells + code->nfree + (code->has_namespace ? 2 : 0);
    code->frame_slots = code->stack_base + static_cast<std::uint32_t>(co->max_stack);
    code->instructions = co->code.data();
    code->name = Value::borrow(vm.intern(co->name));
    code->qualname = new_str(vm, co->qualname);
    int nparams = co->argcount + co->kwonlyargcount + ((co->flags & lang::kCoVarargs) ? 1 : 0) +
                  ((co->flags & lang::kCoVarkeywords) ? 1 : 0);
    for (auto& cell : co->cellvars) {
        int arg = -1;
        for (int i = 0; i < nparams && i < static_cast<int>(co->varnames.size()); ++i)
            if (co->varnames[static_cast<std::size_t>(i)] == cell) arg = i;
        code->cell2arg.push_back(arg);
    }
    return result;
}

static Value make_constant(VM& vm, const lang::ConstValue& c) {
    using K = lang::ConstValue::Kind;
    switch (c.kind) {
        case K::None: return Value::none();
        case K::True: return Value::boolean(true);
        case K::False: return Value::boolean(false);
        case K::Ellipsis: return vm.ellipsis;
        case K::Int: return Value::integer(c.int_value);
        case K::BigInt: {
            bool neg = !c.text.empty() && c.text[0] == '-';
            auto v = base::BigInt::parse(neg ? c.text.substr(1) : c.text, 10);
            base::BigInt b = v ? *v : base::BigInt(0);
            return new_int(vm, neg ? -b : b);
        }
        case K::Float: return Value::number(c.float_value);
        case K::Str: {
            // Short identifier-like strings are interned, like CPython's constants.
            if (c.text.size() <= 20) return Value::borrow(vm.intern(c.text));
            return new_str(vm, c.text);
        }
        case K::Tuple: {
            std::vector<Value> items;
            for (auto& i : c.items) items.push_back(make_constant(vm, i));
            return new_tuple(vm, std::move(items));
        }
        case K::Code: return make_code(vm, c.code);
    }
    return Value::none();
}

// ---------------------------------------------------------------------------------------------
// Running source
// ---------------------------------------------------------------------------------------------

static std::string line_of(std::string_view source, int lineno) {
    std::size_t pos = 0;
    for (int i = 1; i < lineno && pos != std::string::npos; ++i) {
        pos = source.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos) return "";
    std::size_t end = source.find('\n', pos);
    return std::string(source.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
}

static void emit_compile_warnings(VM& vm, const lang::CompileResult& cr, std::string_view source, const std::string& filename) {
    for (const auto& w : cr.warnings) vm.warn_explicit(vm.exc.SyntaxWarning, w.message, filename, w.lineno, line_of(source, w.lineno));
}

static Value raise_syntax_error(VM& vm, const lang::SyntaxError& err, const std::string& filename) {
    Type* t = err.kind == lang::SyntaxErrorKind::TabError ? vm.exc.TabError
              : err.kind == lang::SyntaxErrorKind::IndentationError ? vm.exc.IndentationError : vm.exc.SyntaxError;
    Value e = make_exception(vm, t, {new_str(vm, err.message)});
    if (!e) return {};
    Dict* d = e.as<ExceptionObject>()->ensure_dict(vm);
    d->set(vm, "msg", new_str(vm, err.message));
    d->set(vm, "lineno", Value::integer(err.lineno));
    d->set(vm, "offset", Value::integer(err.offset));
    d->set(vm, "filename", new_str(vm, filename));
    d->set(vm, "text", err.text.empty() ? Value::none() : new_str(vm, err.text));
    d->set(vm, "_ll_rendered", new_str(vm, lang::format_syntax_error(err, filename)));
    vm.thread.exc = std::move(e);
    return {};
}

static Value exec_code_in_module(VM& vm, const Value& code, Module* m) {
    Code* c = code.as<Code>();
    std::size_t nslots = c->frame_slots;
    auto* frame = new (FrameSlots{nslots}) Frame(vm.types.frame, c, nslots);
    Value fv = Value::steal(frame);
    frame->set_namespace(m->dict, m->dict);
    for (std::size_t i = 0; i < c->ncells; ++i) frame->cells()[i] = new_cell(vm, Value());
    Budget local;
    Budget& budget = vm.current_budget ? *vm.current_budget : local;
    Value result;
    Exit e = run(vm, frame, budget, result);
    if (e == Exit::Returned) return Value::borrow(m);
    if (e == Exit::OutOfBudget) {
        vm.budget_exhausted = true;
        return raise(vm, vm.exc.SystemError, "instruction budget exhausted");
    }
    return {};
}

Value VM::run_source(std::string_view source, std::string filename, std::string_view module_name) {
    lang::CompileResult cr = lang::compile_source(source, filename);
    if (!cr.ok()) return raise_syntax_error(*this, *cr.error, filename);
    emit_compile_warnings(*this, cr, source, filename);
    Value code = make_code(*this, cr.code);
    Value mod = Value::steal(new Module(types.module, std::string(module_name)));
    Module* m = mod.as<Module>();
    m->globals()->set(*this, "__file__", new_str(*this, filename));
    m->globals()->set(*this, "__builtins__", builtins);
    m->globals()->set(*this, "__doc__", Value::none());
    modules.as<Dict>()->set(*this, std::string(module_name), mod);
    if (module_name == "__main__") main_module = mod;
    return exec_code_in_module(*this, code, m);
}

// A frozen run for the CLI: compile and execute with a caller-provided budget, resumable.
Value compile_main(VM& vm, std::string_view source, const std::string& filename, Value& frame_out, std::string_view module_name) {
    lang::CompileResult cr = lang::compile_source(source, filename);
    if (!cr.ok()) return raise_syntax_error(vm, *cr.error, filename);
    emit_compile_warnings(vm, cr, source, filename);
    Value code = make_code(vm, cr.code);
    Value mod = Value::steal(new Module(vm.types.module, std::string(module_name)));
    Module* m = mod.as<Module>();
    m->globals()->set(vm, "__file__", new_str(vm, filename));
    m->globals()->set(vm, "__builtins__", vm.builtins);
    m->globals()->set(vm, "__doc__", Value::none());
    vm.modules.as<Dict>()->set(vm, std::string(module_name), mod);
    if (module_name == "__main__") vm.main_module = mod;
    Code* c = code.as<Code>();
    std::size_t nslots = c->frame_slots;
    auto* frame = new (FrameSlots{nslots}) Frame(vm.types.frame, c, nslots);
    frame_out = Value::steal(frame);
    frame->set_namespace(m->dict, m->dict);
    return mod;
}

Value compile_in_module(VM& vm, std::string_view source, const std::string& filename, const lang::CompileOptions& options,
                        const Value& module) {
    lang::CompileResult cr = lang::compile_source(source, filename, options);
    if (!cr.ok()) return raise_syntax_error(vm, *cr.error, filename);
    emit_compile_warnings(vm, cr, source, filename);
    Value code = make_code(vm, cr.code);
    auto* fn = new Function(vm.types.function);
    Value result = Value::steal(fn);
    fn->code = code;
    fn->globals = module.as<Module>()->dict;
    fn->builtins = vm.builtins;
    fn->name = code.as<Code>()->name;
    fn->qualname = code.as<Code>()->qualname;
    Value modname = module.as<Module>()->globals()->get("__name__");
    fn->module = modname ? modname : Value::none();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Modules
// ---------------------------------------------------------------------------------------------

void VM::register_native_module(std::string name, ModuleInit init) {
    NativeModuleEntry e;
    e.init = init;
    module_registry[std::move(name)] = std::move(e);
}

void VM::register_source_module(std::string name, std::string filename, std::string source) {
    NativeModuleEntry e;
    e.filename = std::move(filename);
    e.source = std::move(source);
    module_registry[std::move(name)] = std::move(e);
}

Value VM::import_module(std::string_view name) {
    Value existing = modules.as<Dict>()->get(name);
    if (existing) return existing;
    auto it = module_registry.find(std::string(name));
    if (it == module_registry.end()) {
        Value e = make_exception(*this, exc.ModuleNotFoundError, {new_str(*this, fmt::format("No module named '{}'", name))});
        if (!e) return {};
        e.as<ExceptionObject>()->ensure_dict(*this)->set(*this, "name", new_str(*this, std::string(name)));
        thread.exc = std::move(e);
        return {};
    }
    NativeModuleEntry entry = it->second;
    Value mod = Value::steal(new Module(types.module, std::string(name)));
    Module* m = mod.as<Module>();
    modules.as<Dict>()->set(*this, std::string(name), mod);
    bool ok;
    if (entry.init) {
        ok = entry.init(*this, m);
    } else {
        m->globals()->set(*this, "__file__", new_str(*this, entry.filename));
        m->globals()->set(*this, "__builtins__", builtins);
        lang::CompileResult cr = lang::compile_source(entry.source, entry.filename);
        if (!cr.ok()) {
            raise_syntax_error(*this, *cr.error, entry.filename);
            ok = false;
        } else {
            Value code = make_code(*this, cr.code);
            ok = !exec_code_in_module(*this, code, m).is_null();
        }
    }
    if (!ok) {
        modules.as<Dict>()->del(*this, new_str(*this, std::string(name)));
        return {};
    }
    // The module may have replaced itself in sys.modules.
    Value final_mod = modules.as<Dict>()->get(name);
    return final_mod ? final_mod : mod;
}

Value import_name(VM& vm, Str* name, const Value& fromlist, std::int64_t level) {
    if (level > 0) return raise(vm, vm.exc.ImportError, "attempted relative import with no known parent package");
    const std::string& full = name->text;
    // Import each prefix of a dotted name; `import a.b` binds `a`, `from a.b import x` uses a.b.
    std::size_t dot = full.find('.');
    Value top;
    std::size_t pos = 0;
    Value last;
    while (true) {
        std::size_t next = full.find('.', pos);
        std::string prefix = full.substr(0, next);
        last = vm.import_module(prefix);
        if (!last) return {};
        if (!top) top = last;
        if (next == std::string::npos) break;
        pos = next + 1;
    }
    (void)dot;
    bool has_fromlist = fromlist && !fromlist.is_none() && is_tuple(fromlist) && !fromlist.as<Tuple>()->items.empty();
    return has_fromlist ? last : top;
}

Value import_star(VM& vm, const Value& module, Frame* f) {
    if (!is_type(module, vm.types.module)) return raise(vm, vm.exc.TypeError, "import * requires a module");
    Dict* src = module.as<Module>()->globals();
    const Value ns = f->locals().is_null() ? Value::borrow(f->globals()) : Value(f->locals());
    Value all = src->get("__all__");
    if (all) {
        std::vector<Value> names;
        if (!collect(vm, all, names)) return {};
        for (auto& n : names) {
            Value v = src->get(vm, n);
            if (!v) return raise_fmt(vm, vm.exc.AttributeError, "module '{}' has no attribute '{}'", module.as<Module>()->name,
                                     is_str(n) ? n.as<Str>()->text : "?");
            ns.as<Dict>()->set(vm, n, v);
        }
        return Value::none();
    }
    for (auto& e : src->entries()) {
        if (e.key.is_null() || !is_str(e.key)) continue;
        if (!e.key.as<Str>()->text.empty() && e.key.as<Str>()->text[0] == '_') continue;
        ns.as<Dict>()->set(vm, e.key, e.value);
    }
    return Value::none();
}

// ---------------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------------

void VM::warn_explicit(Type* category, std::string message, std::string filename, int lineno, std::string source_line) {
    std::string key = category->name + "\x1f" + message + "\x1f" + filename + "\x1f" + std::to_string(lineno);
    for (auto& k : warnings_seen)
        if (k == key) return;
    warnings_seen.push_back(key);
    std::string out = fmt::format("{}:{}: {}: {}\n", filename, lineno, category->name, message);
    std::size_t a = source_line.find_first_not_of(" \t");
    if (a != std::string::npos) {
        std::size_t b = source_line.find_last_not_of(" \t\r\n");
        out += "  " + source_line.substr(a, b - a + 1) + "\n";
    }
    write_stderr(out);
}

void VM::warn(Type* category, std::string message, int stacklevel) {
    Frame* f = thread.frame;
    for (int i = 1; i < stacklevel && f; ++i) f = f->back;
    if (!f) {
        std::string key = category->name + "\x1f" + message + "\x1f<sys>";
        for (auto& k : warnings_seen)
            if (k == key) return;
        warnings_seen.push_back(key);
        write_stderr(fmt::format("<sys>:0: {}: {}\n", category->name, message));
        return;
    }
    const auto& co = *f->code_obj()->co;
    int line = f->line();
    std::string src;
    if (co.source) {
        const std::string& s = *co.source;
        std::size_t pos = 0;
        for (int i = 1; i < line && pos != std::string::npos; ++i) {
            pos = s.find('\n', pos);
            if (pos != std::string::npos) ++pos;
        }
        if (pos != std::string::npos) {
            std::size_t end = s.find('\n', pos);
            src = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        }
    }
    std::size_t before = warnings_seen.size();
    warn_explicit(category, message, co.filename, line, src);
    if (warnings_seen.size() != before && category == exc.RuntimeWarning && message.find("was never awaited") != std::string::npos)
        write_stderr("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

}  // namespace ll::vm
