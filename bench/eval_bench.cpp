// Evaluation benchmark: leads/s on one core for the spec rulebook with the
// trace off and on, beside the same rulebook hand-written in C++ (printed as
// a ratio); JSON-in, JSON-out throughput; compile time of the spec rulebook
// and of a generated 1,000-criterion rulebook. Figures are medians of
// several runs, and ratios come from one run, because shared machines are
// noisy.
#include "bench/lead_generator.hpp"
#include "bench/native_saas.hpp"
#include "interpreter/decide.hpp"
#include "interpreter/lead.hpp"
#include "interpreter/vm.hpp"
#include "qualify/qualify.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <vector>

using namespace qualify;
using Clock = std::chrono::steady_clock;

namespace {

// Median seconds of `runs` calls of f.
double median(std::vector<double> t) {
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

double median_seconds(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    return median(std::move(t));
}

std::string generated_rulebook(int criteria) {
    std::string s = "rulebook \"generated\" version \"1\"\nschema lead {\n  id: string\n";
    for (int i = 0; i < 20; ++i) s += "  f" + std::to_string(i) + ": int?\n";
    s += "  tier: enum { low, mid, high }?\n}\n";
    for (int i = 0; i < criteria; ++i) {
        std::string f = "f" + std::to_string(i % 20);
        s += "criterion c" + std::to_string(i) + " weight " + std::to_string(1 + i % 9) + " \"Criterion " +
             std::to_string(i) + "\" =\n  " +
             (i % 3 == 0   ? "min(" + f + " / " + std::to_string(10 + i) + ", 1)"
              : i % 3 == 1 ? "match tier { high => 1  mid => 0.5  else => 0 }"
                           : "proximity(" + f + ", ideal: 10..100, zero: 0..1000)") +
             "\n";
    }
    s += "route hot when score >= 70 \"Hot\"\nroute cold otherwise\n";
    return s;
}

// Times one rulebook: the VM with the trace off and on, the hand-written
// version beside it (checked to agree), and JSON in to JSON out.
//
// In a run a lead is decided right after it is read, while its fields are
// still in the cache, so the decide loops cycle over a window of leads
// (kHotWindow) until they have made n decisions, each pass in a new order.
// In a fixed order the branch predictor learns the leads' paths: a window
// of 100 leads ran twice as fast in order as shuffled, and the hand-written
// loop gained most. The same
// loop over all n leads, read beforehand and so mostly out of the cache, is
// printed too: it bounds what a caller that batches leads first will see.
constexpr int kHotWindow = 500;

struct Figures {
    double off, on, native, ratio, cold, json, mb_per_s;
    int agree, checked;
};

Figures measure(const Rulebook& rb, int n, int32_t as_of, long& sink) {
    const Program& p = rb.program();
    LeadGenerator gen(p, 7, as_of);
    std::vector<std::string> lines;
    std::vector<Lead> leads(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        lines.push_back(gen.next_json());
        if (auto err = read_json_lead(p.schema, lines.back(), leads[static_cast<size_t>(i)])) {
            std::fprintf(stderr, "generated lead rejected: %s\n", err->c_str());
            std::exit(1);
        }
    }
    VmEngine vm;
    EvalContext ctx(p, vm);
    Decision d;
    DecideOptions off{as_of, false, false}, on{as_of, true, false};
    NativeSaas native(p);
    // n decisions over the first kHotWindow leads, each pass over them in
    // a new order (a fixed shuffle), so that no pattern of branches repeats
    // from pass to pass for the branch predictor to learn.
    const size_t window = std::min(leads.size(), static_cast<size_t>(kHotWindow));
    std::vector<uint32_t> order;
    std::mt19937 shuffle(12345);
    while (order.size() < leads.size()) {
        std::vector<uint32_t> pass(window);
        for (size_t i = 0; i < window; ++i) pass[i] = static_cast<uint32_t>(i);
        std::shuffle(pass.begin(), pass.end(), shuffle);
        order.insert(order.end(), pass.begin(), pass.end());
    }
    auto hot = [&](auto&& one) {
        for (size_t i = 0; i < leads.size(); ++i) one(leads[order[i]]);
    };
    Figures f{};
    // The VM and the native loop are timed in alternation, and the ratio is
    // the median of each pair's ratio: a load that comes and goes on a
    // shared machine then slows both sides of a pair alike.
    std::vector<double> vm_times, native_times, ratios;
    for (int i = 0; i < 9; ++i) {
        vm_times.push_back(median_seconds(1, [&] { hot([&](const Lead& l) { decide(ctx, l, off, d); }); }));
        native_times.push_back(median_seconds(1, [&] { hot([&](const Lead& l) { sink += native.decide(l).escalations; }); }));
        ratios.push_back(vm_times.back() / native_times.back());
    }
    f.off = median(vm_times);
    f.native = median(native_times);
    f.ratio = median(ratios);
    f.on = median_seconds(5, [&] { hot([&](const Lead& l) { decide(ctx, l, on, d); }); });
    f.cold = median_seconds(5, [&] { for (const auto& l : leads) decide(ctx, l, off, d); });
    for (const auto& l : leads) {
        decide(ctx, l, off, d);
        if (d.is_error || d.explore) continue;
        NativeDecision nd = native.decide(l);
        ++f.checked;
        bool same = nd.route == d.route &&
                    (nd.disqualified || (d.score && *d.score == nd.score && *d.confidence == nd.confidence));
        if (same) ++f.agree;
    }
    Evaluator evaluator(rb, EvalOptions{as_of, false, false, EngineKind::Vm});
    size_t bytes = 0;
    for (const auto& l : lines) bytes += l.size() + 1;
    // As `qualify score -j 1` does it: one Decision and one output buffer, reused.
    Decision into;
    std::string out;
    f.json = median_seconds(5, [&] {
        for (size_t i = 0; i < lines.size(); ++i) {
            evaluator.evaluate_json(lines[i], i + 1, into);
            out.clear();
            append_json(out, into);
            sink += static_cast<long>(out.size());
        }
    });
    f.mb_per_s = static_cast<double>(bytes) / f.json / 1e6;
    return f;
}

void print(const char* title, const Figures& f, int n) {
    std::printf("%s\n", title);
    std::printf("  %-42s %12.0f leads/s\n", "VM, trace off", n / f.off);
    std::printf("  %-42s %12.0f leads/s\n", "VM, trace on", n / f.on);
    std::printf("  %-42s %12.0f leads/s\n", "hand-written C++ (native ceiling)", n / f.native);
    std::printf("  %-42s %12.2fx\n", "interpreter time / native time (median of 9 pairs)", f.ratio);
    std::printf("  %-42s %12.0f leads/s\n", "VM, trace off, all leads read first", n / f.cold);
    std::printf("  %-42s %12.0f leads/s  %.1f MB/s\n", "JSON line in -> decision JSON out", n / f.json, f.mb_per_s);
    std::printf("  %-42s %d of %d agree\n\n", "native vs VM (route, score, confidence)", f.agree, f.checked);
}

}  // namespace

int main(int argc, char** argv) {
    std::string root = argc > 1 ? argv[1] : ".";
    int n = argc > 2 ? std::atoi(argv[2]) : 20000;
    std::ifstream in(root + "/rulebooks/saas_inbound.qual");
    std::stringstream text;
    text << in.rdbuf();
    const std::string spec_text = text.str();
    Compilation c = compile_source(spec_text, "saas_inbound.qual", root + "/rulebooks");
    if (!c.ok()) {
        std::fputs(c.render().c_str(), stderr);
        return 3;
    }
    // The same rules without the model: the comparison the reference
    // figures (ZEN, CEL, JIT JavaScript) were measured on.
    std::string rules_only = spec_text;
    size_t from = rules_only.find("model propensity"), to = rules_only.find("\n", rules_only.find("score ="));
    rules_only.erase(from, to - from);
    Compilation r = compile_source(rules_only, "rules_only.qual", root + "/rulebooks");
    if (!r.ok()) {
        std::fputs(r.render().c_str(), stderr);
        return 3;
    }
    int32_t as_of = *parse_date("2026-11-23");
    long sink = 0;
    const int reps = argc > 4 ? std::atoi(argv[4]) : 10;  // profile modes: passes over the leads
    const std::string mode = argc > 3 ? argv[3] : "";
    // Only the trace-off loop, for perf and callgrind: the VM's `decide` or,
    // with "native", the hand-written C++ on the same leads, so that the
    // interpreter/native ratio can be read as a ratio of instruction counts.
    if (mode == "profile" || mode == "profile-rules" || mode == "profile-native" || mode == "profile-native-rules") {
        const bool rules = mode.ends_with("rules");
        const Program& p = (rules ? r : c).rulebook->program();
        LeadGenerator gen(p, 7, as_of);
        std::vector<Lead> leads(static_cast<size_t>(n));
        for (auto& l : leads) (void)read_json_lead(p.schema, gen.next_json(), l);
        VmEngine vm;
        EvalContext ctx(p, vm);
        Decision d;
        DecideOptions off{as_of, false, false};
        NativeSaas native(p);
        const bool vm_loop = !mode.starts_with("profile-native");
        for (int rep = 0; rep < reps; ++rep)
            for (const auto& l : leads) {
                if (vm_loop) decide(ctx, l, off, d);
                else sink += native.decide(l).escalations;
            }
        return static_cast<int>(sink & 1);
    }
    if (argc > 3 && std::string(argv[3]) == "profile-json") {  // JSON line in -> JSON out, for profiling
        LeadGenerator gen(c.rulebook->program(), 7, as_of);
        std::vector<std::string> lines;
        for (int i = 0; i < n; ++i) lines.push_back(gen.next_json());
        Evaluator evaluator(*c.rulebook, EvalOptions{as_of, false, false, EngineKind::Vm});
        Decision into;
        std::string out;
        for (int rep = 0; rep < reps; ++rep)
            for (size_t i = 0; i < lines.size(); ++i) {
                evaluator.evaluate_json(lines[i], i + 1, into);
                out.clear();
                append_json(out, into);
                sink += static_cast<long>(out.size());
            }
        return static_cast<int>(sink & 1);
    }
    std::printf("qualify evaluation benchmark: %d decisions of generated leads, one core, medians of 5 runs\n"
                "(decide loops cycle over %d leads, in a new order each pass, standing for a run\n"
                " that decides each lead as it reads it; the cold line decides all %d read first)\n\n",
                n, std::min(n, kHotWindow), n);
    Figures with_model = measure(*c.rulebook, n, as_of, sink);
    print("spec rulebook (saas-inbound, with its logistic-regression model)", with_model, n);
    Figures without = measure(*r.rulebook, n, as_of, sink);
    print("spec rulebook without the model (score = rules)", without, n);

    double t_check = median_seconds(9, [&] { sink += compile_source(spec_text, "saas_inbound.qual", root + "/rulebooks").ok(); });
    std::string big = generated_rulebook(1000);
    double t_big = median_seconds(5, [&] {
        Compilation cc = compile_source(big, "generated.qual", ".");
        if (!cc.ok()) std::fputs(cc.render().c_str(), stderr);
        sink += cc.ok();
    });
    std::printf("%-44s %12.2f ms\n", "compile spec rulebook (parse+check+bytecode)", t_check * 1e3);
    std::printf("%-44s %12.2f ms\n", "compile generated 1,000-criterion rulebook", t_big * 1e3);
    std::printf("(checksum %ld)\n", sink);
    bool agree = with_model.agree == with_model.checked && without.agree == without.checked;
    return agree ? 0 : 1;
}
