// A unified diff of two texts, line by line (Myers' O(ND) algorithm), for
// `qualify fmt --check`: what the formatter would change, in the form
// `diff -u` and code review tools read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qualify::format {

struct Hunk {
    size_t old_start = 0, old_count = 0;  // 1-based start, as in `@@ -a,b +c,d @@`
    size_t new_start = 0, new_count = 0;
    std::vector<std::string> lines;  // each starts with ' ', '-' or '+'
};

// The hunks turning `before` into `after`, with `context` unchanged lines
// around each change. Empty when the texts are equal.
std::vector<Hunk> diff_hunks(std::string_view before, std::string_view after, size_t context = 3);

// `--- a/PATH`, `+++ b/PATH`, then every hunk; empty when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path,
                         size_t context = 3);

}  // namespace qualify::format
