// The CLI's block-wise line reader: lines across block boundaries, a line
// longer than a block, the last line without '\n', empty input, and a pipe
// that delivers its bytes in small pieces.
#include "cli/line_reader.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using qualify::cli::LineReader;

namespace {

std::vector<std::string> all_lines(LineReader& reader) {
    std::vector<std::string> out;
    do {
        while (auto line = reader.next()) out.emplace_back(*line);
    } while (reader.refill());
    return out;
}

std::vector<std::string> lines_of_file(const std::string& content) {
    char path[] = "/tmp/qualify_line_reader_XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
    ::close(fd);
    LineReader reader{std::string(path)};
    REQUIRE_FALSE(reader.failed());
    auto lines = all_lines(reader);
    CHECK_FALSE(reader.failed());
    std::remove(path);
    return lines;
}

}  // namespace

TEST_CASE("lines come out whole, whatever the block boundaries") {
    std::string content;
    std::vector<std::string> expected;
    for (int i = 0; i < 40000; ++i) {
        expected.push_back("{\"id\":\"L-" + std::to_string(i) + "\"," + std::string(static_cast<size_t>(i % 97), 'x') + "}");
        content += expected.back() + "\n";
    }
    CHECK(content.size() > (2u << 20));  // several blocks
    CHECK(lines_of_file(content) == expected);
}

TEST_CASE("a line longer than a block, a last line without newline, blank lines") {
    const std::string huge(3u << 20, 'h');
    CHECK(lines_of_file("a\n" + huge + "\n\nb") == std::vector<std::string>{"a", huge, "", "b"});
    CHECK(lines_of_file("").empty());
    CHECK(lines_of_file("\n") == std::vector<std::string>{""});
    CHECK(lines_of_file("x\r\n") == std::vector<std::string>{"x\r"});  // CR is the caller's to strip
}

TEST_CASE("a pipe streams: lines are handed out as their bytes arrive") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    // The writer holds back the rest until the reader has the first line
    // (or 5 s have passed): a reader that waited for a full block would
    // only get it after the timeout.
    std::atomic<bool> first_line_seen{false}, writer_timed_out{false};
    std::thread writer([&, fd = fds[1]] {
        const std::string piece = "one\ntw";
        (void)!::write(fd, piece.data(), piece.size());
        for (int i = 0; i < 500 && !first_line_seen; ++i) ::usleep(10000);
        writer_timed_out = !first_line_seen;
        const std::string rest = "o\nthree";
        (void)!::write(fd, rest.data(), rest.size());
        ::close(fd);
    });
    LineReader reader(fds[0]);
    std::vector<std::string> lines;
    do {
        while (auto line = reader.next()) {
            lines.emplace_back(*line);
            first_line_seen = true;
        }
    } while (reader.refill());
    writer.join();
    ::close(fds[0]);
    CHECK(lines == std::vector<std::string>{"one", "two", "three"});
    CHECK_FALSE(writer_timed_out);
}

TEST_CASE("a file that cannot be opened reports failure") {
    LineReader reader(std::string("/nonexistent/qualify/leads.jsonl"));
    CHECK(reader.failed());
    CHECK_FALSE(reader.next());
    CHECK_FALSE(reader.refill());
}
