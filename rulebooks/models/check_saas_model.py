#!/usr/bin/env python3
"""Checks the saas-inbound propensity model against the two leads the
language spec pins: the section 4 lead must get 0.6200 (4 places) and the
section 2 test lead t2 at least 0.46.

It evaluates a qualify-model logistic_regression file the way the engine
does (docs/model.md): every product and quotient rounded half-even to 18
places, the sigmoid computed with 50 digits and then rounded to 18 places.
Standard library only.  Usage: python3 check_saas_model.py [model.json]
"""
import json
import os
import sys
from decimal import ROUND_HALF_EVEN, Decimal, getcontext

getcontext().prec = 50
Q = Decimal("1e-18")


def r18(x):
    return x.quantize(Q, rounding=ROUND_HALF_EVEN)


def sigmoid(z):
    return r18(1 / (1 + (-z).exp()))


def evaluate(model, lead):
    """Returns (probability, log-odds, [(field, input, contribution)])."""
    log_odds = Decimal(model["intercept"])
    factors = []
    for f in model["features"]:
        x = lead.get(f["field"])
        if x is None:
            c, shown = Decimal(f["missing"]), "unknown"
        elif f["encoding"] == "one_hot":
            c, shown = Decimal(f["levels"].get(x, f["other"])), x
        elif f["encoding"] == "standardized":
            z = r18((Decimal(x) - Decimal(f["mean"])) / Decimal(f["scale"]))
            c, shown = r18(Decimal(f["coefficient"]) * z), str(x)
        else:  # bool
            c, shown = Decimal(f["true"] if x else f["false"]), str(x).lower()
        log_odds += c
        factors.append((f["field"], shown, c))
    factors.sort(key=lambda t: -abs(t[2]))  # stable: ties keep file order
    return sigmoid(log_odds), log_odds, factors


# Spec section 4: software, 1,100 employees, seniority unknown, 10 pages, intent 80.
SECTION_4 = {"company.industry": "software", "company.employees": "1100",
             "engagement.pages_visited": "10", "intent.score": "80"}
# Spec section 2, test t2: software, 800 employees, vp, 25 pages, intent 90.
T2 = {"company.industry": "software", "company.employees": "800", "contact.seniority": "vp",
      "engagement.pages_visited": "25", "intent.score": "90"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "saas_propensity.json")
    with open(path, encoding="utf-8") as fh:
        model = json.load(fh)
    ok = True
    for name, lead, check in (("section 4 lead", SECTION_4, lambda p: p.quantize(Decimal("0.0001")) == Decimal("0.6200")),
                              ("section 2 lead t2", T2, lambda p: p >= Decimal("0.46"))):
        p, z, factors = evaluate(model, lead)
        print(f"{name}: log-odds {z.normalize()}  probability {p}  ({p.quantize(Decimal('0.0001'))})")
        for field, shown, c in factors:
            print(f"    {field:26} {shown:>9}  {c.normalize():>22}")
        if not check(p):
            print(f"    FAILS its requirement")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
