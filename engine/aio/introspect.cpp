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
    std::string name = std::string(str_view(gen_qualname(vm, g))) + "()";
    Frame* f = g->frame_obj();
    if (f && g->state != GenState::Closed) {
        const auto& co = *f->code_obj()->co;
        int line = g->state == GenState::Created ? co.firstlineno : f->line();
        return fmt::format("{} running at {}:{}", name, co.filename.empty() ? "<empty co_filename>" : co.filename, line);
    }
    // Finished: the coroutine keeps the code it ran.
    if (Code* code = g->code_obj()) return fmt::format("{} done, defined at {}:{}", name, code->co->filename, code->co->firstlineno);
    return name + " done";
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
