// The state both JSON reader paths share (json_reader_state.hpp): built once
// per schema and kept in the Lead, plus the lexical rules both apply.
#include "interpreter/json_reader_state.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

namespace qualify {

bool json_lex::is_number(std::string_view t) {
    size_t i = 0;
    if (i < t.size() && t[i] == '-') ++i;
    if (i == t.size()) return false;
    if (t[i] == '0') ++i;
    else if (is_digit(t[i])) while (i < t.size() && is_digit(t[i])) ++i;
    else return false;
    if (i < t.size() && t[i] == '.') {
        const size_t from = ++i;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == from) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        const size_t from = i;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == from) return false;
    }
    return i == t.size();
}

JsonReaderState::JsonReaderState(const SchemaInfo& s)
    : schema(&s), fields(s.fields.data()), field_count(s.fields.size()),
      table(s.json_keys ? s.json_keys : std::make_shared<const JsonKeyTable>(s)) {
    seen.assign(table->entry_count(), 0);
    for (size_t i = 0; i < s.fields.size(); ++i)
        if (!s.fields[i].optional) required.push_back(static_cast<int>(i));
}

JsonReaderState& JsonReaderState::of(const SchemaInfo& schema, Lead& lead) {
    auto* state = static_cast<JsonReaderState*>(lead.json_memo.state.get());
    if (!state || !state->built_for(schema)) {
        auto built = std::make_shared<JsonReaderState>(schema);
        state = built.get();
        lead.json_memo.state = std::move(built);
    }
    return *state;
}

const FieldInfo* JsonReaderState::missing_required(const Lead& lead) const {
    for (int slot : required)
        if (!lead.slots[static_cast<size_t>(slot)].known()) return &schema->fields[static_cast<size_t>(slot)];
    return nullptr;
}

void reset_lead(const SchemaInfo& schema, Lead& lead) {
    lead.arena.clear();
    lead.id.clear();
    // An unknown Value is all zero bytes, so the slots are cleared as bytes:
    // filling them with a Value copy stalled on reading that copy back.
    static_assert(std::is_trivially_copyable_v<Value> && Value::Kind::Unknown == Value::Kind{});
    lead.slots.resize(schema.fields.size());
    std::memset(static_cast<void*>(lead.slots.data()), 0, lead.slots.size() * sizeof(Value));
}

}  // namespace qualify
