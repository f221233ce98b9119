// The LOOP column, drawn from the session's snapshot each frame: the clock, the running task, the
// ready queue and timers in the order the loop will take them, and every task on a board
// (clipped, so a thousand tasks cost only the rows on screen).
#include "loop_panel.h"

#include "task_board.h"
#include "task_style.h"
#include "test_api.h"
#include "time_text.h"
#include "widgets.h"

#include <fmt/format.h>

#include <vector>

namespace ll::web {
namespace {

using ll::session::HandleView;
using ll::session::Snapshot;
using ll::session::TaskView;

void muted_mono(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// A small filled dot in the state's colour, then the text.
void state_dot(const UiContext& ctx, const ImVec4& color)
{
    const float r = ctx.font_size * 0.28f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + r, pos.y + h * 0.5f), r, ctx.color(color));
    ImGui::Dummy(ImVec2(r * 2, h));
    ImGui::SameLine(0, ctx.font_size * 0.4f);
}

void handle_list(const UiContext& ctx, const Snapshot& s, const std::vector<HandleView>& handles, bool timers, const char* empty,
                 std::size_t shown_max)
{
    if (handles.empty()) {
        muted_mono(empty);
        return;
    }
    // Long queues are cut: the first entries are what the learner needs to see next.
    std::size_t shown = 0;
    for (const HandleView& h : handles) {
        if (shown == shown_max) {
            muted_mono(fmt::format("... and {} more", handles.size() - shown).c_str());
            break;
        }
        ++shown;
        const TaskView* t = h.task != 0 ? s.task(h.task) : nullptr;
        state_dot(ctx, t != nullptr ? state_color(*ctx.palette, t->state) : ctx.palette->text_muted);
        std::string line = timers ? fmt::format("t = {}  {}", time_text(h.when), h.description) : h.description;
        if (h.cancelled) line += "  (cancelled)";
        ImGui::TextUnformatted(line.c_str());
    }
}

} // namespace

void LoopPanel::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner)
{
    begin_panel(ctx, "Loop", "LOOP", size, "virtual time: no real waiting");
    const Palette& p = *ctx.palette;
    if (!runner.loaded()) {
        section_caption(ctx, "CLOCK");
        ImGui::PushFont(ctx.fonts.title);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        ImGui::TextUnformatted("t = 0.0 s");
        test_api::note_last_item("t = 0.0 s##clock");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        empty_state(ctx, "Run the program to see the loop",
                    "Each task appears here with its state (pending, ready, running, done) and the line where it is paused.");
        end_panel();
        return;
    }
    const Snapshot& s = runner.snapshot();
    // A short panel (1280x720): captions share their line with what they caption, and the
    // queues list fewer entries, so the task board below keeps its rows on screen.
    const bool compact = ImGui::GetContentRegionAvail().y < ctx.font_size * 25.0f;
    auto caption = [&](const char* text) {
        section_caption(ctx, text);
        if (compact) ImGui::SameLine(0, ctx.font_size * 0.6f);
    };
    auto gap = [&] {
        if (!compact) ImGui::Spacing();
    };

    if (!compact) section_caption(ctx, "CLOCK");
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    const std::string clock = fmt::format("t = {} s", time_text(s.clock));
    ImGui::TextUnformatted(clock.c_str());
    test_api::note_last_item(clock + "##clock");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(0, ctx.font_size);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::Text("tick %lld  \xC2\xB7  iteration %lld", static_cast<long long>(s.tick), static_cast<long long>(s.iteration));
    ImGui::PopStyleColor();
    if (s.frozen) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.error);
        ImGui::TextWrapped("%s", s.frozen->c_str());
        ImGui::PopStyleColor();
    }
    gap();

    ImGui::PushFont(ctx.fonts.mono);
    caption("RUNNING");
    if (const TaskView* t = s.running_task != 0 ? s.task(s.running_task) : nullptr) {
        state_dot(ctx, p.task_running);
        const std::string text = s.current_line > 0 ? fmt::format("{}  {}()  line {}", t->name, t->coro, s.current_line)
                                                    : fmt::format("{}  {}()", t->name, t->coro);
        ImGui::TextUnformatted(text.c_str());
    } else if (s.finished) {
        muted_mono(s.exit_status == 0 ? "nothing: the program has finished" : "nothing: the program ended with an error");
    } else {
        muted_mono(s.loop_running ? "nothing: the loop is between callbacks" : "the main program (no loop yet)");
    }
    gap();
    const std::size_t shown_max = compact ? 2 : 8;
    caption("READY QUEUE");
    handle_list(ctx, s, s.ready, false, "empty", shown_max);
    gap();
    caption("TIMERS");
    handle_list(ctx, s, s.timers, true, "none", shown_max);
    ImGui::PopFont();
    gap();

    board_.draw(ctx, s);
    end_panel();
}

} // namespace ll::web
