// CSV records to leads: binding a header to the schema through each field's
// column (FieldInfo::column), and converting one split record into a Lead by
// the text rules every reader shares (convert_text). The public face is
// CsvReader in include/qualify/csv.hpp; the splitting is csv_split.hpp.
#pragma once

#include "interpreter/lead.hpp"
#include "qualify/csv.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qualify {

struct CsvBinding {
    std::vector<std::string> names;  // header cells, surrounding whitespace trimmed
    std::vector<int> slot;           // per column: the schema slot it feeds, or -1 (ignored)
    int id_column = -1;
};

// Binds a header record. Errors concern the whole input: a framing error in
// the header itself, a duplicate column name, the columns of required fields
// that are missing (all named in one message).
std::optional<std::string> bind_csv_header(const SchemaInfo& schema, const CsvRow& header,
                                           CsvBinding& binding);

// Converts a record into `lead` (reset first). Returns the record's error:
// its framing error, a field that does not convert, a required field empty
// or unknown. The id is taken first, so that error records carry it.
std::optional<std::string> read_csv_lead(const SchemaInfo& schema, const CsvBinding& binding,
                                         const CsvRow& row, Lead& lead);

}  // namespace qualify
