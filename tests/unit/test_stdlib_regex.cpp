// extract (stdlib/regex.cpp): capture groups, unknown without a match, the
// pattern compiled at check time (Q107), both engines agreeing.
#include "stdlib_support.hpp"

using stdlib_test::compile_errors;
using stdlib_test::outcome;

TEST_CASE("extract gives the capture group of the first match") {
    const char* lead = R"({"id":"x","s":"Order SKU-1234 and SKU-99"})";
    CHECK(outcome(R"q(extract(s, r"SKU-(\d+)", 1) == "1234")q", lead) == "true");
    CHECK(outcome(R"q(extract(s, r"SKU-(\d+)", 0) == "SKU-1234")q", lead) == "true");
    CHECK(outcome(R"q(extract(s, r"(?i)order", group: 0) == "Order")q", lead) == "true");
    CHECK(outcome(R"q(extract("v2.7", r"v(\d+)\.(\d+)", 2) == "7")q") == "true");
}

TEST_CASE("extract is unknown without a match, for an unused group and for unknown input") {
    CHECK(outcome(R"q(known(extract(s, r"SKU-(\d+)", 1)))q", R"({"id":"x","s":"none here"})") == "false");
    CHECK(outcome(R"q(known(extract(s, r"(a)|(b)", 1)))q", R"({"id":"x","s":"b"})") == "false");
    CHECK(outcome(R"q(extract(s, r"(b)", 1) == "b")q") == "unknown");
    CHECK(outcome(R"q(extract(s, r"x", n) == "x")q", R"({"id":"x","s":"x"})") == "unknown");
}

TEST_CASE("a group the pattern does not have is a runtime error") {
    CHECK(outcome(R"q(extract(s, r"(a)", 2) == "a")q", R"({"id":"x","s":"a"})").rfind("error: extract: group 2", 0) == 0);
    CHECK(outcome(R"q(extract(s, r"(a)", 0.5) == "a")q", R"({"id":"x","s":"a"})").rfind("error: extract", 0) == 0);
}

TEST_CASE("extract's pattern is a string literal compiled at check time") {
    CHECK(compile_errors(R"q(extract(s, r"(unclosed", 1) == "x")q").find("Q107") != std::string::npos);
    CHECK(compile_errors(R"q(extract(s, t, 1) == "x")q").find("Q107") != std::string::npos);
    CHECK(compile_errors(R"q(extract(s, r"(a)", 1) == "x" and s matches r"a" and extract(s, r"(b)", 1) == "b")q").empty());
}
