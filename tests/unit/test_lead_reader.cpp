// Reading leads: the text conversion rules shared by CSV and JSON, good JSON
// records in nested and dotted form, a corpus of malformed records that
// must each yield an error message naming the field (never a crash), and
// the JSON reader's fast path held to the full path on mutated records.
#include "interpreter/date.hpp"
#include "interpreter/json_reader_state.hpp"
#include "interpreter/lead.hpp"
#include "interpreter/program.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>
#include <simdjson.h>

#include <random>
#include <string>

using namespace qualify;

namespace {

FieldInfo field(std::string name, ScalarType type, bool optional = true) {
    FieldInfo f;
    f.name = name;
    for (size_t start = 0;;) {
        const size_t dot = name.find('.', start);
        f.path.push_back(name.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    f.type = type;
    f.optional = optional;
    f.column = name;
    return f;
}

SchemaInfo make_schema() {
    SchemaInfo s;
    s.name = "lead";
    s.unknown_values = {"Select", "N/A"};
    s.fields.push_back(field("id", ScalarType::String, false));
    FieldInfo email = field("email", ScalarType::String, false);
    email.pii = true;
    s.fields.push_back(email);
    FieldInfo source = field("source", ScalarType::Enum, false);
    source.enum_values = {"inbound_form", "partner", "event"};
    s.fields.push_back(source);
    s.fields.push_back(field("company.employees", ScalarType::Int));
    s.fields.push_back(field("company.industry", ScalarType::String));
    FieldInfo stack = field("company.tech_stack", ScalarType::String);
    stack.is_list = true;
    s.fields.push_back(stack);
    s.fields.push_back(field("intent.score", ScalarType::Decimal));
    s.fields.push_back(field("crm.is_customer", ScalarType::Bool));
    s.fields.push_back(field("crm.signed_on", ScalarType::Date));
    FieldInfo seniority = field("contact.seniority", ScalarType::Enum);
    seniority.enum_values = {"ic", "manager", "director", "vp", "cxo"};
    s.fields.push_back(seniority);
    FieldInfo scores = field("engagement.weekly", ScalarType::Int);
    scores.is_list = true;
    s.fields.push_back(scores);
    FieldInfo phone = field("contact.phone", ScalarType::Int);
    phone.pii = true;
    s.fields.push_back(phone);
    for (size_t i = 0; i < s.fields.size(); ++i) s.slot_of[s.fields[i].name] = static_cast<int>(i);
    s.id_slot = 0;
    return s;
}

const SchemaInfo kSchema = make_schema();

int slot(const char* name) { return kSchema.find(name); }

Decimal dec(const char* text) { return *Decimal::parse(text); }

const std::string kBase = R"("id":"L-1","email":"jo@example.com","source":"partner")";

std::string record(const std::string& rest) { return "{" + kBase + (rest.empty() ? "" : "," + rest) + "}"; }

std::optional<std::string> read(const std::string& text, Lead& lead) { return read_json_lead(kSchema, text, lead); }

std::optional<Value> text(const char* field_name, std::string_view raw, std::string& error, Arena& arena) {
    return convert_text(kSchema, kSchema.fields[static_cast<size_t>(slot(field_name))], raw, arena, error);
}

}  // namespace

TEST_CASE("convert_text: the rules shared by CSV cells and JSON strings") {
    Arena arena;
    std::string error;
    CHECK_FALSE(text("company.employees", "", error, arena)->known());
    CHECK_FALSE(text("company.employees", "N/A", error, arena)->known());
    CHECK_FALSE(text("company.industry", "Select", error, arena)->known());
    CHECK(text("company.industry", " Select", error, arena)->s == " Select");  // exact comparison, kept as-is
    CHECK_FALSE(text("company.employees", "   ", error, arena)->known());
    CHECK(text("company.employees", " 12 ", error, arena)->n == Decimal::from_int(12));
    CHECK(text("company.employees", "-12", error, arena)->n == Decimal::from_int(-12));
    CHECK(text("company.employees", "12.0", error, arena)->n == Decimal::from_int(12));
    CHECK(text("company.employees", "9223372036854775807", error, arena)->n == Decimal::from_int(INT64_MAX));
    CHECK(text("intent.score", "80.5", error, arena)->n == dec("80.5"));
    CHECK(text("intent.score", "1e2", error, arena)->n == dec("100"));
    CHECK(text("crm.is_customer", "YES", error, arena)->b);
    CHECK(text("crm.is_customer", "true", error, arena)->b);
    CHECK(text("crm.is_customer", "1", error, arena)->b);
    CHECK_FALSE(text("crm.is_customer", "No", error, arena)->b);
    CHECK_FALSE(text("crm.is_customer", "FALSE", error, arena)->b);
    CHECK_FALSE(text("crm.is_customer", "0", error, arena)->b);
    CHECK(text("crm.signed_on", "2026-11-01", error, arena)->i == days_from_civil(2026, 11, 1));
    CHECK(text("crm.signed_on", "2026-11-01T09:30:00Z", error, arena)->i == days_from_civil(2026, 11, 1));
    CHECK(text("contact.seniority", "vp", error, arena)->i == 3);
    const Value list = *text("company.tech_stack", " hubspot ; ;jira;N/A;", error, arena);
    REQUIRE(list.kind == Value::Kind::List);
    REQUIRE(list.count == 2);
    CHECK(list.items[0].s == "hubspot");
    CHECK(list.items[1].s == "jira");
    const Value weekly = *text("engagement.weekly", "1;2; 3", error, arena);
    REQUIRE(weekly.count == 3);
    CHECK(weekly.items[2].n == Decimal::from_int(3));

    struct Bad { const char* field; const char* raw; const char* rule; };
    for (const Bad& bad : {Bad{"company.employees", "1,000", "expected an integer"},
                           Bad{"company.employees", "12.5", "expected an integer"},
                           Bad{"company.employees", "twelve", "expected an integer"},
                           Bad{"company.employees", "9223372036854775808", "integer out of range"},
                           Bad{"intent.score", "1e30", "out of range"},
                           Bad{"intent.score", ".5", "expected a decimal number"},
                           Bad{"crm.is_customer", "maybe", "expected a bool"},
                           Bad{"crm.signed_on", "2026-02-30", "expected a date"},
                           Bad{"crm.signed_on", "01/11/2026", "expected a date"},
                           Bad{"contact.seniority", "VP", "expected one of ic, manager"},
                           Bad{"engagement.weekly", "1;x", "expected an integer"}}) {
        error.clear();
        CHECK_MESSAGE(!text(bad.field, bad.raw, error, arena), bad.raw);
        CHECK_MESSAGE(error.find(std::string("field `") + bad.field + "`") != std::string::npos, error);
        CHECK_MESSAGE(error.find(bad.rule) != std::string::npos, error);
    }
    error.clear();
    CHECK_FALSE(text("contact.phone", "call me", error, arena));
    CHECK(error == "field `contact.phone`: expected an integer, got <redacted>");
    error.clear();
    CHECK_FALSE(text("company.employees", std::string(100, '7').c_str(), error, arena));
    CHECK(error.size() < 120);  // the excerpt is cut
}

TEST_CASE("a nested JSON record") {
    Lead lead;
    const auto err = read(R"({"id":"L-10023","email":"vp@northwind.io","source":"inbound_form",
        "company":{"employees":1100,"industry":"software","tech_stack":["hubspot","jira"],"extra":{"x":[1,2]}},
        "intent":{"score":80},"crm":{"is_customer":false,"signed_on":"2025-01-31"},
        "contact":{"seniority":null,"phone":"N/A"},"engagement":{"weekly":[3,"4",5.0]},
        "ignored":{"deep":[{"a":null,"b":true}]},"also_ignored":1e999})",
                          lead);
    REQUIRE_MESSAGE(!err, *err);
    REQUIRE(lead.slots.size() == kSchema.fields.size());
    CHECK(lead.id == "L-10023");
    CHECK(lead.slots[slot("email")].s == "vp@northwind.io");
    CHECK(lead.slots[slot("source")].i == 0);
    CHECK(lead.slots[slot("company.employees")].n == Decimal::from_int(1100));
    CHECK(lead.slots[slot("company.industry")].s == "software");
    const Value stack = lead.slots[slot("company.tech_stack")];
    REQUIRE(stack.count == 2);
    CHECK(stack.items[1].s == "jira");
    CHECK(lead.slots[slot("intent.score")].n == Decimal::from_int(80));
    CHECK(lead.slots[slot("crm.is_customer")].kind == Value::Kind::Bool);
    CHECK_FALSE(lead.slots[slot("crm.is_customer")].b);
    CHECK(lead.slots[slot("crm.signed_on")].i == days_from_civil(2025, 1, 31));
    CHECK_FALSE(lead.slots[slot("contact.seniority")].known());
    CHECK_FALSE(lead.slots[slot("contact.phone")].known());
    const Value weekly = lead.slots[slot("engagement.weekly")];
    REQUIRE(weekly.count == 3);
    CHECK(weekly.items[1].n == Decimal::from_int(4));
    CHECK(weekly.items[2].n == Decimal::from_int(5));
}

TEST_CASE("a flat dotted record, numbers read from their text") {
    Lead lead;
    const std::string input = R"({"id":12345678901234567890,"email":"a@b.co","source":"event",)"
                              R"("company.employees":"1e3","intent.score":0.1000000000000000000001,)"
                              R"("company.tech_stack":"a;b","crm.is_customer":"yes","unknown.key":{"a":1}})";
    const auto err = read(input, lead);
    REQUIRE_MESSAGE(!err, *err);
    CHECK(lead.id == "12345678901234567890");  // an id sent as a number keeps its text
    CHECK(lead.slots[slot("company.employees")].n == Decimal::from_int(1000));
    CHECK(lead.slots[slot("intent.score")].n == dec("0.1"));
    CHECK(lead.slots[slot("company.tech_stack")].count == 2);
    CHECK(lead.slots[slot("crm.is_customer")].b);
    CHECK_FALSE(lead.slots[slot("contact.seniority")].known());

    // The lead owns its strings: the input may go away.
    std::string owned = record(R"("company":{"industry":"fintech"})");
    REQUIRE_FALSE(read(owned, lead));
    owned.assign(owned.size(), 'x');
    CHECK(lead.slots[slot("company.industry")].s == "fintech");
    CHECK(lead.id == "L-1");

    // A lead is reused between records: nothing carries over.
    REQUIRE_FALSE(read(record(""), lead));
    CHECK_FALSE(lead.slots[slot("company.industry")].known());
}

TEST_CASE("malformed records each yield a message") {
    struct Case { std::string name, input, field, needle; };
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    const std::string big = record("\"pad\":\"" + std::string(2 << 20, 'x') + "\"");
    const std::vector<Case> cases = {
        {"not JSON", "hello", "", "JSON object"},
        {"empty", "", "", "empty"},
        {"truncated", R"({"id":"L-1","email":)", "", "JSON"},
        {"array at top level", "[1,2]", "", "got an array"},
        {"string at top level", R"("id")", "", "got a string"},
        {"number at top level", "42", "", "JSON object"},
        {"trailing garbage", record("") + " x", "", "trailing"},
        {"two objects", record("") + record(""), "", "trailing"},
        {"bad literal", record(R"("crm":{"is_customer":tru})"), "", "not valid JSON"},
        {"bad literal in ignored key", record(R"("zzz":[nul])"), "", "not valid JSON"},
        {"bad number", record(R"("company":{"employees":012})"), "", "not valid JSON"},
        {"missing colon", R"({"id" "L-1"})", "", "not valid JSON"},
        {"missing id", R"({"email":"a@b.c","source":"event"})", "id", "missing required field"},
        {"id null", R"({"id":null,"email":"a@b.c","source":"event"})", "id", "missing required field"},
        {"id unknown value", R"({"id":"N/A","email":"a@b.c","source":"event"})", "id", "missing required field"},
        {"missing required enum", R"({"id":"x","email":"a@b.c"})", "source", "missing required field"},
        {"string for int", record(R"("company":{"employees":"many"})"), "company.employees", "expected an integer"},
        {"non-integral int", record(R"("company":{"employees":12.5})"), "company.employees", "\"12.5\""},
        {"int out of range", record(R"("company":{"employees":9223372036854775808})"), "company.employees",
         "out of range"},
        {"decimal too large", record(R"("intent":{"score":1e300})"), "intent.score", "out of range"},
        {"bool for int", record(R"("company":{"employees":true})"), "company.employees", "got true"},
        {"number for bool", record(R"("crm":{"is_customer":1})"), "crm.is_customer", "not a JSON number"},
        {"bool maybe", record(R"("crm":{"is_customer":"maybe"})"), "crm.is_customer", "expected a bool"},
        {"number for date", record(R"("crm":{"signed_on":20261101})"), "crm.signed_on", "expected a date"},
        {"invalid date", record(R"("crm":{"signed_on":"2026-13-01"})"), "crm.signed_on", "expected a date"},
        {"Feb 30", record(R"("crm":{"signed_on":"2026-02-30"})"), "crm.signed_on", "\"2026-02-30\""},
        {"unknown enum value", record(R"("contact":{"seniority":"intern"})"), "contact.seniority", "intern"},
        {"number for enum", R"({"id":"x","email":"a@b.c","source":3})", "source", "not a JSON number"},
        {"bool for string", record(R"("company":{"industry":false})"), "company.industry", "got false"},
        {"object for scalar", record(R"("company":{"industry":{"name":"x"}})"), "company.industry",
         "got an object"},
        {"array for scalar", record(R"("company":{"employees":[1]})"), "company.employees", "got an array"},
        {"string-typed id as object", R"({"id":{"v":1},"email":"a@b.c","source":"event"})", "id", "got an object"},
        {"scalar for list", record(R"("company":{"tech_stack":5})"), "company.tech_stack", "expected a list"},
        {"null list element", record(R"("company":{"tech_stack":["a",null]})"), "company.tech_stack", "null"},
        {"nested list", record(R"("company":{"tech_stack":[["a"]]})"), "company.tech_stack", "got an array"},
        {"bad list element", record(R"("engagement":{"weekly":[1,2.5]})"), "engagement.weekly", "expected an integer"},
        {"both nested and dotted", record(R"("company":{"employees":1},"company.employees":2)"),
         "company.employees", "both"},
        {"duplicate key", R"({"id":"a","id":"b","email":"a@b.c","source":"event"})", "", "duplicate key `id`"},
        {"duplicate nested key", record(R"("company":{"industry":"a","industry":"b"})"), "", "duplicate key"},
        {"duplicate ignored key", record(R"("x":1,"x":2)"), "", "duplicate key `x`"},
        {"invalid UTF-8 in a string", record("\"company\":{\"industry\":\"caf\xC3\"}"), "", "invalid UTF-8"},
        {"invalid UTF-8 in a key", record("\"\xFF\xFE\":1"), "", "invalid UTF-8"},
        {"overlong UTF-8", record("\"company\":{\"industry\":\"\xC0\xAF\"}"), "", "invalid UTF-8"},
        {"2 MiB record", big, "", "too large"},
        {"100-deep nesting", record("\"x\":" + deep), "", "nesting too deep"},
        {"33-deep nesting", record("\"x\":" + std::string(32, '[') + std::string(32, ']')), "", "nesting"},
        {"bad escape", record(R"("company":{"industry":"a\qb"})"), "", "not valid JSON"},
        {"pii field redacted", R"({"id":"x","email":{"addr":"secret@x.io"},"source":"event"})", "email", "got an object"},
        {"pii int redacted", record(R"("contact":{"phone":"555-SECRET"})"), "contact.phone", "<redacted>"},
        {"pii number redacted", record(R"("contact":{"phone":5.5})"), "contact.phone", "got <redacted>"},
    };
    CHECK(cases.size() >= 30);
    for (const Case& c : cases) {
        INFO(c.name);
        Lead lead;
        const auto err = read(c.input, lead);
        REQUIRE(err.has_value());
        INFO(*err);
        CHECK(err->find(c.needle) != std::string::npos);
        if (!c.field.empty()) CHECK(err->find("`" + c.field + "`") != std::string::npos);
        CHECK(err->find("SECRET") == std::string::npos);
        CHECK(err->find("secret") == std::string::npos);
    }
}

TEST_CASE("32 levels of nesting are accepted") {
    Lead lead;
    const auto err = read(record("\"x\":" + std::string(31, '[') + std::string(31, ']')), lead);
    CHECK_MESSAGE(!err, err.value_or(""));
}

TEST_CASE("keys are matched from their bytes at every level") {
    Lead lead;
    // Escaped keys read as their unescaped text, at the root and nested.
    auto err = read(R"({"i\u0064":"L-7","email":"a@b.co","source":"event","comp\u0061ny":{"employ\u0065es":12}})",
                    lead);
    REQUIRE_MESSAGE(!err, *err);
    CHECK(lead.id == "L-7");
    CHECK(lead.slots[slot("company.employees")].n == Decimal::from_int(12));

    // An escaped spelling of a key already given is a duplicate.
    err = read(R"({"id":"a","\u0069d":"b","email":"a@b.c","source":"event"})", lead);
    REQUIRE(err);
    CHECK(*err == "duplicate key `id`");
    err = read(record(R"("company":{"industry":"a","indus\u0074ry":"b"})"), lead);
    REQUIRE(err);
    CHECK(*err == "duplicate key `company.industry`");
    // Keys outside the schema, escaped or not, must be unique too.
    err = read(record(R"("zz":1,"company":{"misc":1,"mis\u0063":2})"), lead);
    REQUIRE(err);
    CHECK(*err == "duplicate key `company.misc`");

    // Dotted remainders below a nested level; a level name, a field name and
    // keys that are prefixes or extensions of them are told apart.
    err = read(record(R"("contact":{"seniority":"vp"},"crm":{"is_customer":true},"cr":1,"crmx":{"is_customer":1},)"
                      R"("company.":1,"company":{"employees":3,"employeesx":"x","employee":"x"},"intent.scor":"x")"),
               lead);
    REQUIRE_MESSAGE(!err, *err);
    CHECK(lead.slots[slot("contact.seniority")].i == 3);
    CHECK(lead.slots[slot("crm.is_customer")].b);
    CHECK(lead.slots[slot("company.employees")].n == Decimal::from_int(3));
    CHECK_FALSE(lead.slots[slot("intent.score")].known());

    // A level given where a field is expected, and a field given as an object.
    err = read(record(R"("company":5)"), lead);
    CHECK_MESSAGE(!err, err.value_or(""));
    err = read(record(R"("company":{"employees":{"n":1}})"), lead);
    REQUIRE(err);
    CHECK(err->find("`company.employees`") != std::string::npos);
}

TEST_CASE("one lead read against two schemas") {
    SchemaInfo other;
    other.name = "other";
    other.fields.push_back(field("id", ScalarType::String, false));
    other.fields.push_back(field("size", ScalarType::Int));
    other.slot_of = {{"id", 0}, {"size", 1}};
    other.id_slot = 0;
    Lead lead;
    REQUIRE_FALSE(read(record(R"("company":{"employees":4})"), lead));
    CHECK(lead.slots[slot("company.employees")].n == Decimal::from_int(4));
    REQUIRE_FALSE(read_json_lead(other, R"({"id":"o","size":9,"company":{"employees":"x"}})", lead));
    REQUIRE(lead.slots.size() == 2);
    CHECK(lead.slots[1].n == Decimal::from_int(9));
    REQUIRE_FALSE(read(record(R"("size":"x")"), lead));
    CHECK(lead.slots.size() == kSchema.fields.size());
}

TEST_CASE("numbers read directly agree with Decimal::parse") {
    Arena arena;
    std::string error;
    for (const char* n : {"0", "-0", "7", "-42", "999999999999999999", "-999999999999999999", "0.5", "-0.25",
                          "12.000", "3.141592653589793238", "0.000000000000000001", "123456789012345678.5",
                          "1000000000000000000", "1e3", "+5", "007", "0.1234567890123456789", "1.", ".5"}) {
        INFO(n);
        const auto parsed = Decimal::parse(n);
        const auto v = text("intent.score", n, error, arena);
        CHECK(v.has_value() == parsed.has_value());
        if (v && parsed) CHECK(v->n == *parsed);
        const auto i = text("company.employees", n, error, arena);
        const bool integral = parsed && parsed->is_integer() && parsed->to_int64();
        CHECK(i.has_value() == integral);
        if (i && integral) CHECK(i->n == *parsed);
    }
}

TEST_CASE("a lead keeps many and long strings") {
    Lead lead;
    std::string stack;
    for (int i = 0; i < 600; ++i) stack += (i ? ";" : "") + std::string("tool") + std::to_string(i);
    const std::string long_industry(3000, 'i');
    for (int round = 0; round < 3; ++round) {
        const auto err = read(record(R"("company":{"tech_stack":")" + stack + R"(","industry":")" + long_industry + "\"}"),
                              lead);
        REQUIRE_MESSAGE(!err, *err);
        const Value v = lead.slots[slot("company.tech_stack")];
        REQUIRE(v.count == 600);
        CHECK(v.items[0].s == "tool0");
        CHECK(v.items[599].s == "tool599");
        CHECK(lead.slots[slot("company.industry")].s == long_industry);
        CHECK(lead.slots[slot("email")].s == "jo@example.com");
    }
}

TEST_CASE("shape errors win over field errors, wherever they are") {
    Lead lead;
    const std::string bad_field = R"("company":{"employees":"many"})";
    auto err = read(record(bad_field) + " x", lead);
    REQUIRE(err);
    CHECK(*err == "trailing content after the JSON object");
    CHECK(lead.id.empty());  // the record was never read
    CHECK_FALSE(lead.slots[slot("email")].known());
    err = read(record(bad_field + R"(,"x":)" + std::string(33, '[') + std::string(33, ']')), lead);
    REQUIRE(err);
    CHECK(err->find("nesting too deep") == 0);
    err = read(record(bad_field + R"(,"x":[)"), lead);
    REQUIRE(err);
    CHECK(*err == "not valid JSON: the record ends inside an object or array");
    CHECK(lead.id.empty());
    // Brackets inside strings do not nest: many of them are fine.
    err = read(record(R"("company":{"industry":")" + std::string(40, '[') + "\"}"), lead);
    CHECK_MESSAGE(!err, err.value_or(""));
    // Without a shape error, the field error stands and the id is kept.
    err = read(record(bad_field), lead);
    REQUIRE(err);
    CHECK(err->find("`company.employees`") != std::string::npos);
    CHECK(lead.id == "L-1");
}

namespace {

bool same_value(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Value::Kind::Unknown: return true;
        case Value::Kind::Bool: return a.b == b.b;
        case Value::Kind::Number: return a.n == b.n;
        case Value::Kind::String: return a.s == b.s;
        case Value::Kind::Date:
        case Value::Kind::Enum: return a.i == b.i;
        case Value::Kind::List:
            if (a.count != b.count) return false;
            for (uint32_t i = 0; i < a.count; ++i)
                if (!same_value(a.items[i], b.items[i])) return false;
            return true;
        case Value::Kind::Set: return a.set == b.set;
    }
    return false;
}

bool same_lead(const Lead& a, const Lead& b) {
    if (a.id != b.id || a.slots.size() != b.slots.size()) return false;
    for (size_t i = 0; i < a.slots.size(); ++i)
        if (!same_value(a.slots[i], b.slots[i])) return false;
    return true;
}

}  // namespace

TEST_CASE("the fast path reads exactly what the full path reads, and refuses the rest") {
    // Good records in many shapes: the mutations below turn them into
    // near-misses of every kind.
    const std::vector<std::string> seeds = {
        record(R"("company":{"employees":250,"industry":"Software","tech_stack":["hubspot"," Snowflake ","N/A",""]})"),
        record(R"("company.employees":-7,"intent.score":0.125,"crm.is_customer":true,"crm.signed_on":"2026-02-28")"),
        R"( { "id" : 12345 , "email" : "a\"b\\c\/d\u00e9\u0041\n@x.io" , "source" : "event" } )",
        record(R"("contact":{"seniority":"vp","phone":5551234},"engagement":{"weekly":[1,2,"3",null]})"),
        record(R"("extra":{"deep":[[1,{"x":[true,false,null]}],"s",-0.5e-3]},"company":{"industry":"N/A"})"),
        record(R"("intent":{"score":"1e2"},"crm":{"is_customer":"Yes","signed_on":null},"company":{"tech_stack":"a; b;;c"})"),
        record(R"("company":{"tech_stack":[]},"engagement.weekly":[],"x.y":"z","company":{"employees":1})"),
        record(R"("contact":{"seniority":"Select"},"crm":{"is_customer":false},"intent.score":3E+2)"),
        "{" + kBase + ",\"company\":{\"industry\":\"M\\u00fcller \\u20ac GmbH\\t\",\"employees\":0}}\r",
    };
    const std::string alphabet = "{}[]\":,\\ntfrule0123456789.-+eE aN/\x01\x7f";
    std::mt19937_64 rng(20261203);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    Lead fast_lead, full_lead, lead;
    size_t accepted = 0, full_accepted = 0, runs = 0;
    for (int round = 0; round < 60000; ++round) {
        std::string t = seeds[pick(seeds.size())];
        for (size_t edits = 1 + pick(3); edits > 0 && !t.empty(); --edits) {
            const size_t at = pick(t.size());
            switch (pick(5)) {
                case 0: t.erase(at, 1); break;
                case 1: t.insert(at, 1, alphabet[pick(alphabet.size())]); break;
                case 2: t[at] = alphabet[pick(alphabet.size())]; break;
                case 3: t.insert(at, t.substr(pick(t.size()), 1 + pick(12))); break;
                default: if (round % 7 == 0) t.insert(at, "\xc3\xa9"); break;
            }
        }
        if (round < static_cast<int>(seeds.size())) t = seeds[static_cast<size_t>(round)];
        INFO(t);
        ++runs;
        const auto full = read_json_full(kSchema, t, full_lead);
        const auto combined = read_json_lead(kSchema, t, lead);
        REQUIRE(combined.has_value() == full.has_value());
        if (full) CHECK(*combined == *full);
        CHECK(same_lead(lead, full_lead));
        if (!full) ++full_accepted;
        if (!simdjson::validate_utf8(t.data(), t.size())) continue;
        reset_lead(kSchema, fast_lead);
        if (read_json_fast(kSchema, t, fast_lead, JsonReaderState::of(kSchema, fast_lead))) {
            ++accepted;
            REQUIRE_FALSE(full.has_value());
            CHECK(same_lead(fast_lead, full_lead));
        }
    }
    // Every seed is read by the fast path, and so are most mutants the full
    // path accepts (the refusals are escaped keys, surrogates, deep nesting).
    MESSAGE("accepted " << accepted << " of " << full_accepted << " good records, " << runs << " runs");
    CHECK(full_accepted > 5000);
    CHECK(accepted * 10 > full_accepted * 9);
}

TEST_CASE("leads read against a checked schema share its key table") {
    Compilation c = compile_source(
        "rulebook \"t\" version \"1\"\nschema lead {\n  id: string\n  company.employees: int?\n}\n"
        "score = 50\nroute all otherwise\n",
        "t.qual", ".");
    REQUIRE(c.ok());
    const SchemaInfo& schema = c.rulebook->program().schema;
    REQUIRE(schema.json_keys);
    Lead a, b;
    REQUIRE_FALSE(read_json_lead(schema, R"({"id":"a","company":{"employees":3}})", a));
    REQUIRE_FALSE(read_json_lead(schema, R"({"id":"b","company.employees":4})", b));
    CHECK(JsonReaderState::of(schema, a).table == schema.json_keys);
    CHECK(JsonReaderState::of(schema, b).table == schema.json_keys);
    CHECK(b.slots[static_cast<size_t>(schema.find("company.employees"))].n == Decimal::from_int(4));
    // A schema made by hand has no table of its own: the reader builds one.
    Lead c_lead;
    REQUIRE_FALSE(read(record(""), c_lead));
    CHECK(JsonReaderState::of(kSchema, c_lead).table);
}
