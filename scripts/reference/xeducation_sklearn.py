#!/usr/bin/python3
"""Reference figures for `qualify train` on the X Education data: --algo
logreg against scikit-learn, --algo gbdt against XGBoost's XGBClassifier.

Encodes the features of rulebooks/xeducation.qual exactly as `qualify train`
does (docs/model.md, "Training"): strings one-hot with levels seen in fewer
than 10 rows bucketed as "other" plus a missing column; numbers standardised
(population sd over the known values, 12 places) with 0 and a missing
indicator when unknown; bools 1 when true plus a missing indicator. "" and
"Select" are unknown. Folds: FNV-1a 64 of "SEED:ID" mod 5, as qualify's.
Then 5-fold CV of scikit-learn's LogisticRegression(C=1) on those folds, mean
of the per-fold ROC AUCs, written as JSON to
tests/reference/xeducation_sklearn.json.

For trees, the columns of docs/model.md "Training gradient-boosted trees":
per string the same kept levels (1/0), per number its raw value, per bool
1/0, all NaN when unknown, plus every feature's missing indicator; then
5-fold CV of XGBClassifier with the parameters `qualify train --algo gbdt`
defaults to (GBDT below) on the same folds, written to
tests/reference/xeducation_xgboost.json.

Run from the repository root: /usr/bin/python3 scripts/reference/xeducation_sklearn.py
(needs python3-sklearn and python3-xgboost; CI does not run it, it reads
the committed JSON).
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "xeducation_leads.csv"
OUT = ROOT / "tests" / "reference" / "xeducation_sklearn.json"
OUT_TREES = ROOT / "tests" / "reference" / "xeducation_xgboost.json"
# `qualify train --algo gbdt` defaults and fixed settings (training/gbdt_learner.cpp).
GBDT = dict(n_estimators=200, max_depth=4, learning_rate=0.1, tree_method="hist", base_score=0.5,
            min_child_weight=1, reg_lambda=1, subsample=1, n_jobs=1, random_state=0)
FOLDS, SEED, RARE_MIN, C = 5, 0, 10, 1.0
UNKNOWN = {"", "Select"}

# (CSV column, kind) in the order of the rulebook's `features [...]`.
FEATURES = [
    ("Lead Origin", "string"), ("Lead Source", "string"), ("Do Not Email", "bool"),
    ("Do Not Call", "bool"), ("TotalVisits", "number"), ("Total Time Spent on Website", "number"),
    ("Page Views Per Visit", "number"), ("Country", "string"), ("Specialization", "string"),
    ("How did you hear about X Education", "string"), ("What is your current occupation", "string"),
    ("What matters most to you in choosing a course", "string"), ("Search", "bool"),
    ("Newspaper Article", "bool"), ("X Education Forums", "bool"), ("Newspaper", "bool"),
    ("Digital Advertisement", "bool"), ("Through Recommendations", "bool"), ("Lead Profile", "string"),
    ("City", "string"), ("A free copy of Mastering The Interview", "bool"),
]


def fnv1a64(text):
    h = 14695981039346656037
    for b in text.encode():
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def twelve(v):
    return float("%.12f" % v)


def encode(rows):
    columns = []
    for name, kind in FEATURES:
        cells = [r[name].strip() for r in rows]
        known = [c not in UNKNOWN for c in cells]
        if kind == "string":
            counts = {}
            for c, k in zip(cells, known):
                if k:
                    counts[c] = counts.get(c, 0) + 1
            levels = sorted(l for l, n in counts.items() if n >= RARE_MIN)
            if not levels:
                levels = [sorted(counts.items(), key=lambda x: (-x[1], x[0]))[0][0]]
            for level in levels:
                columns.append([1.0 if k and c == level else 0.0 for c, k in zip(cells, known)])
            columns.append([1.0 if k and c not in levels else 0.0 for c, k in zip(cells, known)])
        elif kind == "number":
            values = [float(c) for c, k in zip(cells, known) if k]
            mean = sum(values) / len(values)
            sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
            mean, scale = twelve(mean), twelve(sd) if sd > 0 else 1.0
            columns.append([(float(c) - mean) / scale if k else 0.0 for c, k in zip(cells, known)])
        else:
            columns.append([1.0 if k and c.lower() in ("yes", "true", "1") else 0.0 for c, k in zip(cells, known)])
        columns.append([0.0 if k else 1.0 for k in known])
    return np.array(columns).T


def encode_trees(rows):
    columns = []
    for name, kind in FEATURES:
        cells = [r[name].strip() for r in rows]
        known = [c not in UNKNOWN for c in cells]
        nan = float("nan")
        if kind == "string":
            counts = {}
            for c, k in zip(cells, known):
                if k:
                    counts[c] = counts.get(c, 0) + 1
            levels = sorted(l for l, n in counts.items() if n >= RARE_MIN)
            if not levels:
                levels = [sorted(counts.items(), key=lambda x: (-x[1], x[0]))[0][0]]
            for level in levels:
                columns.append([(1.0 if c == level else 0.0) if k else nan for c, k in zip(cells, known)])
        elif kind == "number":
            columns.append([float(c) if k else nan for c, k in zip(cells, known)])
        else:
            columns.append([(1.0 if c.lower() in ("yes", "true", "1") else 0.0) if k else nan
                            for c, k in zip(cells, known)])
        columns.append([0.0 if k else 1.0 for k in known])
    return np.array(columns, dtype=np.float64).T.astype(np.float32)


def trees_reference(rows, y, fold):
    import xgboost
    x = encode_trees(rows)
    aucs = []
    for k in range(FOLDS):
        model = xgboost.XGBClassifier(**GBDT)
        model.fit(x[fold != k], y[fold != k])
        aucs.append(roc_auc_score(y[fold == k], model.predict(x[fold == k], output_margin=True)))
    return {
        "data": "xeducation_leads.csv",
        "rows": len(rows),
        "positives": int(y.sum()),
        "columns": int(x.shape[1]),
        "folds": FOLDS,
        "seed": SEED,
        "model": "XGBClassifier(" + ", ".join("%s=%r" % kv for kv in GBDT.items()) + ")",
        "xgboost_version": xgboost.__version__,
        "auc_per_fold": ["%.4f" % a for a in aucs],
        "cv_auc": "%.4f" % (sum(aucs) / len(aucs)),
    }


def main():
    with open(DATA, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Converted"].strip() not in UNKNOWN]
    x = encode(rows)
    y = np.array([1 if r["Converted"].strip() == "1" else 0 for r in rows])
    fold = np.array([fnv1a64("%d:%s" % (SEED, r["Prospect ID"])) % FOLDS for r in rows])
    aucs = []
    for k in range(FOLDS):
        model = LogisticRegression(C=C, max_iter=10000, tol=1e-10)
        model.fit(x[fold != k], y[fold != k])
        aucs.append(roc_auc_score(y[fold == k], model.decision_function(x[fold == k])))
    result = {
        "data": "xeducation_leads.csv",
        "rows": len(rows),
        "positives": int(y.sum()),
        "columns": int(x.shape[1]),
        "folds": FOLDS,
        "seed": SEED,
        "model": "LogisticRegression(C=1, lbfgs)",
        "sklearn_version": sklearn.__version__,
        "auc_per_fold": ["%.4f" % a for a in aucs],
        "cv_auc": "%.4f" % (sum(aucs) / len(aucs)),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    json.dump(result, sys.stdout, indent=2)
    print()
    trees = trees_reference(rows, y, fold)
    OUT_TREES.write_text(json.dumps(trees, indent=2) + "\n")
    json.dump(trees, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
