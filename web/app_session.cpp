// The app's side of the engine: what a control, the animated run or a parameter change asks the
// session to do. Every path loads the editor's program first when it was edited.
#include "app.h"

#include "engine/session/params.hpp"

#include <algorithm>

namespace ll::web {

void App::load_editor_program()
{
    running_ = false;
    runner_.load(code_.editor().text(), code_.editor().version());
}

void App::apply_control(ControlAction action)
{
    if (action == ControlAction::none) return;
    const bool edited = !runner_.matches(code_.editor().version());
    if (edited) runner_.load(code_.editor().text(), code_.editor().version());
    switch (action) {
    case ControlAction::none: break;
    case ControlAction::step_back:
        running_ = false;
        if (!edited) runner_.step_back(); // an edited program was just loaded: it is at its start
        break;
    case ControlAction::step_line: running_ = false; runner_.step(StepKind::line); break;
    case ControlAction::step_tick: running_ = false; runner_.step(StepKind::tick); break;
    case ControlAction::step_iteration: running_ = false; runner_.step(StepKind::iteration); break;
    case ControlAction::run_to_end: running_ = false; runner_.step(StepKind::to_end); break;
    case ControlAction::reset:
        running_ = false;
        if (!edited) runner_.reset(); // an edited program was just loaded: that is its start
        break;
    case ControlAction::toggle_run:
        running_ = !running_ && !runner_.finished();
        run_last_time_ = ImGui::GetTime();
        run_budget_ = 1.0; // the first tick at once, so the press visibly does something
        break;
    }
}

void App::advance_run()
{
    if (!running_) return;
    // Editing the code while it runs stops the run; the next press runs the new code.
    if (!runner_.matches(code_.editor().version()) || runner_.finished()) {
        running_ = false;
        return;
    }
    const double now = ImGui::GetTime();
    run_budget_ += (now - run_last_time_) * controls_.speed();
    run_last_time_ = now;
    // At most a handful of ticks per frame, so a slow program cannot stall the page.
    for (int i = 0; i < 8 && run_budget_ >= 1.0 && !runner_.finished(); ++i) {
        runner_.step(StepKind::tick);
        run_budget_ -= 1.0;
    }
    run_budget_ = std::min(run_budget_, 2.0);
    if (runner_.finished()) running_ = false;
}

void App::apply_param(const ParamChange& change)
{
    const std::string code = ll::session::apply_params(code_.editor().text(), {{change.name, change.literal}});
    code_.editor().replace_all(code);
    runner_.reload_to_same_tick(code, code_.editor().version());
}

} // namespace ll::web
