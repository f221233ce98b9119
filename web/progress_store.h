// Keeps the learner's work in the browser: reads it at start-up (reporting a damaged or foreign
// store, backing it up, and starting clean), saves changes shortly after they happen and when
// the page is hidden, and exports and imports it as a file.
#pragma once

#include "notices.h"
#include "saved_state.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ll::web {

class ProgressStore {
public:
    // Reads the store. nullopt means a clean start: nothing saved yet, or the saved value could
    // not be used (then it was copied to a backup key and a notice explains).
    std::optional<SavedState> load(Notices& notices);

    // Call every frame. Saves `make_state()` once the code (by its version) or the settings have
    // changed and then stayed still for a moment, so typing does not write on every key.
    template <class MakeState>
    void update(std::uint64_t code_version, const SavedSettings& settings, double now, MakeState make_state, Notices& notices)
    {
        if (code_version != seen_version_ || !(settings == seen_settings_)) {
            seen_version_ = code_version;
            seen_settings_ = settings;
            changed_at_ = now;
            pending_ = true;
        }
        if (pending_ && now - changed_at_ >= save_delay_seconds) {
            save(make_state(), notices);
        }
    }
    // Writes now if anything is unsaved (the page is being hidden).
    void flush(const SavedState& state, Notices& notices)
    {
        if (pending_) save(state, notices);
    }
    // What was loaded (or defaults) counts as saved: call after applying it.
    void mark_saved(std::uint64_t code_version, const SavedSettings& settings)
    {
        seen_version_ = code_version;
        seen_settings_ = settings;
        pending_ = false;
    }

    void export_file(const SavedState& state);
    // Checks an imported file; nullopt (and a notice) if it cannot be used.
    std::optional<SavedState> check_import(const std::string& name, const std::string& text, Notices& notices);

    void append_test_json(std::string& out) const;

private:
    static constexpr double save_delay_seconds = 0.4;
    void save(const SavedState& state, Notices& notices);

    bool writable_ = true;       // false: storage refused, or a damaged value must not be overwritten
    bool warned_write_ = false;  // a failed save is reported once, not on every change
    bool pending_ = false;
    double changed_at_ = 0;
    std::uint64_t seen_version_ = 0;
    SavedSettings seen_settings_;
    int saves_ = 0;
    std::string load_problem_;   // "", "not_json", "wrong_shape", "foreign_schema", "unavailable"
    std::string backup_key_;
    std::string last_import_;    // "", "ok", or the problem
};

} // namespace ll::web
