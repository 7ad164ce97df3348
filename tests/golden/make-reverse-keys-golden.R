# Golden values for the draft's reverse-key suggestion, from R psych 2.2.9.
#
# Run from the repository root:  Rscript tests/golden/make-reverse-keys-golden.R
# Writes tests/golden/reverse-keys/<name>.csv (answers 1..5, empty cell = missing) and
# tests/golden/reverse-keys/golden.json: per data set the items psych::alpha(x, check.keys = TRUE)
# reverses (keys == -1) and the first principal component's loadings, principal(x)$loadings,
# which alpha's check uses (cor(x, use = "pairwise"), signed so that the loadings sum >= 0).

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

out_dir <- file.path("tests", "golden", "reverse-keys")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20250301)

# One-factor ordinal items; items in `reversed` are answered the other way (6 - x).
items <- function(n, loadings, reversed = integer(0), missing = 0) {
  f <- rnorm(n)
  x <- sapply(seq_along(loadings), function(i) {
    z <- loadings[i] * f + sqrt(1 - loadings[i]^2) * rnorm(n)
    v <- as.integer(cut(z, breaks = c(-Inf, qnorm(1:4 / 5), Inf)))
    if (i %in% reversed) 6L - v else v
  })
  colnames(x) <- paste0("i", seq_along(loadings))
  if (missing > 0) x[matrix(runif(length(x)) < missing, nrow(x))] <- NA
  as.data.frame(x)
}

sets <- list(
  two_reversed = items(300, c(.7, .6, .65, .5, .7, .55, .6, .5), reversed = c(3, 7), missing = 0.08),
  most_reversed = items(200, c(.6, .7, .5, .6, .65, .55), reversed = c(1, 2, 4, 5)),
  none_reversed = items(150, c(.5, .6, .7, .4, .5)),
  weak_small = items(60, c(.3, .25, .4, .2, .35, .3, .3, .25, .2, .3), reversed = c(2, 9), missing = 0.05)
)

golden <- list()
for (name in names(sets)) {
  x <- sets[[name]]
  write.csv(x, file.path(out_dir, paste0(name, ".csv")), row.names = FALSE, na = "")
  keyed <- suppressWarnings(alpha(x, check.keys = TRUE))
  keys <- unlist(keyed$keys)
  reversed <- sub("^-", "", keys[startsWith(keys, "-")])
  loadings <- as.vector(principal(x, scores = FALSE)$loadings)
  golden[[name]] <- list(items = colnames(x), reverse = I(reversed), loadings = loadings)
}
writeLines(toJSON(golden, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(out_dir, "golden.json"))
