// The formatter (format/): snapshot cases in tests/format/ (NAME.in.qual
// formats to NAME.out.qual; QUALIFY_BLESS=1 rewrites the expected files),
// the round trip on every rulebook in the repository and on generated ones
// (the layout parses to the same AST, spans aside, and is its own layout),
// the AST comparison itself, and the unified diff.
#include "format/ast_equal.hpp"
#include "format/checked.hpp"
#include "format/formatter.hpp"
#include "format/unified_diff.hpp"
#include "grammar/parser.hpp"
#include "rulebook_generator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qualify;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

ParseResult parse_any(const std::string& source, const std::string& file) {
    return file.ends_with(".test.qual") ? parse_test_file(source, file) : parse_rulebook(source, file);
}

// The round-trip properties, for one source that parses.
void check_round_trip(const std::string& source, const std::string& file) {
    const auto before = parse_any(source, file);
    REQUIRE_MESSAGE(before.rulebook, file << " does not parse: "
                                          << (before.diagnostics.empty() ? "" : render(before.diagnostics[0], source))
                                          << "\n" << source);
    const std::string once = format::format_source(source);
    const auto after = parse_any(once, file);
    REQUIRE_MESSAGE(after.rulebook, file << ": the layout does not parse:\n" << once);
    CHECK_MESSAGE(format::ast_difference(*before.rulebook, *after.rulebook).empty(),
                  file << ": the layout changes " << format::ast_difference(*before.rulebook, *after.rulebook)
                       << "\n--- source\n" << source << "\n--- layout\n" << once);
    CHECK_MESSAGE(format::format_source(once) == once, file << ": not idempotent:\n" << once);
}

std::vector<fs::path> repo_qual_files() {
    std::vector<fs::path> out;
    for (const char* dir : {"rulebooks", "tests", "examples", "docs"}) {
        const fs::path root = fs::path(QUALIFY_SOURCE_DIR) / dir;
        if (!fs::exists(root)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.path().extension() == ".qual") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("snapshot cases: tests/format/NAME.in.qual formats to NAME.out.qual") {
    const fs::path dir = fs::path(QUALIFY_SOURCE_DIR) / "tests/format";
    const bool bless = std::getenv("QUALIFY_BLESS") != nullptr;
    int cases = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (!name.ends_with(".in.qual")) continue;
        ++cases;
        const fs::path expected_path = dir / (name.substr(0, name.size() - 8) + ".out.qual");
        const std::string actual = format::format_source(read(e.path()));
        if (bless) {
            std::ofstream(expected_path, std::ios::binary) << actual;
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(expected_path), expected_path << " is missing");
        const std::string expected = read(expected_path);
        CHECK_MESSAGE(actual == expected, name << ":\n" << format::unified_diff(expected, actual, name));
        CHECK_MESSAGE(format::format_source(expected) == expected, expected_path << " is not its own layout");
    }
    CHECK(cases >= 5);
}

TEST_CASE("every rulebook in the repository keeps its meaning and is stable") {
    int parsed = 0;
    for (const auto& path : repo_qual_files()) {
        const std::string source = read(path);
        if (!parse_any(source, path.string()).rulebook) continue;  // the golden syntax errors
        ++parsed;
        CAPTURE(path.string());
        check_round_trip(source, path.string());
    }
    CHECK(parsed >= 20);
}

TEST_CASE("the repository's rulebooks are formatted") {
    for (const auto& e : fs::directory_iterator(fs::path(QUALIFY_SOURCE_DIR) / "rulebooks")) {
        if (e.path().extension() != ".qual") continue;
        const std::string source = read(e.path());
        CHECK_MESSAGE(format::format_source(source) == source,
                      format::unified_diff(source, format::format_source(source), e.path().string()));
    }
}

TEST_CASE("1,200 generated rulebooks with odd layout keep their meaning and are stable") {
    for (unsigned seed = 1; seed <= 1200; ++seed) {
        testing::RulebookGenerator generator(seed);
        const std::string source = generator.rulebook();
        CAPTURE(seed);
        check_round_trip(source, "generated.qual");
    }
}

TEST_CASE("format_checked refuses what does not parse and changes nothing else") {
    auto broken = format::format_checked("rulebook \"x\" version \"1\"\nlet = 3\n", "b.qual", format::FileKind::Rulebook);
    CHECK(!broken.diagnostics.empty());
    CHECK(broken.formatted.empty());
    auto tests = format::format_checked("test \"t\" {\n  expect   route a }\n", "-", format::FileKind::Guess);
    CHECK(tests.diagnostics.empty());
    CHECK(tests.formatted == "test \"t\" {\n  expect route a }\n");
}

TEST_CASE("the AST comparison sees meaning and ignores layout") {
    auto a = parse_rulebook("rulebook \"r\" version \"1\"\nschema lead { id: string }\nlet x = 1 + 2 * 3\n", "a.qual");
    auto b = parse_rulebook("rulebook \"r\" version \"1\"\nschema lead { id: string }\n\n\nlet x =\n  1 + 2*3  # same\n", "b.qual");
    auto c = parse_rulebook("rulebook \"r\" version \"1\"\nschema lead { id: string }\nlet x = (1 + 2) * 3\n", "c.qual");
    auto d = parse_rulebook("rulebook \"r\" version \"1\"\nschema lead { id: string }\nlet x = 1 + 2 * 4\n", "d.qual");
    REQUIRE_MESSAGE((a.rulebook && b.rulebook && c.rulebook && d.rulebook),
                    (a.diagnostics.empty() ? "" : render(a.diagnostics[0], "")));
    CHECK(format::ast_difference(*a.rulebook, *b.rulebook).empty());
    CHECK(format::ast_difference(*a.rulebook, *c.rulebook) == "lets[0].value.text");
    CHECK(format::ast_difference(*a.rulebook, *d.rulebook) == "lets[0].value.args[1].args[1].text");
}

TEST_CASE("the AST comparison sees tables, assignments, fixtures and test rows") {
    const std::string head = "rulebook \"r\" version \"1\"\nschema lead { id: string  n: int? }\n";
    const std::string table = "table t hit first {\n  n | n => band\n  >= 10 | - => \"big\"\n  - | - => \"small\"\n}\n";
    const std::string route = "route a when n > 1 assign band: t.band\nroute b otherwise\n";
    const std::string tests =
        "fixture f { id: \"x\" }\ntest \"t\" {\n  given f\n  cases {\n    { n: 20 } => route a, score in 0..100\n  }\n}\n";
    auto parse = [&](const std::string& text) { return parse_rulebook(head + text, "t.qual"); };
    auto base = parse(table + route + tests);
    auto cell = parse(table.substr(0, table.find(">= 10")) + ">= 11" + table.substr(table.find(">= 10") + 5) + route + tests);
    auto assign = parse(table + "route a when n > 1 assign band: \"big\"\nroute b otherwise\n" + tests);
    auto fixture = parse(table + route + "fixture f { id: \"y\" }" + tests.substr(tests.find('\n')));
    auto row = parse(table + route + "fixture f { id: \"x\" }\ntest \"t\" {\n  given f\n  cases {\n    { n: 20 } => route a, score in 0..99\n  }\n}\n");
    REQUIRE_MESSAGE((base.rulebook && cell.rulebook && assign.rulebook && fixture.rulebook && row.rulebook),
                    (base.diagnostics.empty() ? "" : render(base.diagnostics[0], "")));
    CHECK(format::ast_difference(*base.rulebook, *parse(table + "\n\n" + route + tests).rulebook).empty());
    CHECK(format::ast_difference(*base.rulebook, *cell.rulebook) == "tables[0].rows[0].inputs[0].test.value.text");
    CHECK(format::ast_difference(*base.rulebook, *assign.rulebook) == "routes[0].assigns[0].value.kind");
    CHECK(format::ast_difference(*base.rulebook, *fixture.rulebook) == "fixtures[0].given[0].value.text");
    CHECK(format::ast_difference(*base.rulebook, *row.rulebook) == "tests[0].rows[0].expects[1].high");
}

TEST_CASE("unified diff: hunks with three lines of context, as diff -u prints them") {
    CHECK(format::unified_diff("a\nb\n", "a\nb\n", "f") == "");
    CHECK(format::unified_diff("a\nb\nc\n", "a\nB\nc\n", "f") ==
          "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    // Changes far apart make two hunks; a missing final newline is a change.
    std::string before, after;
    for (int i = 1; i <= 20; ++i) {
        before += std::to_string(i) + "\n";
        after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
    }
    const auto hunks = format::diff_hunks(before, after);
    REQUIRE(hunks.size() == 2);
    CHECK(hunks[0].old_start == 1);
    CHECK(hunks[0].old_count == 5);
    CHECK(hunks[1].old_start == 15);
    CHECK(hunks[1].old_count == 6);
    CHECK(format::unified_diff("a", "a\n", "f") ==
          "--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
    CHECK(format::unified_diff("", "a\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n");
}
