// Myers' diff: the shortest edit script between two line sequences, found
// by walking diagonals of the edit graph for growing edit distance D and
// keeping each step's furthest-reaching paths to trace the script back.
#include "format/unified_diff.hpp"

#include <algorithm>

namespace qualify::format {

namespace {

// The lines of `text`; a last line without its newline says so, as `diff`
// does, so that adding the final newline shows as a change.
std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(std::string(text.substr(start)) + "\n\\ No newline at end of file");
            break;
        }
        lines.push_back(std::string(text.substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

enum class Edit { Keep, Delete, Insert };

std::vector<Edit> shortest_edit(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
    const long max = n + m;
    const long offset = max + 1;
    std::vector<long> v(2 * max + 3, 0);
    std::vector<std::vector<long>> trace;
    long found_d = 0;
    for (long d = 0; d <= max; ++d) {
        trace.push_back(v);
        bool done = false;
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                     : v[offset + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && a[x] == b[y]) ++x, ++y;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        if (done) {
            found_d = d;
            break;
        }
    }
    // Walk back from (n, m), one D at a time.
    std::vector<Edit> edits;
    long x = n, y = m;
    for (long d = found_d; d > 0; --d) {
        const auto& pv = trace[d];
        const long k = x - y;
        const bool down = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]);
        const long prev_k = down ? k + 1 : k - 1;
        const long prev_x = pv[offset + prev_k];
        const long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            edits.push_back(Edit::Keep);
            --x, --y;
        }
        edits.push_back(down ? Edit::Insert : Edit::Delete);
        x = prev_x;
        y = prev_y;
    }
    while (x > 0 && y > 0) {
        edits.push_back(Edit::Keep);
        --x, --y;
    }
    std::reverse(edits.begin(), edits.end());
    return edits;
}

}  // namespace

std::vector<Hunk> diff_hunks(std::string_view before, std::string_view after, size_t context) {
    const auto a = split_lines(before);
    const auto b = split_lines(after);
    const auto edits = shortest_edit(a, b);
    std::vector<Hunk> hunks;
    // Positions of every edit in both files, then group changes whose
    // context overlaps.
    struct Step {
        Edit edit;
        size_t ai, bi;
    };
    std::vector<Step> steps;
    size_t ai = 0, bi = 0;
    for (Edit e : edits) {
        steps.push_back({e, ai, bi});
        if (e != Edit::Insert) ++ai;
        if (e != Edit::Delete) ++bi;
    }
    size_t i = 0;
    while (i < steps.size()) {
        if (steps[i].edit == Edit::Keep) {
            ++i;
            continue;
        }
        size_t start = i >= context ? i - context : 0;
        while (start < i && steps[start].edit != Edit::Keep) ++start;
        size_t end = i;  // one past the last change of this hunk
        size_t j = i;
        while (j < steps.size()) {
            if (steps[j].edit != Edit::Keep) {
                end = j + 1;
                ++j;
                continue;
            }
            size_t run = j;
            while (run < steps.size() && steps[run].edit == Edit::Keep) ++run;
            if (run < steps.size() && run - j <= 2 * context) {
                j = run;
                continue;
            }
            break;
        }
        const size_t stop = std::min(steps.size(), end + context);
        Hunk h;
        h.old_start = steps[start].ai + 1;
        h.new_start = steps[start].bi + 1;
        for (size_t k = start; k < stop; ++k) {
            const Step& s = steps[k];
            if (s.edit == Edit::Keep) {
                h.lines.push_back(" " + a[s.ai]);
                ++h.old_count, ++h.new_count;
            } else if (s.edit == Edit::Delete) {
                h.lines.push_back("-" + a[s.ai]);
                ++h.old_count;
            } else {
                h.lines.push_back("+" + b[s.bi]);
                ++h.new_count;
            }
        }
        // `diff -u` numbers an empty side by the line before it.
        if (h.old_count == 0) --h.old_start;
        if (h.new_count == 0) --h.new_start;
        hunks.push_back(std::move(h));
        i = stop;
    }
    return hunks;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path,
                         size_t context) {
    const auto hunks = diff_hunks(before, after, context);
    if (hunks.empty()) return "";
    std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
    for (const auto& h : hunks) {
        out += "@@ -" + std::to_string(h.old_start) + "," + std::to_string(h.old_count) + " +" +
               std::to_string(h.new_start) + "," + std::to_string(h.new_count) + " @@\n";
        for (const auto& line : h.lines) out += line + "\n";
    }
    return out;
}

}  // namespace qualify::format
