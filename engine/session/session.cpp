// The session's lifecycle and stepping. The program's module code runs as one VM frame under a
// Budget; the loop's trace events (session_events.cpp) ask for a pause by emptying the budget,
// so run() returns OutOfBudget at the next call or backward jump and the frame chain stays
// suspended until the next step resumes it.
#include "engine/session/session.hpp"

#include "engine/aio/introspect.hpp"
#include "engine/base/float_format.hpp"
#include "engine/session/session_internal.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/exceptions.hpp"
#include "engine/vm/ops.hpp"

namespace ll::session {

using namespace ll::vm;

std::string time_text(double t) { return base::float_repr(t); }

std::string program_line(const std::string& source, int line) {
    std::size_t pos = 0;
    for (int i = 1; i < line; ++i) {
        pos = source.find('\n', pos);
        if (pos == std::string::npos) return {};
        ++pos;
    }
    std::size_t end = source.find('\n', pos);
    std::string text = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    std::size_t a = text.find_first_not_of(" \t\r");
    if (a == std::string::npos) return {};
    return text.substr(a, text.find_last_not_of(" \t\r") - a + 1);
}

static Frame* paused_user_frame(Frame* main);

// The line a paused frame continues at (a pause after a backward jump has pc at the loop head,
// so Frame::line(), the last instruction's line, would name the line before the loop).
static int resume_line(const Frame* f) {
    int line = f->code_obj()->co->line_of(f->pc);
    return line ? line : f->line();
}

Session::Session() : impl_(std::make_unique<Impl>()) {}

Session::~Session() { impl_->teardown(); }

void Session::set_limits(const Limits& limits) { impl_->limits = limits; }

void Session::set_cpu_cost(double seconds_per_step) { impl_->cpu_cost = seconds_per_step; }

bool Session::load(std::string source, std::string filename, std::map<std::string, std::string> values) {
    Impl& s = *impl_;
    s.notebook = false;
    s.original_source = std::move(source);
    s.filename = std::move(filename);
    s.values = std::move(values);
    s.decls = parse_params(s.original_source);
    s.source_text = apply_params(s.original_source, s.values);
    s.start();
    return !(s.finished && s.exit_status != 0 && s.tick == 0 && !s.started);
}

void Session::reset() {
    // A notebook restarts empty, like a Jupyter kernel restart; its cells are not run again.
    if (impl_->notebook) {
        impl_->cells_submitted.clear();
        impl_->notebook_closed = false;
        impl_->start();
        run_until_next_cell();
        return;
    }
    impl_->start();
}

void Session::step_line() { impl_->drive(Goal::Line); }
void Session::step_tick() { impl_->drive(Goal::Tick); }
void Session::step_iteration() { impl_->drive(Goal::Iteration); }
void Session::run_until(double t) { impl_->drive(Goal::Time, t); }
void Session::run_to_end() { impl_->drive(Goal::End); }

void Session::step_back() {
    Impl& s = *impl_;
    if (!s.vm) return;
    const std::int64_t here = s.tick;
    const bool ended = s.finished;
    if (!ended) {
        // While the program runs, each step_tick adds exactly one to the tick count.
        if (here == 0) return;
        s.start();
        // A notebook replays the cells submitted so far (each step_tick still counts one tick).
        while (!s.finished && s.tick < here - 1 && !(s.waiting_for_cell && s.cell_queue.empty())) s.drive(Goal::Tick);
        return;
    }
    // At the end the last step may not have counted a tick: count the steps to the end, then
    // replay one fewer.
    s.start();
    if (s.finished) return;  // ended before its first tick: there is nothing to go back to
    std::int64_t steps = 0;
    while (!s.finished) {
        s.drive(Goal::Tick);
        ++steps;
    }
    s.start();
    for (std::int64_t i = 0; i + 1 < steps && !s.finished; ++i) s.drive(Goal::Tick);
}

const Snapshot& Session::snapshot() {
    Impl& s = *impl_;
    if (s.snap_dirty) {
        if (s.vm) set_current_vm(s.vm.get());
        s.snap = s.build_snapshot();
        s.snap_dirty = false;
    }
    return s.snap;
}

const std::vector<TraceEvent>& Session::trace() const { return impl_->trace; }
bool Session::trace_truncated() const { return impl_->trace_truncated; }

std::vector<std::string> Session::narration() const {
    std::vector<std::string> lines;
    for (const auto& e : impl_->trace)
        if (e.kind == TraceEvent::Kind::TickEnd || e.kind == TraceEvent::Kind::Thread) lines.push_back(e.detail);
    return lines;
}

const std::vector<ParamDecl>& Session::params() const { return impl_->decls; }
const std::string& Session::source() const { return impl_->source_text; }
bool Session::finished() const { return impl_->finished; }

std::string Session::output_text(OutputLine::Stream stream) const {
    std::string out;
    for (const auto& l : impl_->output)
        if (l.stream == stream || (stream == OutputLine::Stream::Stderr && l.stream == OutputLine::Stream::Warning))
            out += l.text;
    out += impl_->partial[static_cast<int>(stream)];
    return out;
}

// ---------------------------------------------------------------------------------------------

void Session::Impl::teardown() {
    if (!vm) return;
    set_current_vm(vm.get());
    aio::set_event_sink(*vm, nullptr);
    main_frame = Value();
    notebook_main = Value();
    vm.reset();
}

void Session::Impl::start() {
    teardown();
    tick = iteration = 0;
    finished = false;
    exit_status = 0;
    frozen.reset();
    pause_requested = iteration_ended = tick_starts_on_resume = paused_in_task_code = paused_mid_tick = false;
    started = false;
    current_task = 0;
    next_handle.reset();
    tasks.clear();
    task_ids.clear();
    sleep_deadlines.clear();
    trace.clear();
    trace_truncated = false;
    output.clear();
    hints.clear();
    for (auto& p : partial) p.clear();
    scratch = TickScratch{};
    snap_dirty = true;

    vm = std::make_unique<VM>();
    set_current_vm(vm.get());
    aio::install(*vm);
    sim::install(*vm);
    aio::set_event_sink(*vm, this);
    if (cpu_cost > 0) sim::set_cpu_cost(*vm, cpu_cost);
    vm->heap.byte_limit = limits.memory_bytes;
    vm->write_stdout = [this](std::string_view t) { write(OutputLine::Stream::Stdout, t); };
    vm->write_stderr = [this](std::string_view t) { write(OutputLine::Stream::Stderr, t); };
    bool ok = notebook ? start_notebook() : static_cast<bool>(compile_main(*vm, source_text, filename, main_frame));
    if (!ok) {
        finish_with_exception();
        return;
    }
    drive(Goal::FirstTick);
}

void Session::Impl::drive(Goal g, double t) {
    if (finished || !vm) return;
    set_current_vm(vm.get());
    goal = g;
    goal_time = t;
    snap_dirty = true;
    // The VM pauses for line changes only in frames it runs itself (coroutines stepped by
    // Task.__step's coro.send/throw included: the VM runs those inline), never in a nested run.
    if (g != Goal::Line) {
        run_once();
        return;
    }
    // A line step: pause at every line change, continue through prelude code until the
    // learner's code is on a new line (or a tick boundary / the end comes first).
    Frame* main = main_frame.as<Frame>();
    const Frame* start_frame = paused_user_frame(main);
    int start_line = start_frame ? start_frame->line() : 0;
    budget.stop_on_line_change = true;
    for (int guard = 0; guard < 100000 && !finished; ++guard) {
        run_once();
        if (finished || pause_requested) break;
        Frame* f = main->paused_top();
        if (f && !aio::is_prelude_filename(f->code_obj()->co->filename) && (f != start_frame || f->line() != start_line))
            break;
    }
    budget.stop_on_line_change = false;
}

// Runs (or resumes) the program until the next pause, the end, or a guard stops it.
void Session::Impl::run_once() {
    pause_requested = false;
    iteration_ended = false;
    if (tick_starts_on_resume) {
        tick_starts_on_resume = false;
        ++tick;
        next_handle.reset();
    }
    if (!paused_mid_tick) budget.remaining = limits.tick_budget;
    paused_mid_tick = false;
    budget.pausing = false;
    vm->budget_exhausted = false;
    Frame* frame = main_frame.as<Frame>();
    Value result;
    Exit e = started && frame->paused_top() ? run_frames(*vm, frame, frame->paused_top(), budget, result, false)
                                          : run(*vm, frame, budget, result);
    started = true;
    switch (e) {
        case Exit::Returned:
        case Exit::Yielded:
            // The main program is over: it waits for the threads still running, as CPython does.
            if (!sim::finish_main(*vm)) finish_with_exception();
            finished = true;
            break;
        case Exit::Raised:
            finish_with_exception();
            break;
        case Exit::OutOfBudget:
            // A line change pauses with budget left; a spent budget is a runaway loop.
            if (pause_requested) break;
            if (budget.stop_on_line_change && budget.remaining > 0) {
                paused_mid_tick = true;
                break;
            }
            {
                // Out of budget with no pause asked for: a runaway loop at the top level.
                Frame* top = frame->paused_top();
                int line = 0;
                for (Frame* f = top; f; f = f->back) {
                    if (!aio::is_prelude_filename(f->code_obj()->co->filename)) {
                        line = resume_line(f);
                        break;
                    }
                    if (f == frame) break;
                }
                freeze(fmt::format("line {}", line));
            }
            break;
    }
    if (finished) {
        // Output without a final newline is still output.
        for (int i = 0; i < 3; ++i) {
            if (partial[i].empty()) continue;
            OutputLine l;
            l.stream = static_cast<OutputLine::Stream>(i);
            l.text = std::move(partial[i]);
            partial[i].clear();
            l.time = virtual_clock(*vm);
            l.tick = tick;
            output.push_back(std::move(l));
        }
    }
}

// The learner's innermost frame in the suspended chain (nullptr when not paused in it).
static Frame* paused_user_frame(Frame* main) {
    for (Frame* f = main->paused_top(); f; f = f->back) {
        if (!aio::is_prelude_filename(f->code_obj()->co->filename)) return f;
        if (f == main) break;
    }
    return nullptr;
}

void Session::Impl::freeze(const std::string& where) {
    std::string who = "the program";
    if (current_task > 0) who = tasks[static_cast<std::size_t>(current_task - 1)].name;
    frozen = fmt::format("the loop is frozen: {} is stuck at {}", who, where);
    finished = true;
    exit_status = 1;
}

void Session::Impl::finish_with_exception() {
    finished = true;
    Value exc = take_error(*vm);
    bool runaway = vm->budget_exhausted && !aio::deadlocked(*vm);
    vm->budget_exhausted = false;
    if (!exc) return;
    if (runaway) {
        // Where the loop spun: inside a task, its coroutine's frames were left suspended by the
        // nested run that ran out (they are not in the traceback); otherwise the traceback's
        // innermost frame of the learner's code.
        int line = 0;
        if (current_task > 0 && task_alive(tasks[static_cast<std::size_t>(current_task - 1)])) {
            Value task = Value::borrow(const_cast<Object*>(tasks[static_cast<std::size_t>(current_task - 1)].object));
            Value coro = get_attr_opt(*vm, task, "_coro");
            clear_error(*vm);
            if (coro && is_type(coro, vm->types.coroutine)) {
                if (Frame* cf = coro.as<Generator>()->frame_obj()) {
                    for (Frame* f = cf->paused_top() ? cf->paused_top() : cf; f; f = f->back) {
                        if (!aio::is_prelude_filename(f->code_obj()->co->filename)) {
                            line = resume_line(f);
                            break;
                        }
                        if (f == cf) break;
                    }
                }
            }
        }
        if (line == 0 && is_exception(exc)) {
            Value tb = exc.as<ExceptionObject>()->traceback;
            while (tb && is_type(tb, vm->types.traceback)) {
                auto* t = tb.as<Traceback>();
                Frame* f = t->frame.as<Frame>();
                if (!aio::is_prelude_filename(f->code_obj()->co->filename)) line = t->line();
                tb = t->next;
            }
        }
        freeze(fmt::format("line {}", line));
        return;
    }
    if (is_exception(exc) && type_of(exc)->is_subtype(vm->exc.SystemExit)) {
        // sys.exit(n) / the deadlock exit: the status, and a message for a non-int code.
        Value args = exc.as<ExceptionObject>()->args;
        Value code = args && is_tuple(args) && !args.as<Tuple>()->items.empty() ? args.as<Tuple>()->items[0] : Value::none();
        std::int64_t n = 0;
        if (code.is_none()) exit_status = 0;
        else if (to_int64(code, n)) exit_status = static_cast<int>(n);
        else {
            Value text = str(*vm, code);
            if (text) write(OutputLine::Stream::Stderr, std::string(str_view(text)) + "\n");
            clear_error(*vm);
            exit_status = 1;
        }
        return;
    }
    exit_status = 1;
    print_exception(*vm, exc);
    clear_error(*vm);
}

void Session::Impl::request_pause() {
    // A pause can only unwind to the program's frame from code it runs directly; inside a
    // native call (a coroutine stepped by coro.send) the VM would treat it as a runaway.
    if (vm->thread.native_depth != 0) return;
    pause_requested = true;
    budget.remaining = 0;
    budget.pausing = true;
}

void Session::Impl::write(OutputLine::Stream stream, std::string_view text) {
    int si = static_cast<int>(stream);
    std::string& buf = partial[si];
    buf.append(text.data(), text.size());
    int line = 0;
    if (Frame* f = aio::innermost_user_frame(*vm)) line = f->line();
    std::size_t nl;
    while ((nl = buf.find('\n')) != std::string::npos) {
        OutputLine l;
        l.text = buf.substr(0, nl + 1);
        buf.erase(0, nl + 1);
        l.stream = stream;
        // "file:7: RuntimeWarning: ..." lines are warnings.
        if (stream == OutputLine::Stream::Stderr && l.text.find("Warning: ") != std::string::npos &&
            l.text.find(": ") < l.text.find("Warning: "))
            l.stream = OutputLine::Stream::Warning;
        if (l.stream == OutputLine::Stream::Warning) hint_from_warning(l.text);
        l.time = virtual_clock(*vm);
        l.tick = tick;
        l.line = line;
        std::string shown = l.text.substr(0, l.text.size() - 1);
        add_event(stream == OutputLine::Stream::Stdout ? TraceEvent::Kind::Print
                  : l.stream == OutputLine::Stream::Warning ? TraceEvent::Kind::Warning
                                                            : TraceEvent::Kind::Exception,
                  current_task, shown);
        output.push_back(std::move(l));
    }
    snap_dirty = true;
}

}  // namespace ll::session
