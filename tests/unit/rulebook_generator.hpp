// Random rulebooks that parse, for the formatter's round-trip tests: every
// statement of the grammar, nested expressions, and odd layout (runs of
// spaces, tabs, line breaks and comments wherever the grammar allows
// whitespace). Deterministic for a seed.
#pragma once

#include <random>
#include <set>
#include <string>
#include <vector>

namespace qualify::testing {

class RulebookGenerator {
public:
    explicit RulebookGenerator(unsigned seed) : rng_(seed) {}

    // A whole rulebook (tests included), laid out at random.
    std::string rulebook() {
        tokens_.clear();
        used_.clear();
        emit({"rulebook", quoted(), "version", quoted()});
        schema();
        const int items = range(3, 14);
        for (int i = 0; i < items; ++i) item();
        return render();
    }

private:
    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return range(1, 100) <= percent; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<size_t>(range(0, static_cast<int>(items.size()) - 1))];
    }

    void emit(std::initializer_list<std::string> tokens) {
        for (const auto& t : tokens) tokens_.push_back(t);
    }
    void emit(const std::string& token) { tokens_.push_back(token); }

    std::string name() { return pick<std::string>({"alpha", "beta", "gamma", "delta", "fit_a", "x1", "region", "tier"}); }
    std::string path() {
        static const std::vector<std::string> paths = {"company.employees", "company.industry", "contact.seniority",
                                                       "email",             "intent.score",     "a.b.c",
                                                       "lead.score",        "source",           "rules"};
        return pick(paths);
    }
    std::string quoted() {
        return pick<std::string>({"\"x\"", "\"Strong fit\"", "\"a # not a comment\"", "\"tab\\tand \\\"quote\\\"\"",
                                  "\"\"", "\"caf\xc3\xa9\"", "\"{ | => }\""});
    }
    std::string number() { return pick<std::string>({"0", "1", "20", "0.5", "1000", "2.25"}); }
    std::string signed_number() { return chance(30) ? "-" + number() : number(); }

    void schema() {
        emit({"schema", "lead", "{"});
        if (chance(50)) {
            emit({"unknown_values", "{", quoted(), ",", quoted()});
            if (chance(50)) emit(",");
            emit("}");
        }
        emit({"id", ":", "string"});
        const int fields = range(1, 6);
        for (int i = 0; i < fields; ++i) {
            emit({pick<std::string>({"company.size", "email", "contact.level", "tags", "score", "x.y"}), ":"});
            type();
            if (chance(50)) emit("?");
            if (chance(30)) emit("pii");
            if (chance(30)) emit({"from", quoted()});
        }
        emit("}");
    }
    void type() {
        switch (range(0, 3)) {
            case 0: emit(pick<std::string>({"string", "int", "decimal", "bool", "date"})); break;
            case 1:
                emit({"enum", "{", "low", ",", "mid", ",", "high"});
                if (chance(30)) emit(",");
                emit("}");
                break;
            case 2: emit({"list", "<", pick<std::string>({"string", "int"}), ">"}); break;
            default: emit({"list", "<", "enum", "{", "a", ",", "b", "}", ">"}); break;
        }
    }

    void item() {
        switch (range(0, 13)) {
            case 0: emit({"let", name(), "="}); expr(3); break;
            case 1:
                emit({"disqualify", name(), "when"});
                expr(3);
                emit({"reason", quoted()});
                break;
            case 2: criterion(); break;
            case 3:
                emit({"model", name(), "=", quoted()});
                if (chance(60)) {
                    emit({"features", "[", path()});
                    if (chance(60)) emit({",", path()});
                    emit("]");
                }
                break;
            case 4: {
                const std::string which = pick<std::string>({"score", "confidence"});
                if (!once(which)) break;
                emit({which, "="});
                expr(3);
                break;
            }
            case 5: motion(); break;
            case 6:
                emit({"escalate", name(), "when"});
                expr(3);
                emit({"reason", quoted()});
                break;
            case 7: route(); break;
            case 8: {
                const std::string which = pick<std::string>({"qualified_routes", "rejection_reasons"});
                if (once(which)) emit({which, "{", name(), ",", name(), "}"});
                break;
            }
            case 9: emit({"review", number(), "%", "of", name()}); break;
            case 10: emit({"explore", number(), "%", "of", name(), "as", name()}); break;
            case 11:
                if (!once("dedupe")) break;
                emit({"dedupe", "by", path()});
                if (chance(50)) emit({",", "lower", "(", path(), ")"});
                break;
            default: test(); break;
        }
    }

    void criterion() {
        emit({"criterion", name(), "weight", signed_number()});
        if (chance(70)) emit(quoted());
        emit("=");
        expr(3);
    }

    void route() {
        emit({"route", name()});
        if (chance(30)) {
            emit("otherwise");
        } else {
            emit("when");
            expr(3);
        }
        if (chance(60)) emit(quoted());
        if (chance(40)) emit({"action", quoted()});
    }

    void motion() {
        emit({"motion", name(), "when"});
        expr(2);
        emit("{");
        const int n = range(0, 4);
        for (int i = 0; i < n; ++i) {
            switch (range(0, 3)) {
                case 0: criterion(); break;
                case 1: emit({"weight", name(), signed_number()}); break;
                case 2: emit({"disable", name()}); break;
                default:
                    emit({"escalate", name()});
                    if (chance(50)) {
                        emit("when");
                        expr(2);
                    }
                    emit({"reason", quoted()});
                    break;
            }
        }
        emit("}");
    }

    void test() {
        emit({"test", quoted(), "{"});
        if (chance(80)) {
            emit({"given", "{", "id", ":", quoted()});
            const int n = range(0, 3);
            for (int i = 0; i < n; ++i) {
                emit({",", path(), ":"});
                value();
            }
            if (chance(30)) emit(",");
            emit("}");
        }
        if (chance(30)) emit({"as_of", "date", "(", "\"2026-11-23\"", ")"});
        const int n = range(0, 4);
        for (int i = 0; i < n; ++i) {
            emit("expect");
            switch (range(0, 7)) {
                case 0: emit({"route", name()}); break;
                case 1: emit({pick<std::string>({"score", "confidence"}), pick<std::string>({">=", "<", "=="}), signed_number()}); break;
                case 2: emit({"disqualified", name()}); break;
                case 3: emit({"not", "disqualified"}); break;
                case 4: emit({"top", "reason", name()}); break;
                case 5: emit({"no", "escalation"}); break;
                case 6: emit({"unknown", path()}); break;
                default: emit("error"); break;
            }
        }
        emit("}");
    }

    void value() {
        switch (range(0, 4)) {
            case 0: emit(quoted()); break;
            case 1: emit(number()); break;
            case 2: emit({"-", number()}); break;
            case 3: emit({"[", quoted(), ",", quoted(), "]"}); break;
            default: emit(pick<std::string>({"true", "null", "low"})); break;
        }
    }

    // An expression, fully parenthesised where precedence or the match-arm
    // boundary could otherwise regroup it.
    void expr(int depth) {
        if (depth <= 0 || chance(25)) {
            operand();
            return;
        }
        switch (range(0, 9)) {
            case 0:
            case 1:
            case 2: {
                emit("(");
                expr(depth - 1);
                emit(")");
                emit(pick<std::string>({"+", "-", "*", "/", "and", "or", "==", "!=", "<", "<=", ">", ">=", "??", "&",
                                        "|", "in"}));
                emit("(");
                expr(depth - 1);
                emit(")");
                break;
            }
            case 3: emit({path(), "not", "in", "{", quoted(), ",", quoted(), "}"}); break;
            case 4: emit({path(), "matches", "r\"^[a-z]+\\.(edu|ac)$\""}); break;
            case 5:
                emit({pick<std::string>({"min", "proximity", "decay", "count"}), "(", path(), ","});
                if (chance(50)) emit({"ideal", ":", number(), "..", number()});
                else expr(depth - 1);
                emit(")");
                break;
            case 6:
                emit({"(", "if"});
                expr(depth - 1);
                emit("then");
                expr(depth - 1);
                emit("else");
                expr(depth - 1);
                emit(")");
                break;
            case 7: match(depth); break;
            case 8:
                emit({"(", pick<std::string>({"any", "all"}), "t", "in", path(), ":", "t", "==", quoted(), ")"});
                break;
            default:
                emit(pick<std::string>({"not", "-"}));
                emit("(");
                expr(depth - 1);
                emit(")");
                break;
        }
    }

    void operand() {
        switch (range(0, 6)) {
            case 0: emit(number()); break;
            case 1: emit(quoted()); break;
            case 2: emit(pick<std::string>({"true", "false"})); break;
            case 3: emit({"{", number(), ",", number(), "}"}); break;
            case 4: emit({"[", quoted(), "]"}); break;
            case 5: emit({"-", path()}); break;
            default: emit(path()); break;
        }
    }

    void match(int depth) {
        emit({"(", "match", path(), "{"});
        const int arms = range(1, 4);
        for (int i = 0; i < arms; ++i) {
            switch (range(0, 5)) {
                case 0: emit({"in", "{", quoted(), "}"}); break;
                case 1: emit({"not", "in", "{", quoted(), ",", quoted(), "}"}); break;
                case 2: emit({pick<std::string>({">=", "<", "!="}), signed_number()}); break;
                case 3: emit({signed_number(), "..", number()}); break;
                case 4: emit({"low", ",", "high"}); break;
                default: emit(quoted()); break;
            }
            emit("=>");
            if (chance(70)) {
                operand();
            } else {
                emit("(");
                expr(depth - 1);
                emit(")");
            }
        }
        if (chance(60)) {
            emit({"else", "=>"});
            operand();
        }
        emit({"}", ")"});
    }

    // Joins the tokens with odd whitespace: spaces, tabs, blank lines,
    // comments, stray indentation.
    std::string render() {
        std::string out;
        for (size_t i = 0; i < tokens_.size(); ++i) {
            if (i > 0) {
                switch (range(0, 19)) {
                    case 0: out += "  "; break;
                    case 1: out += "\t"; break;
                    case 2: out += "\n"; break;
                    case 3: out += "\n" + std::string(static_cast<size_t>(range(0, 9)), ' '); break;
                    case 4: out += "   # note: {[( \"odd\"\n"; break;
                    case 5: out += "\n\n\n  "; break;
                    case 6: out += " \n#a comment line\n"; break;
                    default: out += " "; break;
                }
            }
            out += tokens_[i];
        }
        if (chance(50)) out += "\n";
        if (chance(20)) out += "\n\n   \n";
        return out;
    }

    // Statements a rulebook may hold only once.
    bool once(const std::string& what) { return used_.insert(what).second; }

    std::mt19937 rng_;
    std::set<std::string> used_;
    std::vector<std::string> tokens_;
};

}  // namespace qualify::testing
