# Golden values for the reliability statistics, from R psych 2.2.9.
#
# Run from the repository root:  Rscript tests/golden/make-psych-golden.R
# Writes tests/golden/psych/<name>.csv (raw answers, empty cell = missing; reverse-keyed
# items are stored as answered, before reversal) and tests/golden/psych/<name>.json.
#
# For every data set and for both missing-data methods:
#   listwise: psych::alpha(na.omit(x))      pairwise: psych::alpha(x)  (psych's default use = "pairwise")
# where x has the codebook's reverse-keyed items already reversed (min + max - x), because the
# analysis receives reversed values; psych's check.keys is left FALSE so psych reverses nothing.
# Feldt limits come from psych::alpha.ci(alpha, n, k, p.val = 1 - level); Duhachek limits are
# alpha -/+ qnorm(1 - (1 - level) / 2) * ase with psych's `ase` (psych's print uses 1.96).
# Omega total: psych::omega(R, nfactors = 1, flip = FALSE)$omega.tot with
# R = cor(x, use = "pairwise") (what omega(x) uses on raw data), checked against
# fa(R, 1, fm = "minres") and omega.tot = (sum(R) - sum(uniquenesses)) / sum(R).
# The scale-score correlations use cor(..., use = "pairwise") (Pearson and Spearman) and
# psych::r.con for the Fisher-z interval.

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

out_dir <- file.path("tests", "golden", "psych")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20240517)

# Ordinal items from a one-factor model: z = l * f + sqrt(1 - l^2) * e, cut into `levels`
# categories at jittered normal quantiles, coded lo..lo + levels - 1.
ordinal_items <- function(n, loadings, levels = 5, lo = 1) {
  f <- rnorm(n)
  x <- sapply(loadings, function(l) {
    z <- l * f + sqrt(1 - l^2) * rnorm(n)
    cuts <- sort(qnorm(seq_len(levels - 1) / levels) + rnorm(levels - 1, 0, 0.25))
    as.integer(cut(z, breaks = c(-Inf, cuts, Inf))) + lo - 1L
  })
  colnames(x) <- paste0("i", seq_along(loadings))
  as.data.frame(x)
}

# Dichotomous knowledge items (0/1) with varying difficulty.
binary_items <- function(n, loadings, difficulty) {
  f <- rnorm(n)
  x <- mapply(function(l, d) as.integer(l * f + sqrt(1 - l^2) * rnorm(n) > d), loadings, difficulty)
  colnames(x) <- paste0("k", seq_along(loadings))
  as.data.frame(x)
}

scatter_missing <- function(x, rate) {
  m <- matrix(runif(nrow(x) * ncol(x)) < rate, nrow(x))
  x[m] <- NA
  x
}

num <- function(v) if (length(v) == 1 && is.na(v)) NULL else unname(v)

alpha_figures <- function(x, reverse, range, levels) {
  xr <- x
  for (item in reverse) xr[[item]] <- range[1] + range[2] - xr[[item]]
  res <- list()
  for (method in c("listwise", "pairwise")) {
    xx <- if (method == "listwise") na.omit(xr) else xr
    xx <- as.data.frame(xx)
    k <- ncol(xx)
    n <- nrow(xx)
    a <- alpha(xx, warnings = FALSE)
    C <- cov(xx, use = "pairwise")
    R <- cov2cor(C)
    Rp <- cor(xx, use = "pairwise")
    raw <- a$total$raw_alpha
    ci <- lapply(levels, function(level) {
      fe <- alpha.ci(raw, n, k, p.val = 1 - level)
      z <- qnorm(1 - (1 - level) / 2)
      list(level = level,
           feldt = c(fe$lower.ci, fe$upper.ci),
           duhachek = c(raw - z * a$total$ase, raw + z * a$total$ase))
    })
    omega_tot <- NULL
    if (k >= 3) {
      om <- suppressWarnings(omega(Rp, nfactors = 1, flip = FALSE, plot = FALSE))
      f1 <- suppressWarnings(fa(Rp, 1, fm = "minres"))
      by_formula <- (sum(Rp) - sum(f1$uniquenesses)) / sum(Rp)
      stopifnot(abs(om$omega.tot - by_formula) < 1e-10)
      omega_tot <- om$omega.tot
    }
    items <- lapply(seq_len(k), function(j) list(
      id = colnames(xx)[j],
      n = unname(a$item.stats$n[j]),
      mean = unname(a$item.stats$mean[j]),
      sd = unname(a$item.stats$sd[j]),
      rawR = unname(a$item.stats$raw.r[j]),
      rDrop = unname(a$item.stats$r.drop[j]),
      alphaDrop = if (k > 2) unname(a$alpha.drop$raw_alpha[j]) else NULL,
      smc = unname(smc(R)[j])
    ))
    res[[method]] <- list(
      n = n, k = k,
      alpha = raw,
      stdAlpha = a$total$std.alpha,
      averageR = a$total$average_r,
      G6 = a$total[["G6(smc)"]],
      ase = a$total$ase,
      omegaTotal = omega_tot,
      splitHalfR = if (k == 2) R[1, 2] else NULL,
      ci = ci,
      items = items
    )
  }
  res
}

frequencies <- function(x) {
  lapply(names(x), function(item) {
    t <- table(x[[item]], useNA = "no")
    list(id = item,
         codes = as.numeric(names(t)),
         counts = as.integer(t),
         missing = sum(is.na(x[[item]])))
  })
}

write_set <- function(name, x, reverse, range, note) {
  write.csv(x, file.path(out_dir, paste0(name, ".csv")), row.names = FALSE, na = "", quote = FALSE)
  golden <- list(
    name = name,
    note = note,
    source = paste("R", getRversion(), "psych", packageVersion("psych")),
    items = names(x),
    range = range,
    reverse = I(reverse),
    rows = nrow(x),
    frequencies = frequencies(x),
    results = alpha_figures(x, reverse, range, levels = c(0.95, 0.9))
  )
  writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
             file.path(out_dir, paste0(name, ".json")))
}

# 1. Likert items, two of them reverse-keyed (they load negatively as answered).
x <- ordinal_items(300, c(0.7, 0.6, -0.65, 0.5, -0.55, 0.6))
x <- scatter_missing(x, 0.03)
write_set("reverse-keyed", x, reverse = c("i3", "i5"), range = c(1, 5),
          note = "6 items 1..5, i3 and i5 reverse-keyed, 3% missing")

# 2. Dichotomous knowledge items (KR-20).
x <- binary_items(250, c(0.6, 0.5, 0.7, 0.4, 0.55, 0.65, 0.5, 0.45),
                  c(-1, -0.5, 0, 0.3, -0.2, 0.8, -1.2, 0.1))
x <- scatter_missing(x, 0.05)
write_set("knowledge-kr20", x, reverse = character(0), range = c(0, 1),
          note = "8 items scored 0/1, 5% missing")

# 3. A 2-item scale.
x <- ordinal_items(120, c(0.75, 0.65), levels = 7)
x <- scatter_missing(x, 0.04)
write_set("two-item", x, reverse = character(0), range = c(1, 7),
          note = "2 items 1..7, 4% missing")

# 4. Scattered missing answers.
x <- ordinal_items(200, c(0.6, 0.7, 0.5, 0.65, 0.55, 0.6, 0.7, 0.45))
x <- scatter_missing(x, 0.10)
write_set("scattered-missing", x, reverse = c("i8"), range = c(1, 5),
          note = "8 items 1..5, 10% missing; i8 is marked reverse-keyed though it loads positively, so reversed it correlates negatively")

# 5. A 12-item scale.
x <- ordinal_items(400, c(0.4, 0.5, 0.6, 0.7, 0.8, 0.55, 0.65, 0.45, 0.75, 0.5, 0.6, 0.7))
x <- scatter_missing(x, 0.02)
write_set("twelve-item", x, reverse = character(0), range = c(1, 5),
          note = "12 items 1..5, 2% missing")

# 6. One item correlating negatively with the rest (left as it is).
x <- ordinal_items(180, c(0.7, 0.65, 0.6, -0.45, 0.55))
x <- scatter_missing(x, 0.05)
write_set("negative-item", x, reverse = character(0), range = c(1, 5),
          note = "5 items 1..5, i4 correlates negatively and is not reversed, 5% missing")

# Scale scores: Pearson and Spearman correlations with pairwise-complete cases.
n <- 150
f <- rnorm(n)
likert_mean <- function(l, k) {
  m <- sapply(seq_len(k), function(j) pmin(5, pmax(1, round(3 + l * f + rnorm(n)))))
  round(rowMeans(m), 10)
}
scores <- data.frame(
  pk = likert_mean(0.9, 4),
  ak = rbinom(n, 6, plogis(0.8 * f)),
  conf = likert_mean(0.6, 3),
  flat = rep(3, n)
)
scores <- scatter_missing(scores, 0.08)
write.csv(scores, file.path(out_dir, "scores.csv"), row.names = FALSE, na = "", quote = FALSE)
present <- !is.na(scores)
pair_n <- crossprod(present)
corr_golden <- function(method) {
  r <- suppressWarnings(cor(scores, use = "pairwise", method = method))
  ci <- lapply(c(0.95, 0.9), function(level) {
    lower <- upper <- matrix(NA_real_, ncol(scores), ncol(scores))
    for (i in seq_len(ncol(scores))) for (j in seq_len(ncol(scores))) {
      if (i != j && !is.na(r[i, j]) && pair_n[i, j] >= 4) {
        lim <- r.con(r[i, j], pair_n[i, j], p = level)
        lower[i, j] <- lim[1]
        upper[i, j] <- lim[2]
      }
    }
    list(level = level, lower = lower, upper = upper)
  })
  list(r = r, ci = ci)
}
summaries <- lapply(names(scores), function(s) {
  v <- scores[[s]][!is.na(scores[[s]])]
  list(id = s, n = length(v), mean = mean(v), sd = sd(v), min = min(v), max = max(v))
})
golden <- list(
  note = "pairwise-complete correlations of scale scores; r.con Fisher-z limits",
  source = paste("R", getRversion(), "psych", packageVersion("psych")),
  ids = names(scores),
  n = unname(pair_n),
  pearson = corr_golden("pearson"),
  spearman = corr_golden("spearman"),
  summaries = summaries
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
           file.path(out_dir, "scores.json"))
cat("wrote", length(list.files(out_dir)), "files to", out_dir, "\n")
