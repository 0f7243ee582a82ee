// The public library API (include/qualify/qualify.hpp): compiling rulebooks
// and evaluating leads, wiring parse -> check -> compile -> decide.
#include "qualify/qualify.hpp"

#include "bytecode.hpp"
#include "checker.hpp"
#include "csv_reader.hpp"
#include "data_use.hpp"
#include "trace_format.hpp"
#include "sha256.hpp"
#include "date.hpp"
#include "lint.hpp"
#include "decide.hpp"
#include "grammar/parser.hpp"
#include "reference_eval.hpp"
#include "vm.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace qualify {

const std::string& Rulebook::name() const { return program_->name; }
const std::string& Rulebook::version() const { return program_->version; }
const std::string& Rulebook::hash() const { return program_->hash; }
const std::string& Rulebook::file() const { return program_->ast->file; }
std::vector<Rulebook::FieldUse> Rulebook::field_uses() const {
    const std::vector<bool> read = read_slots(*program_);
    std::vector<FieldUse> out;
    for (size_t i = 0; i < program_->schema.fields.size(); ++i) {
        const FieldInfo& f = program_->schema.fields[i];
        out.push_back({f.name, f.pii, read[i]});
    }
    return out;
}
std::vector<std::string> Rulebook::qualified_routes() const {
    std::vector<std::string> names;
    for (int r : program_->qualified_routes) names.push_back(program_->routes[static_cast<size_t>(r)].name);
    return names;
}
const std::vector<std::string>& Rulebook::rejection_reasons() const { return program_->rejection_reasons; }
std::vector<std::pair<std::string, std::string>> Rulebook::model_hashes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& m : program_->models)
        out.emplace_back(m.name, "sha256:" + sha256_hex(m.model->file_bytes()));
    return out;
}

const std::vector<std::string>& Rulebook::assigned_names() const { return program_->assigned_names; }
std::vector<std::string> Rulebook::route_names() const {
    std::vector<std::string> names;
    for (const auto& r : program_->routes) names.push_back(r.name);
    return names;
}
std::string Rulebook::disassemble() const { return qualify::disassemble(*program_); }

std::string Compilation::render() const {
    std::string out;
    for (const auto& d : diagnostics) {
        auto it = sources.find(d.file);
        out += qualify::render(d, it == sources.end() ? std::string_view() : std::string_view(it->second));
    }
    return out;
}

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Diagnostic file_error(const std::string& path, std::string message) {
    Diagnostic d;
    d.code = DiagnosticCode::Q203;
    d.file = path;
    d.message = std::move(message);
    return d;
}

}  // namespace

Compilation compile_source(std::string source, std::string file, std::string base_dir, const CompileOptions& options) {
    Compilation c;
    c.sources[file] = source;
    ParseResult parsed = parse_rulebook(std::move(source), file);
    c.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.rulebook) return c;
    if (options.include_test_file) {
        std::filesystem::path path(file);
        std::filesystem::path test_path = path.parent_path() / (path.stem().string() + ".test.qual");
        if (auto text = read_file(test_path.string())) {
            c.sources[test_path.string()] = *text;
            ParseResult tests = parse_test_file(*text, test_path.string());
            for (auto& d : tests.diagnostics) c.diagnostics.push_back(std::move(d));
            if (!tests.rulebook) return c;
            for (auto& t : tests.rulebook->tests) {
                t.file = test_path.string();
                parsed.rulebook->tests.push_back(std::move(t));
            }
            for (auto& f : tests.rulebook->fixtures) {
                f.file = test_path.string();
                parsed.rulebook->fixtures.push_back(std::move(f));
            }
        }
    }
    CheckOptions check_options;
    check_options.allow_missing_models = options.allow_missing_models;
    check_options.skip_model_files = options.skip_model_files;
    auto program = check(std::move(parsed.rulebook), base_dir, c.diagnostics, check_options);
    if (!program) return c;
    if (options.lint) lint(*program, c.diagnostics);
    compile(*program);
    plan_decision(*program);
    c.rulebook = Rulebook(std::shared_ptr<const Program>(std::move(program)));
    return c;
}

Compilation compile_file(const std::string& path, const CompileOptions& options) {
    auto text = read_file(path);
    if (!text) {
        Compilation c;
        c.diagnostics.push_back(file_error(path, "cannot read the rulebook file"));
        return c;
    }
    std::string dir = std::filesystem::path(path).parent_path().string();
    return compile_source(std::move(*text), path, dir.empty() ? "." : dir, options);
}

std::optional<int32_t> parse_date(std::string_view iso) { return parse_iso_date(iso); }
int32_t today() { return today_utc(); }

// ---------------------------------------------------------------- leads

LeadBuilder::LeadBuilder(const Rulebook& rulebook) : rulebook_(rulebook), lead_(std::make_unique<Lead>()) {
    lead_->slots.resize(rulebook.program().schema.fields.size());
}
LeadBuilder::~LeadBuilder() = default;

int LeadBuilder::slot(std::string_view field) {
    int s = rulebook_.program().schema.find(std::string(field));
    if (s < 0) errors_.push_back("unknown field `" + std::string(field) + "`");
    return s;
}

LeadBuilder& LeadBuilder::text(std::string_view field, std::string_view raw) {
    int s = slot(field);
    if (s < 0) return *this;
    const auto& schema = rulebook_.program().schema;
    std::string error;
    auto v = convert_text(schema, schema.fields[static_cast<size_t>(s)], raw, lead_->arena, error);
    if (!v) errors_.push_back(error);
    else lead_->slots[static_cast<size_t>(s)] = *v;
    if (s == schema.id_slot) lead_->id = std::string(raw);
    return *this;
}

LeadBuilder& LeadBuilder::number(std::string_view field, int64_t v) { return text(field, std::to_string(v)); }
LeadBuilder& LeadBuilder::boolean(std::string_view field, bool v) { return text(field, v ? "true" : "false"); }

LeadBuilder& LeadBuilder::list(std::string_view field, const std::vector<std::string>& items) {
    std::string joined;
    for (size_t i = 0; i < items.size(); ++i) joined += (i ? ";" : "") + items[i];
    return text(field, joined);
}

LeadBuilder& LeadBuilder::unknown(std::string_view field) {
    int s = slot(field);
    if (s >= 0) lead_->slots[static_cast<size_t>(s)] = Value::unknown();
    return *this;
}

// ---------------------------------------------------------------- evaluation

struct Evaluator::State {
    Rulebook rulebook;
    VmEngine vm;
    ReferenceEngine reference;
    EvalContext ctx;
    DecideOptions options;
    Lead lead;
    const Lead* last = nullptr;  // the lead evaluated last (read_fields)
    std::vector<bool> read;      // read_slots(program), computed once

    State(const Rulebook& rb, const EvalOptions& o)
        : rulebook(rb),
          ctx(rb.program(), o.engine == EngineKind::Vm ? static_cast<const Engine&>(vm) : reference),
          options{o.as_of, o.explain, o.show_pii},
          read(read_slots(rb.program())) {}
};

Evaluator::Evaluator(const Rulebook& rulebook, const EvalOptions& options)
    : state_(std::make_unique<State>(rulebook, options)) {}
Evaluator::~Evaluator() = default;

Decision Evaluator::evaluate(const Lead& lead) {
    state_->last = &lead;
    Decision d;
    decide(state_->ctx, lead, state_->options, d);
    return d;
}

Decision Evaluator::evaluate(const LeadBuilder& builder) {
    if (!builder.errors().empty()) {
        Decision d;
        d.id = builder.lead().id;
        d.is_error = true;
        d.error = builder.errors().front();
        return d;
    }
    const Lead& lead = builder.lead();
    const auto& schema = state_->rulebook.program().schema;
    for (size_t i = 0; i < schema.fields.size(); ++i)
        if (!schema.fields[i].optional && !lead.slots[i].known()) {
            Decision d;
            d.id = lead.id;
            d.is_error = true;
            d.error = "missing required field `" + schema.fields[i].name + "`";
            return d;
        }
    return evaluate(lead);
}

std::vector<std::pair<std::string, std::string>> Evaluator::read_fields(bool include_pii) const {
    std::vector<std::pair<std::string, std::string>> out;
    const Lead* lead = state_->last;
    if (!lead) return out;
    const Program& p = state_->rulebook.program();
    for (size_t i = 0; i < p.schema.fields.size() && i < lead->slots.size(); ++i) {
        const FieldInfo& f = p.schema.fields[i];
        if (!state_->read[i] || static_cast<int>(i) == p.schema.id_slot || (f.pii && !include_pii)) continue;
        const Value& v = lead->slots[i];
        out.emplace_back(f.name, v.known() ? value_text(p, v, f.enum_id) : "null");
    }
    return out;
}

Decision Evaluator::evaluate_json(std::string_view json, uint64_t line) {
    Decision d;
    evaluate_json(json, line, d);
    return d;
}

Decision Evaluator::evaluate_csv(const CsvColumns& columns, const CsvRow& row) {
    Decision d;
    evaluate_csv(columns, row, d);
    return d;
}

void Evaluator::evaluate_json(std::string_view json, uint64_t line, Decision& into) {
    Lead& lead = state_->lead;
    state_->last = nullptr;
    lead.line = line;  // read_json_lead resets the rest of the lead
    if (auto error = read_json_lead(state_->rulebook.program().schema, json, lead))
        return set_error(into, lead.id, line, std::move(*error));
    state_->last = &lead;
    decide(state_->ctx, lead, state_->options, into);
}

void Evaluator::evaluate_csv(const CsvColumns& columns, const CsvRow& row, Decision& into) {
    Lead& lead = state_->lead;
    state_->last = nullptr;
    if (auto error = read_csv_lead(state_->rulebook.program().schema, columns.binding(), row, lead))
        return set_error(into, lead.id, row.line, std::move(*error));
    state_->last = &lead;
    decide(state_->ctx, lead, state_->options, into);
}

}  // namespace qualify
