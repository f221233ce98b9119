// What recent frames cost, piece by piece: a ring of the last 64 frames' raw times, reported as
// medians, so that one long frame (a run to the end, a font rebuild) does not hide the steady cost.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

namespace ll::web {

class FrameTimings {
public:
    // The whole frame's pieces, then the UI part by pane (App::frame and App::draw_ui mark them).
    enum Piece {
        whole, ui, gl, swap, after,
        new_frame, top_bar, lesson_and_code, loop, controls_and_timeline, console, splitters_and_engine,
        notices_and_share, render,
        piece_count
    };
    static constexpr int first_ui_piece = new_frame;

    // The piece times of the frame just drawn, in ms.
    void record(const std::array<double, piece_count>& frame)
    {
        frames_[next_] = frame;
        next_ = (next_ + 1) % frames_.size();
        count_ = std::min(count_ + 1, frames_.size());
    }

    // The median over the recorded frames (0 before the first).
    double median(Piece piece) const { return percentile(piece, 50); }

    // The value that `percent` of the recorded frames do not exceed (nearest rank).
    double percentile(Piece piece, int percent) const
    {
        if (count_ == 0) return 0;
        std::array<double, window> values{};
        for (std::size_t i = 0; i < count_; ++i) values[i] = frames_[i][piece];
        const std::size_t rank = std::min(count_ - 1, count_ * static_cast<std::size_t>(percent) / 100);
        auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank);
        std::nth_element(values.begin(), nth, values.begin() + static_cast<std::ptrdiff_t>(count_));
        return *nth;
    }

private:
    static constexpr std::size_t window = 64;
    std::array<std::array<double, piece_count>, window> frames_{};
    std::size_t next_ = 0;
    std::size_t count_ = 0;
};

} // namespace ll::web
