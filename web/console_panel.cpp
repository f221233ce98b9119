// The CONSOLE area, read from the session: the program's output with tracebacks and asyncio
// warnings styled apart from stdout, and the narration of each tick, newest first.
#include "console_panel.h"

#include "test_api.h"
#include "time_text.h"
#include "widgets.h"

#include <fmt/format.h>

#include <vector>

namespace ll::web {

using ll::session::OutputLine;
using ll::session::TraceEvent;

void ConsolePanel::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner)
{
    // The view switch, on the header strip: plain text for the unselected views, a filled chip
    // for the chosen one.
    const Palette& p = *ctx.palette;
    begin_panel(ctx, "Console", "CONSOLE", size, "times are virtual: no real waiting", true, [&] {
        struct Choice {
            Tab tab;
            const char* label;
        };
        const Choice choices[] = {
            {Tab::output, "Output"}, {Tab::narration, "What just happened"}, {Tab::warnings, "Warnings"}};
        for (const Choice& c : choices) {
            const bool selected = tab_ == c.tab;
            ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.text : p.text_muted);
            ImGui::PushStyleColor(ImGuiCol_Button, selected ? ImGui::GetStyleColorVec4(ImGuiCol_Button) : ImVec4(0, 0, 0, 0));
            if (ImGui::SmallButton(c.label)) {
                tab_ = c.tab;
            }
            ImGui::PopStyleColor(2);
            ImGui::SameLine();
        }
    });

    if (!runner.loaded()) {
        empty_state(ctx, "No output yet", "What the program prints appears here, stamped with virtual time.");
        end_panel();
        return;
    }
    const ll::session::Snapshot& s = runner.snapshot();

    // One child per view, so each keeps its own scroll position.
    ImGui::BeginChild(tab_ == Tab::output ? "##console_output" : tab_ == Tab::narration ? "##console_narration" : "##console_warnings",
                      ImGui::GetContentRegionAvail(), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(ctx.fonts.mono);
    const float stamp_w = ImGui::CalcTextSize("t=00.0  ").x;
    if (tab_ == Tab::output || tab_ == Tab::warnings) {
        std::vector<int> rows;
        for (std::size_t i = 0; i < s.output.size(); ++i) {
            if (tab_ == Tab::output || s.output[i].stream == OutputLine::Stream::Warning) rows.push_back(static_cast<int>(i));
        }
        if (rows.empty()) {
            ImGui::PopFont();
            empty_state(ctx, tab_ == Tab::output ? "No output yet" : "No warnings",
                        tab_ == Tab::output ? "Step the program: what it prints appears here, stamped with virtual time."
                                            : "asyncio's warnings (a coroutine never awaited, a task destroyed while pending) appear here.");
            ImGui::PushFont(ctx.fonts.mono);
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const OutputLine& line = s.output[static_cast<std::size_t>(rows[static_cast<std::size_t>(r)])];
                ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
                ImGui::Text("t=%s", time_text(line.time).c_str());
                ImGui::PopStyleColor();
                ImGui::SameLine(stamp_w);
                const ImVec4& color = line.stream == OutputLine::Stream::Stdout   ? p.text
                                      : line.stream == OutputLine::Stream::Stderr ? p.error
                                                                                  : p.task_pending;
                ImGui::PushStyleColor(ImGuiCol_Text, color);
                ImGui::TextUnformatted(line.text.c_str());
                ImGui::PopStyleColor();
            }
        }
        // Follow new output while the learner is at the bottom.
        if (tab_ == Tab::output && s.output.size() != last_output_count_) {
            if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4.0f) ImGui::SetScrollHereY(1.0f);
            last_output_count_ = s.output.size();
        }
    } else {
        // One line per tick, newest first (the trace's TickEnd events carry the narration).
        const std::vector<TraceEvent>& trace = runner.session().trace();
        bool any = false;
        int shown = 0;
        for (auto it = trace.rbegin(); it != trace.rend() && shown < 400; ++it) {
            if (it->kind != TraceEvent::Kind::TickEnd) continue;
            any = true;
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
            ImGui::Text("tick %lld", static_cast<long long>(it->tick));
            ImGui::PopStyleColor();
            ImGui::SameLine(stamp_w * 1.3f);
            ImGui::PushStyleColor(ImGuiCol_Text, shown == 0 ? p.text : p.text_muted);
            ImGui::TextWrapped("%s", it->detail.c_str());
            ImGui::PopStyleColor();
            if (shown == 0) test_api::note_last_item(it->detail + "##narration");
            ++shown;
        }
        if (!any) {
            ImGui::PopFont();
            empty_state(ctx, "Nothing has happened yet",
                        "Each tick is told here in plain words: which task ran, what it waited on, what woke up.");
            ImGui::PushFont(ctx.fonts.mono);
        }
    }
    ImGui::PopFont();
    ImGui::EndChild();
    end_panel();
}

} // namespace ll::web
