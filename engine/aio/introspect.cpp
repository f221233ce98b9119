// Code introspection for the prelude (`_looplab.coro_repr`, `extract_stack`, `warn`) and the
// session (bookmarks): everything is read from the VM's generator and frame structures.
#include "engine/aio/introspect.hpp"

#include "engine/aio/aio.hpp"
#include "engine/aio/aio_state.hpp"
#include "engine/vm/ops.hpp"

namespace ll::aio {

using namespace ll::vm;

bool is_prelude_filename(std::string_view filename) {
    return filename.rfind("<asyncio>", 0) == 0 || filename == "<contextlib>" || filename == "<notebook>";
}

std::string coro_repr(VM& vm, const Value& coro) {
    Type* t = type_of(coro);
    bool is_gen = t == vm.types.coroutine || t == vm.types.generator || t == vm.types.async_generator;
    if (!is_gen) {
        // Not a code-backed coroutine (e.g. a coroutine-like object): its name only.
        std::string name;
        for (const char* attr : {"__qualname__", "__name__"}) {
            Value v = get_attr_opt(vm, coro, attr);
            if (has_error(vm)) clear_error(vm);
            if (v && is_str(v) && !str_view(v).empty()) {
                name = std::string(str_view(v));
                break;
            }
        }
        if (name.empty()) name = fmt::format("<{} without __name__>", t->name);
        return name + "()";
    }
    auto* g = coro.as<Generator>();
    std::string name = g->qualname && is_str(g->qualname) ? std::string(str_view(g->qualname)) : "<coroutine>";
    name += "()";
    Frame* f = g->frame_obj();
    if (f) aio_state(vm).coro_code[g] = f->code_obj()->co;
    if (f && g->state != GenState::Closed) {
        const auto& co = *f->code_obj()->co;
        int line = g->state == GenState::Created ? co.firstlineno : f->line();
        return fmt::format("{} running at {}:{}", name, co.filename.empty() ? "<empty co_filename>" : co.filename, line);
    }
    // Finished: the VM has released the frame, so the code comes from what we remembered.
    std::shared_ptr<const lang::CodeObject> code;
    if (f) code = f->code_obj()->co;
    else if (auto it = aio_state(vm).coro_code.find(g); it != aio_state(vm).coro_code.end()) code = it->second;
    if (code) return fmt::format("{} done, defined at {}:{}", name, code->filename, code->firstlineno);
    return name + " done";
}

void remember_coro_code(VM& vm, const Value& coro) {
    if (!is_type(coro, vm.types.coroutine)) return;
    auto* g = coro.as<Generator>();
    if (Frame* f = g->frame_obj()) aio_state(vm).coro_code[g] = f->code_obj()->co;
}

Frame* innermost_user_frame(VM& vm) {
    for (Frame* f = vm.thread.frame; f; f = f->back)
        if (!is_prelude_filename(f->code_obj()->co->filename)) return f;
    return nullptr;
}

std::string source_line(const Frame* frame, int line) {
    const auto& co = *frame->code_obj()->co;
    if (!co.source || line <= 0) return {};
    const std::string& src = *co.source;
    std::size_t pos = 0;
    for (int i = 1; i < line; ++i) {
        pos = src.find('\n', pos);
        if (pos == std::string::npos) return {};
        ++pos;
    }
    std::size_t end = src.find('\n', pos);
    std::string text = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    std::size_t a = text.find_first_not_of(" \t\r\f");
    if (a == std::string::npos) return {};
    std::size_t b = text.find_last_not_of(" \t\r\f");
    return text.substr(a, b - a + 1);
}

}  // namespace ll::aio
