// Text built-ins benchmark: the cost of normalize_company, seniority_of and
// function_of per call on the labelled job titles (tests/data/job_titles.csv),
// beside `lower` as the baseline of a call that allocates one string. Prints
// medians of 5 runs and each function's ratio to the baseline, so the
// figures survive a noisy machine.
#include "interpreter/lead.hpp"
#include "stdlib/builtins.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace qualify;

namespace {

std::vector<std::string> titles_from(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::string title;
        bool quoted = false;
        for (char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) break;
            else title += c;
        }
        if (!title.empty()) out.push_back(title);
    }
    return out;
}

// Median nanoseconds per call of built-in `name` over `inputs`, `rounds` times.
double ns_per_call(const char* name, const std::vector<std::string>& inputs, int rounds) {
    const Builtin& b = builtins()[static_cast<size_t>(find_builtin(name))];
    std::vector<double> runs;
    size_t sink = 0;
    for (int run = 0; run < 5; ++run) {
        Arena arena;
        CallContext ctx{arena, 0};
        auto start = std::chrono::steady_clock::now();
        for (int r = 0; r < rounds; ++r) {
            for (const auto& s : inputs) {
                Value arg = Value::string(s);
                sink += b.fn(&arg, ctx).s.size();
            }
            arena = Arena();  // as the evaluator resets it per lead
        }
        std::chrono::duration<double, std::nano> d = std::chrono::steady_clock::now() - start;
        runs.push_back(d.count() / static_cast<double>(rounds * inputs.size()));
    }
    std::sort(runs.begin(), runs.end());
    if (sink == 1) std::puts("");  // keeps the calls
    return runs[2];
}

}  // namespace

int main(int argc, char** argv) {
    const std::string root = argc > 1 ? argv[1] : ".";
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 200;
    auto titles = titles_from(root + "/tests/data/job_titles.csv");
    if (titles.empty()) {
        std::fprintf(stderr, "no titles under %s/tests/data/job_titles.csv\n", root.c_str());
        return 1;
    }
    std::printf("text built-ins: %zu job titles x %d rounds, one core, median of 5 runs\n\n", titles.size(), rounds);
    const double base = ns_per_call("lower", titles, rounds);
    std::printf("%-18s %10s %10s\n", "function", "ns/call", "x lower");
    for (const char* f : {"lower", "normalize_company", "seniority_of", "function_of"}) {
        double ns = f == std::string("lower") ? base : ns_per_call(f, titles, rounds);
        std::printf("%-18s %10.0f %10.1f\n", f, ns, ns / base);
    }
    return 0;
}
