// One frame: events in, canvas and fonts kept in step with the page, panels drawn, GL out.
#include "app.h"

#include "fonts.h"
#include "platform_web.h"
#include "test_api.h"
#include "theme.h"
#include "widgets.h"

#include <fmt/format.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <imgui_impl_sdl2.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

namespace ll::web {

bool App::init()
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        platform::show_fatal_error(SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    const platform::CanvasSize canvas = platform::canvas_size();
    // The canvas's size comes from the page's CSS; SDL follows it (RESIZABLE) at the device's
    // pixel ratio (ALLOW_HIGHDPI).
    window_ = SDL_CreateWindow("Loop Lab", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                               std::max(1, canvas.css_w), std::max(1, canvas.css_h),
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (window_ == nullptr) {
        platform::show_fatal_error(SDL_GetError());
        return false;
    }
    gl_ = SDL_GL_CreateContext(window_);
    if (gl_ == nullptr) {
        platform::show_fatal_error("WebGL2 could not be started in this browser.");
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout lives in our own state, not in an .ini file
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsMoveFromTitleBarOnly = true;

    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    if (!gl_renderer_.init()) {
        platform::show_fatal_error("WebGL2 could not compile the page's shaders.");
        return false;
    }
    // SDL 2.26's Emscripten backend has no clipboard: route ImGui's to the browser bridge. These
    // are set after the SDL backend, which installs its own.
    io.SetClipboardTextFn = [](void*, const char* text) { platform::set_clipboard_text(text); };
    io.GetClipboardTextFn = [](void*) { return platform::clipboard_text(); };

    platform::install();
    register_test_api();

    // The learner's saved work, or a clean start (with a notice if the store was unusable).
    if (const std::optional<SavedState> saved = store_.load(notices_)) {
        code_.editor().set_text(saved->code);
        apply_settings(saved->settings);
        progress_json_ = saved->progress;
    } else if (canvas.css_w >= 3200) {
        // A first visit on a very wide screen at 1x (a large 4K monitor): 15 px text would be tiny.
        font_size_ = 20.0f;
    } else if (canvas.css_w >= 2400) {
        font_size_ = 17.0f;
    }
    store_.mark_saved(code_.editor().version(), current_settings());
    load_editor_program();
    platform::on_page_hide([this] { store_.flush(current_state(), notices_); });

    dpr_ = canvas.dpr;
    rebuild_fonts_if_needed();
    if (fonts_.ui == nullptr) {
        platform::show_fatal_error("The fonts could not be loaded (looplab.data is incomplete).");
        return false;
    }
    return true;
}

void App::sync_canvas()
{
    // SDL only re-reads the canvas on 'resize'; if the CSS size or the ratio moved without one,
    // ask for one. The fonts follow the ratio.
    const platform::CanvasSize canvas = platform::canvas_size();
    int w = 0;
    int h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    int fb_w = 0;
    int fb_h = 0;
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    const int expected_fb_w = static_cast<int>(std::floor(static_cast<float>(canvas.css_w) * canvas.dpr));
    // A pixel of slack: SDL truncates fractional CSS sizes where we round, and must not be
    // asked to resize on every frame for that.
    const bool size_moved = std::abs(w - canvas.css_w) > 1 || std::abs(h - canvas.css_h) > 1;
    const bool ratio_moved = std::abs(fb_w - expected_fb_w) > 2;
    if (canvas.css_w > 0 && (size_moved || ratio_moved)) {
        platform::request_resize();
    }
    dpr_ = canvas.dpr;
}

void App::rebuild_fonts_if_needed()
{
    if (fonts_built_size_ == font_size_ && fonts_built_dpr_ == dpr_) {
        return;
    }
    Fonts fonts;
    if (!load_fonts(font_size_, dpr_, fonts)) {
        return;
    }
    fonts_ = fonts;
    fonts_built_size_ = font_size_;
    fonts_built_dpr_ = dpr_;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    style_dirty_ = true;
}

void App::replay_paste()
{
    // The browser gave us text in a 'paste' event (now our clipboard); press Ctrl+V in ImGui so
    // the focused editor pastes it through its own path (one undo step, selection replaced).
    // Ctrl is pressed whatever io.KeyCtrl says: that is the state as of the last frame, and a
    // Ctrl release still queued (ImGui applies queued key events one frame at a time) would
    // otherwise land between our presses and turn the paste into a bare V, lost.
    ImGuiIO& io = ImGui::GetIO();
    if (paste_stage_ == 0 && platform::take_pending_paste()) {
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        paste_stage_ = 1;
    } else if (paste_stage_ == 1) {
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        paste_stage_ = 0;
    }
}

void App::apply_browser_click_counts()
{
    ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0] && !left_click_counts_.empty()) {
        // ImGui takes at most one press of a button per frame, in order: this frame's press is
        // the oldest one queued.
        const int clicks = left_click_counts_.front();
        left_click_counts_.pop_front();
        io.MouseClickedCount[0] = static_cast<ImU16>(clicks);
        io.MouseDoubleClicked[0] = clicks == 2;
    }
    // Once ImGui has taken every queued input event, nothing queued here can still be ahead.
    if (GImGui->InputEventsQueue.empty()) left_click_counts_.clear();
}

void App::frame()
{
    const double started = platform::now_ms();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT) {
            left_click_counts_.push_back(platform::take_click_count(event.button.clicks));
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
    }
    platform::forget_click_counts();
    sync_canvas();
    rebuild_fonts_if_needed();
    if (style_dirty_) {
        apply_theme(theme_, font_size_);
        style_dirty_ = false;
    }
    replay_paste();
    handle_files_and_links();

    piece_started_ = started;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    apply_browser_click_counts();
    test_api::begin_frame();
    end_piece(FrameTimings::new_frame);
    draw_ui();
    ImGui::Render();
    test_api::end_frame();
    end_piece(FrameTimings::render);
    const double ui_done = platform::now_ms();

    int fb_w = 0;
    int fb_h = 0;
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = palette_for(theme_).background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    gl_renderer_.render(ImGui::GetDrawData(), fb_w, fb_h);
    const double gl_done = platform::now_ms();
    SDL_GL_SwapWindow(window_);
    const double swap_done = platform::now_ms();

    ++frame_count_;
    store_.update(code_.editor().version(), current_settings(), ImGui::GetTime(), [this] { return current_state(); }, notices_);
    // What this frame cost: building the UI (our code and ImGui's), handing the draw lists to
    // WebGL (gl_renderer.h), the swap, what follows, and the whole frame.
    const double done = platform::now_ms();
    frame_pieces_[FrameTimings::ui] = ui_done - started;
    frame_pieces_[FrameTimings::gl] = gl_done - ui_done;
    frame_pieces_[FrameTimings::swap] = swap_done - gl_done;
    frame_pieces_[FrameTimings::after] = done - swap_done;
    frame_pieces_[FrameTimings::whole] = done - started;
    timings_.record(frame_pieces_);
    publish_facts();
    if (frame_count_ == 1) {
        platform::notify_first_frame();
    }
}

void App::end_piece(FrameTimings::Piece piece)
{
    const double now = platform::now_ms();
    frame_pieces_[piece] = now - piece_started_;
    piece_started_ = now;
}

void App::draw_ui()
{
    UiContext ctx;
    ctx.theme = theme_;
    ctx.palette = &palette_for(theme_);
    ctx.fonts = fonts_;
    ctx.font_size = font_size_;
    ctx.dpr = dpr_;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size = viewport->Size;
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("Loop Lab", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    const float gap = std::round(std::max(6.0f, font_size_ * 0.45f));
    const PaneRects r = layout_.compute(size, gap, font_size_);

    ImGui::SetCursorPos(r.top_bar_pos);
    const TopBarActions actions = top_bar_.draw(ctx, r.top_bar_size, share_.busy());
    end_piece(FrameTimings::top_bar);
    ImGui::SetCursorPos(r.lesson_pos);
    lesson_.draw(ctx, r.lesson_size);
    ImGui::SetCursorPos(r.code_pos);
    const std::optional<ParamChange> param_change = code_.draw(ctx, r.code_size, runner_);
    end_piece(FrameTimings::lesson_and_code);
    ImGui::SetCursorPos(r.loop_pos);
    loop_.draw(ctx, r.loop_size, runner_);
    end_piece(FrameTimings::loop);
    ImGui::SetCursorPos(r.controls_pos);
    const ControlAction control = controls_.draw(ctx, r.controls_size, runner_, running_, !runner_.matches(code_.editor().version()));
    ImGui::SetCursorPos(r.timeline_pos);
    timeline_.draw(ctx, r.timeline_size, runner_);
    end_piece(FrameTimings::controls_and_timeline);
    ImGui::SetCursorPos(r.console_pos);
    console_.draw(ctx, r.console_size, runner_);
    end_piece(FrameTimings::console);

    layout_.drag_lesson_code(splitter(ctx, "##split_lesson_code", r.split_lesson_code_pos, r.vertical_split_size, true), size);
    layout_.drag_code_loop(splitter(ctx, "##split_code_loop", r.split_code_loop_pos, r.vertical_split_size, true), size);
    layout_.drag_columns_bottom(splitter(ctx, "##split_columns_bottom", r.split_columns_bottom_pos, r.columns_bottom_split_size, false), size, font_size_);
    layout_.drag_timeline_console(splitter(ctx, "##split_timeline_console", r.split_timeline_console_pos, r.timeline_console_split_size, false), size, font_size_);
    ImGui::End();

    // The engine acts after the frame's widgets were drawn; the next frame shows its snapshot.
    if (param_change) apply_param(*param_change);
    apply_control(control);
    for (const ControlAction queued : queued_controls_) apply_control(queued);
    queued_controls_.clear();
    advance_run();
    end_piece(FrameTimings::splitters_and_engine);

    notices_.draw(ctx, r.top_bar_size.y);
    share_.draw(ctx);
    end_piece(FrameTimings::notices_and_share);

    if (actions.share) {
        // Parameters live in the code (their literals); the tick is where the session is.
        SharedProgram program;
        program.code = code_.editor().text();
        if (runner_.matches(code_.editor().version())) program.tick = runner_.snapshot().tick;
        share_.start(program);
    }
    if (actions.export_progress) {
        store_.export_file(current_state());
    }
    if (actions.import_progress) {
        platform::pick_text_file(".json,application/json");
    }
    if (actions.load_starter >= 0 && actions.load_starter < starter_count) {
        code_.editor().replace_all(starter_table[actions.load_starter].source);
        load_editor_program();
    }
    if (actions.toggle_theme) {
        theme_ = theme_ == Theme::dark ? Theme::light : Theme::dark;
        style_dirty_ = true;
    }
    if (actions.font_step != 0) {
        font_size_ = std::clamp(font_size_ + static_cast<float>(actions.font_step), min_font_size, max_font_size);
    }
}

SavedSettings App::current_settings() const
{
    SavedSettings s;
    s.theme = theme_;
    s.font_size = font_size_;
    s.lesson = layout_.lesson_fraction;
    s.loop = layout_.loop_fraction;
    s.bottom = layout_.bottom_fraction;
    s.timeline = layout_.timeline_fraction;
    return s;
}

SavedState App::current_state() const
{
    SavedState state;
    state.code = code_.editor().text();
    state.settings = current_settings();
    state.progress = progress_json_;
    return state;
}

void App::apply_settings(const SavedSettings& s)
{
    if (theme_ != s.theme || font_size_ != s.font_size) style_dirty_ = true;
    theme_ = s.theme;
    font_size_ = std::clamp(s.font_size, min_font_size, max_font_size);
    layout_.lesson_fraction = s.lesson;
    layout_.loop_fraction = s.loop;
    layout_.bottom_fraction = s.bottom;
    layout_.timeline_fraction = s.timeline;
}

void App::handle_files_and_links()
{
    if (std::optional<SharedProgram> program = share_.poll(notices_)) {
        code_.editor().replace_all(program->code);
        load_editor_program();
        // The link's tick: step there again (the run is deterministic).
        for (long long i = 0; i < program->tick && !runner_.finished(); ++i) runner_.step(StepKind::tick);
    }
    if (std::optional<platform::PickedFile> file = platform::take_picked_file()) {
        if (!file->error.empty()) {
            notices_.post(NoticeKind::problem, "That file could not be imported", file->error);
        } else if (std::optional<SavedState> state = store_.check_import(file->name, file->text, notices_)) {
            code_.editor().replace_all(state->code);
            load_editor_program();
            apply_settings(state->settings);
            progress_json_ = state->progress;
        }
    }
}

void App::publish_facts()
{
    test_api::AppFacts facts;
    facts.frame = frame_count_;
    facts.frame_cpu_ms = timings_.median(FrameTimings::whole);
    facts.frame_cpu_p90_ms = timings_.percentile(FrameTimings::whole, 90);
    facts.frame_ui_ms = timings_.median(FrameTimings::ui);
    facts.frame_gl_ms = timings_.median(FrameTimings::gl);
    facts.frame_swap_ms = timings_.median(FrameTimings::swap);
    facts.frame_after_ms = timings_.median(FrameTimings::after);
    static const char* const ui_piece_names[] = {"newFrame", "topBar", "lessonAndCode", "loop", "controlsAndTimeline", "console",
                                                 "splittersAndEngine", "noticesAndShare", "render"};
    static_assert(std::size(ui_piece_names) == FrameTimings::piece_count - FrameTimings::first_ui_piece);
    facts.parts_json = "{";
    for (int i = FrameTimings::first_ui_piece; i < FrameTimings::piece_count; ++i) {
        facts.parts_json += fmt::format("{}\"{}\":{:.3f}", i > FrameTimings::first_ui_piece ? "," : "",
                                        ui_piece_names[i - FrameTimings::first_ui_piece], timings_.median(FrameTimings::Piece(i)));
    }
    facts.parts_json += "}";
    if (const ImDrawData* d = ImGui::GetDrawData()) {
        facts.draw_vertices = d->TotalVtxCount;
        facts.draw_indices = d->TotalIdxCount;
        for (int i = 0; i < d->CmdListsCount; ++i) facts.draw_commands += d->CmdLists[i]->CmdBuffer.Size;
    }
    facts.theme = theme_name(theme_);
    facts.font_size = font_size_;
    platform::framebuffer_size(facts.canvas_w, facts.canvas_h);
    SDL_GetWindowSize(window_, &facts.css_w, &facts.css_h);
    facts.dpr = dpr_;
    facts.clipboard_length = platform::clipboard_length();
    test_api::set_facts(facts);
}

} // namespace ll::web
