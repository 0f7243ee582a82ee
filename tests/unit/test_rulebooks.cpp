// Every rulebook in rulebooks/ compiles, and its own `test` blocks (in the
// file and in NAME.test.qual) pass with both engines agreeing.
#include "qualify/qualify.hpp"
#include "repo_rulebooks.hpp"

#include <doctest/doctest.h>


using namespace qualify;

TEST_CASE("repo rulebooks pass their tests") {
    int rulebooks = 0;
    for (const std::string& path : repo_rulebooks()) {
        ++rulebooks;
        CAPTURE(path);
        CompileOptions options;
        options.include_test_file = true;
        Compilation c = compile_file(path, options);
        REQUIRE_MESSAGE(c.ok(), c.render());
        auto results = run_tests(*c.rulebook, *parse_date("2026-11-23"));
        CHECK(results.size() >= 8);
        for (const auto& r : results) {
            std::string failures;
            for (const auto& f : r.failures) failures += "\n  " + f;
            CHECK_MESSAGE(r.passed, r.file << ":" << r.line << " " << r.name << failures);
        }
    }
    CHECK(rulebooks >= 4);
}
