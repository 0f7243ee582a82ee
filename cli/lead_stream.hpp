// Reading leads (JSON Lines or CSV records) and evaluating them in input
// order, on one or more threads. The rulebook is shared; each thread has its own Evaluator.
// Lines are read in batches, each batch is cut into one slice per thread,
// and the results pass through the run's Run (dedupe) and on to the sink in
// input order, so the output is the same at any thread count.
#pragma once

#include "cli/line_reader.hpp"
#include "qualify/qualify.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace qualify::cli {

struct StreamResult {
    Decision decision;
    std::string json;  // to_json(decision), made on the worker thread when asked
    // Evaluator::read_fields of the lead, when capture_fields() was asked
    // (decision logs).
    std::vector<std::pair<std::string, std::string>> fields;
};

struct StreamCounts {
    uint64_t leads = 0;  // non-blank lines
    uint64_t errors = 0;
    // Set when the run stopped early: more error records than --max-errors
    // allows. The sink saw every record up to this line (the error record
    // that was one too many) and none after.
    bool stopped = false;
    uint64_t stopped_at_line = 0;
};

// Called after each batch with the counts so far (the progress line).
using BatchObserver = std::function<void(const StreamCounts&)>;

class LeadStream {
public:
    LeadStream(const Rulebook& rulebook, const EvalOptions& options, unsigned threads,
               bool make_json);

    // Stop the run at the first error record beyond `n` (a run fed the wrong
    // file should not print thousands of errors). Unlimited by default.
    void set_max_errors(uint64_t n) { max_errors_ = n; }
    void set_batch_observer(BatchObserver observer) { observer_ = std::move(observer); }
    ~LeadStream();
    // Also keep, in each result, the fields the rulebook read (pii ones
    // only with `include_pii`).
    void capture_fields(bool include_pii) {
        capture_fields_ = true;
        capture_pii_ = include_pii;
    }

    // Evaluates every non-blank line of `in` (a line of only spaces, tabs
    // and CR is blank and skipped; line numbers still count it) and calls
    // `sink` for each result, in input order.
    StreamCounts run(LineReader& in, const std::function<void(StreamResult&)>& sink);
    // The same for the records of a CSV reader whose header is already read.
    StreamCounts run_csv(CsvReader& reader, const std::function<void(StreamResult&)>& sink);

    static constexpr size_t kBatchLines = 4096;

private:
    using Sink = std::function<void(StreamResult&)>;
    // Decides item `i` of the current batch with a worker's evaluator, into
    // the decision given (reused from batch to batch).
    using EvaluateOne = std::function<void(Evaluator&, size_t, Decision&)>;
    void evaluate_slice(unsigned worker, const EvaluateOne& one, const std::vector<uint64_t>& lines,
                        size_t begin, size_t end, std::vector<StreamResult>& results);
    // Decides a batch (lines[i]: item i's input line) and hands it to the
    // sink in order.
    void flush(const EvaluateOne& one, const std::vector<uint64_t>& lines, StreamCounts& counts,
               const Sink& sink);

    // Kept from batch to batch (only resized): decisions, their lists and
    // JSON strings keep their capacity, so a warm run allocates little per lead.
    std::vector<StreamResult> results_;
    Run run_;  // dedupe state, fed in input order
    uint64_t max_errors_ = UINT64_MAX;
    BatchObserver observer_;

    std::vector<std::unique_ptr<Evaluator>> evaluators_;
    bool make_json_;
    bool capture_fields_ = false;
    bool capture_pii_ = false;
};

}  // namespace qualify::cli
