// The LESSON column. Until lessons load it welcomes the learner to the playground, and says
// plainly what works today and what comes later.
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
    section_caption(ctx, "WHAT WORKS TODAY");
    ImGui::Spacing();
    bullet(ctx, "Editing the program: Python highlighting, undo (Ctrl+Z), copy and paste, Tab to indent, "
                "Ctrl+/ to comment a line out.");
    bullet(ctx, "Your code and settings are kept in this browser. Export and Import move them as a file.");
    bullet(ctx, "Share link copies a link that opens this program for anyone.");
    bullet(ctx, "Light and dark themes, the text size, and dragging the gaps between panels.");

    ImGui::Spacing();
    ImGui::Spacing();
    section_caption(ctx, "COMING NEXT");
    ImGui::Spacing();
    bullet(ctx, "Running and stepping the program, once the engine is connected.");
    bullet(ctx, "The lessons of Asyncio Without the Magic, with exercises and quizzes, in this panel.");

    end_panel();
}

} // namespace ll::web
