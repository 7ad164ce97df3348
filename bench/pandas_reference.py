"""The benchmark's reference analysis in pandas + numpy + statsmodels + scipy.

Computes, from a CSV and a survey-analyze codebook, the figures `survey-analyze --format json`
reports, written the way an analyst would in Python, and prints them as JSON:

- per scale, on its listwise complete cases (reverse-keyed items as min + max - x):
  n, raw alpha (covariance matrix), standardized alpha and the average inter-item r
  (correlation matrix), Guttman's lambda-6 (psych G6(smc)), the Feldt interval, and per item
  n, mean, sd (n - 1), item-total r, item-rest r, alpha if deleted, smc (1 - 1 / diag(R^-1));
- per scale its score (mean of the answered items, or that mean times k for "sum"; only when
  at least minAnswered items are answered) with n, mean, sd, min, max;
- the Pearson correlations of the scale scores, pairwise complete, and their n;
- each prevalence entry overall and by each group value: count, n, proportion and the
  statsmodels Wilson interval (`proportion_confint(method="wilson")`);
- per prevalence entry and group column, Pearson's chi-square of the 2 x G table
  (scipy `chi2_contingency`, Yates' correction only for 2 x 2, as R `chisq.test`).

Supports the codebook features the benchmark uses (rated scales with a range and/or a
response set, reverse keying, answer-keyed knowledge scales without a response set, score
method and minAnswered, prevalence by text or code, groups); a keyed scale with a response
set is refused.

Usage: /usr/bin/python3 bench/pandas_reference.py data.csv [--codebook bench/codebook.json]
       [--conf-level 0.95]
Needs Debian's python3-pandas, python3-numpy, python3-scipy and python3-statsmodels.
"""

import argparse
import json
import math
import os
import sys

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint


def finite_or_none(x):
    x = float(x)
    return x if math.isfinite(x) else None


def raw_alpha(cov):
    """Cronbach's alpha from the item covariance matrix: k/(k-1) * (1 - tr(C) / sum(C))."""
    k = cov.shape[0]
    return k / (k - 1) * (1 - np.trace(cov) / cov.sum())


def min_answered(scale, k):
    value = scale.get("minAnswered")
    if value is None:
        return max(k, 1)
    if value < 1:
        return max(1, math.ceil(value * k - 1e-9))
    return int(value)


def code_scale(df, scale, response_sets, missing):
    """The scale's items as an n x k float matrix (NaN = missing), reverse keying applied."""
    if "key" in scale:
        return code_keyed_scale(df, scale, missing)
    responses = scale.get("responses")
    if isinstance(responses, str):
        responses = response_sets[responses]
    labels = {str(k).strip().lower(): float(v) for k, v in (responses or {}).items()}
    lo, hi = scale["range"] if "range" in scale else (min(labels.values()), max(labels.values()))
    columns = []
    for item in scale["items"]:
        col = df[item]
        if col.dtype == object:
            text = col.str.strip()
            coded = text.str.lower().map(labels)
            numeric = pd.to_numeric(text.where(coded.isna()), errors="coerce")
            coded = coded.fillna(numeric.where((numeric >= lo) & (numeric <= hi)))
            bad = text.notna() & ~text.isin(missing) & coded.isna()
            values = coded.to_numpy(dtype=float)
        else:
            values = col.to_numpy(dtype=float)
            bad = pd.Series((values < lo) | (values > hi))
        if bad.any():
            raise SystemExit(f"pandas_reference: column {item} has values outside the scale")
        if item in scale.get("reverse", []):
            values = lo + hi - values
        columns.append(values)
    return np.column_stack(columns), lo, hi


def normalise_label(text):
    """survey-analyze's normaliseLabel: trimmed, lower case, typographic apostrophes as '."""
    return text.str.strip().str.lower().str.replace("[\u2018\u2019\u02bc]", "'", regex=True)


def code_keyed_scale(df, scale, missing):
    """A knowledge scale without a response set: 1 for the key's answer (case-insensitive,
    numbers as numbers), 0 for any other answer ("Don't know" included), NaN when missing."""
    if scale.get("responses") is not None:
        raise SystemExit("pandas_reference: answer-keyed scales with a response set are not supported")
    columns = []
    for item in scale["items"]:
        key = str(scale["key"][item])
        col = df[item]
        text = col.astype(str).where(col.notna())
        correct = normalise_label(text) == key.strip().lower()
        try:
            key_number = float(key)
        except ValueError:
            key_number = None
        if key_number is not None:
            correct |= pd.to_numeric(text.str.strip(), errors="coerce") == key_number
        values = correct.astype(float).to_numpy()
        values[col.isna().to_numpy()] = np.nan
        columns.append(values)
    return np.column_stack(columns), 0.0, 1.0


def scale_figures(x, scale, conf_level):
    k = x.shape[1]
    complete = x[~np.isnan(x).any(axis=1)]
    n = complete.shape[0]
    cov = np.cov(complete, rowvar=False, ddof=1)
    r = np.corrcoef(complete, rowvar=False)
    alpha = raw_alpha(cov)
    av_r = (r.sum() - k) / (k * (k - 1))
    std_alpha = k * av_r / (1 + (k - 1) * av_r)
    smc = np.clip(1 - 1 / np.diag(np.linalg.inv(r)), 0, 1)
    lambda6 = 1 - (k - smc.sum()) / r.sum()
    g = 1 - conf_level
    df1, df2 = n - 1, (n - 1) * (k - 1)
    feldt = (1 - (1 - alpha) * stats.f.ppf(1 - g / 2, df1, df2), 1 - (1 - alpha) * stats.f.ppf(g / 2, df1, df2))
    total = complete.sum(axis=1)
    items = []
    for i, item in enumerate(scale["items"]):
        xi = complete[:, i]
        others = np.delete(np.delete(cov, i, axis=0), i, axis=1)
        items.append({
            "id": item,
            "n": n,
            "mean": finite_or_none(xi.mean()),
            "sd": finite_or_none(xi.std(ddof=1)),
            "itemTotalR": finite_or_none(np.corrcoef(xi, total)[0, 1]),
            "itemRestR": finite_or_none(np.corrcoef(xi, total - xi)[0, 1]),
            "alphaIfDeleted": finite_or_none(raw_alpha(others)),
            "smc": finite_or_none(smc[i]),
        })
    return {
        "id": scale["id"],
        "k": k,
        "n": n,
        "alpha": finite_or_none(alpha),
        "standardizedAlpha": finite_or_none(std_alpha),
        "averageInterItemR": finite_or_none(av_r),
        "lambda6": finite_or_none(lambda6),
        "alphaCI": {"lower": finite_or_none(feldt[0]), "upper": finite_or_none(feldt[1])},
        "items": items,
    }


def scale_score(x, scale):
    """Mean of the answered items (times k for "sum"); NaN below minAnswered."""
    k = x.shape[1]
    answered = (~np.isnan(x)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(x, axis=1) / answered
    score = mean * k if scale.get("score", "mean") == "sum" else mean
    score[(answered == 0) | (answered < min_answered(scale, k))] = np.nan
    return score


def score_figures(score, method):
    s = score[~np.isnan(score)]
    return {
        "method": method,
        "n": int(s.size),
        "mean": finite_or_none(s.mean()),
        "sd": finite_or_none(s.std(ddof=1)),
        "min": finite_or_none(s.min()),
        "max": finite_or_none(s.max()),
    }


def prevalence_outcome(df, entry, coded_items):
    """1 positive, 0 other answer, NaN missing: text match (trimmed, case-insensitive) or response code."""
    is_code = [isinstance(v, (int, float)) and not isinstance(v, bool) for v in entry["positive"]]
    codes = {float(v) for v, c in zip(entry["positive"], is_code) if c}
    texts = {(format(v, "g") if c else str(v).strip().lower()) for v, c in zip(entry["positive"], is_code)}
    col = df[entry["column"]]
    if col.dtype == object:
        positive = col.str.strip().str.lower().isin(texts)
    else:
        positive = col.isin(codes)
    if entry["column"] in coded_items:
        positive |= pd.Series(coded_items[entry["column"]], index=col.index).isin(codes)
    out = positive.astype(float)
    out[col.isna()] = np.nan
    return out


def proportion_row(entry, group, outcome, conf_level):
    answered = outcome.dropna()
    n = int(answered.size)
    count = int(answered.sum())
    lower, upper = proportion_confint(count, n, alpha=1 - conf_level, method="wilson")
    return {
        "id": entry["id"],
        "group": group,
        "count": count,
        "n": n,
        "proportion": finite_or_none(count / n) if n > 0 else None,
        "ci": {"lower": finite_or_none(lower), "upper": finite_or_none(upper)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--codebook", default=os.path.join(os.path.dirname(__file__), "codebook.json"))
    parser.add_argument("--conf-level", type=float, default=0.95)
    args = parser.parse_args()
    with open(args.codebook, encoding="utf-8") as f:
        codebook = json.load(f)
    missing = [str(v).strip() for v in codebook.get("missing", ["", "NA"])]
    df = pd.read_csv(args.csv, keep_default_na=False, na_values=missing)

    scales, scores, coded_items = [], {}, {}
    for scale in codebook.get("scales", []):
        x, lo, hi = code_scale(df, scale, codebook.get("responseSets", {}), missing)
        figures = scale_figures(x, scale, args.conf_level)
        score = scale_score(x, scale)
        figures["score"] = score_figures(score, scale.get("score", "mean"))
        scales.append(figures)
        scores[scale["id"]] = score
        for i, item in enumerate(scale["items"]):
            # Codes before reverse keying, for prevalence entries on an item.
            col = x[:, i]
            coded_items.setdefault(item, lo + hi - col if item in scale.get("reverse", []) else col)

    ids = list(scores)
    score_frame = pd.DataFrame(scores)
    present = score_frame.notna().to_numpy(dtype=float)
    corr = score_frame.corr(method="pearson")
    correlations = {
        "ids": ids,
        "r": [[finite_or_none(corr.iloc[i, j]) for j in range(len(ids))] for i in range(len(ids))],
        "n": (present.T @ present).astype(int).tolist(),
    }

    groups = codebook.get("groups", [])
    prevalence, comparisons = [], []
    for entry in codebook.get("prevalence", []):
        outcome = prevalence_outcome(df, entry, coded_items)
        prevalence.append(proportion_row(entry, None, outcome, args.conf_level))
        for column in groups:
            group_col = df[column].astype(str).str.strip().where(df[column].notna())
            table = []
            for value, rows in outcome.groupby(group_col, sort=True):
                row = proportion_row(entry, {"column": column, "value": value}, rows, args.conf_level)
                prevalence.append(row)
                if row["n"] > 0:
                    table.append([row["count"], row["n"] - row["count"]])
            if len(table) >= 2:
                observed = np.array(table, dtype=float).T
                chi2, p, dof, _ = stats.chi2_contingency(observed, correction=observed.shape[1] == 2)
                comparisons.append({"id": entry["id"], "column": column, "statistic": finite_or_none(chi2), "df": int(dof), "chiSquarePValue": finite_or_none(p)})

    json.dump({
        "tool": {"name": "pandas", "pandas": pd.__version__, "numpy": np.__version__},
        "input": {"rows": int(len(df))},
        "scales": scales,
        "correlations": correlations,
        "prevalence": prevalence,
        "groupComparisons": comparisons,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
