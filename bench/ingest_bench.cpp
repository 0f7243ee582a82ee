// Ingest benchmark: end to end (read -> evaluate -> write) through the
// `qualify score` binary on one core, for JSON Lines and CSV, on the spec
// rulebook, beside two baselines in the same run: `jq -c .` over the same
// file (skipped when jq is absent) and a bare parse loop (simdjson, every
// line parsed and walked, nothing evaluated). Leads/s and MB/s, medians of
// 3 runs; the ratios between lines are what to quote (shared machines are
// noisy).
//   qualify_ingest_bench ROOT QUALIFY_BINARY [LEADS=200000 [keep]]
#include "bench/lead_generator.hpp"
#include "interpreter/program.hpp"
#include "qualify/qualify.hpp"

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace qualify;
using Clock = std::chrono::steady_clock;

namespace {

double median_seconds(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// A JSON value as a CSV cell's text: arrays joined with ';' (an empty one
// as ";", a known empty list), null as empty.
std::string cell_text(simdjson::dom::element e) {
    using T = simdjson::dom::element_type;
    switch (e.type()) {
        case T::STRING: return std::string(std::string_view(e));
        case T::NULL_VALUE: return "";
        case T::ARRAY: {
            std::string out;
            bool first = true;
            for (auto item : e.get_array()) {
                if (!first) out += ';';
                out += cell_text(item);
                first = false;
            }
            return first ? ";" : out;
        }
        default: return simdjson::to_string(e);
    }
}

void csv_cell(std::string& out, const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// The same leads as a CRM export: one column per schema field.
std::string to_csv(const SchemaInfo& schema, const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < schema.fields.size(); ++i) {
        if (i) out += ',';
        csv_cell(out, schema.fields[i].column);
    }
    out += '\n';
    simdjson::dom::parser parser;
    for (const auto& line : lines) {
        simdjson::dom::element doc = parser.parse(line);
        for (size_t i = 0; i < schema.fields.size(); ++i) {
            if (i) out += ',';
            // The flat dotted key (as the generator writes), else nested objects.
            simdjson::dom::element at;
            bool found = !doc.get_object()[schema.fields[i].name].get(at);
            if (!found) {
                at = doc;
                found = true;
                for (const auto& seg : schema.fields[i].path)
                    if (at.type() != simdjson::dom::element_type::OBJECT || at.get_object()[seg].get(at)) {
                        found = false;
                        break;
                    }
            }
            if (found) csv_cell(out, cell_text(at));
        }
        out += '\n';
    }
    return out;
}

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

double run(const std::string& command) {
    return median_seconds(3, [&] {
        if (std::system(command.c_str()) != 0) std::fprintf(stderr, "command failed: %s\n", command.c_str());
    });
}

void row(const char* what, double seconds, size_t leads, size_t bytes, double reference) {
    std::printf("%-52s %10.0f leads/s %8.1f MB/s %7.2fx\n", what, static_cast<double>(leads) / seconds,
                static_cast<double>(bytes) / seconds / 1e6, reference / seconds);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: qualify_ingest_bench ROOT QUALIFY_BINARY [LEADS]\n");
        return 2;
    }
    const std::string root = argv[1], qualify = argv[2];
    const int n = argc > 3 ? std::atoi(argv[3]) : 200000;
    const std::string rulebook = root + "/rulebooks/saas_inbound.qual";
    Compilation c = compile_file(rulebook);
    if (!c.ok()) {
        std::fputs(c.render().c_str(), stderr);
        return 1;
    }
    const int32_t as_of = *parse_date("2026-11-23");
    LeadGenerator gen(c.rulebook->program(), 11, as_of);
    std::vector<std::string> lines;
    std::string jsonl;
    for (int i = 0; i < n; ++i) {
        lines.push_back(gen.next_json());
        jsonl += lines.back();
        jsonl += '\n';
    }
    const std::string csv = to_csv(c.rulebook->program().schema, lines);
    const auto dir = std::filesystem::temp_directory_path() / ("qualify_ingest_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string jsonl_path = (dir / "leads.jsonl").string(), csv_path = (dir / "leads.csv").string();
    write(jsonl_path, jsonl);
    write(csv_path, csv);

    std::printf("qualify ingest benchmark: %d generated leads (JSONL %.1f MB, CSV %.1f MB), spec rulebook,\n"
                "one core, medians of 3 runs; simdjson kernels: DOM %s, On Demand (as built) %s\n\n",
                n, static_cast<double>(jsonl.size()) / 1e6, static_cast<double>(csv.size()) / 1e6,
                simdjson::get_active_implementation()->name().c_str(),
                simdjson::builtin_implementation()->name().c_str());

    // Bare parse loops: every line parsed and every value touched.
    long sink = 0;
    simdjson::dom::parser dom;
    const double t_dom = median_seconds(3, [&] {
        for (const auto& l : lines) {
            simdjson::dom::element doc = dom.parse(l);
            for (auto field : doc.get_object()) sink += static_cast<long>(field.key.size());
        }
    });
    simdjson::ondemand::parser od;
    const double t_od = median_seconds(3, [&] {
        for (const auto& l : lines) {
            simdjson::padded_string p(l);
            auto doc = od.iterate(p);
            for (auto field : doc.get_object()) sink += static_cast<long>(field.unescaped_key().value().size());
        }
    });
    const std::string score = qualify + " score --as-of 2026-11-23 -j 1 " + rulebook + " ";
    const double t_jsonl = run(score + jsonl_path + " > /dev/null 2>&1");
    const double t_csv = run(score + csv_path + " > /dev/null 2>&1");
    const bool have_jq = std::system("command -v jq > /dev/null 2>&1") == 0;
    const double t_jq = have_jq ? run("jq -c . " + jsonl_path + " > /dev/null") : 0;

    const size_t jb = jsonl.size(), cb = csv.size();
    std::printf("%-52s %18s %13s %8s\n", "", "", "", "vs e2e JSONL");
    row("end to end: qualify score, JSONL -> JSONL", t_jsonl, n, jb, t_jsonl);
    row("end to end: qualify score, CSV -> JSONL", t_csv, n, cb, t_jsonl);
    if (have_jq) row("baseline: jq -c . (JSONL)", t_jq, n, jb, t_jsonl);
    else std::printf("baseline: jq -c . skipped (jq not installed)\n");
    row("baseline: bare parse loop, simdjson DOM", t_dom, n, jb, t_jsonl);
    row("baseline: bare parse loop, simdjson On Demand", t_od, n, jb, t_jsonl);
    std::printf("(checksum %ld)\n", sink & 1);
    // `keep` as a fourth argument leaves the generated files, for profiling.
    if (argc > 4 && std::string(argv[4]) == "keep") std::printf("files kept in %s\n", dir.c_str());
    else std::filesystem::remove_all(dir);
    return 0;
}
