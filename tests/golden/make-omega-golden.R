# Golden values for the factor rotations, the Schmid-Leiman transformation and omega
# hierarchical, from R 4, psych 2.2.9 and GPArotation 2022.10.2:
#   psych::fa(r, nfactors, fm = "minres", rotate = "none" | "oblimin" | "promax" | "varimax")
#   (psych's own post-processing: columns signed by their sums, ordered by variance accounted for),
#   GPArotation::oblimin(unrotated) as GPArotation returns it (no reordering),
#   psych::schmid(r, nfactors, fm = "minres")      (the unflipped Schmid-Leiman solution),
#   psych::omega(r, nfactors, fm = "minres", n.obs) (flip = TRUE, psych's default), and the
#   headline figures again with flip = FALSE and with rotate = "promax".
#
# Run from the repository root:  Rscript tests/golden/make-omega-golden.R
# Writes tests/golden/omega/<case>.json and the data behind each case, tests/golden/omega/<data>.csv
# (every correlation matrix is computed from the CSV exactly as written). Matrices are stored
# row-major (items in rows, factors in columns), as the code holds them.
#
# The cases:
#   bfi-ace-15      psych's bfi, items A1-A5, C1-C5, E1-E5, the first 500 complete rows; 3 factors
#                   (five items load negatively on g and are flipped by omega)
#   sim-hier-12     psych::sim.hierarchical, g -> 3 group factors -> 4 items each, n = 500,
#                   set.seed(20240612); omega_h (~.50) well below omega total (~.79)
#   bfi-ac-10-two   bfi A1-A5, C1-C5, 2 factors: schmid's special rule for two factors
#                   (option = "equal": both g loadings sqrt(|phi_12|))
#   bfi-neo-15-heywood  bfi N1-N5, E1-E5, O1-O5, 3 factors: the one-factor fit of the factor
#                   correlations puts a g loading at the communality bound (a Heywood case)
#   bfi-a-5-too-few bfi A1-A5 with 3 factors: 5 items cannot identify 3 factors (df = -2);
#                   psych reports an ultra-Heywood case and GPArotation does not converge

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")
stopifnot(packageVersion("GPArotation") == "2022.10.2")

out_dir <- file.path("tests", "golden", "omega")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

rowmajor <- function(m) as.vector(t(as.matrix(unclass(m))))

# Runs expr, returning its value with the warnings and messages it raised.
capture <- function(expr) {
  warnings <- character(0)
  messages <- character(0)
  value <- withCallingHandlers(expr,
    warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") },
    message = function(m) { messages <<- c(messages, trimws(conditionMessage(m))); invokeRestart("muffleMessage") })
  list(value = value, warnings = I(unique(warnings)), messages = I(unique(messages)))
}

write_data <- function(x, file) {
  write.csv(x, file.path(out_dir, file), row.names = FALSE)
  as.matrix(read.csv(file.path(out_dir, file)))
}

data(bfi)
bfi_rows <- function(cols) {
  x <- bfi[complete.cases(bfi[, cols]), cols]
  x[seq_len(500), ]
}

make_case <- function(name, description, file, x, nfactors) {
  r <- cor(x)
  k <- ncol(r)
  n <- nrow(x)
  fit <- function(rotate) capture(fa(r, nfactors, n.obs = n, fm = "minres", rotate = rotate))
  none <- fit("none")
  rotations <- list()
  for (rotate in c("oblimin", "promax", "varimax")) {
    f <- fit(rotate)
    phi <- if (is.null(f$value$Phi)) diag(nfactors) else f$value$Phi
    rotations[[rotate]] <- list(loadings = rowmajor(f$value$loadings), phi = rowmajor(phi),
                                warnings = f$warnings)
  }
  unrotated <- unclass(none$value$loadings)
  gpa <- capture(GPArotation::oblimin(unrotated))
  sl <- capture(schmid(r, nfactors, fm = "minres", n.obs = n))
  om <- capture(omega(r, nfactors, fm = "minres", n.obs = n, plot = FALSE))
  om_noflip <- capture(omega(r, nfactors, fm = "minres", n.obs = n, plot = FALSE, flip = FALSE))$value
  om_promax <- capture(omega(r, nfactors, fm = "minres", n.obs = n, plot = FALSE, rotate = "promax"))$value
  s <- sl$value
  o <- om$value
  slm <- s$sl
  group <- o$omega.group
  list(
    name = name, description = description, data = file,
    source = sprintf("R %s, psych %s, GPArotation %s", getRversion(), packageVersion("psych"),
                     packageVersion("GPArotation")),
    k = k, n = n, nfactors = nfactors, items = colnames(r),
    r = rowmajor(r),
    unrotated = rowmajor(unrotated),
    unrotatedWarnings = none$warnings,
    rotations = rotations,
    gpaOblimin = list(loadings = rowmajor(gpa$value$loadings), phi = rowmajor(gpa$value$Phi),
                      iterations = nrow(gpa$value$Table) - 1, convergence = gpa$value$convergence,
                      warnings = gpa$warnings),
    schmid = list(
      orthogonal = rowmajor(s$orthog), oblique = rowmajor(s$oblique), phi = rowmajor(s$phi),
      gloading = as.vector(s$gloading),
      g = as.vector(slm[, 1]), group = rowmajor(slm[, 2:(nfactors + 1), drop = FALSE]),
      h2 = as.vector(slm[, "h2"]), u2 = as.vector(slm[, "u2"]), p2 = as.vector(slm[, "p2"]),
      warnings = sl$warnings, messages = sl$messages),
    omega = list(
      omegaH = o$omega_h, omegaLimit = o$omega.lim, omegaTotal = o$omega.tot,
      key = as.vector(o$key),
      g = as.vector(o$schmid$sl[, 1]),
      group = rowmajor(o$schmid$sl[, 2:(nfactors + 1), drop = FALSE]),
      groupTotal = as.vector(group$total), groupGeneral = as.vector(group$general),
      groupGroup = as.vector(group$group),
      warnings = om$warnings, messages = om$messages),
    omegaNoFlip = list(omegaH = om_noflip$omega_h, omegaLimit = om_noflip$omega.lim,
                       omegaTotal = om_noflip$omega.tot),
    omegaPromax = list(omegaH = om_promax$omega_h, omegaLimit = om_promax$omega.lim,
                       omegaTotal = om_promax$omega.tot, gloading = as.vector(om_promax$schmid$gloading),
                       g = as.vector(om_promax$schmid$sl[, 1]))
  )
}

write_case <- function(case) {
  write_json(case, file.path(out_dir, paste0(case$name, ".json")), digits = NA, auto_unbox = TRUE,
             pretty = TRUE, na = "null")
}

ace <- c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5))
write_case(make_case("bfi-ace-15", "psych bfi A1-A5, C1-C5, E1-E5, first 500 complete rows, 3 factors",
                     "bfi-ace-15.csv", write_data(bfi_rows(ace), "bfi-ace-15.csv"), 3))

set.seed(20240612)
fload <- matrix(0, 12, 3)
for (f in 1:3) fload[(4 * f - 3):(4 * f), f] <- c(.7, .6, .5, .4)
sim <- sim.hierarchical(gload = c(.7, .6, .5), fload = fload, n = 500)
write_case(make_case("sim-hier-12",
                     "psych::sim.hierarchical(gload = c(.7, .6, .5), 4 items a group loading .7/.6/.5/.4, n = 500), set.seed(20240612), rounded to 4 decimals; 3 factors",
                     "sim-hier-12.csv", write_data(round(sim$observed, 4), "sim-hier-12.csv"), 3))

ac <- c(paste0("A", 1:5), paste0("C", 1:5))
write_case(make_case("bfi-ac-10-two", "psych bfi A1-A5, C1-C5, first 500 complete rows, 2 factors (schmid option = 'equal')",
                     "bfi-ac-10.csv", write_data(bfi_rows(ac), "bfi-ac-10.csv"), 2))

neo <- c(paste0("N", 1:5), paste0("E", 1:5), paste0("O", 1:5))
write_case(make_case("bfi-neo-15-heywood",
                     "psych bfi N1-N5, E1-E5, O1-O5, first 500 complete rows, 3 factors: a g loading of a group factor at the bound (Heywood)",
                     "bfi-neo-15.csv", write_data(bfi_rows(neo), "bfi-neo-15.csv"), 3))

a5 <- paste0("A", 1:5)
write_case(make_case("bfi-a-5-too-few", "psych bfi A1-A5, first 500 complete rows, 3 factors: too few items (df = -2)",
                     "bfi-a-5.csv", write_data(bfi_rows(a5), "bfi-a-5.csv"), 3))
