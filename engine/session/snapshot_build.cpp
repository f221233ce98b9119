// Reading the world between two steps into a Snapshot: the clock and counters, the loop's ready
// queue and timer heap (in firing order), every task with its bookmark, the output so far.
#include "engine/aio/introspect.hpp"
#include "engine/session/session_internal.hpp"
#include "engine/sim/sim.hpp"
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

Value module_global(VM& vm, std::string_view module, std::string_view name) {
    Value m = vm.modules.as<Dict>()->get(module);
    if (!m || !is_type(m, vm.types.module)) return {};
    return m.as<Module>()->globals()->get(name);
}

// The order heapq would pop `whens` in (ties follow heapq's algorithm exactly: siftup takes
// the right child unless the left one is strictly less).
std::vector<std::size_t> heap_pop_order(std::vector<std::pair<double, std::size_t>> heap) {
    std::vector<std::size_t> order;
    auto less = [&](std::size_t a, std::size_t b) { return heap[a].first < heap[b].first; };
    auto siftdown = [&](std::size_t start, std::size_t pos) {
        auto item = heap[pos];
        while (pos > start) {
            std::size_t parent = (pos - 1) >> 1;
            if (item.first < heap[parent].first) {
                heap[pos] = heap[parent];
                pos = parent;
            } else {
                break;
            }
        }
        heap[pos] = item;
    };
    auto siftup = [&](std::size_t pos) {
        std::size_t end = heap.size(), start = pos;
        auto item = heap[pos];
        std::size_t child = 2 * pos + 1;
        while (child < end) {
            std::size_t right = child + 1;
            if (right < end && !less(child, right)) child = right;
            heap[pos] = heap[child];
            pos = child;
            child = 2 * pos + 1;
        }
        heap[pos] = item;
        siftdown(start, pos);
    };
    while (!heap.empty()) {
        auto last = heap.back();
        heap.pop_back();
        if (heap.empty()) {
            order.push_back(last.second);
            break;
        }
        order.push_back(heap[0].second);
        heap[0] = last;
        siftup(0);
    }
    return order;
}

FrameView to_view(const FrameInfo& f) {
    FrameView v;
    v.function = f.function;
    v.filename = f.filename;
    v.line = f.line;
    v.internal = aio::is_prelude_filename(f.filename);
    for (const auto& [name, text] : f.locals) v.locals.push_back({name, text});
    return v;
}

}  // namespace

Value Session::Impl::running_loop() {
    Value loop = module_global(*vm, "asyncio.events", "_running_loop");
    if (!loop || loop.is_none()) return {};
    return loop;
}

bool Session::Impl::task_alive(const TaskRecord& r) {
    Value registry = module_global(*vm, "asyncio.tasks", "_all_tasks");
    return registry && aio::weak_set_holds(*vm, registry, r.object);
}

HandleView Session::Impl::describe_handle(const Value& handle) {
    HandleView h;
    h.task = task_of_handle(handle, &h.description);
    Value when = attr(*vm, handle, "_when");
    if (when && !to_double(*vm, when, h.when)) clear_error(*vm);
    Value cancelled = attr(*vm, handle, "_cancelled");
    h.cancelled = cancelled && cancelled.is_bool() && cancelled.as_bool();
    return h;
}

Snapshot Session::Impl::build_snapshot() {
    Snapshot s;
    s.tick = tick;
    s.iteration = iteration;
    s.finished = finished;
    s.exit_status = exit_status;
    s.frozen = frozen;
    s.output = output;
    s.hints = hints;
    if (vm) {
        for (const sim::ThreadInfo& t : sim::thread_infos(*vm))
            s.threads.push_back(ThreadView{t.name, t.state, t.target, t.holds_gil});
    }
    if (!vm) return s;
    s.clock = virtual_clock(*vm);
    if (!finished && main_frame) {
        Frame* main = main_frame.as<Frame>();
        for (Frame* f = main->paused_top(); f; f = f->back) {
            if (!aio::is_prelude_filename(f->code_obj()->co->filename)) {
                s.current_line = f->line();
                break;
            }
            if (f == main) break;
        }
        s.running_task = next_handle ? 0 : current_task;
    }

    Value loop = running_loop();
    if (loop) {
        s.loop_running = true;
        if (next_handle) s.ready.push_back(*next_handle);  // popped by the loop, runs next
        Value ready = attr(*vm, loop, "_ready");
        std::vector<Value> items;
        if (ready && !collect(*vm, ready, items)) clear_error(*vm);
        for (const auto& h : items) s.ready.push_back(describe_handle(h));  // a due timer keeps its `when`
        Value scheduled = attr(*vm, loop, "_scheduled");
        if (scheduled && is_list(scheduled)) {
            const auto& heap = scheduled.as<List>()->items;
            std::vector<HandleView> views;
            std::vector<std::pair<double, std::size_t>> keys;
            for (std::size_t i = 0; i < heap.size(); ++i) {
                views.push_back(describe_handle(heap[i]));
                keys.emplace_back(views.back().when, i);
            }
            for (std::size_t i : heap_pop_order(std::move(keys))) s.timers.push_back(views[i]);
        }
    }

    // A line step can pause inside a task's step: its coroutine is running, its frames end at
    // the paused frame.
    const Frame* paused_top = !finished && main_frame ? main_frame.as<Frame>()->paused_top() : nullptr;
    for (const TaskRecord& r : tasks) {
        TaskView t;
        t.id = r.id;
        t.name = r.name;
        t.coro = r.coro;
        t.state = r.state;
        t.outcome = r.outcome;
        t.outcome_repr = r.outcome_repr;
        t.waiting_for = r.waiting_for;
        t.created_by = r.created_by;
        // A done task keeps who awaited it while it ran: the tree is the program's history, as
        // `asyncio pstree` would have shown it then, not a flat list once everything finished.
        t.awaited_by = r.awaited_by;
        t.awaited_via = t.awaited_by ? r.awaited_via : "";
        t.created_line = r.created_line;
        t.cancelled_by = r.cancelled_by;
        t.cancel_reason = r.cancel_reason;
        t.internal = r.internal;
        if (r.state != TaskState::Done && task_alive(r)) {
            Value task = Value::borrow(const_cast<Object*>(r.object));
            Value name = attr(*vm, task, "_name");  // set_name() may have renamed it
            if (name && is_str(name)) t.name = std::string(str_view(name));
            Value coro = attr(*vm, task, "_coro");
            if (coro)
                for (const auto& f : frame_chain(*vm, coro, paused_top)) t.bookmark.push_back(to_view(f));
        }
        if (r.id == s.running_task) t.state = TaskState::Running;
        s.tasks.push_back(std::move(t));
    }
    return s;
}

}  // namespace ll::session
