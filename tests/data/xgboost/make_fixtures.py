#!/usr/bin/python3
"""Regenerates the committed XGBoost fixtures (docs/model.md, "Gradient-boosted
trees"). Trains a small binary:logistic gbtree on synthetic leads shaped like
the schema of blend.qual, with XGBoost feature names that follow qualify's
column naming (`company.employees`, `company.industry=software`,
`company.employees:missing`, `crm.is_customer`), and writes:

  xgboost_model.json  the model, as XGBoost's save_model("....json") writes it
  leads.jsonl         the input rows as qualify leads (unknown fields left out)
  expected.json       XGBoost's predict() and pred_contribs=True for each lead

Run with Debian's python3-xgboost (1.7) and python3-numpy:
  /usr/bin/python3 tests/data/xgboost/make_fixtures.py
CI does not run it; the tests read the committed outputs.
"""
import json
import os

import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
INDUSTRIES = ["software", "fintech", "health", "retail", "other"]
SENIORITIES = ["ic", "manager", "director", "vp", "cxo"]


def synthetic_leads(rng, n):
    leads = []
    for i in range(n):
        lead = {"id": "X-%05d" % i}
        if rng.random() > 0.2:
            lead["company"] = {"employees": int(rng.lognormal(5, 1.6))}
        if rng.random() > 0.15:
            lead.setdefault("company", {})["industry"] = INDUSTRIES[rng.integers(len(INDUSTRIES))]
        if rng.random() > 0.25:
            lead["contact"] = {"seniority": SENIORITIES[rng.integers(len(SENIORITIES))]}
        if rng.random() > 0.1:
            lead["intent"] = {"score": round(float(rng.uniform(0, 100)), 2)}
        if rng.random() > 0.3:
            lead["crm"] = {"is_customer": bool(rng.random() < 0.2)}
        leads.append(lead)
    return leads


def get(lead, dotted):
    node = lead
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# Column naming (docs/model.md): a number or bool field by its name; a level
# of an enum or string field as FIELD=LEVEL; a missing indicator as
# FIELD:missing. An unknown field is NaN in its own columns (XGBoost's
# default direction decides), 1 in its missing indicator.
COLUMNS = (["company.employees", "company.employees:missing", "intent.score", "crm.is_customer"]
           + ["company.industry=" + v for v in INDUSTRIES[:4]]
           + ["contact.seniority=" + v for v in ["director", "vp", "cxo"]])


def encode(lead):
    row = []
    for col in COLUMNS:
        if col.endswith(":missing"):
            row.append(1.0 if get(lead, col[:-len(":missing")]) is None else 0.0)
        elif "=" in col:
            field, level = col.split("=", 1)
            v = get(lead, field)
            row.append(np.nan if v is None else float(v == level))
        else:
            v = get(lead, col)
            row.append(np.nan if v is None else float(v))
    return row


def label(rng, lead):
    z = -1.0
    emp = get(lead, "company.employees")
    z += 0.8 * np.log10(emp + 1) - 1.5 if emp is not None else -0.4
    z += {"software": 1.0, "fintech": 0.6, "health": 0.2}.get(get(lead, "company.industry"), -0.3)
    z += {"cxo": 0.9, "vp": 0.7, "director": 0.4}.get(get(lead, "contact.seniority"), 0.0)
    score = get(lead, "intent.score")
    z += (score - 50) / 25 if score is not None else 0.0
    z += -1.5 if get(lead, "crm.is_customer") else 0.0
    return int(rng.random() < 1 / (1 + np.exp(-z)))


def main():
    rng = np.random.default_rng(20261123)
    train = synthetic_leads(rng, 3000)
    y = np.array([label(rng, l) for l in train])
    X = np.array([encode(l) for l in train], dtype=np.float64)
    dtrain = xgb.DMatrix(X, label=y, feature_names=COLUMNS, missing=np.nan)
    params = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.3, "base_score": 0.3,
              "min_child_weight": 1, "tree_method": "exact", "nthread": 1, "seed": 7}
    booster = xgb.train(params, dtrain, num_boost_round=30)
    booster.save_model(os.path.join(HERE, "xgboost_model.json"))

    test = synthetic_leads(np.random.default_rng(7), 200)
    for i, lead in enumerate(test):
        lead["id"] = "T-%03d" % i
    Xt = np.array([encode(l) for l in test], dtype=np.float64)
    dtest = xgb.DMatrix(Xt, feature_names=COLUMNS, missing=np.nan)
    preds = booster.predict(dtest)
    contribs = booster.predict(dtest, pred_contribs=True)
    with open(os.path.join(HERE, "leads.jsonl"), "w") as f:
        for lead in test:
            f.write(json.dumps(lead, separators=(",", ":")) + "\n")
    expected = {
        "xgboost_version": xgb.__version__,
        "columns": COLUMNS + ["bias"],
        "rows": [{"id": lead["id"], "probability": float(p), "contributions": [float(c) for c in row]}
                 for lead, p, row in zip(test, preds, contribs)],
    }
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
