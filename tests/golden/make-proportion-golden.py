"""Golden values for the proportion intervals, from statsmodels `proportion_confint`.

Run with the system Python that has statsmodels 0.13.5:
    /usr/bin/python3 tests/golden/make-proportion-golden.py
Writes tests/golden/proportion/statsmodels-confint.json.
"""
import json
import os

import statsmodels
from statsmodels.stats.proportion import proportion_confint

METHODS = ["normal", "wilson", "agresti_coull", "jeffreys", "beta"]
LEVELS = [0.9, 0.95, 0.99]
# Edges (0, n, 1, n - 1), n = 1, small, medium and large n.
CASES = [(0, 1), (1, 1), (0, 2), (1, 2), (2, 2), (0, 5), (1, 5), (4, 5), (5, 5), (3, 10),
         (0, 10), (1, 10), (9, 10), (10, 10), (7, 23), (50, 100), (0, 100), (1, 100), (99, 100),
         (100, 100), (37, 250), (412, 1000), (1, 1000), (999, 1000), (0, 5000), (2500, 5000),
         (123456, 1000000)]

rows = []
for count, n in CASES:
    for level in LEVELS:
        row = {"count": count, "n": n, "level": level}
        for method in METHODS:
            lower, upper = proportion_confint(count, n, alpha=1 - level, method=method)
            row[method] = [float(lower), float(upper)]
        rows.append(row)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "proportion", "statsmodels-confint.json")
with open(out, "w") as f:
    json.dump({"source": "statsmodels %s proportion_confint" % statsmodels.__version__, "cases": rows}, f, indent=1)
    f.write("\n")
print("wrote", out, len(rows), "cases")
