// Local storage policy. A value we cannot read is never silently dropped: it is copied to
// "looplab.v1.backup-<time>" first, and the learner is told where it went.
#include "progress_store.h"

#include "platform_web.h"
#include "test_api.h"

#include <fmt/format.h>

#include <cmath>

namespace ll::web {
namespace {

const char* problem_name(SavedProblem p)
{
    switch (p) {
    case SavedProblem::none: return "";
    case SavedProblem::not_json: return "not_json";
    case SavedProblem::wrong_shape: return "wrong_shape";
    case SavedProblem::foreign_schema: return "foreign_schema";
    }
    return "";
}

} // namespace

std::optional<SavedState> ProgressStore::load(Notices& notices)
{
    const platform::StorageRead read = platform::storage_read(storage_key);
    if (!read.available) {
        writable_ = false;
        load_problem_ = "unavailable";
        notices.post(NoticeKind::problem, "Your work will not be kept in this browser",
                     "This browser does not let Loop Lab use its local storage (a private window or a privacy "
                     "setting can do that), so edits are lost on reload. Export your progress to keep it as a file.");
        return std::nullopt;
    }
    if (!read.present) return std::nullopt;

    SavedParse parsed = parse_saved_state(read.value);
    if (parsed.problem == SavedProblem::none) return std::move(parsed.state);

    load_problem_ = problem_name(parsed.problem);
    const long long stamp = static_cast<long long>(std::llround(platform::unix_time_ms()));
    backup_key_ = fmt::format("{}.backup-{}", storage_key, stamp);
    const bool backed_up = platform::storage_write(backup_key_.c_str(), read.value);
    platform::log_warning(fmt::format("the saved state under \"{}\" was not used: {}. {}", storage_key, parsed.detail,
                                      backed_up ? "It was copied to \"" + backup_key_ + "\"." : "It could not be backed up."));
    const char* title = parsed.problem == SavedProblem::foreign_schema ? "Saved work from another version of Loop Lab"
                                                                       : "Your saved work could not be read";
    std::string text;
    if (backed_up) {
        platform::storage_remove(storage_key);
        text = fmt::format("Loop Lab found saved work in this browser, but {}. Sorry about that. It has not been deleted: "
                           "it was kept in local storage under \"{}\". Loop Lab started fresh.",
                           parsed.detail, backup_key_);
    } else {
        // Without a copy, the original must not be overwritten: saving stays off for this visit.
        writable_ = false;
        backup_key_.clear();
        text = fmt::format("Loop Lab found saved work in this browser, but {}. It was left untouched, and Loop Lab will not "
                           "save over it during this visit. Export your progress to keep new work.",
                           parsed.detail);
    }
    notices.post(NoticeKind::problem, title, std::move(text));
    return std::nullopt;
}

void ProgressStore::save(const SavedState& state, Notices& notices)
{
    pending_ = false;
    if (!writable_) return;
    if (platform::storage_write(storage_key, serialize_saved_state(state))) {
        ++saves_;
        warned_write_ = false;
    } else if (!warned_write_) {
        warned_write_ = true;
        notices.post(NoticeKind::problem, "Your latest changes could not be saved",
                     "The browser refused to store them (its storage for this site may be full). Export your "
                     "progress to keep it as a file.");
    }
}

void ProgressStore::export_file(const SavedState& state)
{
    platform::download_text_file("looplab-progress.json", serialize_saved_state(state));
}

std::optional<SavedState> ProgressStore::check_import(const std::string& name, const std::string& text, Notices& notices)
{
    SavedParse parsed = parse_saved_state(text);
    if (parsed.problem == SavedProblem::none) {
        last_import_ = "ok";
        notices.post(NoticeKind::info, "Progress imported",
                     fmt::format("Loaded {}. Your previous code is one Undo (Ctrl+Z) away.", name.empty() ? "the file" : name));
        return std::move(parsed.state);
    }
    last_import_ = problem_name(parsed.problem);
    notices.post(NoticeKind::problem, "That file could not be imported",
                 fmt::format("{} is not a Loop Lab progress file Loop Lab can read: {}. Nothing was changed.",
                             name.empty() ? "The file" : name, parsed.detail));
    return std::nullopt;
}

void ProgressStore::append_test_json(std::string& out) const
{
    out += fmt::format("{{\"key\":\"{}\",\"writable\":{},\"pending\":{},\"saves\":{},\"loadProblem\":", storage_key, writable_,
                       pending_, saves_);
    test_api::append_json_string(out, load_problem_);
    out += ",\"backupKey\":";
    test_api::append_json_string(out, backup_key_);
    out += ",\"lastImport\":";
    test_api::append_json_string(out, last_import_);
    out += '}';
}

} // namespace ll::web
