// The feature encoding of training (see encoder.hpp for the rules).
#include "training/encoder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace qualify::training {

namespace {

Encoding encoding_for(const FieldInfo& f) {
    switch (f.type) {
        case ScalarType::String:
        case ScalarType::Enum: return Encoding::OneHot;
        case ScalarType::Int:
        case ScalarType::Decimal: return Encoding::Standardized;
        case ScalarType::Bool: return Encoding::Bool;
        case ScalarType::Date: break;
    }
    throw std::invalid_argument(f.name + " is a date; a model feature is a string, enum, number or bool");
}

}  // namespace

std::string decimal_text(double v, int places) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    std::string s = buffer;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

Encoder::Encoder(const std::vector<const FieldInfo*>& fields, const std::vector<HistoryRow>& rows,
                 size_t rare_min_rows) {
    for (size_t i = 0; i < fields.size(); ++i) {
        EncodedFeature f;
        f.field = fields[i];
        f.encoding = encoding_for(*fields[i]);
        f.first_column = columns_;
        bool any_known = std::any_of(rows.begin(), rows.end(),
                                     [i](const HistoryRow& r) { return r.cells[i].kind != Cell::Kind::Missing; });
        if (!any_known)
            throw std::invalid_argument(fields[i]->name +
                                        " is unknown in every closed record; drop it from the model's features");
        if (f.encoding == Encoding::OneHot) {
            std::map<std::string, size_t> counts;  // sorted: the columns' order
            for (const auto& r : rows)
                if (r.cells[i].kind == Cell::Kind::Text) ++counts[r.cells[i].text];
            for (const auto& [level, n] : counts)
                if (n >= rare_min_rows) f.levels.push_back(level);
            // A model file lists at least one level: when every level is
            // rare, the most frequent one (the first by name on a tie) keeps
            // its column.
            if (f.levels.empty()) {
                auto top = counts.begin();
                for (auto it = counts.begin(); it != counts.end(); ++it)
                    if (it->second > top->second) top = it;
                f.levels.push_back(top->first);
            }
        } else if (f.encoding == Encoding::Standardized) {
            double sum = 0, n = 0;
            for (const auto& r : rows)
                if (r.cells[i].kind == Cell::Kind::Number) sum += r.cells[i].number, n += 1;
            f.mean = n > 0 ? sum / n : 0;
            double squares = 0;
            for (const auto& r : rows)
                if (r.cells[i].kind == Cell::Kind::Number) squares += (r.cells[i].number - f.mean) * (r.cells[i].number - f.mean);
            double sd = n > 0 ? std::sqrt(squares / n) : 0;
            f.scale = sd > 0 ? sd : 1;
            // The model file keeps 12 places; train against exactly those.
            f.mean = std::stod(decimal_text(f.mean));
            f.scale = std::stod(decimal_text(f.scale));
            if (f.scale <= 0) f.scale = 1;
        }
        columns_ += f.column_count();
        feature_of_.insert(feature_of_.end(), f.column_count(), i);
        features_.push_back(std::move(f));
    }
}

void Encoder::encode(const HistoryRow& row, SparseMatrix& m) const {
    for (size_t i = 0; i < features_.size(); ++i) {
        const EncodedFeature& f = features_[i];
        const Cell& c = row.cells[i];
        const auto base = static_cast<uint32_t>(f.first_column);
        const auto missing = static_cast<uint32_t>(f.first_column + f.column_count() - 1);
        if (c.kind == Cell::Kind::Missing) {
            m.add(missing, 1.0);
            continue;
        }
        switch (f.encoding) {
            case Encoding::OneHot: {
                auto it = std::lower_bound(f.levels.begin(), f.levels.end(), c.text);
                bool listed = it != f.levels.end() && *it == c.text;
                m.add(static_cast<uint32_t>(listed ? base + (it - f.levels.begin()) : base + f.levels.size()), 1.0);
                break;
            }
            case Encoding::Standardized: {
                double z = (c.number - f.mean) / f.scale;
                if (z != 0) m.add(base, z);
                break;
            }
            case Encoding::Bool:
                if (c.flag) m.add(base, 1.0);
                break;
        }
    }
    m.end_row();
}

nlohmann::ordered_json Encoder::model_features(const std::vector<double>& w) const {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& f : features_) {
        const size_t b = f.first_column;
        const std::string missing = decimal_text(w[b + f.column_count() - 1]);
        nlohmann::ordered_json j;
        j["field"] = f.field->name;
        switch (f.encoding) {
            case Encoding::OneHot: {
                j["encoding"] = "one_hot";
                nlohmann::ordered_json levels = nlohmann::ordered_json::object();
                for (size_t l = 0; l < f.levels.size(); ++l) levels[f.levels[l]] = decimal_text(w[b + l]);
                j["levels"] = levels;
                j["other"] = decimal_text(w[b + f.levels.size()]);
                break;
            }
            case Encoding::Standardized:
                j["encoding"] = "standardized";
                j["mean"] = decimal_text(f.mean);
                j["scale"] = decimal_text(f.scale);
                j["coefficient"] = decimal_text(w[b]);
                break;
            case Encoding::Bool:
                j["encoding"] = "bool";
                j["true"] = decimal_text(w[b]);
                j["false"] = "0";
                break;
        }
        j["missing"] = missing;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace qualify::training
