// The progress line of a long `qualify score` run: on stderr, rewritten in
// place ("\r"), at most twice a second, and erased before the final count.
// Only when stderr is a terminal, so logs and pipes never see it;
// QUALIFY_PROGRESS=1 in the environment forces it (for tests).
#pragma once

#include "cli/lead_stream.hpp"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace qualify::cli {

// "12288 leads, 3 errors, 48211 leads/s" (no rate before any time passed).
std::string progress_line(uint64_t leads, uint64_t errors, double seconds);

class Progress {
public:
    explicit Progress(std::ostream& out);
    // stderr is a terminal, or QUALIFY_PROGRESS=1.
    static bool wanted();
    void update(const StreamCounts& counts);
    // Erases the line, if one was printed.
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    std::ostream& out_;
    Clock::time_point start_;
    Clock::time_point last_;
    bool printed_ = false;
};

}  // namespace qualify::cli
