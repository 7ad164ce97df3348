# Golden values for the reliability family beyond alpha, from R psych 2.2.9.
#
# Run from the repository root:  Rscript tests/golden/make-reliability-golden.R
# Reads the data sets of tests/golden/psych/*.csv (made by make-psych-golden.R) and writes two
# more to tests/golden/reliability/*.csv (a Likert scale with sparse categories; an 18-item scale
# whose splits are sampled), then tests/golden/reliability/<name>.json with, for listwise
# (na.omit(x)) and pairwise (x, psych's use = "pairwise"), x with the reverse-keyed items reversed:
#   C = cov(x, use = "pairwise"), R = cov2cor(C) (psych::alpha's matrices), Rp = cor(x, use = "pairwise")
#   guttman:    psych::guttman(R) lambda.1, .2, .3, .5, .5p, .6 (k >= 3; guttman stops below 3)
#   splitHalf:  psych::splitHalf(R, check.keys = FALSE): maxrb (lambda 4), minrb (beta), meanr,
#               lambda2, lambda6, and whether psych enumerated (choose(k, k %/% 2) / 2 <= 10000)
#   allSplits:  every split into halves of k %/% 2 and the rest by brute force (combn), the
#               same r_AB = 4 * 1_A' R 1_B / sum(R): psych enumerates only the first
#               choose(k, k %/% 2) / 2 subsets, which for odd k is part of the splits
#   glb:        psych::glb.fa(Rp)$glb and $numf
#   alpha:      psych::alpha(x): S/N, ase, median_r, and alpha.drop's std.alpha, G6(smc),
#               average_r, S/N, alpha se, var.r, med.r (k >= 3)
#   omegaDrop:  psych::omega(Rp[-i, -i], nfactors = 1, flip = FALSE)$omega.tot, as jamovi's
#               reliability analysis computes "omega if item dropped" (k >= 4)
#   summary:    SPSS RELIABILITY /SUMMARY = ALL by hand: mean, min, max, range, max/min and
#               var of the item means (colMeans, na.rm), item variances (diag C), inter-item
#               covariances (C[lower.tri(C)]) and correlations (R[lower.tri(R)])
#   C and R themselves.

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

psych_dir <- file.path("tests", "golden", "psych")
out_dir <- file.path("tests", "golden", "reliability")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20240611)

ordinal_items <- function(n, loadings, probs) {
  f <- rnorm(n)
  x <- sapply(seq_along(loadings), function(j) {
    l <- loadings[j]
    z <- l * f + sqrt(1 - l^2) * rnorm(n)
    p <- probs[[(j - 1) %% length(probs) + 1]]
    cuts <- qnorm(cumsum(p)[-length(p)])
    as.integer(cut(z, breaks = c(-Inf, cuts, Inf)))
  })
  colnames(x) <- paste0("i", seq_along(loadings))
  as.data.frame(x)
}
scatter_missing <- function(x, rate) {
  m <- matrix(runif(nrow(x) * ncol(x)) < rate, nrow(x))
  x[m] <- NA
  x
}

# A 5-point Likert scale whose extreme categories are rare (some items never use 1).
sparse <- ordinal_items(160, c(0.7, 0.6, 0.65, 0.5, 0.55, 0.7, 0.6),
                        list(c(0.01, 0.04, 0.15, 0.5, 0.3), c(0.002, 0.02, 0.2, 0.6, 0.178),
                             c(0.03, 0.07, 0.3, 0.55, 0.05)))
sparse <- scatter_missing(sparse, 0.04)
write.csv(sparse, file.path(out_dir, "likert-sparse.csv"), row.names = FALSE, na = "", quote = FALSE)
# 18 items: choose(18, 9) / 2 = 24310 > 10000 splits, so they are sampled.
many <- ordinal_items(300, rep(c(0.45, 0.55, 0.65, 0.5, 0.6, 0.7), 3), list(rep(0.2, 5)))
many <- scatter_missing(many, 0.02)
write.csv(many, file.path(out_dir, "eighteen-item.csv"), row.names = FALSE, na = "", quote = FALSE)

sets <- list(
  list(name = "reverse-keyed", dir = psych_dir, reverse = c("i3", "i5"), range = c(1, 5)),
  list(name = "knowledge-kr20", dir = psych_dir, reverse = character(0), range = c(0, 1)),
  list(name = "two-item", dir = psych_dir, reverse = character(0), range = c(1, 7)),
  list(name = "scattered-missing", dir = psych_dir, reverse = c("i8"), range = c(1, 5)),
  list(name = "twelve-item", dir = psych_dir, reverse = character(0), range = c(1, 5)),
  list(name = "negative-item", dir = psych_dir, reverse = character(0), range = c(1, 5)),
  list(name = "likert-sparse", dir = out_dir, reverse = c("i4"), range = c(1, 5)),
  list(name = "eighteen-item", dir = out_dir, reverse = character(0), range = c(1, 5))
)

summary_row <- function(v) list(mean = mean(v), min = min(v), max = max(v), range = max(v) - min(v),
                                 maxOverMin = if (min(v) == 0) NULL else max(v) / min(v),
                                 variance = if (length(v) > 1) var(v) else NULL)

all_splits <- function(R) {
  k <- ncol(R)
  m <- k %/% 2
  combos <- combn(k, m)
  if (k %% 2 == 0) combos <- combos[, combos[1, ] == 1, drop = FALSE]
  rab <- apply(combos, 2, function(a) { A <- rep(0, k); A[a] <- 1; 4 * sum(R %*% A * (1 - A)) / sum(R) })
  list(max = max(rab), min = min(rab), mean = mean(rab), splits = length(rab))
}

# The minres objective of glb.fa's nf-factor model at uniquenesses psi (psych's fit.residuals),
# and its exact minimum by the principal-axis map psi <- clamp(1 - diag(LL'), .005, 1), whose
# fixed points are the stationary points of that objective (psych's gradient FAgr.minres is
# diag(LL') + psi - 1), iterated until psi moves by less than 1e-14.
minres_objective <- function(R, psi, nf) {
  S <- R; diag(S) <- 1 - psi
  e <- eigen(S, symmetric = TRUE)
  L <- e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf], 100 * .Machine$double.eps)), nf)
  sum(((R - L %*% t(L))[lower.tri(R)])^2)
}
principal_axis <- function(R, psi, nf) {
  for (it in 1:500000) {
    S <- R; diag(S) <- 1 - psi
    e <- eigen(S, symmetric = TRUE)
    h <- rowSums((e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf], 0)), nf))^2)
    nxt <- pmin(1, pmax(0.005, 1 - h))
    if (max(abs(nxt - psi)) < 1e-14) break
    psi <- nxt
  }
  list(psi = psi, h2 = h, glb = (sum(R) - sum(diag(R)) + sum(h)) / sum(R), objective = minres_objective(R, psi, nf))
}
# psych's glb.fa stops L-BFGS-B within ~1e-5 of the minimum, and sometimes at a local minimum
# with a higher objective than the one the principal-axis map reaches from psych's own start
# (1 - smc). glbExact: the lower of the two polished minima (from psych's solution and from 1 - smc).
glb_exact <- function(R, nf) {
  f <- suppressWarnings(suppressMessages(fa(R, nf, rotate = "none")))
  psych_psi <- 1 - f$communalities
  a <- principal_axis(R, psych_psi, nf)
  b <- principal_axis(R, 1 - smc(R), nf)
  best <- if (b$objective < a$objective) b else a
  list(glbExact = best$glb, objectiveExact = best$objective, objectivePsych = minres_objective(R, psych_psi, nf))
}

nullable <- function(v) if (is.null(v) || length(v) == 0 || is.na(v)) NULL else unname(v)

figures <- function(x) {
  k <- ncol(x)
  n <- nrow(x)
  a <- alpha(x, warnings = FALSE)
  C <- cov(x, use = "pairwise")
  R <- cov2cor(C)
  Rp <- cor(x, use = "pairwise")
  out <- list(n = n, k = k,
              signalToNoise = a$total[["S/N"]], ase = a$total$ase, medianR = a$total$median_r,
              covariance = unname(C), correlation = unname(R))
  sh <- splitHalf(R, check.keys = FALSE)
  out$splitHalf <- list(lambda4 = sh$maxrb, beta = sh$minrb, mean = sh$meanr,
                        lambda2 = sh$lambda2, lambda6 = sh$lambda6,
                        enumerated = round(choose(k, k %/% 2)) / 2 <= 10000)
  if (choose(k, k %/% 2) <= 60000) out$allSplits <- all_splits(R)
  if (k >= 3) {
    g <- suppressWarnings(suppressMessages(guttman(R)))
    out$guttman <- list(lambda1 = g$lambda.1, lambda2 = g$lambda.2, lambda3 = g$lambda.3,
                        lambda5 = g$lambda.5, lambda5p = g$lambda.5p, lambda6 = g$lambda.6)
    gl <- suppressWarnings(suppressMessages(glb.fa(Rp)))
    out$glb <- c(list(glb = gl$glb, factors = gl$numf), glb_exact(Rp, gl$numf))
    d <- a$alpha.drop
    out$drop <- lapply(seq_len(k), function(i) list(
      stdAlpha = d$std.alpha[i], G6 = d[["G6(smc)"]][i], averageR = d$average_r[i],
      signalToNoise = d[["S/N"]][i], alphaSe = nullable(d[["alpha se"]][i]),
      varR = nullable(d$var.r[i]), medianR = d$med.r[i]))
  }
  if (k >= 4) {
    out$omegaDrop <- sapply(seq_len(k), function(i)
      suppressWarnings(suppressMessages(omega(Rp[-i, -i], nfactors = 1, flip = FALSE, plot = FALSE)))$omega.tot)
    # The same, at the exact minimum of the one-factor minres fit (psych's L-BFGS-B stops short).
    out$omegaDropExact <- sapply(seq_len(k), function(i) {
      Ri <- Rp[-i, -i]
      (sum(Ri) - sum(1 - principal_axis(Ri, 1 - smc(Ri), 1)$h2)) / sum(Ri)
    })
  }
  out$summary <- list(itemMeans = summary_row(unname(colMeans(x, na.rm = TRUE))),
                      itemVariances = summary_row(unname(diag(C))),
                      interItemCovariances = summary_row(C[lower.tri(C)]),
                      interItemCorrelations = summary_row(R[lower.tri(R)]))
  out
}

for (s in sets) {
  x <- read.csv(file.path(s$dir, paste0(s$name, ".csv")))
  for (item in s$reverse) x[[item]] <- s$range[1] + s$range[2] - x[[item]]
  results <- list(listwise = figures(na.omit(x)), pairwise = figures(x))
  golden <- list(name = s$name, source = paste("R", getRversion(), "psych", packageVersion("psych")),
                 csv = file.path(basename(s$dir), paste0(s$name, ".csv")),
                 items = names(x), range = s$range, reverse = I(s$reverse), results = results)
  writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
             file.path(out_dir, paste0(s$name, ".json")))
}
cat("wrote", length(list.files(out_dir)), "files to", out_dir, "\n")
