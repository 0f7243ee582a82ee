#!/usr/bin/env python3
"""Draws outcomes.csv for the sample leads from a decision log, for the
`qualify report` examples: each lead converts with its model probability
(seeded, so the file is reproducible); sales reject some qualified leads with
an allowed reason; review-flagged leads get the verdict a human would give.

    qualify score rulebooks/saas_inbound.qual rulebooks/sample/leads.jsonl \
        --as-of 2026-11-23 --log /tmp/log.jsonl >/dev/null
    python3 rulebooks/sample/generate_outcomes.py /tmp/log.jsonl > rulebooks/sample/outcomes.csv
"""
import json
import random
import sys

random.seed(2026)
print("id,outcome,sales_accepted,rejection_reason,review_verdict,closed_at")
for line in open(sys.argv[1]):
    r = json.loads(line)
    p = float(r["models"].get("propensity", "0.05"))  # disqualified leads have no model
    converted = random.random() < p
    accepted = reason = verdict = ""
    if r["qualified"]:
        accepted = "true" if converted or random.random() < 0.6 else "false"
        if accepted == "false":
            reason = random.choice(["not_icp", "no_budget", "bad_timing", "wrong_contact"])
    if r["review"]:
        verdict = "qualify" if converted else "reject"
    closed = f"2027-02-{random.randint(1, 28):02d}"
    print(f"{r['id']},{'won' if converted else 'lost'},{accepted},{reason},{verdict},{closed}")
