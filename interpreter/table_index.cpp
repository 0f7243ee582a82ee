// Builds and queries the per-column atom bitsets of a decision table (see
// table_index.hpp for the scheme).
#include "table_index.hpp"

#include "ops.hpp"

#include <algorithm>
#include <bit>

namespace qualify {

bool cell_holds(const CellTest& cell, const Value& input) {
    using CK = CellTest::Kind;
    if (cell.kind == CK::Any) return true;
    if (!input.known()) return false;
    switch (cell.kind) {
        case CK::Any: return true;
        case CK::Equals: return compare(CompareOp::Eq, input, cell.a).b;
        case CK::Compare: return compare(static_cast<CompareOp>(cell.op), input, cell.a).b;
        case CK::In: return member(input, cell.a).b;
        case CK::NotIn: {
            Value m = member(input, cell.a);
            return m.known() && !m.b;
        }
        case CK::Range: return compare(CompareOp::Ge, input, cell.a).b && compare(CompareOp::Le, input, cell.b).b;
    }
    return false;
}

namespace {

// The scalars an operand names: itself, or a set's or list's elements.
void operand_values(const Value& v, std::vector<Value>& out) {
    if (v.kind == Value::Kind::Set) {
        for (const auto& e : v.set->elements()) out.push_back(e);
    } else if (v.kind == Value::Kind::List) {
        for (uint32_t i = 0; i < v.count; ++i) out.push_back(v.items[i]);
    } else if (v.known()) {
        out.push_back(v);
    }
}

void set_bit(RowBits& b, size_t row) { b[row / 64] |= uint64_t{1} << (row % 64); }

}  // namespace

TableIndex::TableIndex(const TableRule& table, const Program& program) : table_(table) {
    words_ = (table.rows + 63) / 64;
    all_.assign(words_, 0);
    for (size_t r = 0; r < table.rows; ++r) set_bit(all_, r);
    const size_t width = table.inputs.size();
    columns_.resize(width);
    for (size_t c = 0; c < width; ++c) {
        Column& col = columns_[c];
        const Type& type = program.type_of(*program.roots[static_cast<size_t>(table.inputs[c])]);
        std::vector<Value> named;
        for (size_t r = 0; r < table.rows; ++r) {
            const CellTest& cell = table.cells[r * width + c];
            if (cell.kind == CellTest::Kind::Any) continue;
            operand_values(cell.a, named);
            if (cell.kind == CellTest::Kind::Range) operand_values(cell.b, named);
        }
        switch (type.kind) {
            case Type::Kind::Enum: {
                col.mode = Mode::Enum;
                const auto& values = program.enums[static_cast<size_t>(type.enum_id)].values;
                for (size_t i = 0; i < values.size(); ++i)
                    col.atoms.push_back({Value::enumv(static_cast<int32_t>(i)), values[i]});
                break;
            }
            case Type::Kind::Bool:
                col.mode = Mode::Bools;
                col.atoms.push_back({Value::boolean(false), "false"});
                col.atoms.push_back({Value::boolean(true), "true"});
                break;
            case Type::Kind::String: {
                col.mode = Mode::Strings;
                for (const Value& v : named) {
                    if (v.kind != Value::Kind::String) continue;
                    std::string s(v.s);
                    if (col.strings.count(s)) continue;
                    col.strings.emplace(s, static_cast<uint32_t>(col.atoms.size()));
                    storage_.push_back(s);
                    col.atoms.push_back({Value::string(storage_.back()), "\"" + s + "\""});
                }
                // A string no cell names: the named ones with a suffix none has.
                std::string other = "\x01";
                while (col.strings.count(other)) other += "\x01";
                storage_.push_back(other);
                col.other = static_cast<uint32_t>(col.atoms.size());
                col.atoms.push_back({Value::string(storage_.back()), "any other value"});
                break;
            }
            case Type::Kind::Int:
            case Type::Kind::Decimal: {
                col.mode = Mode::Numbers;
                for (const Value& v : named)
                    if (v.kind == Value::Kind::Number) col.bounds.push_back(v.n);
                std::sort(col.bounds.begin(), col.bounds.end());
                col.bounds.erase(std::unique(col.bounds.begin(), col.bounds.end()), col.bounds.end());
                const Decimal one = Decimal::one(), two = Decimal::from_int(2);
                const bool ints = type.kind == Type::Kind::Int;
                const size_t k = col.bounds.size();
                // Atom 2i: the open interval below bounds[i] (above bounds[i-1]); atom 2i+1: bounds[i].
                for (size_t i = 0; i <= k; ++i) {
                    Decimal example = k == 0   ? Decimal::zero()
                                      : i == 0 ? (ints ? col.bounds[0].ceil() - one : col.bounds[0] - one)
                                      : i == k ? (ints ? col.bounds[k - 1].floor() + one : col.bounds[k - 1] + one)
                                               : (ints ? col.bounds[i - 1].floor() + one
                                                       : (col.bounds[i - 1] + col.bounds[i]) / two);
                    bool possible = !(ints && i > 0 && i < k && !(example < col.bounds[i]));
                    if (!possible) example = (col.bounds[i - 1] + col.bounds[i]) / two;
                    col.atoms.push_back({Value::number(example), example.to_string(), possible});
                    if (i < k)
                        col.atoms.push_back({Value::number(col.bounds[i]), col.bounds[i].to_string(),
                                             !ints || col.bounds[i].floor() == col.bounds[i]});
                }
                break;
            }
            default: col.mode = Mode::Scan; break;
        }
        col.unknown_bits.assign(words_, 0);
        col.atom_bits.assign(col.atoms.size(), RowBits(words_, 0));
        for (size_t r = 0; r < table.rows; ++r) {
            const CellTest& cell = table.cells[r * width + c];
            if (cell.kind == CellTest::Kind::Any) set_bit(col.unknown_bits, r);
            for (size_t a = 0; a < col.atoms.size(); ++a)
                if (cell_holds(cell, col.atoms[a].example)) set_bit(col.atom_bits[a], r);
        }
    }
}

bool TableIndex::analysable() const {
    return std::all_of(columns_.begin(), columns_.end(), [](const Column& c) { return c.mode != Mode::Scan; });
}

size_t TableIndex::atom_of(const Column& c, const Value& v) const {
    switch (c.mode) {
        case Mode::Enum: return static_cast<size_t>(v.i);
        case Mode::Bools: return v.b ? 1 : 0;
        case Mode::Strings: {
            auto it = c.strings.find(std::string(v.s));
            return it == c.strings.end() ? c.other : it->second;
        }
        case Mode::Numbers: {
            auto it = std::lower_bound(c.bounds.begin(), c.bounds.end(), v.n);
            size_t i = static_cast<size_t>(it - c.bounds.begin());
            return it != c.bounds.end() && *it == v.n ? 2 * i + 1 : 2 * i;
        }
        case Mode::Scan: break;
    }
    return 0;
}

void TableIndex::match(const Value* inputs, std::vector<uint32_t>& rows, size_t limit) const {
    thread_local RowBits acc;
    acc = all_;
    const size_t width = columns_.size();
    for (size_t c = 0; c < width; ++c) {
        const Column& col = columns_[c];
        const Value& v = inputs[c];
        if (col.mode == Mode::Scan) {
            for (size_t r = 0; r < table_.rows; ++r)
                if (!cell_holds(table_.cells[r * width + c], v)) acc[r / 64] &= ~(uint64_t{1} << (r % 64));
            continue;
        }
        // The type guarantees the kind; a value of another kind (never produced) matches `-` only.
        const RowBits& b = !v.known() ? col.unknown_bits : col.atom_bits[atom_of(col, v)];
        for (size_t w = 0; w < words_; ++w) acc[w] &= b[w];
    }
    for (size_t w = 0; w < words_ && rows.size() < limit; ++w) {
        uint64_t bits = acc[w];
        while (bits && rows.size() < limit) {
            rows.push_back(static_cast<uint32_t>(w * 64 + static_cast<size_t>(std::countr_zero(bits))));
            bits &= bits - 1;
        }
    }
}

void TableIndex::scan(const TableRule& table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit) {
    const size_t width = table.inputs.size();
    for (size_t r = 0; r < table.rows && rows.size() < limit; ++r) {
        bool all = true;
        for (size_t c = 0; c < width && all; ++c) all = cell_holds(table.cells[r * width + c], inputs[c]);
        if (all) rows.push_back(static_cast<uint32_t>(r));
    }
}

}  // namespace qualify
