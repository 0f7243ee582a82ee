// Block-wise line reading (line_reader.hpp).
#include "cli/line_reader.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace qualify::cli {

LineReader::LineReader(const std::string& path, size_t block)
    : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), block_(block), owned_(true) {
    if (fd_ < 0) failed_ = at_end_ = true;
}

LineReader::~LineReader() {
    if (owned_ && fd_ >= 0) ::close(fd_);
}

std::optional<std::string_view> LineReader::next() {
    if (begin_ == filled_) return std::nullopt;
    const char* from = buffer_.data() + begin_;
    const size_t available = filled_ - begin_;
    if (const void* newline = std::memchr(from, '\n', available)) {
        const size_t n = static_cast<size_t>(static_cast<const char*>(newline) - from);
        begin_ += n + 1;
        return std::string_view(from, n);
    }
    if (!at_end_) return std::nullopt;
    begin_ = filled_;  // the last line, unterminated
    return std::string_view(from, available);
}

bool LineReader::refill() {
    if (at_end_) return false;
    // Keep the partial line, at the front; a line longer than the buffer
    // doubles it.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, filled_ - begin_);
        filled_ -= begin_;
        begin_ = 0;
    }
    if (buffer_.size() < block_) buffer_.resize(block_);
    if (filled_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
    for (;;) {
        const ssize_t got = ::read(fd_, buffer_.data() + filled_, buffer_.size() - filled_);
        if (got > 0) {
            filled_ += static_cast<size_t>(got);
            return true;
        }
        if (got < 0 && errno == EINTR) continue;
        failed_ = got < 0;
        at_end_ = true;
        return begin_ < filled_;  // an unterminated last line is still to come
    }
}

}  // namespace qualify::cli
