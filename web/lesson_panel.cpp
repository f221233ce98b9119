// The LESSON column. Until lessons load it welcomes the learner to the playground and says how
// to watch a program run.
#include "lesson_panel.h"

#include "test_api.h"
#include "widgets.h"

namespace ll::web {
namespace {

void paragraph(const char* text)
{
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

void bullet(const UiContext& ctx, const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->accent);
    ImGui::TextUnformatted("\xE2\x80\xA2");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ctx.font_size * 0.6f);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

} // namespace

void LessonPanel::draw(const UiContext& ctx, ImVec2 size)
{
    begin_panel(ctx, "Lesson", "LESSON", size, "playground");

    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Welcome to the playground");
    ImGui::PopTextWrapPos();
    test_api::note_last_item("Welcome to the playground");
    ImGui::PopFont();
    ImGui::Spacing();

    paragraph("Loop Lab runs async Python on a simulated event loop. Its clock is virtual: "
              "asyncio.sleep(3) costs no real time, so you can stop the loop after any tick and "
              "see what every task is doing.");
    paragraph("The program beside this text is yours to edit. It starts six fetches at once with "
              "asyncio.gather; one after another they would take twelve seconds, together they "
              "take three.");

    ImGui::Spacing();
    section_caption(ctx, "HOW TO WATCH IT");
    ImGui::Spacing();
    bullet(ctx, "Step tick (F7) runs one callback of the loop; Step line (F6) one line of the running task; "
                "Step iteration (F8) one turn of the loop. Step back (Shift+F7) undoes a tick.");
    bullet(ctx, "Run (F9) animates at the speed of the slider; Run to end (F10) finishes; Reset (F4) starts over.");
    bullet(ctx, "LOOP shows the clock, the ready queue and the timers in the loop's order, and every task "
                "with what it waits for. Hover a task for its frames and locals, or who cancelled it.");
    bullet(ctx, "TIMELINE gives each task a row over virtual time; drag to pan, scroll to zoom.");
    bullet(ctx, "Move the SLOWEST slider: the code is rewritten and runs again to the same tick.");
    bullet(ctx, "Starter programs has more: sequential fetches, a semaphore, a timeout, a failing TaskGroup.");

    ImGui::Spacing();
    ImGui::Spacing();
    section_caption(ctx, "YOUR WORK");
    ImGui::Spacing();
    bullet(ctx, "Edit freely: undo (Ctrl+Z), Tab to indent, Ctrl+/ to comment a line out. The next step runs "
                "the new code.");
    bullet(ctx, "Your code and settings stay in this browser. Export and Import move them as a file; Share "
                "link copies a link that opens this program, at this tick, for anyone.");
    bullet(ctx, "The lessons of Asyncio Without the Magic will appear in this panel.");

    end_panel();
}

} // namespace ll::web
