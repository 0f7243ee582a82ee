#!/usr/bin/env python3
"""Writes rulebooks/sample/leads.csv: the leads of leads.jsonl as a CRM
export would give them, one column per field of saas_inbound.qual's schema,
named as the rulebook's `from` says ("Email", "Employees") or else by the
dotted field name. Nulls and absent fields are empty cells, lists are joined
with ';', numbers keep their JSON text. An empty list is written ";": an
empty cell would read as unknown, while ";" is a list whose elements are
all empty, hence dropped, so a known empty list. `qualify score` must decide both
files alike (tests/cli checks it).

Usage: python3 leads_to_csv.py [output]   (default: leads.csv beside it)
"""
import csv
import json
import os
import sys

COLUMNS = [  # (dotted field, CSV column), in schema order
    ("id", "id"), ("email", "Email"), ("source", "source"),
    ("company.domain", "company.domain"), ("company.employees", "Employees"),
    ("company.industry", "company.industry"), ("company.country", "company.country"),
    ("company.tech_stack", "company.tech_stack"), ("contact.seniority", "contact.seniority"),
    ("contact.changed_job_recently", "contact.changed_job_recently"),
    ("crm.is_customer", "crm.is_customer"), ("crm.is_competitor", "crm.is_competitor"),
    ("engagement.pages_visited", "engagement.pages_visited"),
    ("engagement.downloads", "engagement.downloads"), ("intent.score", "intent.score"),
    ("intent.days_since_spike", "intent.days_since_spike"),
    ("product.active_users", "product.active_users"),
]


def lookup(record, dotted):
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(cell(v) for v in value) if value else ";"
    return str(value)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "leads.csv")
    with open(os.path.join(here, "leads.jsonl"), encoding="utf-8") as src, \
            open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([column for _, column in COLUMNS])
        for line in src:
            # Numbers stay text, so the CSV holds exactly what the JSON said.
            record = json.loads(line, parse_float=str, parse_int=str)
            writer.writerow([cell(lookup(record, field)) for field, _ in COLUMNS])


if __name__ == "__main__":
    main()
