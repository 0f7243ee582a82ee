// Decision tables and route assignments: the grammar (one row per line,
// `|` between columns), the checker's diagnostics (cell and output types,
// overlap under `unique`, shadowed rows, gaps, each with an example), the
// semantics (unknown inputs, no match, unique conflicts, collect), the VM
// against the reference evaluator, and the index against a row-by-row
// scan on random tables.
#include "grammar/parser.hpp"
#include "interpreter/table_index.hpp"
#include "engines_agree.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace qualify;

namespace {

const std::string kHeader = R"(rulebook "unit" version "1"
schema lead {
  id: string
  country: string?
  employees: int?
  revenue: decimal?
  tier: enum { low, mid, high }?
}
criterion c weight 1 = employees > 0
)";

Compilation compile(const std::string& body) { return compile_source(kHeader + body, "unit.qual", "."); }

std::vector<std::string> codes_of(const std::string& body) {
    std::vector<std::string> out;
    for (const auto& d : compile(body).diagnostics) out.emplace_back(code_name(d.code));
    return out;
}

std::string first_message(const std::string& body, const std::string& code) {
    for (const auto& d : compile(body).diagnostics)
        if (code_name(d.code) == code) return d.message;
    return "";
}

// Decides a lead with both engines; they must agree byte for byte.
std::string decide(const Compilation& c, const std::string& lead) { return engine_test::decide_with_both(*c.rulebook, lead); }

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const std::string kOwner = R"(
table owner hit first "Owner by territory and size" {
  country                | employees  => team
  in {"US", "CA"}        | >= 1000    => "enterprise-na"
  in {"US", "CA"}        | -          => "commercial-na"
  in {"GB", "DE", "FR"}  | -          => "emea"
  -                      | -          => "rest-of-world"
}
route ae when score >= 50 "Fit" assign team: owner.team
route nurture otherwise
)";

}  // namespace

TEST_CASE("the issue's table parses, checks clean and assigns") {
    Compilation c = compile(kOwner);
    REQUIRE_MESSAGE(c.ok(), c.render());
    CHECK(c.diagnostics.empty());
    CHECK(contains(decide(c, R"({"id":"a","country":"US","employees":5000})"),
                   R"("action":null,"assigned":{"team":"enterprise-na"},"score")"));
    CHECK(contains(decide(c, R"({"id":"b","country":"CA","employees":10})"), R"("assigned":{"team":"commercial-na"})"));
    // An unknown input fails every test but `-`.
    CHECK(contains(decide(c, R"({"id":"c","employees":5000})"), R"("assigned":{"team":"rest-of-world"})"));
    // A route without assignments still has the (empty) object.
    CHECK(contains(decide(c, R"({"id":"d","country":"US","employees":0})"), R"("route":"nurture")"));
    CHECK(contains(decide(c, R"({"id":"d","country":"US","employees":0})"), R"("assigned":{})"));
}

TEST_CASE("a rulebook without assignments has no assigned key") {
    Compilation c = compile("route r otherwise\n");
    REQUIRE(c.ok());
    CHECK_FALSE(contains(decide(c, R"({"id":"a"})"), "assigned"));
}

TEST_CASE("one row per line, and `|` always separates columns") {
    CHECK(codes_of("table t hit first {\n  country => x\n  \"US\" => 1  \"CA\" => 2\n}\nroute r otherwise\n") ==
          std::vector<std::string>{"Q001"});
    // A set union in a cell needs parentheses: bare, `|` starts the next column.
    CHECK_FALSE(compile("table t hit first {\n  country | employees => x\n  in {\"US\"} | {\"CA\"} => 1\n}\n"
                        "route r otherwise\n").ok());
    CHECK(compile("table t hit first {\n  country | employees => x\n  in ({\"US\"} | {\"CA\"}) | - => 1\n}\n"
                  "route r otherwise\n").ok());
    CHECK(codes_of("table t hit sometimes {\n  country => x\n}\nroute r otherwise\n") == std::vector<std::string>{"Q001"});
}

TEST_CASE("cells and outputs are type-checked against their columns") {
    auto t = [](const std::string& rows) {
        return "table t hit first {\n  country | employees | tier => x\n" + rows + "}\nroute r otherwise assign x: t.x\n";
    };
    CHECK(codes_of(t("  >= 5 | - | - => 1\n")).front() == "Q103");       // ordering strings
    CHECK(codes_of(t("  - | \"many\" | - => 1\n")).front() == "Q103");    // string in an int column
    CHECK(codes_of(t("  - | - | \"low\" => 1\n")).front() == "Q117");     // string for an enum value
    CHECK(codes_of(t("  - | - | lowest => 1\n")).front() == "Q104");      // not a value of the enum
    CHECK(codes_of(t("  - | - => 1\n")).front() == "Q127");               // too few cells
    CHECK(codes_of(t("  \"US\" | - | - => 1\n  - | - | - => \"x\"\n")).front() == "Q127");  // output types differ
    CHECK(codes_of(t("  - | > employees | - => 1\n")).front() == "Q127");  // a cell reads the lead
    CHECK(codes_of("route r otherwise assign x: t.nope\ntable t hit first {\n  country => y\n  - => 1\n}\n").front() ==
          "Q101");
    CHECK(codes_of("let a = t.y\ntable t hit first {\n  a => y\n  - => 1\n}\nroute r otherwise assign y: a\n").front() ==
          "Q121");
}

TEST_CASE("static analysis: overlaps under unique, shadowed rows, gaps, with an example") {
    const std::string overlap =
        "table t hit unique {\n  tier | employees => x\n  high | - => 1\n  - | 100..999 => 2\n  low | < 100 => 3\n"
        "  mid | < 100 => 4\n  - | >= 1000 => 5\n}\nroute r otherwise assign x: t.x\n";
    CHECK(compile(overlap).ok());  // a warning: such leads get error decisions
    CHECK(codes_of(overlap).front() == "W203");
    CHECK(first_message(overlap, "W203") == "rows 1 and 2 of unique table `t` both match, e.g. for tier: high, employees: 100");

    const std::string shadowed =
        "table t hit first {\n  country | employees => x\n  - | >= 10 => 1\n  \"US\" | 10..20 => 2\n  - | - => 3\n}\n"
        "route r otherwise assign x: t.x\n";
    Compilation c = compile(shadowed);
    CHECK(c.ok());  // warnings only
    CHECK(codes_of(shadowed) == std::vector<std::string>{"W201"});

    const std::string gap =
        "table t hit first {\n  country | employees => x\n  \"US\" | >= 10 => 1\n  \"DE\" | - => 2\n}\n"
        "route r otherwise assign x: t.x\n";
    CHECK(codes_of(gap) == std::vector<std::string>{"W202"});
    CHECK(first_message(gap, "W202") ==
          "table `t` has inputs no row matches, e.g. country: \"US\", employees: 9 (such leads get unknown outputs)");

    // Int columns: an interval with no integer in it is no gap.
    CHECK(codes_of("table t hit first {\n  employees => x\n  < 10 => 1\n  10..11 => 2\n  12..20 => 3\n  > 20 => 4\n}\n"
                   "route r otherwise assign x: t.x\n")
              .empty());
    // Covering every enum value leaves no gap.
    CHECK(codes_of("table t hit unique {\n  tier => x\n  low => 1\n  in {mid, high} => 2\n}\nroute r otherwise assign x: t.x\n")
              .empty());
}

TEST_CASE("unique conflicts are error decisions; collect gives a list; no match gives unknown") {
    Compilation c = compile(
        "table u hit unique {\n  country | employees => x\n  \"US\" | - => 1\n  - | > 100 => 2\n}\n"
        "table k hit collect {\n  country | employees => tag\n  \"US\" | - => \"domestic\"\n  - | >= 1000 => \"large\"\n}\n"
        "route r otherwise assign x: u.x, tags: k.tag\n");
    REQUIRE_MESSAGE(c.ok(), c.render());
    CHECK(contains(decide(c, R"({"id":"a","country":"US","employees":5000})"),
                   R"("error":"rows 1 and 2 of unique table `u` both match in assign r.x)"));
    CHECK(contains(decide(c, R"({"id":"b","country":"US","employees":5})"),
                   R"("assigned":{"x":1,"tags":["domestic"]})"));
    CHECK(contains(decide(c, R"({"id":"c","country":"DE","employees":5000})"),
                   R"("assigned":{"x":2,"tags":["large"]})"));
    CHECK(contains(decide(c, R"({"id":"d","country":"DE","employees":5})"), R"("assigned":{"x":null,"tags":null})"));
}

TEST_CASE("expect assigned in tests") {
    Compilation c = compile(kOwner + R"(
test "emea" {
  given { id: "t", country: "DE", employees: 5000 }
  expect assigned team = "emea"
}
test "wrong on purpose" {
  given { id: "t", country: "DE", employees: 5000 }
  expect assigned team = "apac"
}
)");
    REQUIRE_MESSAGE(c.ok(), c.render());
    auto results = run_tests(*c.rulebook, *parse_date("2026-11-23"));
    REQUIRE(results.size() == 2);
    CHECK(results[0].passed);
    CHECK_FALSE(results[1].passed);
    CHECK(codes_of(kOwner + "test \"x\" {\n  given { id: \"t\" }\n  expect assigned tem = \"emea\"\n}\n").front() == "Q123");
}

// Random tables over a string, an int and an enum column, random leads with
// unknowns: the VM (through the index) and the reference evaluator (row by
// row over the AST) agree, and so do TableIndex::match and TableIndex::scan.
TEST_CASE("index and row-by-row scan agree on random tables") {
    std::mt19937 rng(20261203);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* countries[] = {"\"US\"", "\"CA\"", "\"DE\"", "\"GB\""};
    const char* tiers[] = {"low", "mid", "high"};
    auto country_cell = [&]() -> std::string {
        switch (pick(4)) {
            case 0: return "-";
            case 1: return countries[pick(4)];
            case 2: { int a = pick(4); return std::string("in {") + countries[a] + ", " + countries[(a + 1 + pick(3)) % 4] + "}"; }
            default: return std::string("not in {") + countries[pick(4)] + "}";
        }
    };
    auto number_cell = [&]() -> std::string {
        const char* ops[] = {"<", "<=", ">", ">=", "==", "!="};
        switch (pick(4)) {
            case 0: return "-";
            case 1: return std::string(ops[pick(6)]) + " " + std::to_string(pick(30));
            case 2: { int lo = pick(30); return std::to_string(lo) + ".." + std::to_string(lo + pick(10)); }
            default: return std::to_string(pick(30));
        }
    };
    auto tier_cell = [&]() -> std::string {
        switch (pick(3)) {
            case 0: return "-";
            case 1: return tiers[pick(3)];
            default: { int a = pick(3); return std::string("in {") + tiers[a] + ", " + tiers[(a + 1 + pick(2)) % 3] + "}"; }
        }
    };
    for (int round = 0; round < 60; ++round) {
        const char* hits[] = {"first", "collect", "unique"};  // unique: conflicts are error decisions
        std::string src = "table t hit " + std::string(hits[round % 3]) + " {\n  country | employees | revenue | tier => x\n";
        int rows = 1 + pick(12);
        for (int r = 0; r < rows; ++r)
            src += "  " + country_cell() + " | " + number_cell() + " | " + number_cell() + " | " + tier_cell() + " => " +
                   std::to_string(r + 1) + "\n";
        src += "}\nroute r otherwise assign x: t.x\n";
        Compilation c = compile(src);
        const std::string why = c.render() + src;
        REQUIRE_MESSAGE(c.ok(), why);
        const Program& p = c.rulebook->program();
        const TableRule& table = p.tables.at(0);
        for (int lead = 0; lead < 200; ++lead) {
            std::string json = R"({"id":"x")";
            if (pick(5)) { int i = pick(5); json += std::string(",\"country\":") + (i < 4 ? countries[i] : "\"FR\""); }
            if (pick(5)) json += ",\"employees\":" + std::to_string(pick(35) - 2);
            if (pick(5)) json += ",\"revenue\":" + std::to_string(pick(35)) + (pick(2) ? ".5" : "");
            if (pick(5)) json += std::string(",\"tier\":\"") + tiers[pick(3)] + "\"";
            json += "}";
            CAPTURE(src);
            CAPTURE(json);
            decide(c, json);
        }
        // The index directly, over every atom example and unknown.
        for (int k = 0; k < 300; ++k) {
            Value in[4];
            for (size_t col = 0; col < 4; ++col) {
                const auto& atoms = table.index->atoms(col);
                size_t a = static_cast<size_t>(pick(static_cast<int>(atoms.size()) + 1));
                in[col] = a < atoms.size() ? atoms[a].example : Value::unknown();
            }
            std::vector<uint32_t> by_index, by_scan;
            table.index->match(in, by_index, table.rows);
            TableIndex::scan(table, in, by_scan, table.rows);
            CHECK(by_index == by_scan);
        }
    }
}
