// The session as the loop's EventSink: turns `_looplab.event` calls into task records, trace
// events, tick/iteration counts, narration lines, and the pauses that end a step.
#include "engine/aio/introspect.hpp"
#include "engine/session/session_internal.hpp"
#include "engine/vm/ops.hpp"

namespace ll::session {

using namespace ll::vm;

namespace {

Value attr(VM& vm, const Value& obj, std::string_view name) {
    if (!obj.is_obj()) return {};
    Value v = get_attr_opt(vm, obj, name);
    if (has_error(vm)) clear_error(vm);
    return v;
}

std::string text_of(VM& vm, const Value& v) {
    if (v && is_str(v)) return std::string(str_view(v));
    return safe_repr(vm, v);
}

bool truthy_attr(VM& vm, const Value& obj, std::string_view name) {
    Value v = attr(vm, obj, name);
    return v && v.is_bool() && v.as_bool();
}

std::string join_tasks(const std::vector<TaskRecord>& tasks, const std::vector<int>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += i + 1 == ids.size() ? " and " : ", ";
        out += tasks[static_cast<std::size_t>(ids[i] - 1)].name;
    }
    return out;
}

}  // namespace

std::string safe_repr(VM& vm, const Value& v) {
    if (!v) return "?";
    Type* t = type_of(v);
    // A learner's __repr__ could print or change state: never run it from the session.
    if (t->has_flag(kTypeHeap)) {
        Value r = t->lookup("__repr__");
        if (r && is_type(r, vm.types.function)) return fmt::format("<{} object>", t->name);
    }
    Value r = repr(vm, v);
    if (!r) {
        clear_error(vm);
        return fmt::format("<{} object>", t->name);
    }
    std::string s(str_view(r));
    if (s.size() > 200) s = s.substr(0, 197) + "...";
    return s;
}

void Session::Impl::add_event(TraceEvent::Kind kind, int task, std::string detail, TaskState state) {
    if (trace.size() >= limits.max_trace_events) {
        trace_truncated = true;
        return;
    }
    TraceEvent e;
    e.kind = kind;
    e.tick = tick;
    e.time = vm ? virtual_clock(*vm) : 0.0;
    e.task = task;
    e.state = state;
    e.detail = std::move(detail);
    trace.push_back(std::move(e));
}

TaskRecord* Session::Impl::record_of(const Value& task) {
    if (!task.is_obj()) return nullptr;
    auto it = task_ids.find(task.obj());
    if (it == task_ids.end()) return nullptr;
    return &tasks[static_cast<std::size_t>(it->second - 1)];
}

// The task a handle steps or wakes (0 for a plain callback), and the handle in words.
int Session::Impl::task_of_handle(const Value& handle, std::string* description) {
    Value cb = aio::handle_callback(*vm, handle);
    if (cb && is_type(cb, vm->types.method)) {
        auto* m = cb.as<BoundMethod>();
        if (TaskRecord* r = record_of(m->self)) {
            std::string fname = is_type(m->func, vm->types.function) ? text_of(*vm, m->func.as<Function>()->name) : "";
            if (description) *description = r->name + (fname == "task_wakeup" ? " wake-up" : " step");
            return r->id;
        }
    }
    if (description) {
        Value args = attr(*vm, handle, "_args");
        // A sleep's timer resolves the future a task waits on: name the sleeper.
        if (args && is_tuple(args) && !args.as<Tuple>()->items.empty()) {
            const Value& first = args.as<Tuple>()->items[0];
            for (const auto& r : tasks)
                if (first.is_obj() && r.waiting_on == first.obj() && r.state == TaskState::Pending) {
                    *description = r.name + " wakes up";
                    return 0;
                }
        }
        std::string name = "callback";
        if (cb && is_type(cb, vm->types.function)) name = text_of(*vm, cb.as<Function>()->qualname);
        else if (cb && is_type(cb, vm->types.builtin_function)) name = cb.as<BuiltinFunction>()->name;
        else if (cb && is_type(cb, vm->types.method) && is_type(cb.as<BoundMethod>()->func, vm->types.function))
            name = text_of(*vm, cb.as<BoundMethod>()->func.as<Function>()->qualname);
        std::string shown;
        if (args && is_tuple(args)) {
            for (std::size_t i = 0; i < args.as<Tuple>()->items.size(); ++i) {
                if (i) shown += ", ";
                const Value& arg = args.as<Tuple>()->items[i];
                if (TaskRecord* r = record_of(arg)) shown += r->name;  // a task reads best by name
                else shown += safe_repr(*vm, arg);
            }
        }
        *description = name + "(" + shown + ")";
    }
    return 0;
}

// A point where the next tick would begin: pause here if the step's goal is met.
void Session::Impl::at_tick_start(bool idle, double next_timer) {
    bool pause = false;
    switch (goal) {
        case Goal::FirstTick:
        case Goal::Tick:
        case Goal::Line: pause = true; break;
        case Goal::Iteration: pause = iteration_ended; break;
        case Goal::Time: pause = virtual_clock(*vm) >= goal_time || (idle && next_timer > goal_time); break;
        case Goal::End: break;
    }
    if (pause) request_pause();
    if (!pause_requested) budget.remaining = limits.tick_budget;  // a fresh budget per tick
}

void Session::Impl::on_event(VM& v, std::string_view kind, Args d) {
    snap_dirty = true;
    // `_looplab` is importable by the learner too: ignore calls that do not look like the
    // prelude's (an object first, enough details), rather than trusting them.
    std::size_t need = kind == "task_state" ? 3 : kind == "timer_set" ? 2
                       : (kind == "iteration_start" || kind == "iteration_end") ? 0 : 1;
    if (d.size() < need || (need > 0 && kind != "exception_logged" && !d[0].is_obj())) return;
    if (kind == "thread") {
        // engine/sim: (name, state in words, target). The thread that runs holds the GIL.
        std::int64_t row = 0;
        if (d.size() < 4 || !is_str(d[0]) || !is_str(d[1]) || !is_str(d[2]) || !to_int64(d[3], row)) return;
        std::string name(str_view(d[0])), state(str_view(d[1])), target(str_view(d[2]));
        std::string text;
        if (state == "running") text = fmt::format("{} holds the GIL and runs {}", name, target);
        else if (state == "done") text = fmt::format("{} finished {}", name, target);
        else text = fmt::format("{} is {}", name, state);
        add_event(TraceEvent::Kind::Thread, current_task, std::move(text));
        if (!trace.empty() && trace.back().kind == TraceEvent::Kind::Thread) {
            trace.back().thread = static_cast<int>(row);
            // A thread's state read as a task's: running (it holds the GIL), ready (it could run
            // but waits for the GIL), pending (blocked on a lock, a sleep, a queue), done.
            trace.back().state = state == "running"               ? TaskState::Running
                                 : state == "waiting for the GIL" ? TaskState::Ready
                                 : state == "done"                ? TaskState::Done
                                                                  : TaskState::Pending;
        }
        return;
    }
    if (kind == "handle_run") {
        std::string desc;
        int task = task_of_handle(d[0], &desc);
        at_tick_start(false, 0);
        if (pause_requested) {
            tick_starts_on_resume = true;
            next_handle = HandleView{0.0, task, desc, false};
        } else {
            ++tick;
        }
        scratch = TickScratch{};
        scratch.task = task;
        scratch.handle = desc;
        std::size_t before = trace.size();
        add_event(TraceEvent::Kind::CallbackRun, task, desc);
        // Paused before the handle: the tick counter moves on when the run resumes, but the
        // handle belongs to that next tick whichever way the session is stepped.
        if (tick_starts_on_resume && trace.size() > before) trace.back().tick = tick + 1;
    } else if (kind == "handle_done") {
        add_event(TraceEvent::Kind::TickEnd, scratch.task, narrate_tick());
        current_task = 0;
    } else if (kind == "iteration_start") {
        ++iteration;
        add_event(TraceEvent::Kind::IterationStart, 0, fmt::format("iteration {}", iteration));
        Value loop = running_loop();
        Value ready = attr(v, loop, "_ready");
        Value scheduled = attr(v, loop, "_scheduled");
        std::int64_t n_ready = 0;
        if (ready && !length(v, ready, n_ready)) clear_error(v);
        bool has_timers = scheduled && is_list(scheduled) && !scheduled.as<List>()->items.empty();
        if (n_ready == 0 && !truthy_attr(v, loop, "_stopping") && has_timers) {
            double next = 1e308;
            if (goal == Goal::Time) {
                for (const auto& h : scheduled.as<List>()->items) {
                    if (truthy_attr(v, h, "_cancelled")) continue;
                    Value w = attr(v, h, "_when");
                    double x;
                    if (w && to_double(v, w, x) && x < next) next = x;
                }
            }
            at_tick_start(true, next);
        }
    } else if (kind == "iteration_end") {
        iteration_ended = true;
    } else if (kind == "task_created") {
        TaskRecord r;
        r.id = static_cast<int>(tasks.size()) + 1;
        r.object = d[0].obj();
        Value name = attr(v, d[0], "_name");  // an int N until get_name() makes it "Task-N"
        r.name = name && name.is_int() ? "Task-" + std::to_string(name.as_int()) : text_of(v, name);
        Value coro = attr(v, d[0], "_coro");
        if (coro && (is_type(coro, v.types.coroutine) || is_type(coro, v.types.generator))) {
            auto* g = coro.as<Generator>();
            r.coro = text_of(v, gen_qualname(v, g));
            if (Frame* f = g->frame_obj()) r.internal = aio::is_prelude_filename(f->code_obj()->co->filename);
        } else {
            r.coro = coro ? std::string(type_name(coro)) : "?";
        }
        r.created_by = current_task;
        note_task_creation(r);
        task_ids[r.object] = r.id;
        tasks.push_back(r);
        if (scratch.task || current_task) scratch.created.push_back(r.id);
        add_event(TraceEvent::Kind::TaskCreated, r.id, fmt::format("{} created for {}()", r.name, r.coro), TaskState::Ready);
    } else if (kind == "task_state" && d.size() >= 3) {
        TaskRecord* r = record_of(d[0]);
        if (!r) return;
        std::string state = text_of(v, d[1]);
        const Value& reason = d[2];
        std::string why;
        if (state == "running") {
            r->state = TaskState::Running;
            current_task = r->id;
            r->waiting_for.clear();
            r->waiting_on = nullptr;
            why = text_of(v, reason) == "eager start" ? "starts eagerly" : "runs a step";
        } else if (state == "pending") {
            r->state = TaskState::Pending;
            r->waiting_on = reason.is_obj() ? reason.obj() : nullptr;
            // What the task's coroutine is inside (wait_for, a TaskGroup's exit...).
            const std::vector<std::string> inside = awaiting_functions(v, attr(v, d[0], "_coro"));
            auto inside_of = [&](std::string_view name) {
                for (const auto& n : inside)
                    if (n == name) return true;
                return false;
            };
            if (TaskRecord* other = record_of(reason)) {
                r->waiting_for = "for " + other->name + " to finish";
                other->awaited_by = r->id;
                other->awaited_via = inside_of("wait_for") ? "wait_for" : "await";
            } else if (auto it = sleep_deadlines.find(r->waiting_on); it != sleep_deadlines.end()) {
                r->waiting_for = "until t=" + time_text(it->second);
            } else if (reason.is_obj() && type_name(reason) == "_GatheringFuture") {
                r->waiting_for = "for gather() to finish";
                note_gather_children(*r, reason);
            } else if (inside_of("TaskGroup.__aexit__")) {
                r->waiting_for = "for its TaskGroup's tasks to finish";
            } else {
                r->waiting_for = "for a " + std::string(reason.is_obj() ? type_name(reason) : "Future");
            }
            why = "waits " + r->waiting_for;
        } else if (state == "ready") {
            r->state = TaskState::Ready;
            std::string rs = text_of(v, reason);
            why = rs == "created" ? "is queued for its first step"
                  : rs == "yielded" ? "gave way (sleep(0)) and is queued again"
                  : rs == "error" ? "will be resumed with an error"
                                  : "was woken up";
            if (rs != "created" && rs != "yielded" && rs != "error") r->waiting_for.clear();
            if (reason.is_obj() && !is_str(reason)) note_cancellations();  // woken by a future: a cancel()?
        } else if (state == "done") {
            r->state = TaskState::Done;
            std::string rs = text_of(v, reason);
            if (rs == "returned") {
                r->outcome = TaskOutcome::Result;
                r->outcome_repr = safe_repr(v, attr(v, d[0], "_result"));
                why = "returned " + r->outcome_repr;
            } else if (rs == "raised") {
                r->outcome = TaskOutcome::Exception;
                r->outcome_repr = safe_repr(v, attr(v, d[0], "_exception"));
                why = "raised " + r->outcome_repr;
            } else {
                r->outcome = TaskOutcome::Cancelled;
                Value exc = attr(v, d[0], "_cancelled_exc");
                r->outcome_repr = exc && !exc.is_none() ? safe_repr(v, exc) : "CancelledError()";
                why = "was cancelled";
            }
            r->waiting_for.clear();
            r->waiting_on = nullptr;
            if (current_task == r->id) current_task = 0;
        }
        add_event(TraceEvent::Kind::TaskState, r->id, r->name + " " + why, r->state);
    } else if (kind == "timer_set" && d.size() >= 2) {
        double when = 0;
        if (!to_double(v, d[1], when)) clear_error(v);
        Value args = attr(v, d[0], "_args");
        if (args && is_tuple(args) && !args.as<Tuple>()->items.empty()) {
            const Value& first = args.as<Tuple>()->items[0];
            if (first.is_obj() && type_name(first) == "Future") sleep_deadlines[first.obj()] = when;
        }
        std::string desc;
        int task = task_of_handle(d[0], &desc);
        add_event(TraceEvent::Kind::TimerSet, task ? task : current_task, fmt::format("timer due at t={}: {}", time_text(when), desc));
    } else if (kind == "timer_fired") {
        std::string desc;
        int task = task_of_handle(d[0], &desc);
        Value args = attr(v, d[0], "_args");
        if (args && is_tuple(args) && !args.as<Tuple>()->items.empty() && args.as<Tuple>()->items[0].is_obj())
            sleep_deadlines.erase(args.as<Tuple>()->items[0].obj());
        add_event(TraceEvent::Kind::TimerFired, task, "timer fired: " + desc);
        if (scratch.idle_event && *scratch.idle_event < trace.size()) {
            ++scratch.timers_fired;
            trace[*scratch.idle_event].detail =
                fmt::format("Nothing was ready: the clock jumped from t={} to t={} and {} timer{} became due",
                            time_text(scratch.jumped_from), time_text(scratch.jumped_to), scratch.timers_fired,
                            scratch.timers_fired == 1 ? "" : "s");
        }
    } else if (kind == "cancel_requested") {
        // Task.cancel() of a task with nothing to wake (ready, or not started yet): the reason
        // is read from the same stack a woken task's would be.
        note_cancellations();
    } else if (kind == "handle_cancelled") {
        if (attr(v, d[0], "_when")) add_event(TraceEvent::Kind::TimerCancelled, current_task, "timer cancelled");
    } else if (kind == "exception_logged") {
        std::string message = text_of(v, d[0]);
        hint_from_logged_exception(message);
        add_event(TraceEvent::Kind::Exception, current_task, std::move(message));
    }
}

void Session::Impl::on_clock(VM&, double old_time, double new_time, bool blocking) {
    snap_dirty = true;
    if (blocking) {
        scratch.blocked += new_time - old_time;
        hint_blocking_call(new_time - old_time);
        add_event(TraceEvent::Kind::ClockAdvanced, current_task,
                  fmt::format("a blocking call froze the loop: the clock moved from t={} to t={}", time_text(old_time),
                              time_text(new_time)));
        return;
    }
    // The idle loop jumped to its next timer: that jump is a tick of its own.
    ++tick;
    add_event(TraceEvent::Kind::ClockAdvanced, 0,
              fmt::format("the clock jumped from t={} to t={}", time_text(old_time), time_text(new_time)));
    scratch = TickScratch{};
    scratch.jumped_from = old_time;
    scratch.jumped_to = new_time;
    if (trace.size() < limits.max_trace_events) scratch.idle_event = trace.size();
    add_event(TraceEvent::Kind::TickEnd, 0,
              fmt::format("Nothing was ready: the clock jumped from t={} to t={}", time_text(old_time), time_text(new_time)));
}

// One line for the tick that just ended, e.g. "Task-2 awaited `asyncio.sleep(2)` at line 5: it
// waits until t=3.0 (pending)".
std::string Session::Impl::narrate_tick() {
    std::string created;
    if (!scratch.created.empty()) created = "; it created " + join_tasks(tasks, scratch.created);
    if (scratch.blocked > 0)
        created += fmt::format("; a blocking call froze the whole loop for {} s", time_text(scratch.blocked));
    if (!scratch.task) return "The loop ran the callback " + scratch.handle + created;
    TaskRecord& r = tasks[static_cast<std::size_t>(scratch.task - 1)];
    // Where the task's own code stands now (its innermost frame outside the prelude).
    std::string where;
    if (r.state != TaskState::Done && task_alive(r)) {
        Value task = Value::borrow(const_cast<Object*>(r.object));
        Value coro = attr(*vm, task, "_coro");
        if (coro) {
            auto chain = frame_chain(*vm, coro);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                if (aio::is_prelude_filename(it->filename)) continue;
                std::string text = it->filename == filename ? program_line(source_text, it->line) : "";
                std::size_t aw = text.find("await ");
                if (aw != std::string::npos) text = text.substr(aw + 6);
                where = text.empty() ? fmt::format("line {}", it->line) : fmt::format("`{}` at line {}", text, it->line);
                break;
            }
        }
    }
    switch (r.state) {
        case TaskState::Pending:
            return fmt::format("{} awaited {}: it waits {} (pending){}", r.name, where.empty() ? "a future" : where,
                               r.waiting_for, created);
        case TaskState::Ready:
            return fmt::format("{} gave way{}: it is queued to run again (ready){}", r.name,
                               where.empty() ? "" : " at " + where, created);
        case TaskState::Done:
            if (r.outcome == TaskOutcome::Result) return fmt::format("{} returned {} (done){}", r.name, r.outcome_repr, created);
            if (r.outcome == TaskOutcome::Exception) return fmt::format("{} raised {} (done){}", r.name, r.outcome_repr, created);
            if (!r.cancel_reason.empty()) return fmt::format("{} was cancelled because {} (done){}", r.name, r.cancel_reason, created);
            return fmt::format("{} was cancelled (done){}", r.name, created);
        case TaskState::Running: break;
    }
    return fmt::format("{} ran{}", r.name, created);
}

}  // namespace ll::session
