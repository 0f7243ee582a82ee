// Reading CSV leads: the RFC 4180 dialect (quotes, CRLF, BOM, delimiters),
// header binding through `from` columns, and a corpus of malformed files in
// which every bad record costs exactly one error record and no other
// record is lost or shifted.
#include "interpreter/csv_reader.hpp"
#include "interpreter/csv_split.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <sstream>
#include <string>
#include <vector>

using namespace qualify;

namespace {

FieldInfo field(std::string name, ScalarType type, bool optional = true, std::string column = "") {
    FieldInfo f;
    f.name = name;
    f.type = type;
    f.optional = optional;
    f.column = column.empty() ? name : column;
    return f;
}

SchemaInfo make_schema() {
    SchemaInfo s;
    s.name = "lead";
    s.unknown_values = {"Select", "N/A"};
    s.fields.push_back(field("id", ScalarType::String, false, "Record ID"));
    FieldInfo email = field("email", ScalarType::String, false, "Email");
    email.pii = true;
    s.fields.push_back(email);
    FieldInfo source = field("source", ScalarType::Enum, false);
    source.enum_values = {"inbound_form", "partner", "event"};
    s.fields.push_back(source);
    s.fields.push_back(field("company.employees", ScalarType::Int, true, "Employees"));
    FieldInfo stack = field("company.tech_stack", ScalarType::String);
    stack.is_list = true;
    s.fields.push_back(stack);
    s.fields.push_back(field("intent.score", ScalarType::Decimal));
    s.fields.push_back(field("crm.is_customer", ScalarType::Bool));
    s.fields.push_back(field("crm.signed_on", ScalarType::Date));
    FieldInfo seniority = field("contact.seniority", ScalarType::Enum);
    seniority.enum_values = {"ic", "manager", "director", "vp", "cxo"};
    s.fields.push_back(seniority);
    FieldInfo weekly = field("engagement.weekly", ScalarType::Int);
    weekly.is_list = true;
    s.fields.push_back(weekly);
    FieldInfo phone = field("contact.phone", ScalarType::Int, true, "Phone");
    phone.pii = true;
    s.fields.push_back(phone);
    for (size_t i = 0; i < s.fields.size(); ++i) s.slot_of[s.fields[i].name] = static_cast<int>(i);
    s.id_slot = 0;
    return s;
}

const SchemaInfo kSchema = make_schema();

struct Outcome {
    uint64_t line;
    std::string id;
    std::string error;  // empty: a good lead
};

struct Result {
    std::string header_error;
    std::vector<Outcome> records;
    std::deque<Lead> leads;  // the good ones, in order; a deque: values point into their arenas
};

Result read_all(const std::string& text, char delimiter = 0) {
    std::istringstream in(text);
    CsvSplitter splitter(in);
    splitter.start(delimiter);
    Result r;
    CsvRow row;
    CsvBinding binding;
    if (!splitter.next(row)) return r;
    if (auto e = bind_csv_header(kSchema, row, binding)) {
        r.header_error = *e;
        return r;
    }
    splitter.set_header(binding.names);
    while (splitter.next(row)) {
        Lead& lead = r.leads.emplace_back();
        auto e = read_csv_lead(kSchema, binding, row, lead);
        r.records.push_back({row.line, lead.id, e ? *e : ""});
        if (e) r.leads.pop_back();
    }
    return r;
}

const std::string kHeader = "Record ID,Email,source,Employees,intent.score\n";
const Value& slot(const Lead& lead, const char* name) { return lead.slots[static_cast<size_t>(kSchema.find(name))]; }

// One malformed record between two good ones: exactly one error, on the
// bad record's line, containing `want`; both neighbours read intact.
struct BadCase {
    const char* name;
    std::string record;   // without the final newline
    const char* want;
    uint64_t physical_lines = 1;
};

}  // namespace

TEST_CASE("csv: a good file, fields bound through `from` columns and dotted names") {
    const Result r = read_all(kHeader + "L-1,jo@example.com,partner,120,80.5\nL-2,al@example.com,event,,\n");
    REQUIRE(r.header_error.empty());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].line == 2);
    CHECK(r.records[1].line == 3);
    CHECK(r.records[0].id == "L-1");
    CHECK(slot(r.leads[0], "company.employees").n == Decimal::from_int(120));
    CHECK(slot(r.leads[0], "intent.score").n == *Decimal::parse("80.5"));
    CHECK(slot(r.leads[0], "source").i == 1);
    CHECK_FALSE(slot(r.leads[1], "company.employees").known());
    CHECK_FALSE(slot(r.leads[1], "crm.is_customer").known());  // no column at all: unknown
}

TEST_CASE("csv: dialect") {
    SUBCASE("BOM and CRLF") {
        const Result r = read_all("\xEF\xBB\xBFRecord ID,Email,source\r\nL-1,a@b.c,partner\r\nL-2,a@b.c,event\r\n");
        REQUIRE(r.header_error.empty());
        REQUIRE(r.leads.size() == 2);
        CHECK(r.leads[0].id == "L-1");
        CHECK(slot(r.leads[1], "source").i == 2);
    }
    SUBCASE("semicolon detected; list cells then need quoting only for the delimiter") {
        const Result r = read_all("Record ID;Email;source;company.tech_stack\nL-1;a@b.c;partner;\"hubspot;jira\"\n");
        REQUIRE(r.leads.size() == 1);
        CHECK(slot(r.leads[0], "company.tech_stack").count == 2);
    }
    SUBCASE("tab detected") {
        const Result r = read_all("Record ID\tEmail\tsource\tEmployees\nL-1\ta@b.c\tpartner\t1,000\n");
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].error.find("expected an integer") != std::string::npos);  // a comma is data here
    }
    SUBCASE("an explicit delimiter wins over detection") {
        const Result r = read_all("Record ID;Email;source;a,b,c,d\nL-1;a@b.c;partner;x\n", ';');
        REQUIRE(r.header_error.empty());
        REQUIRE(r.leads.size() == 1);
    }
    SUBCASE("quoted cells: delimiter, doubled quotes, newlines; lines count physical lines") {
        const Result r = read_all(kHeader + "\"L-1\",\"jo, \"\"the\"\" boss\nnext line@x\",partner,,\nL-2,a@b.c,event,,\n");
        REQUIRE(r.leads.size() == 2);
        CHECK(slot(r.leads[0], "email").s == "jo, \"the\" boss\nnext line@x");
        CHECK(r.records[1].line == 4);
    }
    SUBCASE("empty and blank lines are skipped and still counted") {
        const Result r = read_all(kHeader + "\nL-1,a@b.c,partner,,\n  \r\n\nL-2,a@b.c,event,,");
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].line == 3);
        CHECK(r.records[1].line == 6);  // and the last line needs no newline
    }
    SUBCASE("placeholders from unknown_values are unknown; a list splits on ';'") {
        const Result r = read_all("Record ID,Email,source,Employees,company.tech_stack,contact.seniority\n"
                                  "L-1,a@b.c,partner,N/A,\"hubspot; N/A ;jira\",Select\n");
        REQUIRE(r.leads.size() == 1);
        CHECK_FALSE(slot(r.leads[0], "company.employees").known());
        CHECK_FALSE(slot(r.leads[0], "contact.seniority").known());
        const Value& stack = slot(r.leads[0], "company.tech_stack");
        REQUIRE(stack.count == 2);
        CHECK(stack.items[1].s == "jira");
    }
    SUBCASE("unknown columns and spare empty header names are ignored") {
        const Result r = read_all("Notes,Record ID,Email,source,,\nhi,L-1,a@b.c,partner,,\n");
        REQUIRE(r.header_error.empty());
        REQUIRE(r.leads.size() == 1);
    }
    SUBCASE("a dotted name does not reach a field read `from` another column") {
        const Result r = read_all("Record ID,Email,source,company.employees\nL-1,a@b.c,partner,abc\n");
        REQUIRE(r.leads.size() == 1);
        CHECK_FALSE(slot(r.leads[0], "company.employees").known());
    }
    SUBCASE("empty input and a header alone hold no records") {
        CHECK(read_all("").records.empty());
        CHECK(read_all("").header_error.empty());
        CHECK(read_all(kHeader).records.empty());
    }
}

TEST_CASE("csv: header errors are reported once, for the whole input") {
    SUBCASE("duplicate columns") {
        const Result r = read_all("Record ID,Email,source,Email\nL-1,a,partner,b\n");
        CHECK(r.header_error == "duplicate column \"Email\" in the header");
        CHECK(r.records.empty());
    }
    SUBCASE("required columns missing: every one named, in one message") {
        const Result r = read_all("Record ID,Employees\nL-1,10\nL-2,20\n");
        CHECK(r.header_error ==
              "the header lacks the column of a required field: \"Email\" (field `email`), \"source\"");
        CHECK(r.records.empty());
    }
    SUBCASE("a framing error in the header") {
        CHECK(read_all("Record ID,\"Email,source\n").header_error.find("the header line: unterminated") == 0);
        CHECK(read_all("Record ID,Em\xFFil,source\n").header_error.find("invalid UTF-8") != std::string::npos);
    }
}

TEST_CASE("csv: malformed records cost one error each and lose nothing") {
    const std::string huge(CsvSplitter::kMaxCell + 10, 'x');
    const std::vector<BadCase> cases = {
        {"ragged short", "L-9,a@b.c,partner", "expected 5 cells, as the header has, got 3"},
        {"ragged long", "L-9,a@b.c,partner,1,2,3,4", "expected 5 cells, as the header has, got 7"},
        {"a lone cell", "L-9", "got 1"},
        {"quote inside an unquoted cell", "L-9,a\"b@c,partner,,", "quote inside an unquoted cell in column \"Email\""},
        {"text after a closing quote", "L-9,\"a@b.c\"x,partner,,", "text after the closing quote in column \"Email\""},
        {"invalid UTF-8", "L-9,a\xC3\x28@b.c,partner,,", "invalid UTF-8 in column \"Email\""},
        {"truncated UTF-8 sequence", "L-9,a@b.c,partner,,\xE2\x82", "invalid UTF-8 in column \"intent.score\""},
        {"huge unquoted cell", "L-9,a@b.c,partner,," + huge, "cell over 1 MiB in column \"intent.score\""},
        {"huge quoted cell", "L-9,\"" + huge + "\",partner,,", "cell over 1 MiB in column \"Email\""},
        {"int with a fraction", "L-9,a@b.c,partner,12.5,", "field `company.employees`: expected an integer, got \"12.5\""},
        {"int with a thousands separator", "L-9,a@b.c,partner,\"1,000\",", "expected an integer, got \"1,000\""},
        {"int out of range", "L-9,a@b.c,partner,9223372036854775808,", "integer out of range"},
        {"decimal not a number", "L-9,a@b.c,partner,,abc", "field `intent.score`: expected a decimal number"},
        {"decimal without leading digit", "L-9,a@b.c,partner,,.5", "expected a decimal number"},
        {"unknown enum value", "L-9,a@b.c,VP,,", "field `source`: expected one of inbound_form, partner, event, got \"VP\""},
        {"enum in the wrong case", "L-9,a@b.c,Partner,,", "field `source`"},
        {"required field empty", "L-9,,partner,,", "missing required field `email`"},
        {"required field a placeholder", "L-9,a@b.c,N/A,,", "missing required field `source`"},
        {"required id empty", ",a@b.c,partner,,", "missing required field `id`"},
        {"required field blank", "L-9,a@b.c,  ,,", "missing required field `source`"},
    };
    for (const BadCase& c : cases) {
        CAPTURE(c.name);
        const Result r = read_all(kHeader + "L-1,a@b.c,partner,,\n" + c.record + "\nL-2,a@b.c,event,,\n");
        REQUIRE(r.records.size() == 3);
        CHECK(r.records[0].error.empty());
        CHECK(r.records[1].line == 3);
        CHECK(r.records[1].error.find(c.want) != std::string::npos);
        CHECK(r.records[2].error.empty());
        CHECK(r.records[2].line == 4);
        CHECK(r.records[2].id == "L-2");
    }
}

TEST_CASE("csv: errors in fields of other types, with a header of their own") {
    const std::string header = "Record ID,Email,source,crm.is_customer,crm.signed_on,engagement.weekly,Phone\n";
    const std::vector<BadCase> cases = {
        {"bool", "L-9,a@b.c,event,maybe,,,", "field `crm.is_customer`: expected a bool"},
        {"date not a real day", "L-9,a@b.c,event,,2026-02-30,,", "field `crm.signed_on`: expected a date"},
        {"date in US order", "L-9,a@b.c,event,,01/11/2026,,", "expected a date (YYYY-MM-DD), got \"01/11/2026\""},
        {"list element of the wrong type", "L-9,a@b.c,event,,,1;x;3,", "field `engagement.weekly`: expected an integer, got \"x\""},
        {"pii value redacted", "L-9,a@b.c,event,,,,+44 20 7946", "field `contact.phone`: expected an integer, got <redacted>"},
    };
    for (const BadCase& c : cases) {
        CAPTURE(c.name);
        const Result r = read_all(header + c.record + "\nL-2,a@b.c,event,yes,2026-11-01,1;2,123\n");
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].error.find(c.want) != std::string::npos);
        CHECK(r.records[0].id == "L-9");  // error records carry the id
        CHECK(r.records[1].error.empty());
    }
}

TEST_CASE("csv: a runaway quote is undone: the record is an error, the lines after it are read") {
    SUBCASE("unterminated at the end of the input") {
        const Result r = read_all(kHeader + "L-1,\"a@b.c,partner,,\nL-2,a@b.c,event,,\nL-3,a@b.c,event,,\n");
        REQUIRE(r.records.size() == 3);
        CHECK(r.records[0].line == 2);
        CHECK(r.records[0].error.find("unterminated quoted cell in column \"Email\"") == 0);
        CHECK(r.records[1].line == 3);
        CHECK(r.records[1].id == "L-2");
        CHECK(r.records[2].line == 4);
        CHECK(r.records[2].error.empty());
    }
    SUBCASE("on the last line") {
        const Result r = read_all(kHeader + "L-1,a@b.c,partner,,\nL-2,\"a@b.c,event,,");
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[1].error.find("unterminated") == 0);
    }
    SUBCASE("a quoted cell running over 4 MiB") {
        std::string lines;
        for (int i = 0; i < 70000; ++i) lines += "L-x,a1234567890123456789012345678901234567890123456789@b.c,event,,\n";
        const Result r = read_all(kHeader + "L-1,\"a@b.c,partner,,\n" + lines);
        REQUIRE(r.records.size() == 70001);
        CHECK(r.records[0].error.find("cell over 1 MiB in column \"Email\"") == 0);
        CHECK(r.records[1].error == "");
        size_t errors = 0;
        for (const Outcome& o : r.records) errors += !o.error.empty();
        CHECK(errors == 1);
        CHECK(r.records.back().line == 70002);
    }
}

TEST_CASE("csv: every record is accounted for in a file of mixed records") {
    const std::string text = kHeader +
                             "L-1,a@b.c,partner,,\n"
                             "L-2,a@b.c,partner\n"
                             "\n"
                             "L-3,\"multi\nline\",event,,\n"
                             "L-4,a@b.c,nope,,\n"
                             "L-5,a@b.c,event,,1e2\r\n"
                             "L-6,a\"b,event,,\n"
                             "L-7,a@b.c,event,7,\n";
    const Result r = read_all(text);
    std::vector<uint64_t> lines;
    size_t errors = 0;
    for (const Outcome& o : r.records) {
        lines.push_back(o.line);
        errors += !o.error.empty();
    }
    CHECK(lines == std::vector<uint64_t>{2, 3, 5, 7, 8, 9, 10});
    CHECK(errors == 3);
    CHECK(r.leads.size() == 4);
}

TEST_CASE("csv: a reused row holds only the current record's cells") {
    // Long plain runs, quoted runs with line breaks and a run cut by the
    // buffer end are taken in one step; cells shrink and grow between records.
    const std::string long_cell(70000, 'p');
    std::istringstream in("a,b,c\n" + long_cell + ",\"x\ny\"\"z\",3\n1,2\n\"q\",,\n4,5,6,7\n");
    CsvSplitter splitter(in);
    splitter.start(0);
    CsvRow row;
    REQUIRE(splitter.next(row));
    splitter.set_header(row.cells);
    REQUIRE(splitter.next(row));
    CHECK(row.error.empty());
    REQUIRE(row.cells.size() == 3);
    CHECK(row.cells[0] == long_cell);
    CHECK(row.cells[1] == "x\ny\"z");
    CHECK(row.cells[2] == "3");
    REQUIRE(splitter.next(row));
    CHECK(row.line == 4);
    CHECK(row.error.find("expected 3 cells") != std::string::npos);
    CHECK(row.cells.empty());
    REQUIRE(splitter.next(row));
    CHECK(row.error.empty());
    REQUIRE(row.cells.size() == 3);
    CHECK(row.cells[0] == "q");
    CHECK(row.cells[1].empty());
    CHECK(row.cells[2].empty());
    REQUIRE(splitter.next(row));
    CHECK(row.error.find("got 4") != std::string::npos);
    CHECK_FALSE(splitter.next(row));
    CHECK(row.cells.empty());
}
