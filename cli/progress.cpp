// The progress line (progress.hpp).
#include "cli/progress.hpp"

#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace qualify::cli {

std::string progress_line(uint64_t leads, uint64_t errors, double seconds) {
    std::string line = std::to_string(leads) + " leads, " + std::to_string(errors) + " errors";
    if (seconds > 0) line += ", " + std::to_string(static_cast<uint64_t>(static_cast<double>(leads) / seconds)) + " leads/s";
    return line;
}

Progress::Progress(std::ostream& out) : out_(out), start_(Clock::now()) {}

bool Progress::wanted() {
    const char* forced = std::getenv("QUALIFY_PROGRESS");
    if (forced && std::string_view(forced) == "1") return true;
    return isatty(STDERR_FILENO) == 1;
}

void Progress::update(const StreamCounts& counts) {
    const auto now = Clock::now();
    if (printed_ && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    printed_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    // "\r" back to the start of the line, "\033[K" clears what a longer
    // previous line left.
    out_ << '\r' << progress_line(counts.leads, counts.errors, seconds) << "\033[K" << std::flush;
}

void Progress::finish() {
    if (printed_) out_ << "\r\033[K" << std::flush;
    printed_ = false;
}

}  // namespace qualify::cli
