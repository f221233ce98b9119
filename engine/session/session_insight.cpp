// What the session explains beyond states: teaching hints pinned to the learner's line (a blocking
// call in a coroutine, a coroutine never awaited, a task destroyed while pending, an exception
// never retrieved), the task tree's "who awaits whom" links (await, gather, TaskGroup, wait_for),
// and who cancelled a task and why. Everything is read from the VM's frames at the moment the
// loop reports an event, so the prelude needs no extra hooks.
#include "engine/aio/aio.hpp"
#include "engine/aio/introspect.hpp"
#include "engine/session/params.hpp"
#include "engine/session/session_internal.hpp"
#include "engine/vm/ops.hpp"

namespace ll::session {

using namespace ll::vm;

namespace {

const std::string& qualname_of(const Frame* f) { return f->code_obj()->co->qualname; }

// A plain local of a running frame (not a cell), or null.
Value frame_local(Frame* f, std::string_view name) {
    const auto& names = f->code_obj()->co->varnames;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return f->fast()[i];
    return {};
}

// The running stack, innermost first.
std::vector<Frame*> running_stack(VM& vm) {
    std::vector<Frame*> out;
    for (Frame* f = vm.thread.frame; f && out.size() < 4096; f = f->back) out.push_back(f);
    return out;
}

// What a suspended generator or coroutine is delegating to (`await x` / `yield from x`): the
// object on its stack when it paused at a delegating YIELD_VALUE (as the VM's frame_chain reads it).
Value delegate_of(const Generator* g) {
    const Frame* f = g->frame_obj();
    if (!f || g->state != GenState::Suspended || f->pc == 0 || f->sp == 0) return {};
    const lang::Instr prev = f->code_obj()->co->code[f->pc - 1];
    if (prev.op() != lang::Op::YIELD_VALUE || !(prev.arg() & 2)) return {};
    return const_cast<Frame*>(f)->stack()[f->sp - 1];
}

// A line of code without its trailing comment, right-trimmed.
std::string without_comment(const std::string& text) {
    std::size_t end = std::min(comment_start(text), text.size());
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    return text.substr(0, end);
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    for (const auto& n : names)
        if (n == name) return true;
    return false;
}

}  // namespace

std::vector<std::string> awaiting_functions(VM& vm, const Value& coro) {
    std::vector<std::string> out;
    Value c = coro;
    for (int depth = 0; depth < 64 && c.is_obj(); ++depth) {
        if (!is_type(c, vm.types.coroutine) && !is_type(c, vm.types.generator)) break;
        auto* g = c.as<Generator>();
        Frame* f = g->frame_obj();
        if (!f) break;
        out.push_back(qualname_of(f));
        c = delegate_of(g);
    }
    return out;
}

int Session::Impl::user_line() {
    Frame* f = aio::innermost_user_frame(*vm);
    if (!f || f->code_obj()->co->filename != filename) return 0;
    return f->line();
}

void Session::Impl::add_hint(Hint::Kind kind, int line, int task, std::string message) {
    for (Hint& h : hints) {
        if (h.kind == kind && h.line == line) {
            ++h.count;
            return;
        }
    }
    Hint h;
    h.kind = kind;
    h.line = line;
    h.task = task;
    h.message = std::move(message);
    h.tick = tick;
    h.time = virtual_clock(*vm);
    hints.push_back(std::move(h));
}

void Session::Impl::hint_blocking_call(double seconds) {
    if (current_task == 0) return;  // blocking before the loop runs blocks nobody else
    const TaskRecord& r = tasks[static_cast<std::size_t>(current_task - 1)];
    int line = user_line();
    std::string text = line ? without_comment(program_line(source_text, line)) : "";
    std::string call = text.empty() ? "A blocking call" : "`" + text + "` is a blocking call: it";
    add_hint(Hint::Kind::BlockingCall, line, r.id,
             fmt::format("{} froze the whole event loop for {} s while {} ran, so no other task could run "
                         "meanwhile. Inside `async def`, wait with `await asyncio.sleep(...)`; run other "
                         "blocking work in a thread with `await asyncio.to_thread(...)`.",
                         call, time_text(seconds), r.name));
}

// "playground.py:7: RuntimeWarning: coroutine 'fetch' was never awaited"
void Session::Impl::hint_from_warning(const std::string& text) {
    const std::string prefix = filename + ":";
    if (text.compare(0, prefix.size(), prefix) != 0) return;
    std::size_t colon = text.find(':', prefix.size());
    if (colon == std::string::npos) return;
    int line = 0;
    for (std::size_t i = prefix.size(); i < colon; ++i) {
        if (text[i] < '0' || text[i] > '9' || line > 100000000) return;
        line = line * 10 + (text[i] - '0');
    }
    const std::string marker = "RuntimeWarning: coroutine '";
    std::size_t m = text.find(marker, colon);
    if (m == std::string::npos || text.find("' was never awaited", m) == std::string::npos) return;
    std::size_t name_begin = m + marker.size();
    std::string name = text.substr(name_begin, text.find('\'', name_begin) - name_begin);
    std::size_t dot = name.rfind('.');
    std::string shown = dot == std::string::npos ? name : name.substr(dot + 1);
    add_hint(Hint::Kind::NeverAwaited, line, current_task,
             fmt::format("`{0}(...)` was called but never awaited: calling an `async def` function only creates "
                         "a coroutine object, and its body never ran. Write `await {0}(...)`, or start it as a "
                         "task with `asyncio.create_task({0}(...))`.",
                         shown));
}

// At "Task was destroyed but it is pending!" / "Task exception was never retrieved": the task is
// in the `context` the loop's exception handler is printing.
void Session::Impl::hint_from_logged_exception(const std::string& message) {
    bool destroyed = message == "Task was destroyed but it is pending!";
    bool unretrieved = message.find("exception was never retrieved") != std::string::npos;
    if (!destroyed && !unretrieved) return;
    TaskRecord* r = nullptr;
    for (Frame* f : running_stack(*vm)) {
        if (f->code_obj()->co->name != "default_exception_handler") continue;
        Value context = frame_local(f, "context");
        if (context && is_type(context, vm->types.dict)) {
            for (const char* key : {"task", "future"}) {
                Value who = context.as<Dict>()->get(key);
                if (who && (r = record_of(who))) break;
            }
        }
        break;
    }
    int line = r && r->created_line ? r->created_line : user_line();
    std::string who = r ? fmt::format("{} ({}())", r->name, r->coro) : "A task";
    if (destroyed) {
        add_hint(Hint::Kind::DestroyedPending, line, r ? r->id : 0,
                 fmt::format("{}, created here, was destroyed while still pending: nothing kept it alive until it "
                             "finished, so its work was lost. Keep a reference to the task (a set of tasks, or a "
                             "TaskGroup) and await it before the program ends.",
                             who));
    } else {
        std::string exc = r && r->outcome == TaskOutcome::Exception ? " " + r->outcome_repr : " an exception";
        add_hint(Hint::Kind::ExceptionNotRetrieved, line, r ? r->id : 0,
                 fmt::format("{}, created here, raised{} but nobody awaited it or asked for its result, so the "
                             "error went unnoticed until the task was thrown away. Await the task (or gather it, "
                             "or use a TaskGroup) to handle its error.",
                             who, exc));
    }
}

// A task being created: where in the learner's code, and whether a TaskGroup owns it (its parent
// task then awaits it, as CPython 3.14's `asyncio pstree` shows).
void Session::Impl::note_task_creation(TaskRecord& r) {
    r.created_line = user_line();
    for (Frame* f : running_stack(*vm)) {
        if (qualname_of(f) != "TaskGroup.create_task") continue;
        Value group = frame_local(f, "self");
        Value parent = group ? get_attr_opt(*vm, group, "_parent_task") : Value();
        if (has_error(*vm)) clear_error(*vm);
        if (TaskRecord* p = parent ? record_of(parent) : nullptr) {
            r.awaited_by = p->id;
            r.awaited_via = "TaskGroup";
        }
        break;
    }
}

// A task waits on gather()'s outer future: each child task is awaited by it.
void Session::Impl::note_gather_children(TaskRecord& parent, const Value& gathering) {
    Value children = get_attr_opt(*vm, gathering, "_children");
    if (has_error(*vm)) clear_error(*vm);
    if (!children || !is_list(children)) return;
    for (const Value& c : children.as<List>()->items) {
        if (TaskRecord* child = record_of(c)) {
            if (child->state == TaskState::Done) continue;
            child->awaited_by = parent.id;
            child->awaited_via = "gather";
        }
    }
}

// Called when a task is woken: if a Task.cancel() is on the stack, it caused the wake-up. Each
// Task.cancel frame names a task being cancelled; its caller says why. A cancellation that
// cascades (a task cancels what it awaits) shows as nested Task.cancel frames: the chain.
void Session::Impl::note_cancellations() {
    std::vector<Frame*> stack = running_stack(*vm);
    for (std::size_t i = 0; i < stack.size(); ++i) {
        if (qualname_of(stack[i]) != "Task.cancel") continue;
        TaskRecord* r = record_of(frame_local(stack[i], "self"));
        if (!r) continue;  // the latest request wins: it is the one the task reacts to
        int by = 0;
        std::string why;
        // The first caller outside the futures' own cancel methods.
        std::size_t j = i + 1;
        while (j < stack.size() && (qualname_of(stack[j]) == "Future.cancel" || qualname_of(stack[j]) == "_GatheringFuture.cancel"))
            ++j;
        bool via_gather = j > i + 1 && qualname_of(stack[j - 1]) == "_GatheringFuture.cancel";
        const Frame* caller = j < stack.size() ? stack[j] : nullptr;
        const std::string name = caller ? qualname_of(caller) : "";
        if (name == "Task.cancel") {
            if (TaskRecord* p = record_of(frame_local(stack[j], "self"))) {
                by = p->id;
                why = via_gather ? fmt::format("{} was cancelled while awaiting the gather() it belongs to", p->name)
                                 : fmt::format("{} was cancelled while awaiting it", p->name);
            }
        } else if (name == "Timeout._on_timeout") {
            Value coro = get_attr_opt(*vm, Value::borrow(const_cast<Object*>(r->object)), "_coro");
            if (has_error(*vm)) clear_error(*vm);
            bool wait_for = coro && contains(awaiting_functions(*vm, coro), "wait_for");
            why = wait_for ? "its asyncio.wait_for() timed out" : "its asyncio.timeout() expired";
        } else if (name == "TaskGroup._abort" || name == "TaskGroup._on_task_done") {
            TaskRecord* failed = nullptr;
            for (std::size_t k = j; k < stack.size() && !failed; ++k)
                if (qualname_of(stack[k]) == "TaskGroup._on_task_done") failed = record_of(frame_local(stack[k], "task"));
            if (failed) {
                by = failed->id;
                why = name == "TaskGroup._abort" ? fmt::format("its TaskGroup sibling {} failed", failed->name)
                                                 : fmt::format("its TaskGroup child {} failed", failed->name);
            } else {
                why = "its TaskGroup is exiting with an error";
            }
        } else if (name == "_cancel_all_tasks") {
            why = "asyncio.run() is shutting down: it cancels every task still pending";
        } else if (caller && !aio::is_prelude_filename(caller->code_obj()->co->filename)) {
            by = current_task;
            int line = caller->line();
            std::string text = caller->code_obj()->co->filename == filename ? without_comment(program_line(source_text, line)) : "";
            why = text.empty() ? fmt::format("cancel() was called at line {}", line)
                               : fmt::format("`{}` at line {}", text, line);
        } else {
            why = caller ? "cancelled by " + name : "cancelled";
        }
        if (by == r->id) by = 0;
        r->cancelled_by = by;
        r->cancel_reason = why;
    }
}

}  // namespace ll::session
