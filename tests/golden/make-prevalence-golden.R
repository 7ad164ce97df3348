# Golden values for the prevalence half, from R (stats, survey).
#   Rscript tests/golden/make-prevalence-golden.R
# Writes, under tests/golden/proportion/:
#   prop-test.json       wilson-cc: prop.test(x, n, correct = TRUE)$conf.int
#   logit-srs.json       logit (Stata proportion): svyciprop(method = "logit") on svydesign(ids = ~1)
#   association.json     chisq.test and fisher.test on 2 x G tables
#   clustered.json       a seeded clustered data set and svyciprop / svymean results per domain
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(warn = -1)
out_dir <- file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "proportion")
write_json_file <- function(x, name) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = FALSE),
             file.path(out_dir, name))
  cat("wrote", file.path(out_dir, name), "\n")
}
num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)
levels <- c(0.9, 0.95, 0.99)

# ---- wilson-cc -------------------------------------------------------------------------
cases <- list(c(0, 1), c(1, 1), c(0, 2), c(1, 2), c(2, 2), c(0, 5), c(1, 5), c(2, 5), c(3, 5),
              c(4, 5), c(5, 5), c(3, 10), c(5, 10), c(0, 10), c(1, 10), c(9, 10), c(10, 10),
              c(7, 23), c(11, 23), c(12, 23), c(50, 100), c(0, 100), c(1, 100), c(99, 100),
              c(100, 100), c(37, 250), c(412, 1000), c(1, 1000), c(999, 1000), c(0, 5000),
              c(2500, 5000), c(123456, 1000000))
wcc <- list()
for (cs in cases) for (lv in levels) {
  ci <- prop.test(cs[1], cs[2], correct = TRUE, conf.level = lv)$conf.int
  wcc[[length(wcc) + 1]] <- list(count = cs[1], n = cs[2], level = lv, lower = ci[1], upper = ci[2])
}
write_json_file(list(source = paste("R", getRversion(), "prop.test(x, n, correct = TRUE)$conf.int"), cases = wcc), "prop-test.json")

# ---- logit, simple random sample ---------------------------------------------------------
lg <- list()
for (cs in cases) {
  x <- cs[1]; n <- cs[2]
  if (x == 0 || x == n || n > 5000) next
  des <- svydesign(ids = ~1, data = data.frame(y = c(rep(1, x), rep(0, n - x))))
  for (lv in levels) {
    ci <- attr(svyciprop(~I(y == 1), des, method = "logit", level = lv), "ci")
    # The same interval written out (Stata proportion): R's expit overflows to NaN for n = 2.
    p <- x / n; half <- qt((1 + lv) / 2, n - 1) * sqrt(p * (1 - p) / (n - 1)) / (p * (1 - p))
    formula <- plogis(qlogis(p) + c(-1, 1) * half)
    lg[[length(lg) + 1]] <- list(count = x, n = n, level = lv, lower = num(ci[1]), upper = num(ci[2]), formula = formula)
  }
}
write_json_file(list(source = paste("R survey", packageVersion("survey"),
  "svyciprop(~I(y == 1), svydesign(ids = ~1, data = d), method = 'logit')"), cases = lg), "logit-srs.json")

# ---- chi-square and Fisher on 2 x G tables ---------------------------------------------
tables <- list(
  rbind(c(3, 1), c(1, 3)),
  rbind(c(10, 20), c(30, 15)),
  rbind(c(0, 5), c(5, 0)),
  rbind(c(1, 9), c(11, 3)),
  rbind(c(12, 5), c(12, 5)),
  rbind(c(200, 150), c(100, 250)),
  rbind(c(2000, 1500), c(1000, 2500)),
  rbind(c(0, 0), c(7, 9)),
  rbind(c(10, 20, 30), c(20, 20, 10)),
  rbind(c(0, 2, 5), c(5, 3, 0)),
  rbind(c(1, 2, 3, 4), c(4, 3, 2, 1)),
  rbind(c(2, 2, 2), c(3, 3, 3)),
  rbind(c(3, 0, 8, 1, 5), c(12, 9, 4, 10, 6)),
  rbind(c(40, 35, 2), c(60, 65, 3)),
  rbind(c(1, 0, 0), c(30, 40, 25)),
  rbind(c(150, 120, 90, 60), c(50, 80, 110, 140)),
  rbind(c(500, 480, 20), c(300, 520, 2)),
  rbind(c(0, 0, 0), c(4, 5, 6)),
  rbind(c(6, 6, 6, 6), c(6, 6, 6, 6)),
  rbind(c(25, 30, 4, 1), c(75, 70, 6, 9))
)
assoc <- lapply(tables, function(m) {
  ch <- suppressWarnings(chisq.test(m))
  fi <- fisher.test(m, workspace = 2e8)
  list(table = m, statistic = num(ch$statistic), df = unname(ch$parameter), chisq_p = num(ch$p.value),
       fisher_p = fi$p.value, min_expected = min(outer(rowSums(m), colSums(m)) / sum(m)))
})
write_json_file(list(source = paste("R", getRversion(), "chisq.test(x) (default correct = TRUE) and fisher.test(x)"),
  tables = assoc), "association.json")

# ---- clustered data ----------------------------------------------------------------------
set.seed(20240611)
n_clusters <- 10
sizes <- sample(12:40, n_clusters, replace = TRUE)
cl <- rep(sprintf("ward%02d", 1:n_clusters), sizes)
effect <- rep(rnorm(n_clusters, 0, 0.8), sizes)
N <- length(cl)
role <- sample(c("Nurse", "Doctor", "Midwife", "HCA"), N, replace = TRUE, prob = c(0.45, 0.25, 0.2, 0.1))
site <- ifelse(cl %in% sprintf("ward%02d", 1:6), "North", "South")
team <- ifelse(cl == "ward03", "Solo", sample(c("Red", "Blue"), N, replace = TRUE))   # "Solo": one cluster, df = 0
y1 <- rbinom(N, 1, plogis(-0.7 + effect))
y2 <- rbinom(N, 1, plogis(-3.2 + effect))
y3 <- rbinom(N, 1, plogis(1.0 + 0.5 * effect))
y3[role == "HCA"] <- 1                      # a domain with p = 1
y2[role == "Midwife"] <- 0                  # a domain with p = 0
y1[sample(N, 25)] <- NA
y2[sample(N, 10)] <- NA
y3[sample(N, 15)] <- NA
role[sample(N, 12)] <- NA
cl[sample(N, 6)] <- NA                      # rows without a cluster: left out
d_all <- data.frame(cl, role, site, team, y1, y2, y3, stringsAsFactors = FALSE)
d <- d_all[!is.na(d_all$cl), ]
des <- svydesign(ids = ~cl, data = d)

t_crit <- function(level, df) qt((1 + level) / 2, df)
kg_n <- function(p, v, n, df, level) {           # Korn-Graubard df-adjusted effective n (edges: n_eff = n)
  n_eff <- if (p == 0 || p == 1) n else p * (1 - p) / v
  n_eff * (qt((1 - level) / 2, n - 1) / qt((1 - level) / 2, df))^2
}
cp <- function(x, n, level) {                  # Clopper-Pearson with real x, n (statsmodels edge rule)
  a <- (1 - level) / 2
  c(if (x <= 0) 0 else qbeta(a, x, n - x + 1), if (x >= n) 1 else qbeta(1 - a, x + 1, n - x))
}
wilson <- function(x, n, z) {
  p <- x / n; den <- 1 + z^2 / n
  c((p + z^2 / (2 * n)) / den - z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / den,
    (p + z^2 / (2 * n)) / den + z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / den)
}
wilson_cc <- function(x, n, z) {               # the prop.test formula with real x, n and critical value z
  est <- x / n; yates <- min(0.5, abs(x - n / 2)); z22n <- z^2 / (2 * n)
  pc <- est + yates / n
  u <- if (pc >= 1) 1 else (pc + z22n + z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
  pc <- est - yates / n
  l <- if (pc <= 0) 0 else (pc + z22n - z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
  c(max(l, 0), min(u, 1))
}
agresti <- function(x, n, z) {
  nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  pmin(1, pmax(0, c(pt - z * sqrt(pt * (1 - pt) / nt), pt + z * sqrt(pt * (1 - pt) / nt))))
}

domain_result <- function(sub, y) {
  dd <- sub$variables
  n <- nrow(dd); count <- sum(dd[[y]] == 1)
  f <- as.formula(paste0("~I(", y, " == 1)"))
  m <- svymean(as.formula(paste0("~as.numeric(", y, " == 1)")), sub, deff = "replace")
  v <- unname(vcov(m)[1, 1]); p <- count / n; df <- degf(sub)
  res <- list(count = count, n = n, clusters = length(unique(dd$cl)), df = df, se = sqrt(v),
              deff_replace = if (p > 0 && p < 1) unname(attr(m, "deff")[1, 1]) else NA,
              deff_kish = if (p > 0 && p < 1) v / (p * (1 - p) / n) else NA, intervals = list())
  for (lv in levels) {
    iv <- list(level = lv)
    if (df >= 1) {
      for (meth in c("beta", "mean", "logit")) {
        ci <- if (p > 0 && p < 1) attr(svyciprop(f, sub, method = meth, level = lv), "ci") else c(NA, NA)
        iv[[paste0("svyciprop_", meth)]] <- c(num(ci[1]), num(ci[2]))
      }
      tt <- t_crit(lv, df)
      n_eff <- if (p == 0 || p == 1) n else p * (1 - p) / v
      nk <- kg_n(p, v, n, df, lv)
      iv$kg_edge <- cp(p * nk, nk, lv)                       # Korn-Graubard incl. the n_eff = n edge rule
      # Inside (0, 1) the rule must give svyciprop's "beta" interval: a check of this reference.
      if (p > 0 && p < 1) stopifnot(isTRUE(all.equal(iv$kg_edge, unname(iv$svyciprop_beta), tolerance = 1e-12)))
      iv$jeffreys <- qbeta(c((1 - lv) / 2, (1 + lv) / 2), p * nk + 0.5, nk - p * nk + 0.5)
      iv$wilson <- if (p == 0) c(0, wilson(0, n_eff, tt)[2]) else if (p == 1) c(wilson(n_eff, n_eff, tt)[1], 1) else wilson(p * n_eff, n_eff, tt)
      iv$wilson_cc <- wilson_cc(p * n_eff, n_eff, tt)
      iv$agresti_coull <- agresti(p * n_eff, n_eff, tt)
      iv$wald <- pmin(1, pmax(0, c(p - tt * sqrt(v), p + tt * sqrt(v))))
    }
    res$intervals[[length(res$intervals) + 1]] <- iv
  }
  res
}

results <- list()
for (y in c("y1", "y2", "y3")) {
  sub <- eval(bquote(subset(des, !is.na(.(as.name(y))))))
  r <- domain_result(sub, y); r$id <- y; r$column <- NA; r$value <- NA
  results[[length(results) + 1]] <- r
  for (g in c("role", "site", "team")) for (v in sort(unique(na.omit(d[[g]])))) {
    sub <- eval(bquote(subset(des, !is.na(.(as.name(y))) & !is.na(.(as.name(g))) & .(as.name(g)) == .(v))))
    r <- domain_result(sub, y); r$id <- y; r$column <- g; r$value <- v
    results[[length(results) + 1]] <- r
  }
}
comparisons <- list()
for (y in c("y1", "y2", "y3")) for (g in c("role", "site", "team")) {
  ok <- !is.na(d[[y]]) & !is.na(d[[g]])
  m <- table(factor(d[[y]][ok], levels = c(1, 0)), factor(d[[g]][ok], levels = sort(unique(d[[g]][ok]))))
  m <- unclass(m); m <- matrix(m, nrow = 2)
  ch <- suppressWarnings(chisq.test(m))
  comparisons[[length(comparisons) + 1]] <- list(id = y, column = g, groups = sort(unique(d[[g]][ok])), table = m,
    statistic = num(ch$statistic), df = unname(ch$parameter), chisq_p = num(ch$p.value),
    fisher_p = fisher.test(m, workspace = 2e8)$p.value,
    min_expected = min(outer(rowSums(m), colSums(m)) / sum(m)))
}
rows <- lapply(seq_len(nrow(d_all)), function(i) list(cluster = d_all$cl[i], role = d_all$role[i], site = d_all$site[i], team = d_all$team[i],
  y1 = d_all$y1[i], y2 = d_all$y2[i], y3 = d_all$y3[i]))
write_json_file(list(
  source = paste("R survey", packageVersion("survey"), "svydesign(ids = ~cl, data = d); svyciprop / svymean(deff = 'replace') on subset(design, !is.na(y) & g == value)"),
  designClusters = length(unique(d$cl)), missingCluster = sum(is.na(d_all$cl)),
  groupMissing = list(role = sum(is.na(d$role)), site = sum(is.na(d$site)), team = sum(is.na(d$team))),
  rows = rows, results = results, comparisons = comparisons), "clustered.json")
