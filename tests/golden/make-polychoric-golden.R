# Golden values for the polychoric and tetrachoric correlations, from R psych 2.2.9
# (with mnormt's sadmvn for the bivariate normal, as psych uses it) and mvtnorm.
#
# Run from the repository root:  Rscript tests/golden/make-polychoric-golden.R
# Writes tests/golden/polychoric/<name>.csv (answers, empty cell = missing) and
# tests/golden/polychoric/<name>.json with, for each data set:
#   kind        "polychoric" (psych::polychoric(x)) or "tetrachoric" (psych::tetrachoric(x))
#   rho         the smoothed matrix psych returns (smooth = TRUE, its default)
#   rho_raw     the same with smooth = FALSE (the maximum-likelihood correlations themselves)
#   tau         psych's thresholds, one row per item (from each item's own answers)
#   global      whether psych used the global thresholds (FALSE: items differ in categories)
#   smoothed    whether cor.smooth changed the matrix (psych's "not positive definite" warning)
#   fixed       cells corrected for continuity, from psych's message/warning (NA when none)
#   alpha       psych::alpha(rho)$total: raw_alpha and std.alpha (ordinal alpha)
# pairs_with_empty_cells and empty_cells count the zero cells of the pairwise tables (psych's
# tetrachoric replaces each by .5; its messages come from forked workers and are not captured).
# The thresholds are written with "Inf" / "-Inf" as strings. Also
# bivariate-normal.json: Phi2(h, k; r) from mvtnorm::pmvnorm (Genz's TVPACK, abseps 1e-15),
# from a one-dimensional numerical integration (stats::integrate, rel.tol 1e-13), and rectangle
# probabilities from mnormt::sadmvn (what psych's polyBinBvn calls).

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
  library(mnormt)
  library(mvtnorm)
})
stopifnot(packageVersion("psych") == "2.2.9")

out_dir <- file.path("tests", "golden", "polychoric")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20250611)

# Ordinal items from a one-factor model, cut at the given normal thresholds, coded lo, lo+1, ...
ordinal_items <- function(n, loadings, cuts, lo = 1, prefix = "i") {
  f <- rnorm(n)
  x <- sapply(seq_along(loadings), function(j) {
    l <- loadings[j]
    z <- l * f + sqrt(1 - l^2) * rnorm(n)
    cj <- if (is.list(cuts)) cuts[[j]] else cuts
    as.integer(cut(z, breaks = c(-Inf, cj, Inf))) + lo - 1L
  })
  colnames(x) <- paste0(prefix, seq_along(loadings))
  as.data.frame(x)
}

scatter_missing <- function(x, rate) {
  m <- matrix(runif(nrow(x) * ncol(x)) < rate, nrow(x))
  x[m] <- NA
  x
}

# Run f, keeping its value and every warning and message text.
capture <- function(f) {
  notes <- character(0)
  value <- withCallingHandlers(f(),
    warning = function(w) { notes <<- c(notes, conditionMessage(w)); invokeRestart("muffleWarning") },
    message = function(m) { notes <<- c(notes, conditionMessage(m)); invokeRestart("muffleMessage") })
  list(value = value, notes = notes)
}

# JSON has no infinities: they are written as the strings "Inf" and "-Inf".
finite_or_text <- function(v) lapply(unname(v), function(e) if (is.infinite(e)) (if (e > 0) "Inf" else "-Inf") else e)
matrix_rows <- function(m) unname(lapply(seq_len(nrow(m)), function(i) finite_or_text(m[i, ])))

# Pairs (i > j) whose table of pairwise-complete answers has an empty cell, and the empty cells
# (over the categories 1..max of all items), as psych's tables see them.
empty_cells <- function(x) {
  lo <- min(x, na.rm = TRUE); hi <- max(x, na.rm = TRUE)
  pairs <- 0; cells <- 0
  for (i in 2:ncol(x)) for (j in 1:(i - 1)) {
    t <- table(factor(x[[i]], lo:hi), factor(x[[j]], lo:hi))
    e <- sum(t == 0)
    if (e > 0) pairs <- pairs + 1
    cells <- cells + e
  }
  c(pairs = pairs, cells = cells)
}

write_set <- function(name, x, kind, note) {
  write.csv(x, file.path(out_dir, paste0(name, ".csv")), row.names = FALSE, na = "")
  run <- function(smooth) {
    if (kind == "tetrachoric") tetrachoric(x, smooth = smooth) else polychoric(x, smooth = smooth)
  }
  smoothed_run <- capture(function() run(TRUE))
  raw_run <- capture(function() run(FALSE))
  r <- smoothed_run$value
  notes <- smoothed_run$notes
  smoothed <- any(grepl("not positive definite", notes))
  fixed_note <- grep("cells were adjusted", notes, value = TRUE)
  fixed <- if (length(fixed_note)) as.integer(sub("^([0-9]+) cells.*", "\\1", fixed_note[1])) else NA
  empty <- empty_cells(x)
  global <- !any(grepl("global set to FALSE", notes))
  tau <- r$tau
  tau <- if (is.matrix(tau)) tau else matrix(tau, ncol = 1)
  a <- capture(function() psych::alpha(r$rho))$value$total
  ev <- eigen(raw_run$value$rho, symmetric = TRUE, only.values = TRUE)$values
  out <- list(
    name = name, note = note, kind = kind, n = nrow(x), items = colnames(x),
    global = global, smoothed = smoothed, fixed = fixed,
    pairs_with_empty_cells = empty[["pairs"]], empty_cells = empty[["cells"]],
    rho = matrix_rows(r$rho), rho_raw = matrix_rows(raw_run$value$rho),
    min_eigenvalue_raw = min(ev),
    tau = matrix_rows(tau),
    alpha = list(raw_alpha = a$raw_alpha, std_alpha = a$std.alpha),
    notes = I(notes)
  )
  json <- toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null")
  writeLines(json, file.path(out_dir, paste0(name, ".json")))
  cat(name, ": global", global, " smoothed", smoothed, " fixed", fixed, " min eig", min(ev), "\n")
}

# 1. A 5-point Likert scale, skewed, n = 120: sparse tables with empty cells. Item i5 never
#    uses the lowest answer (its first threshold is -Inf) and item i6 never the middle one
#    (two equal thresholds); every item still reaches 5, so psych keeps the global thresholds.
x <- ordinal_items(120, c(.8, .75, .7, .65, .6, .7), cuts = qnorm(c(.04, .12, .35, .7)))
x$i5[x$i5 == 1] <- 2L
x$i6[x$i6 == 3] <- 4L
stopifnot(all(sapply(x, max) == 5))
write_set("likert-sparse", x, "polychoric",
          "5-point, n = 120, skewed; i5 has no 1s, i6 no 3s; empty cells")

# 2. A 0/1 knowledge scale, n = 250, easy to hard items; the easiest and hardest items leave a
#    zero cell in some 2 x 2 tables (psych's tetrachoric replaces it by .5).
difficulty <- c(-1.9, -1.2, -.6, 0, .4, .9, 1.5, 2.0)
x <- ordinal_items(250, c(.7, .6, .65, .7, .55, .6, .7, .75), cuts = as.list(difficulty), lo = 0, prefix = "k")
write_set("knowledge-binary", x, "tetrachoric", "0/1 items, n = 250, easy to hard; zero cells")

# 3. Items with different numbers of categories (3, 4, 5 and 5, 4, 3): psych sets
#    global = FALSE and takes each pair's thresholds from its own table.
cuts <- list(qnorm(c(.3, .7)), qnorm(c(.2, .5, .8)), qnorm(c(.1, .3, .6, .85)),
             qnorm(c(.15, .35, .65, .9)), qnorm(c(.25, .5, .75)), qnorm(c(.4, .8)))
x <- ordinal_items(200, c(.7, .65, .75, .6, .7, .55), cuts = cuts)
write_set("mixed-categories", x, "polychoric", "3, 4, 5, 5, 4 and 3 categories, n = 200")

# 4. Scattered missing answers (about 12%), 5-point, n = 400: pairwise tables, thresholds
#    from each item's own answers.
x <- ordinal_items(400, c(.75, .7, .65, .7, .6, .8, .55), cuts = qnorm(c(.1, .3, .6, .85)))
x <- scatter_missing(x, .12)
write_set("scattered-missing", x, "polychoric", "5-point, n = 400, 12% missing at random")

# 5. Not positive definite: three groups each answer two of three 4-point items (a, b), (b, c),
#    (a, c) with correlations that no correlation matrix has (+.9, +.9, -.9); psych smooths.
block <- function(n, r) {
  z1 <- rnorm(n); z2 <- r * z1 + sqrt(1 - r^2) * rnorm(n)
  cbind(as.integer(cut(z1, c(-Inf, -.6, .1, .8, Inf))), as.integer(cut(z2, c(-Inf, -.5, .2, .7, Inf))))
}
n <- 150
x <- data.frame(a = rep(NA_integer_, 3 * n), b = NA_integer_, c = NA_integer_, d = NA_integer_)
x[1:n, c("a", "b")] <- block(n, .9)
x[n + 1:n, c("b", "c")] <- block(n, .9)
x[2 * n + 1:n, c("a", "c")] <- block(n, -.9)
x$d <- pmin(4L, pmax(1L, as.integer(round((ifelse(is.na(x$a), 2.5, x$a) + ifelse(is.na(x$c), 2.5, x$c)) / 2 + rnorm(3 * n, 0, .8)))))
write_set("not-positive-definite", x, "polychoric", "a-b +.9, b-c +.9, a-c -.9 in three groups; psych smooths")

# Bivariate normal probabilities.
grid <- expand.grid(h = c(-6, -2.5, -1, -0.3, 0, 0.7, 1.6, 3), k = c(-3.2, -0.8, 0, 0.45, 2.2, 5),
                    r = c(-0.999, -0.95, -0.93, -0.9, -0.5, -0.2, 0, 0.1, 0.3, 0.6, 0.8, 0.92, 0.93, 0.99, 0.99999))
grid$tvpack <- mapply(function(h, k, r) {
  pmvnorm(upper = c(h, k), corr = matrix(c(1, r, r, 1), 2), algorithm = TVPACK(abseps = 1e-15))[1]
}, grid$h, grid$k, grid$r)
grid$integrate <- mapply(function(h, k, r) {
  s <- sqrt(1 - r^2)
  integrate(function(x) dnorm(x) * pnorm((k - r * x) / s), -Inf, h, rel.tol = 1e-13, abs.tol = 0)$value
}, grid$h, grid$k, grid$r)
rect <- data.frame(l1 = c(-Inf, -Inf, -1, 0.5, -Inf, 1.2, -0.4, 2), u1 = c(0.3, Inf, 0.2, Inf, -1.1, 1.9, -0.4, Inf),
                   l2 = c(-Inf, -0.5, -Inf, 0.1, 0.2, -2, -Inf, 2.5), u2 = c(0.8, 0.5, 1, Inf, Inf, 2.1, 1, Inf),
                   r = c(0.4, -0.7, 0.95, -0.3, 0.6, 0.98, 0.2, 0.5))
rect$sadmvn <- mapply(function(l1, u1, l2, u2, r) {
  sadmvn(lower = c(l1, l2), upper = c(u1, u2), mean = c(0, 0), varcov = matrix(c(1, r, r, 1), 2))[1]
}, rect$l1, rect$u1, rect$l2, rect$u2, rect$r)
rect_rows <- lapply(seq_len(nrow(rect)), function(i) finite_or_text(unlist(rect[i, ])))
json <- toJSON(list(cdf = grid, rectangles = lapply(rect_rows, function(r) setNames(r, names(rect)))),
               digits = NA, dataframe = "rows", auto_unbox = TRUE)
writeLines(json, file.path(out_dir, "bivariate-normal.json"))
cat("bivariate normal: largest |tvpack - integrate|", max(abs(grid$tvpack - grid$integrate)), "\n")

# R's optimize() on a few functions over (-1, 1), default tolerance: the Brent transcription
# must stop at the very same point.
fs <- list(square = function(x) (x - 0.3)^2, wave = function(x) cos(3 * x) + x / 2,
           kink = function(x) abs(x - 0.77), edge = function(x) exp(2 * x))
opt <- lapply(names(fs), function(nm) { o <- optimize(fs[[nm]], c(-1, 1)); list(name = nm, minimum = o$minimum, objective = o$objective) })
writeLines(toJSON(opt, auto_unbox = TRUE, digits = NA), file.path(out_dir, "optimize.json"))
