// Notebook mode (NOTEBOOK.md): the session runs the driver program (python/notebook.py), whose
// event loop is already running when cells arrive; this file holds the session's side of it and
// the `_looplab_notebook` native module the driver calls: take the next cell (pausing the
// session while there is none), compile a cell with top-level await, show a cell's exception.
#include <cstdlib>
#include <deque>
#include <span>

#include "engine/aio/prelude_sources.hpp"
#include "engine/lang/compiler.hpp"
#include "engine/session/session_internal.hpp"
#include "engine/vm/exceptions.hpp"
#include "engine/vm/ops.hpp"

namespace ll::session {

std::span<const aio::PreludeModule> python_modules();  // generated from engine/session/python

using namespace ll::vm;

namespace {

constexpr const char* kDriverFilename = "<notebook>";

Session::Impl* session_of(VM& vm) { return dynamic_cast<Session::Impl*>(aio::event_sink(vm)); }

bool arity(VM& vm, const Args& a, const char* name, std::size_t n) {
    if (a.count == n) return true;
    raise_fmt(vm, vm.exc.TypeError, "{}() takes {} argument{} ({} given)", name, n, n == 1 ? "" : "s", a.count);
    return false;
}

// next_cell() -> (number, source, first_line); None once the notebook is closed; False when no
// cell is waiting: the session pauses right after the call, and the driver asks again.
Value nb_next_cell(VM& vm, Args a) {
    if (!arity(vm, a, "next_cell", 0)) return {};
    Session::Impl* s = session_of(vm);
    if (!s) return raise(vm, vm.exc.RuntimeError, "no notebook session");
    if (!s->cell_queue.empty()) {
        CellText cell = std::move(s->cell_queue.front());
        s->cell_queue.pop_front();
        s->waiting_for_cell = false;
        ++s->cells_taken;
        return new_tuple(vm, {Value::integer(s->cells_taken), new_str(vm, cell.source), Value::integer(cell.first_line)});
    }
    if (s->notebook_closed) return Value::none();
    s->waiting_for_cell = true;
    s->request_pause();
    return Value::boolean(false);
}

// compile_cell(source, first_line) -> a function running the cell in __main__'s namespace.
Value nb_compile_cell(VM& vm, Args a) {
    if (!arity(vm, a, "compile_cell", 2)) return {};
    Session::Impl* s = session_of(vm);
    std::int64_t first_line = 1;
    if (!s || !is_str(a[0]) || !to_int64(a[1], first_line) || first_line < 1)
        return raise(vm, vm.exc.TypeError, "compile_cell(source, first_line)");
    // Blank lines in front put the cell's lines at their line numbers in the file.
    std::string source(static_cast<std::size_t>(first_line - 1), '\n');
    source += str_view(a[0]);
    lang::CompileOptions options;
    options.top_level_await = true;
    options.value_of_last_expression = true;
    return compile_in_module(vm, source, s->filename, options, s->notebook_main);
}

Value nb_is_coroutine_cell(VM& vm, Args a) {
    if (!arity(vm, a, "is_coroutine_cell", 1)) return {};
    if (type_of(a[0]) != vm.types.function) return Value::boolean(false);
    return Value::boolean((a[0].as<Function>()->code_obj()->co->flags & lang::kCoCoroutine) != 0);
}

// show_exception(exc): its traceback on stderr from the cell's frame on, as Jupyter shows it
// (the driver's own frames are left out; a SyntaxError shows no traceback at all).
Value nb_show_exception(VM& vm, Args a) {
    if (!arity(vm, a, "show_exception", 1)) return {};
    if (!is_exception(a[0])) return raise(vm, vm.exc.TypeError, "show_exception() expects an exception");
    auto* e = a[0].as<ExceptionObject>();
    Value saved = e->traceback;
    Value tb = saved;
    while (tb && is_type(tb, vm.types.traceback) &&
           tb.as<Traceback>()->frame.as<Frame>()->code_obj()->co->filename == kDriverFilename)
        tb = tb.as<Traceback>()->next;
    e->traceback = tb;
    print_exception(vm, a[0]);
    e->traceback = saved;
    return Value::none();
}

bool init_notebook_module(VM& vm, Module* m) {
    def_function(vm, m, "next_cell", nb_next_cell);
    def_function(vm, m, "compile_cell", nb_compile_cell);
    def_function(vm, m, "is_coroutine_cell", nb_is_coroutine_cell);
    def_function(vm, m, "show_exception", nb_show_exception);
    return true;
}

// The driver's source, embedded from python/notebook.py.
const aio::PreludeModule& driver() {
    for (const aio::PreludeModule& m : python_modules())
        if (std::string_view(m.name) == "notebook") return m;
    std::abort();  // the build embeds it
}

// Keeps the session's copy of the notebook's text (hints and the snapshot quote its lines) in
// step with a cell placed at `first_line`.
void place_lines(std::string& text, const CellText& cell) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    std::size_t at = static_cast<std::size_t>(cell.first_line - 1);
    pos = 0;
    std::size_t i = at;
    while (pos < cell.source.size()) {
        std::size_t end = cell.source.find('\n', pos);
        if (end == std::string::npos) end = cell.source.size();
        if (lines.size() <= i) lines.resize(i + 1);
        lines[i++] = cell.source.substr(pos, end - pos);
        pos = end + 1;
    }
    text.clear();
    for (auto& l : lines) text += l + "\n";
}

}  // namespace

// Called by start() in notebook mode, with the VM installed: the cells' __main__ and the driver.
bool Session::Impl::start_notebook() {
    vm->register_native_module("_looplab_notebook", init_notebook_module);
    notebook_main = Value::steal(new Module(vm->types.module, "__main__"));
    Module* m = notebook_main.as<Module>();
    m->globals()->set(*vm, "__builtins__", vm->builtins);
    m->globals()->set(*vm, "__doc__", Value::none());
    vm->modules.as<Dict>()->set(*vm, "__main__", notebook_main);
    vm->main_module = notebook_main;
    cell_queue.assign(cells_submitted.begin(), cells_submitted.end());
    cells_taken = 0;
    waiting_for_cell = false;
    const aio::PreludeModule& d = driver();
    return static_cast<bool>(compile_main(*vm, d.source, d.filename, main_frame, "_looplab_notebook_driver"));
}

void Session::open_notebook(std::string filename) {
    Impl& s = *impl_;
    s.notebook = true;
    s.notebook_closed = false;
    s.cells_submitted.clear();
    s.original_source.clear();
    s.source_text.clear();
    s.filename = std::move(filename);
    s.values.clear();
    s.decls.clear();
    s.start();
    run_until_next_cell();  // the loop is running and waits for the first cell
}

void Session::submit_cell(std::string source, int first_line) {
    Impl& s = *impl_;
    if (!s.notebook || s.notebook_closed || s.finished) return;
    CellText cell{std::move(source), first_line < 1 ? 1 : first_line};
    place_lines(s.source_text, cell);
    s.original_source = s.source_text;
    s.cells_submitted.push_back(cell);
    s.cell_queue.push_back(std::move(cell));
    s.snap_dirty = true;
}

void Session::run_cell(std::string source, int first_line) {
    submit_cell(std::move(source), first_line);
    run_until_next_cell();
}

void Session::run_until_next_cell() {
    Impl& s = *impl_;
    if (!s.notebook) return;
    // Each drive stops at the driver's request for a cell (or earlier: a runaway tick, the end).
    while (!s.finished) {
        s.drive(Goal::End);
        if (s.waiting_for_cell && s.cell_queue.empty()) break;
    }
}

void Session::close_notebook() {
    Impl& s = *impl_;
    if (!s.notebook || s.notebook_closed) return;
    s.notebook_closed = true;
    for (int guard = 0; guard < 1000 && !s.finished; ++guard) s.drive(Goal::End);
}

bool Session::is_notebook() const { return impl_->notebook; }
bool Session::waiting_for_cell() const {
    const Impl& s = *impl_;
    return s.notebook && !s.finished && s.waiting_for_cell && s.cell_queue.empty();
}
int Session::cells_run() const { return impl_->cells_taken; }

}  // namespace ll::session
