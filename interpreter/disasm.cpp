// `qualify disasm`: prints each root's bytecode with operands explained
// (field names, constant values, jump targets, source positions).
#include "bytecode.hpp"

#include "program.hpp"
#include "stdlib/builtins.hpp"
#include "trace_format.hpp"

#include <cstdio>

namespace qualify {

namespace {

std::string describe(const Program& p, const Instr& in) {
    if (reads_constant(in.op)) return value_text(p, p.constants[static_cast<size_t>(in.a)], -1);
    switch (in.op) {
        case Op::PUSH_SET: return value_text(p, Value::constant_set(p.sets[static_cast<size_t>(in.a)].get()), -1);
        case Op::LOAD_FIELD: return p.schema.fields[static_cast<size_t>(in.a)].name;
        case Op::LOAD_DERIVED: return "let " + p.derived[static_cast<size_t>(in.a)].name;
        case Op::LOAD_BUILTIN: {
            static const char* names[] = {"rules", "points", "known_share", "score", "confidence", "motion"};
            return names[in.a];
        }
        case Op::LOAD_MODEL: return "model " + p.models[static_cast<size_t>(in.a)].name;
        case Op::MATCHES: return "pattern " + std::to_string(in.a);
        case Op::CALL: return std::string(builtins()[static_cast<size_t>(in.a)].name) + "/" + std::to_string(in.b);
        case Op::BRANCH: return "false -> " + std::to_string(in.a) + ", unknown -> " + std::to_string(in.b);
        case Op::QUANT_INIT:
        case Op::QUANT_STEP: return std::string(in.b == 1 ? "all" : "any") + ", -> " + std::to_string(in.a);
        case Op::QUANT_NEXT: return "variable " + std::to_string(in.b) + ", done -> " + std::to_string(in.a);
        case Op::LOAD_LOCAL: return "variable " + std::to_string(in.a);
        case Op::SELECT_ENUM: {
            // `cxo => 1, vp => 1, director => 0.7, …`, unknown results as null.
            const Bytecode::Select& sel = p.bytecode->selects[static_cast<size_t>(in.a)];
            const auto& names = p.enums[static_cast<size_t>(sel.enum_id)].values;
            std::string out;
            for (size_t i = 0; i < sel.results.size(); ++i) {
                const int32_t k = sel.results[i];
                out += (i ? ", " : "") + names[i] + " => " +
                       (k < 0 ? std::string("null") : value_text(p, p.constants[static_cast<size_t>(k)], -1));
            }
            return out;
        }
        default: return op_info(in.op).operands > 0 ? "-> " + std::to_string(in.a) : "";
    }
}

}  // namespace

std::string disassemble(const Program& p) {
    const Bytecode& bc = *p.bytecode;
    std::string out = "; " + p.name + "@" + p.version + "  " + p.hash + "\n";
    out += "; " + std::to_string(p.roots.size()) + " roots, " + std::to_string(bc.code.size()) + " instructions, " +
           std::to_string(p.constants.size()) + " constants, " + std::to_string(p.sets.size()) + " sets, " +
           std::to_string(p.regexes.size()) + " patterns\n";
    for (size_t r = 0; r < p.roots.size(); ++r) {
        uint32_t begin = bc.entry[r];
        uint32_t end = r + 1 < bc.entry.size() ? bc.entry[r + 1] : static_cast<uint32_t>(bc.code.size());
        out += "\n" + p.root_names[r] + ":  ; max stack " + std::to_string(bc.max_stack[r]) + "\n";
        for (uint32_t i = begin; i < end; ++i) {
            const Instr& in = bc.code[i];
            const OpInfo& info = op_info(in.op);
            char head[64];
            std::snprintf(head, sizeof head, "  %5u  %-16s", i, info.name);
            std::string line = head;
            std::string what = describe(p, in);
            if (!what.empty()) line += " " + what;
            if (line.size() < 60) line.resize(60, ' ');
            line += " ; " + std::to_string(bc.spans[i].line) + ":" + std::to_string(bc.spans[i].column);
            out += line + "\n";
        }
    }
    return out;
}

}  // namespace qualify
