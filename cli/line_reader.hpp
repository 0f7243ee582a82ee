// Lines of a file or of stdin, read in large blocks straight from the file
// descriptor (no per-line copy, few system calls) and handed out as views.
// read() returns what a pipe has, so a slow producer still streams.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qualify::cli {

class LineReader {
public:
    // Reads `fd` (not closed) or, with the path constructor, the file
    // (closed at the end); `failed()` tells whether opening it failed.
    explicit LineReader(int fd, size_t block = kBlock) : fd_(fd), block_(block) {}
    explicit LineReader(const std::string& path, size_t block = kBlock);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next whole line without its '\n', or nullopt when the bytes read
    // so far hold none: then refill(). At the end of input the last line
    // comes out even without a '\n'.
    std::optional<std::string_view> next();
    // Reads more input; every view handed out so far becomes invalid.
    // False when the input is exhausted (or unreadable: see failed()).
    bool refill();
    bool failed() const { return failed_; }

    // The default block: small enough that the lines just read are still in
    // the core's cache when they are parsed (1 MiB blocks measured about a
    // fifth slower end to end on one thread).
    static constexpr size_t kBlock = 1 << 17;
    // For several threads: a batch ends where the buffered input does, so a
    // larger block gives each thread more lines per batch.
    static constexpr size_t kParallelBlock = 1 << 20;

private:

    int fd_;
    size_t block_;
    bool owned_ = false;
    bool at_end_ = false;
    bool failed_ = false;
    std::string buffer_;
    size_t begin_ = 0, filled_ = 0;  // bytes not yet handed out: [begin_, filled_)
};

}  // namespace qualify::cli
