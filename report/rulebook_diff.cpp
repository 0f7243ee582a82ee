// Computes and renders the impact of a rulebook change (rulebook_diff.hpp).
#include "report/rulebook_diff.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

namespace qualify::report {

namespace {

// Quartiles by the nearest-rank method on the sorted scores: exact decimals,
// no interpolation, so the numbers are scores that occurred.
ScoreStats stats_of(std::vector<Decimal> v) {
    ScoreStats s;
    s.count = v.size();
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    Decimal sum;
    for (const auto& x : v) sum = sum + x;
    s.mean = (sum / Decimal::from_int(static_cast<int64_t>(v.size()))).round_half_away(2);
    auto nearest = [&](size_t quarter) {
        size_t r = (v.size() * quarter + 3) / 4;  // ceil(n * q / 4), 1-based
        return v[std::max<size_t>(r, 1) - 1];
    };
    s.q1 = nearest(1);
    s.median = nearest(2);
    s.q3 = nearest(3);
    return s;
}

std::string fixed(const std::optional<Decimal>& d) { return d ? d->to_fixed(2) : "-"; }

std::string stats_line(const ScoreStats& s) {
    if (!s.count) return "no scores";
    return "mean " + s.mean.to_fixed(2) + ", q1 " + s.q1.to_fixed(2) + ", median " + s.median.to_fixed(2) + ", q3 " +
           s.q3.to_fixed(2) + " (" + std::to_string(s.count) + " leads)";
}

std::string percent(double p) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(1);
    o << p;
    return o.str();
}

nlohmann::ordered_json stats_json(const ScoreStats& s) {
    nlohmann::ordered_json j;
    j["count"] = s.count;
    if (s.count) {
        j["mean"] = s.mean.to_fixed(2);
        j["q1"] = s.q1.to_fixed(2);
        j["median"] = s.median.to_fixed(2);
        j["q3"] = s.q3.to_fixed(2);
    }
    return j;
}

nlohmann::ordered_json side_json(const DiffSide& s) {
    nlohmann::ordered_json j;
    j["route"] = s.route;
    j["score"] = s.score ? nlohmann::ordered_json(s.score->to_fixed(2)) : nlohmann::ordered_json(nullptr);
    j["summary"] = s.summary;
    return j;
}

}  // namespace

DiffSide diff_side(const Decision& d) {
    DiffSide s;
    if (d.is_error) {
        s.route = "error";
        s.summary = "error: " + d.error;
        return s;
    }
    s.route = std::string(d.route);
    s.score = d.score;
    s.disqualified = !d.disqualified.empty();
    s.summary = summary(d);
    return s;
}

RulebookDiff compute_diff(const std::vector<std::pair<std::string, DiffSide>>& old_sides,
                          const std::vector<std::pair<std::string, DiffSide>>& new_sides, size_t top_n) {
    RulebookDiff d;
    std::unordered_map<std::string, const DiffSide*> after;
    for (const auto& [id, side] : new_sides) after.emplace(id, &side);
    std::set<std::string> seen;
    std::vector<Decimal> old_scores, new_scores;
    std::map<std::string, std::pair<std::vector<Decimal>, std::vector<Decimal>>> bands;
    std::vector<ChangedLead> changed;
    for (const auto& [id, before] : old_sides) {
        if (!seen.insert(id).second) continue;
        auto it = after.find(id);
        if (it == after.end()) {
            d.only_old.push_back(id);
            continue;
        }
        const DiffSide& now = *it->second;
        ++d.matched;
        ++d.transitions[{before.route, now.route}];
        if (before.score) old_scores.push_back(*before.score);
        if (now.score) new_scores.push_back(*now.score);
        auto& band = bands[before.route];
        if (before.score) band.first.push_back(*before.score);
        if (now.score) band.second.push_back(*now.score);
        ChangedLead c{id, before, now, Decimal::zero()};
        if (before.score && now.score) c.score_change = (*now.score - *before.score).abs();
        if (before.route != now.route) ++d.moved;
        if (!before.disqualified && now.disqualified) d.newly_disqualified.push_back(c);
        if (before.disqualified && !now.disqualified && now.route != "error") d.requalified.push_back(c);
        if (before.route != now.route || c.score_change != Decimal::zero()) changed.push_back(std::move(c));
    }
    std::set<std::string> old_ids;
    for (const auto& [id, _] : old_sides) old_ids.insert(id);
    std::set<std::string> listed;
    for (const auto& [id, _] : new_sides)
        if (!old_ids.count(id) && listed.insert(id).second) d.only_new.push_back(id);
    d.old_scores = stats_of(old_scores);
    d.new_scores = stats_of(new_scores);
    for (auto& [route, v] : bands) d.by_band[route] = {stats_of(v.first), stats_of(v.second)};
    std::stable_sort(changed.begin(), changed.end(), [](const ChangedLead& a, const ChangedLead& b) {
        bool am = a.before.route != a.after.route, bm = b.before.route != b.after.route;
        if (am != bm) return am;
        return a.score_change > b.score_change;
    });
    if (changed.size() > top_n) changed.resize(top_n);
    d.top = std::move(changed);
    return d;
}

std::string diff_text(const RulebookDiff& d) {
    std::ostringstream o;
    o << d.old_name << " -> " << d.new_name << ": " << d.matched << " leads, " << d.moved << " changed route ("
      << percent(d.moved_percent()) << "%)\n";
    if (!d.only_old.empty()) o << "only in the old run: " << d.only_old.size() << " leads\n";
    if (!d.only_new.empty()) o << "only in the new run: " << d.only_new.size() << " leads\n";
    o << "\nroute transitions (from -> to: leads)\n";
    for (const auto& [k, n] : d.transitions)
        o << "  " << k.first << " -> " << k.second << ": " << n << (k.first == k.second ? "" : "  *") << "\n";
    o << "\nnewly disqualified: " << d.newly_disqualified.size() << "\n";
    for (const auto& c : d.newly_disqualified) o << "  " << c.id << ": " << c.after.summary << "\n";
    o << "re-qualified: " << d.requalified.size() << "\n";
    for (const auto& c : d.requalified) o << "  " << c.id << ": " << c.after.summary << "\n";
    o << "\nscores\n  old: " << stats_line(d.old_scores) << "\n  new: " << stats_line(d.new_scores) << "\n";
    for (const auto& [route, s] : d.by_band)
        o << "  leads of old route " << route << ": mean " << (s.first.count ? s.first.mean.to_fixed(2) : "-") << " -> "
          << (s.second.count ? s.second.mean.to_fixed(2) : "-") << "\n";
    o << "\nmost changed (" << d.top.size() << ")\n";
    for (const auto& c : d.top) {
        o << "  " << c.id << ": " << c.before.route << " " << fixed(c.before.score) << " -> " << c.after.route << " "
          << fixed(c.after.score) << "\n";
        o << "    old: " << c.before.summary << "\n    new: " << c.after.summary << "\n";
    }
    return o.str();
}

std::string diff_json(const RulebookDiff& d) {
    nlohmann::ordered_json j;
    j["old"] = d.old_name;
    j["new"] = d.new_name;
    j["leads"] = d.matched;
    j["moved"] = d.moved;
    j["moved_percent"] = percent(d.moved_percent());
    j["only_old"] = d.only_old;
    j["only_new"] = d.only_new;
    auto& t = j["transitions"] = nlohmann::ordered_json::array();
    for (const auto& [k, n] : d.transitions) t.push_back({{"from", k.first}, {"to", k.second}, {"leads", n}});
    auto ids = [](const std::vector<ChangedLead>& v) {
        auto a = nlohmann::ordered_json::array();
        for (const auto& c : v) a.push_back(c.id);
        return a;
    };
    j["newly_disqualified"] = ids(d.newly_disqualified);
    j["requalified"] = ids(d.requalified);
    j["scores"] = {{"old", stats_json(d.old_scores)}, {"new", stats_json(d.new_scores)}};
    auto& bands = j["by_old_route"] = nlohmann::ordered_json::object();
    for (const auto& [route, s] : d.by_band) bands[route] = {{"old", stats_json(s.first)}, {"new", stats_json(s.second)}};
    auto& top = j["most_changed"] = nlohmann::ordered_json::array();
    for (const auto& c : d.top) top.push_back({{"id", c.id}, {"old", side_json(c.before)}, {"new", side_json(c.after)}});
    return j.dump() + "\n";
}

namespace {

// Text for a markdown table cell: a `|` would end the cell and a line break
// the row, so the first is escaped and the second becomes a space.
std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out;
}

}  // namespace

std::string diff_markdown(const RulebookDiff& d) {
    std::ostringstream o;
    o << "### Rulebook impact: `" << d.old_name << "` → `" << d.new_name << "`\n\n";
    o << "**" << d.moved << " of " << d.matched << " leads (" << percent(d.moved_percent()) << "%) change route.**";
    if (!d.only_old.empty() || !d.only_new.empty())
        o << " " << d.only_old.size() << " leads only in the old run, " << d.only_new.size() << " only in the new.";
    o << "\n\n| from \\ to | leads |\n|---|---:|\n";
    for (const auto& [k, n] : d.transitions)
        o << "| " << k.first << " → " << k.second << (k.first == k.second ? "" : " **(moved)**") << " | " << n << " |\n";
    o << "\nNewly disqualified: " << d.newly_disqualified.size() << " · Re-qualified: " << d.requalified.size() << "\n\n";
    o << "| scores | mean | q1 | median | q3 |\n|---|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, const ScoreStats& s) {
        if (!s.count) return;
        o << "| " << name << " | " << s.mean.to_fixed(2) << " | " << s.q1.to_fixed(2) << " | " << s.median.to_fixed(2)
          << " | " << s.q3.to_fixed(2) << " |\n";
    };
    row("old", d.old_scores);
    row("new", d.new_scores);
    for (const auto& [route, s] : d.by_band) {
        row("old route " + route + ", before", s.first);
        row("old route " + route + ", after", s.second);
    }
    if (!d.top.empty()) {
        o << "\n<details><summary>Most changed leads (" << d.top.size() << ")</summary>\n\n";
        o << "| lead | old | new |\n|---|---|---|\n";
        for (const auto& c : d.top)
            o << "| " << markdown_cell(c.id) << " | " << markdown_cell(c.before.summary) << " | "
              << markdown_cell(c.after.summary) << " |\n";
        o << "\n</details>\n";
    }
    return o.str();
}

}  // namespace qualify::report
