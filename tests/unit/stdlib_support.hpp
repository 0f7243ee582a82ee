// Helpers for the tests of the built-in functions (test_stdlib_*.cpp): a
// condition is placed in a tiny rulebook and decided for one lead by both
// engines, which must agree; the test reads true, false, unknown or the
// runtime error back from the decision.
#pragma once

#include "engines_agree.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <string>

namespace stdlib_test {

inline const char* kSchema = R"(rulebook "stdlib" version "1"
schema lead {
  id: string
  s: string?
  t: string?
  n: int?
  d: decimal?
  day: date?
  other: date?
  tags: list<string>?
}
)";

inline std::string rulebook_for(const std::string& cond) {
    return std::string(kSchema) + "disqualify yes when (" + cond + ") reason \"yes\"\n" +
           "disqualify no when not (" + cond + ") reason \"no\"\n" +
           "criterion base weight 1 = true\nroute r otherwise\n";
}

// "true", "false", "unknown", or "error: <message>" for `cond` on `lead`.
inline std::string outcome(const std::string& cond, const std::string& lead = R"({"id":"a"})") {
    using namespace qualify;
    Compilation c = compile_source(rulebook_for(cond), "stdlib.qual", ".");
    REQUIRE_MESSAGE(c.ok(), cond << "\n" << c.render());
    const std::string a = engine_test::decide_with_both(*c.rulebook, lead, false, cond);
    if (auto e = a.find(R"("error":")"); e != std::string::npos) {
        size_t start = e + 9;
        return "error: " + a.substr(start, a.find('"', start) - start);
    }
    if (a.find(R"("code":"yes")") != std::string::npos) return "true";
    if (a.find(R"("code":"no")") != std::string::npos) return "false";
    return "unknown";
}

// The rendered diagnostics of a rulebook using `cond`; empty when it compiles.
inline std::string compile_errors(const std::string& cond) {
    using namespace qualify;
    Compilation c = compile_source(rulebook_for(cond), "stdlib.qual", ".");
    return c.ok() ? std::string() : c.render();
}

}  // namespace stdlib_test
