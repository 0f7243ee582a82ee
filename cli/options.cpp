// Argument parsing helpers shared by the subcommands (see options.hpp).
#include "cli/options.hpp"

#include "qualify/qualify.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

namespace qualify::cli {

namespace {

const FlagSpec* find_spec(std::initializer_list<FlagSpec> specs, std::string_view name) {
    for (const auto& s : specs)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace

Args::Args(std::span<const std::string> args, std::initializer_list<FlagSpec> specs) {
    bool options_done = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        // "-" alone names stdin; it is a positional argument, not a flag.
        if (options_done || word.size() < 2 || word[0] != '-') {
            positional_.push_back(word);
            continue;
        }
        if (word == "--") {
            options_done = true;
            continue;
        }
        if (word == "--help" || word == "-h") {
            help_ = true;
            continue;
        }
        std::string name = word;
        std::optional<std::string> inline_value;
        if (word.starts_with("--")) {
            if (auto eq = word.find('='); eq != std::string::npos) {
                name = word.substr(0, eq);
                inline_value = word.substr(eq + 1);
            }
        } else if (word.size() > 2) {
            // Short flags may carry their value glued on: -j4.
            name = word.substr(0, 2);
            inline_value = word.substr(2);
        }
        const FlagSpec* spec = find_spec(specs, name);
        if (!spec) throw UsageError("unknown option '" + word + "'");
        if (!spec->takes_value) {
            if (inline_value) throw UsageError("option '" + name + "' takes no value");
            values_[name] = "";
            continue;
        }
        if (inline_value) {
            values_[name] = *inline_value;
        } else if (i + 1 < args.size()) {
            values_[name] = args[++i];
        } else {
            throw UsageError("option '" + name + "' needs a value");
        }
    }
}

std::optional<std::string> Args::value(std::string_view flag) const {
    auto it = values_.find(std::string(flag));
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

int32_t as_of_date(const Args& args) {
    auto text = args.value("--as-of");
    if (!text) return today();
    auto date = parse_date(*text);
    if (!date) throw UsageError("--as-of: '" + *text + "' is not a date (YYYY-MM-DD)");
    return *date;
}

std::string one_of(const Args& args, std::string_view flag, std::string_view fallback,
                   std::initializer_list<std::string_view> allowed) {
    auto text = args.value(flag);
    if (!text) return std::string(fallback);
    for (auto a : allowed)
        if (*text == a) return *text;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw UsageError(std::string(flag) + ": '" + *text + "' is not one of " + list);
}

unsigned thread_count(const Args& args) {
    auto text = args.value("-j");
    if (!text) return 1;
    unsigned n = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || end != text->data() + text->size() || n > 1024)
        throw UsageError("-j: '" + *text + "' is not a thread count (0..1024)");
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    return n;
}

std::string read_file(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    // A directory opens as a stream on some systems and reads as empty.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw UsageError("'" + path + "' is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read '" + path + "'");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw UsageError("cannot read '" + path + "'");
    return text;
}

}  // namespace qualify::cli
