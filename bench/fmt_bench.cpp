// Formatter benchmark: the cost of `qualify fmt` on the repository's
// rulebooks and test files — the layout alone (format_source), the checked
// form the command runs (parse, layout, parse again, compare the trees,
// layout again), and one parse as the baseline. Prints medians of 7 runs
// in microseconds per file and MB/s, so the figures survive a noisy machine.
//   qualify_fmt_bench REPO_ROOT [ROUNDS]
#include "format/checked.hpp"
#include "format/formatter.hpp"
#include "grammar/parser.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace qualify;
namespace fs = std::filesystem;

namespace {

struct File {
    std::string path, text;
};

template <typename F>
double median_us_per_file(const std::vector<File>& files, int rounds, F work) {
    std::vector<double> runs;
    for (int r = 0; r < 7; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < rounds; ++i)
            for (const auto& f : files) work(f);
        const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
        runs.push_back(took.count() / (rounds * static_cast<double>(files.size())));
    }
    std::sort(runs.begin(), runs.end());
    return runs[3];
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path root = argc > 1 ? argv[1] : ".";
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
    std::vector<File> files;
    size_t bytes = 0;
    for (const auto& e : fs::directory_iterator(root / "rulebooks")) {
        if (e.path().extension() != ".qual") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        files.push_back({e.path().string(), s.str()});
        bytes += files.back().text.size();
    }
    if (files.empty()) {
        std::fprintf(stderr, "no rulebooks under %s/rulebooks\n", root.string().c_str());
        return 2;
    }
    const double avg_bytes = static_cast<double>(bytes) / files.size();
    size_t sink = 0;
    auto kind = [](const File& f) {
        return format::is_test_file(f.path) ? format::FileKind::TestFile : format::FileKind::Rulebook;
    };
    const double parse = median_us_per_file(files, rounds, [&](const File& f) {
        sink += (kind(f) == format::FileKind::TestFile ? parse_test_file(f.text, f.path) : parse_rulebook(f.text, f.path))
                    .diagnostics.size();
    });
    const double layout = median_us_per_file(files, rounds, [&](const File& f) { sink += format::format_source(f.text).size(); });
    const double checked = median_us_per_file(
        files, rounds, [&](const File& f) { sink += format::format_checked(f.text, f.path, kind(f)).formatted.size(); });
    std::printf("%zu files, %.1f KB on average (rulebooks/*.qual), median of 7 runs x %d rounds\n", files.size(),
                avg_bytes / 1024, rounds);
    std::printf("  %-34s %9s %9s\n", "", "us/file", "MB/s");
    auto row = [&](const char* name, double us) { std::printf("  %-34s %9.1f %9.1f\n", name, us, avg_bytes / us); };
    row("parse (baseline)", parse);
    row("layout (format_source)", layout);
    row("checked, as qualify fmt runs it", checked);
    std::printf("  (checked = parse, layout, parse the layout, compare the trees, layout again)\n");
    return sink == 42 ? 1 : 0;
}
