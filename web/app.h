// The application: owns the window, the view settings and one state struct per panel, and draws
// one frame at a time. Engine state will arrive as a session snapshot; the app never copies it.
#pragma once

#include "code_panel.h"
#include "console_panel.h"
#include "controls_bar.h"
#include "frame_timings.h"
#include "gl_renderer.h"
#include "layout.h"
#include "lesson_panel.h"
#include "loop_panel.h"
#include "notices.h"
#include "progress_store.h"
#include "saved_state.h"
#include "session_runner.h"
#include "share_flow.h"
#include "starter_programs.h"
#include "timeline_panel.h"
#include "top_bar.h"
#include "ui_context.h"

#include <SDL.h>

#include <deque>
#include <vector>

namespace ll::web {

class App {
public:
    // Creates the SDL window, the WebGL2 context and ImGui. False if any of them failed (the
    // page then shows the reason).
    bool init();
    void frame();

private:
    void sync_canvas();
    void rebuild_fonts_if_needed();
    void replay_paste();
    void draw_ui();
    void publish_facts();
    void register_test_api(); // app_test_api.cpp

    // Saving, importing, sharing.
    SavedSettings current_settings() const;
    SavedState current_state() const;
    void apply_settings(const SavedSettings& settings);
    void handle_files_and_links();
    // Engine actions (app_session.cpp): the controls, the animated run, parameter changes.
    void apply_control(ControlAction action);
    void advance_run();
    void apply_param(const ParamChange& change);
    // Loads a program the app just put into the editor (startup, a link, an import).
    void load_editor_program();

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    long frame_count_ = 0;
    // Where frames' time goes: this frame's pieces as they end, and the recent frames'.
    std::array<double, FrameTimings::piece_count> frame_pieces_{};
    double piece_started_ = 0;
    void end_piece(FrameTimings::Piece piece);
    FrameTimings timings_;

    // View settings, and what the GPU font texture was built for.
    Theme theme_ = Theme::dark;
    float font_size_ = 15.0f;
    float fonts_built_size_ = 0.0f;
    float fonts_built_dpr_ = 0.0f;
    bool style_dirty_ = true;
    Fonts fonts_;
    float dpr_ = 1.0f;

    // A browser paste replays Ctrl+V over a few frames: press, then release.
    int paste_stage_ = 0;

    // Click counts of the left-button presses SDL has seen and ImGui has not yet processed.
    // The browser counts clicks from its events' own times and the user's settings; ImGui counts
    // them from frame times, which misses a double-click when frames are slow (and hands one
    // press to each frame).
    std::deque<int> left_click_counts_;
    void apply_browser_click_counts();

    Notices notices_;
    ProgressStore store_;
    GlRenderer gl_renderer_;
    ShareFlow share_;

    std::string progress_json_ = "{}"; // lesson progress, carried through save/export untouched

    SessionRunner runner_;
    std::vector<ControlAction> queued_controls_; // from the test API, applied at the next frame
    bool running_ = false;       // the animated Run is on
    double run_last_time_ = 0;   // ImGui time of the last animated step
    double run_budget_ = 0;      // ticks owed to the animated run

    Layout layout_;
    TopBar top_bar_;
    LessonPanel lesson_;
    CodePanel code_;
    LoopPanel loop_;
    ControlsBar controls_;
    TimelinePanel timeline_;
    ConsolePanel console_;
};

} // namespace ll::web
