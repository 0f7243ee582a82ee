// Header binding and record conversion for CSV leads (csv_reader.hpp), and
// the public CsvReader (include/qualify/csv.hpp) that joins them to the
// splitter. Rules: docs/input.md, "CSV records".
#include "interpreter/csv_reader.hpp"

#include "interpreter/csv_split.hpp"
#include "interpreter/lead_convert.hpp"
#include "interpreter/program.hpp"
#include "qualify/qualify.hpp"

#include <unordered_map>

namespace qualify {

std::optional<std::string> bind_csv_header(const SchemaInfo& schema, const CsvRow& header,
                                           CsvBinding& binding) {
    if (!header.error.empty()) return "the header line: " + header.error;
    binding = CsvBinding{};
    std::unordered_map<std::string, size_t> column_of;
    for (const std::string& cell : header.cells) {
        std::string name(lead_convert::trim(cell));
        // Empty names are spare columns (a trailing delimiter): ignored, so
        // several may coexist.
        if (!name.empty() && !column_of.emplace(name, binding.names.size()).second)
            return "duplicate column \"" + name + "\" in the header";
        binding.names.push_back(std::move(name));
    }
    binding.slot.assign(binding.names.size(), -1);
    std::string missing;
    for (size_t i = 0; i < schema.fields.size(); ++i) {
        const FieldInfo& f = schema.fields[i];
        auto it = column_of.find(f.column);
        if (it == column_of.end()) {
            if (!f.optional) missing += std::string(missing.empty() ? "" : ", ") + "\"" + f.column + "\"" +
                                        (f.column == f.name ? "" : " (field `" + f.name + "`)");
            continue;
        }
        binding.slot[it->second] = static_cast<int>(i);
        if (static_cast<int>(i) == schema.id_slot) binding.id_column = static_cast<int>(it->second);
    }
    if (!missing.empty()) return "the header lacks the column of a required field: " + missing;
    return std::nullopt;
}

std::optional<std::string> read_csv_lead(const SchemaInfo& schema, const CsvBinding& binding,
                                         const CsvRow& row, Lead& lead) {
    lead.arena.clear();
    lead.id.clear();
    lead.line = row.line;
    lead.slots.assign(schema.fields.size(), Value::unknown());
    if (!row.error.empty()) return row.error;
    if (binding.id_column >= 0) {
        const std::string& id = row.cells[static_cast<size_t>(binding.id_column)];
        if (!id.empty() && !lead_convert::is_unknown_text(schema, id)) lead.id = id;
    }
    std::string error;
    for (size_t c = 0; c < binding.slot.size() && c < row.cells.size(); ++c) {
        const int slot = binding.slot[c];
        if (slot < 0) continue;
        const FieldInfo& field = schema.fields[static_cast<size_t>(slot)];
        if (!convert_text_into(schema, field, row.cells[c], lead.arena, error, lead.slots[static_cast<size_t>(slot)]))
            return error;
    }
    for (size_t i = 0; i < schema.fields.size(); ++i) {
        const FieldInfo& f = schema.fields[i];
        if (!f.optional && !lead.slots[i].known()) return "missing required field `" + f.name + "`";
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- CsvReader

struct CsvReader::State {
    Rulebook rulebook;
    CsvSplitter splitter;
    char requested;
    std::shared_ptr<CsvBinding> binding = std::make_shared<CsvBinding>();
    CsvColumns columns{binding};
    State(const Rulebook& rb, std::istream& in, char delimiter)
        : rulebook(rb), splitter(in), requested(delimiter) {}
};

CsvReader::CsvReader(const Rulebook& rulebook, std::istream& in, char delimiter)
    : state_(std::make_unique<State>(rulebook, in, delimiter)) {}
CsvReader::~CsvReader() = default;

std::optional<std::string> CsvReader::read_header() {
    State& s = *state_;
    s.splitter.start(s.requested);
    CsvRow header;
    if (!s.splitter.next(header)) return std::nullopt;  // empty input: no leads
    if (auto error = bind_csv_header(s.rulebook.program().schema, header, *s.binding)) return error;
    s.splitter.set_header(s.binding->names);
    return std::nullopt;
}

bool CsvReader::next(CsvRow& row) { return state_->splitter.next(row); }
char CsvReader::delimiter() const { return state_->splitter.delimiter(); }
const CsvColumns& CsvReader::columns() const { return state_->columns; }

}  // namespace qualify
