#!/usr/bin/env python3
"""Generates rulebooks/sample/leads.jsonl: 300 realistic inbound leads for
saas_inbound.qual, as nested JSON objects that follow its schema.

Deterministic (fixed seed, no clock, no environment): running it again gives
the same bytes, so the file can be regenerated and diffed in review. Every
optional field is sometimes absent and sometimes null; a few carry the
schema's "not set" markers ("N/A", "Select"); some numbers arrive as strings,
as HubSpot-style APIs send them; every disqualifier fires for a few leads;
every source appears. No record is malformed.

Usage: python3 generate_leads.py [output]   (default: leads.jsonl beside it)
"""
import json
import os
import random
import sys

SEED = 20261101
COUNT = 300

SOURCES = ["inbound_form", "content_syndication", "outbound", "partner", "event", "product_signup"]
SOURCE_WEIGHTS = [40, 15, 10, 12, 10, 13]
INDUSTRIES = ["software", "fintech", "healthtech", "ecommerce", "media", "logistics",
              "manufacturing", "education", "government", "retail", "consulting", "insurance"]
INDUSTRY_WEIGHTS = [22, 12, 8, 9, 6, 6, 8, 3, 3, 7, 9, 7]
COUNTRIES = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE", "ES", "IN", "BR", "JP", "SG", "IE", "PL"]
SENIORITIES = ["ic", "manager", "director", "vp", "cxo"]
SENIORITY_WEIGHTS = [30, 30, 20, 12, 8]
TECH = ["salesforce", "hubspot", "segment", "snowflake", "jira", "slack", "zendesk",
        "marketo", "intercom", "github", "sap", "oracle", "shopify", "stripe"]
FIRST = ["anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "ines", "jonas",
         "kate", "liam", "maria", "noah", "olga", "pedro", "quinn", "rosa", "sam", "tara",
         "uma", "victor", "wen", "yusuf", "zoe"]
LAST = ["smith", "mueller", "garcia", "chen", "novak", "okafor", "rossi", "dubois", "kim",
        "larsen", "silva", "tanaka", "walsh", "kowalski", "patel"]
WORDS = ["north", "blue", "bright", "cloud", "data", "pixel", "river", "stone", "swift", "atlas",
         "nova", "peak", "harbor", "lumen", "vector", "orbit", "cedar", "maple", "signal", "forge"]
SUFFIXES = ["ly", "io", "labs", "hq", "works", "soft", "wise", "stack"]
TLDS = ["com", "io", "co", "de", "co.uk", "ai", "net"]
FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com"]
COMPETITOR_DOMAINS = ["rivalco.com", "acme-leads.io"]
ACADEMIC_DOMAINS = ["cam.ac.uk", "ox.ac.uk", "stanford.edu", "unimelb.ac.au", "mit.edu"]
EXCLUDED_COUNTRIES = ["KP", "IR", "CU", "SY"]
UNSET = ["N/A", "Select"]  # the rulebook's unknown_values


def employees(rng):
    # Company sizes are heavy-tailed: many small firms, a few giants.
    bucket = rng.random()
    if bucket < 0.25:
        return rng.randint(10, 60)
    if bucket < 0.60:
        return rng.randint(60, 400)
    if bucket < 0.85:
        return rng.randint(400, 2500)
    if bucket < 0.96:
        return rng.randint(2500, 12000)
    return rng.randint(12000, 90000)


def company_domain(rng):
    return f"{rng.choice(WORDS)}{rng.choice(SUFFIXES)}.{rng.choice(TLDS)}"


def maybe(rng, value, present=0.85, null=0.05, unset=0.0):
    """The value, or a marker that the field is absent (None as a sentinel
    for 'leave the key out'), JSON null, or a "not set" text."""
    r = rng.random()
    if r < present:
        return value
    if r < present + null:
        return "null"
    if r < present + null + unset:
        return rng.choice(UNSET)
    return None


def put(record, dotted, value):
    """Stores `value` under a nested path; None leaves the key out and the
    string "null" writes JSON null."""
    if value is None:
        return
    node = record
    *parents, leaf = dotted.split(".")
    for p in parents:
        node = node.setdefault(p, {})
    node[leaf] = None if value == "null" else value


def lead(rng, n, disqualifier=None):
    rec = {}
    domain = company_domain(rng)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email_domain = domain if rng.random() < 0.85 else rng.choice(FREE_MAIL)
    email = f"{first}.{last}@{email_domain}"
    source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
    emp = employees(rng)
    country = rng.choice(COUNTRIES)
    is_customer = False
    is_competitor = False

    if disqualifier == "current_customer":
        is_customer = True
    elif disqualifier == "competitor":
        if rng.random() < 0.5:
            domain = rng.choice(COMPETITOR_DOMAINS)
            email = f"{first}@{domain}"
        else:
            is_competitor = True
    elif disqualifier == "academic":
        email = f"{first}.{last}@{rng.choice(ACADEMIC_DOMAINS)}"
    elif disqualifier == "too_small":
        emp = rng.randint(1, 9)
    elif disqualifier == "excluded_geo":
        country = rng.choice(EXCLUDED_COUNTRIES)

    rec["id"] = f"L-{10000 + n}"
    rec["email"] = email
    rec["source"] = source
    # A competitor found by its domain needs the domain.
    put(rec, "company.domain", domain if disqualifier == "competitor" else maybe(rng, domain, 0.8))
    # A few CRMs send numbers as strings; the reader converts them exactly.
    emp_value = str(emp) if rng.random() < 0.1 else emp
    put(rec, "company.employees", maybe(rng, emp_value, 0.82, 0.05, 0.04)
        if disqualifier != "too_small" else emp_value)
    put(rec, "company.industry", maybe(rng, rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS)[0], 0.8, 0.05, 0.05))
    put(rec, "company.country", maybe(rng, country, 0.85, 0.03, 0.03)
        if disqualifier != "excluded_geo" else country)
    stack = sorted(rng.sample(TECH, rng.randint(0, 5)))
    put(rec, "company.tech_stack", maybe(rng, stack, 0.65, 0.05))
    put(rec, "contact.seniority", maybe(rng, rng.choices(SENIORITIES, SENIORITY_WEIGHTS)[0], 0.7, 0.05, 0.05))
    put(rec, "contact.changed_job_recently", maybe(rng, rng.random() < 0.12, 0.6, 0.05))
    put(rec, "crm.is_customer", True if is_customer else maybe(rng, False, 0.7, 0.05))
    put(rec, "crm.is_competitor", True if is_competitor else maybe(rng, False, 0.6, 0.05))

    # Engagement and intent depend on how the lead came in.
    engaged = source in ("inbound_form", "product_signup", "event")
    pages = rng.randint(1, 40) if engaged else rng.randint(0, 8)
    put(rec, "engagement.pages_visited", maybe(rng, pages, 0.8, 0.05, 0.02))
    put(rec, "engagement.downloads", maybe(rng, rng.randint(0, 4 if engaged else 1), 0.7, 0.05))
    intent = rng.randint(0, 1000) / 10  # one decimal place, 0.0 .. 100.0
    intent_text = f"{intent:.1f}"
    intent_value = intent_text if rng.random() < 0.15 else float(intent_text)
    put(rec, "intent.score", maybe(rng, intent_value, 0.65, 0.05, 0.03))
    put(rec, "intent.days_since_spike", maybe(rng, rng.randint(0, 90), 0.6, 0.05))
    if source == "product_signup":
        put(rec, "product.active_users", maybe(rng, rng.randint(1, 30), 0.85, 0.05))
    else:
        put(rec, "product.active_users", maybe(rng, 0, 0.05, 0.02))
    # About one lead in twelve is a strong inbound fit, fully enriched: the
    # leads a queue exists for, so the sample shows the ae route too.
    if disqualifier is None and rng.random() < 0.08:
        rec["source"] = "inbound_form"
        put(rec, "company.industry", rng.choice(["software", "fintech", "healthtech"]))
        put(rec, "company.employees", rng.randint(200, 2000))
        put(rec, "company.country", rng.choice(["US", "DE", "GB", "FR", "CA"]))
        put(rec, "company.tech_stack", sorted(rng.sample(["salesforce", "hubspot", "segment", "snowflake"], 2)))
        put(rec, "contact.seniority", rng.choice(["director", "vp", "cxo"]))
        put(rec, "contact.changed_job_recently", False)
        put(rec, "crm.is_customer", False)
        put(rec, "crm.is_competitor", False)
        put(rec, "engagement.pages_visited", rng.randint(15, 40))
        put(rec, "engagement.downloads", rng.randint(2, 4))
        put(rec, "intent.score", float(rng.randint(700, 1000)) / 10)
        put(rec, "intent.days_since_spike", rng.randint(0, 10))
    return rec


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "leads.jsonl")
    rng = random.Random(SEED)
    # Four leads per disqualifier, spread through the file at fixed places.
    planned = {}
    kinds = ["current_customer", "competitor", "academic", "too_small", "excluded_geo"]
    for i, kind in enumerate(kinds * 4):
        planned[7 + i * 14] = kind
    records = [lead(rng, n, planned.get(n)) for n in range(1, COUNT + 1)]
    # Every source appears at least a few times whatever the draw.
    for i, source in enumerate(SOURCES):
        records[3 + i * 50]["source"] = source
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
