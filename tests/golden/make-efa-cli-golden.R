# Golden values for the `factors` command (tests/cli/factors.test.ts) from R 4 and psych 2.2.9 with
# GPArotation: psych::fa on the very files the CLI reads, coded as the CLI's codebook codes them,
# with fm and rotate variants; fa.parallel (psych defaults, pairwise) and vss()'s MAP per data set.
#
# Run from the repository root:  Rscript tests/golden/make-efa-cli-golden.R
# Reads tests/golden/factor/bfi-ace.csv and missing.csv (made by make-factor-golden.R) with the
# codebooks in tests/golden/efa-cli/, and fixtures/protect-survey.csv with the built-in codebook
# (src/codebook/builtin-protect.ts) coded here by hand: labels to codes (agree5), answer keys
# (1 right, 0 any other answer, "Don't know" included; blank missing), reverse keying 6 - x.
# Writes tests/golden/efa-cli/golden.json. Matrices row-major; items in codebook order.

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")
options(mc.cores = 1)

source(file.path("tests", "golden", "factor-figures.R")) # rowmajor, num, fit_figures

# Data sets, coded as the CLI codes them -------------------------------------------------------
bfi_ace <- read.csv("tests/golden/factor/bfi-ace.csv")
for (item in c("A1", "C4", "C5", "E1", "E2")) bfi_ace[[item]] <- 7 - bfi_ace[[item]]

bfi_no <- read.csv("tests/golden/factor/missing.csv")
for (item in c("O2", "O5")) bfi_no[[item]] <- 7 - bfi_no[[item]]

protect_raw <- read.csv("fixtures/protect-survey.csv", colClasses = "character", na.strings = character(0))
missing_text <- c("", "NA", "N/A", "-99")
agree5 <- c("strongly disagree" = 1, "disagree" = 2, "neither agree nor disagree" = 3, "agree" = 4, "strongly agree" = 5)
rated <- function(cells) {
  t <- tolower(trimws(cells))
  out <- unname(agree5[t])
  out[trimws(cells) %in% missing_text] <- NA
  stopifnot(all(!is.na(out) | trimws(cells) %in% missing_text))
  out
}
keyed <- function(cells, key) {
  t <- trimws(cells)
  ifelse(t %in% missing_text, NA, as.integer(tolower(t) == tolower(key)))
}
key <- c(ak1 = "True", ak2 = "False", ak3 = "True", ak4 = "False", ak5 = "False", ak6 = "True",
         ak7 = "False", ak8 = "True", ak9 = "False")
protect <- data.frame(row.names = seq_len(nrow(protect_raw)))
for (item in paste0("pk", 1:9)) protect[[item]] <- rated(protect_raw[[item]])
for (item in names(key)) protect[[item]] <- keyed(protect_raw[[item]], key[[item]])
for (item in paste0("conf", 1:6)) protect[[item]] <- rated(protect_raw[[item]])
protect$pk9 <- 6 - protect$pk9
protect$conf6 <- 6 - protect$conf6

sets <- list(
  list(name = "bfi-ace", csv = "tests/golden/factor/bfi-ace.csv", codebook = "tests/golden/efa-cli/bfi-ace.codebook.yaml",
       data = bfi_ace, scales = rep(c("A", "C", "E"), each = 5),
       cases = list(list(fm = "minres", rotate = "oblimin", nfactors = 3, missing = "pairwise"),
                    list(fm = "ml", rotate = "varimax", nfactors = 3, missing = "pairwise"),
                    list(fm = "pa", rotate = "promax", nfactors = 3, missing = "pairwise"),
                    list(fm = "minres", rotate = "none", nfactors = 2, missing = "pairwise"))),
  list(name = "missing", csv = "tests/golden/factor/missing.csv", codebook = "tests/golden/efa-cli/missing.codebook.yaml",
       data = bfi_no, scales = rep(c("N", "O"), each = 5),
       cases = list(list(fm = "minres", rotate = "oblimin", nfactors = 2, missing = "pairwise"),
                    list(fm = "ml", rotate = "promax", nfactors = 2, missing = "listwise"),
                    list(fm = "pa", rotate = "varimax", nfactors = 2, missing = "pairwise"))),
  list(name = "protect", csv = "fixtures/protect-survey.csv", codebook = NULL,
       data = protect, scales = rep(c("perceived_knowledge", "actual_knowledge", "confidence"), c(9, 9, 6)),
       cases = list(list(fm = "minres", rotate = "oblimin", nfactors = 3, missing = "pairwise"),
                    list(fm = "ml", rotate = "oblimin", nfactors = 3, missing = "pairwise"),
                    list(fm = "pa", rotate = "promax", nfactors = 3, missing = "listwise"),
                    list(fm = "minres", rotate = "varimax", nfactors = 2, missing = "listwise")))
)

out <- list(source = paste("R", getRversion(), "psych", packageVersion("psych"), "GPArotation", packageVersion("GPArotation")),
            sets = list())
for (s in sets) {
  x <- s$data
  cases <- list()
  for (cs in s$cases) {
    d <- if (cs$missing == "listwise") x[complete.cases(x), ] else x
    f <- suppressWarnings(suppressMessages(fa(d, nfactors = cs$nfactors, fm = cs$fm, rotate = cs$rotate)))
    sorted <- fa.sort(f)
    cases[[length(cases) + 1]] <- c(
      cs,
      list(n = nrow(d), loadings = rowmajor(f$loadings), communality = num(f$communality),
           uniquenesses = num(f$uniquenesses), complexity = num(f$complexity),
           Phi = if (is.null(f$Phi)) NULL else rowmajor(f$Phi), Vaccounted = rowmajor(f$Vaccounted),
           order = as.integer(sorted$order)),
      fit_figures(f))
  }
  set.seed(1)
  pa <- suppressWarnings(suppressMessages(fa.parallel(x, plot = FALSE)))
  k <- ncol(x)
  q95 <- function(cols) unname(apply(pa$values[, cols, drop = FALSE], 2, quantile, 0.95))
  v <- suppressWarnings(suppressMessages(vss(x, plot = FALSE)))
  out$sets[[length(out$sets) + 1]] <- list(
    name = s$name, csv = s$csv, codebook = s$codebook, items = colnames(x), scales = s$scales, k = k, rows = nrow(x),
    parallel = list(pc.values = num(pa$pc.values), fa.values = num(pa$fa.values),
                    pc.sim.q95 = q95(paste0("CSim", 1:k)), fa.sim.q95 = q95(paste0("Fsim", 1:k)),
                    nfact = pa$nfact, ncomp = pa$ncomp),
    map = list(n = 8, map = num(v$map), minimum = which.min(v$map)),
    cases = cases)
  cat(s$name, ": parallel nfact", pa$nfact, "ncomp", pa$ncomp, "; MAP min", which.min(v$map), "\n")
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null", na = "null"),
           "tests/golden/efa-cli/golden.json")
