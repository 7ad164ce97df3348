# Golden values for exploratory factor analysis (src/stats/factor/) from R 4 and psych 2.2.9:
# fa(x, nfactors, rotate = "none", fm = "minres" | "ml" | "pa") with every fit figure it prints
# (factor.stats), fa.parallel(x, n.iter = 20) and the Velicer MAP of vss(x), fa.sort.
#
# Run from the repository root:  Rscript tests/golden/make-factor-golden.R
# Writes the data sets tests/golden/factor/<name>.csv and the values tests/golden/factor/<name>.json.
# Matrices are stored row-major (as the code holds them). Every fa call is given the raw data,
# as psych users do, so psych takes pairwise correlations and pairwise counts (np.obs) itself.

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

options(mc.cores = 1) # fa.parallel's mclapply then runs in this process, so set.seed decides its draws
out_dir <- file.path("tests", "golden", "factor")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

source(file.path("tests", "golden", "factor-figures.R")) # rowmajor, num, fit_figures

# Data sets ----------------------------------------------------------------------------------
# 1. bfi: the first 500 complete rows of the agreeableness, conscientiousness, extraversion items.
data(bfi, package = "psych")
ace <- bfi[, c(paste0("A", 1:5), paste0("C", 1:5), paste0("E", 1:5))]
ace <- ace[complete.cases(ace), ][1:500, ]
rownames(ace) <- NULL

# 2. A general factor and three group factors (psych's default hierarchical structure, 9 items)
#    plus three more items per group factor (18 items), 600 respondents.
set.seed(20240612)
fload <- matrix(0, 18, 3)
fload[1:6, 1] <- c(0.8, 0.7, 0.6, 0.7, 0.6, 0.5)
fload[7:12, 2] <- c(0.7, 0.6, 0.5, 0.7, 0.6, 0.5)
fload[13:18, 3] <- c(0.6, 0.5, 0.4, 0.7, 0.6, 0.5)
hier <- sim.hierarchical(gload = c(0.9, 0.8, 0.7), fload = fload, n = 600, raw = TRUE)$observed
hier <- as.data.frame(round(hier, 4))
colnames(hier) <- paste0("h", 1:18)

# 3. 0/1 knowledge items: two correlated abilities, five items each, varying difficulty.
set.seed(20240613)
n_k <- 700
theta <- MASS::mvrnorm(n_k, c(0, 0), matrix(c(1, 0.3, 0.3, 1), 2))
difficulty <- c(-1, -0.5, 0, 0.5, 1)
know <- sapply(1:10, function(j) {
  f <- if (j <= 5) 1 else 2
  z <- 0.75 * theta[, f] + sqrt(1 - 0.75^2) * rnorm(n_k)
  as.integer(z > difficulty[(j - 1) %% 5 + 1])
})
know <- as.data.frame(know)
colnames(know) <- paste0("k", 1:10)

# 4. Scattered missing answers: the first 600 rows of bfi's neuroticism and openness items as they
#    are (bfi has about 1% missing per item), plus 3% of cells blanked at random.
set.seed(20240614)
no <- bfi[1:600, c(paste0("N", 1:5), paste0("O", 1:5))]
rownames(no) <- NULL
blank <- matrix(runif(nrow(no) * ncol(no)) < 0.03, nrow(no))
no[blank] <- NA

sets <- list(
  list(name = "bfi-ace", data = ace, nfactors = 3, methods = c("minres", "ml", "pa"),
       scales = rep(c("A", "C", "E"), each = 5)),
  list(name = "hierarchical", data = hier, nfactors = c(3, 4), methods = c("minres", "ml", "pa"),
       scales = rep(c("g1", "g2", "g3"), each = 6)),
  list(name = "knowledge", data = know, nfactors = 2, methods = c("minres", "ml", "pa"),
       scales = rep(c("k1", "k2"), each = 5)),
  list(name = "missing", data = no, nfactors = 2, methods = c("minres", "ml", "pa"),
       scales = rep(c("N", "O"), each = 5))
)

solution <- function(x, nfactors, fm) {
  warned <- character(0)
  f <- withCallingHandlers(
    suppressMessages(fa(x, nfactors = nfactors, rotate = "none", fm = fm)),
    warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
  c(list(fm = fm, nfactors = nfactors, loadings = rowmajor(f$loadings),
         communality = num(f$communality), uniquenesses = num(f$uniquenesses),
         values = num(f$values), e.values = num(f$e.values), warnings = warned,
         iterations = if (fm == "pa") length(f$communality.iterations) else NULL),
    fit_figures(f))
}

for (s in sets) {
  x <- s$data
  write.csv(x, file.path(out_dir, paste0(s$name, ".csv")), row.names = FALSE, na = "")
  k <- ncol(x)
  r <- cor(x, use = "pairwise")
  np <- pairwiseCount(x)
  solutions <- list()
  for (fm in s$methods) {
    for (m in unique(c(1, s$nfactors))) solutions[[length(solutions) + 1]] <- solution(x, m, fm)
  }

  # Parallel analysis with psych's defaults (fm = "minres", fa = "both", n.iter = 20, quant = .95).
  set.seed(1)
  pa <- suppressWarnings(suppressMessages(fa.parallel(x, plot = FALSE)))
  vals <- pa$values
  q95 <- function(cols) unname(apply(vals[, cols, drop = FALSE], 2, quantile, 0.95))
  parallel <- list(fa.values = num(pa$fa.values), pc.values = num(pa$pc.values),
                   pc.sim = num(pa$pc.sim), fa.sim = num(pa$fa.sim),
                   pc.sim.q95 = q95(paste0("CSim", 1:k)), fa.sim.q95 = q95(paste0("Fsim", 1:k)),
                   nfact = pa$nfact, ncomp = pa$ncomp)

  # Velicer's MAP as vss() computes it (its default n = 8 components).
  v <- suppressWarnings(suppressMessages(vss(x, plot = FALSE)))
  map <- list(n = 8, map = num(v$map), minimum = which.min(v$map))

  # fa.sort of the oblimin solution (the order print.psych uses with sort = TRUE).
  ob <- suppressWarnings(suppressMessages(fa(x, nfactors = s$nfactors[1], rotate = "oblimin")))
  sorted <- fa.sort(ob)
  sort_case <- list(loadings = rowmajor(ob$loadings), nfactors = s$nfactors[1],
                    order = as.integer(sorted$order))

  golden <- list(source = paste("R", getRversion(), "psych", packageVersion("psych"), "GPArotation",
                                packageVersion("GPArotation")),
                 name = s$name, k = k, n = nrow(x), items = colnames(x), scales = s$scales,
                 r = rowmajor(r), np = rowmajor(np), solutions = solutions,
                 parallel = parallel, map = map, sort = sort_case)
  writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null", na = "null"),
             file.path(out_dir, paste0(s$name, ".json")))
  cat(s$name, ": parallel nfact", pa$nfact, "ncomp", pa$ncomp, "; MAP min", which.min(v$map), "\n")
}

# Helpers: the noncentral chi-square CDF behind the RMSEA interval, cor.smooth, and a Heywood case.
ncp_cases <- expand.grid(q = c(0.5, 12, 87.3, 400), df = c(1, 24, 87), ncp = c(0, 0.7, 35, 620))
ncp_cases$p <- pchisq(ncp_cases$q, ncp_cases$df, ncp = ncp_cases$ncp)
indef <- matrix(c(1, 0.9, 0.9, 0.1,
                  0.9, 1, 0.3, 0.8,
                  0.9, 0.3, 1, 0.2,
                  0.1, 0.8, 0.2, 1), 4)
smoothed <- suppressWarnings(cor.smooth(indef))
# Two nearly collinear items among six: a two-factor ml fit puts a uniqueness at the .005 bound.
set.seed(20240615)
f <- rnorm(300)
hey <- sapply(c(0.99, 0.98, 0.5, 0.45, 0.4, 0.35), function(l) l * f + sqrt(1 - l^2) * rnorm(300))
hey_r <- cor(hey)
hey_warn <- character(0)
hey_f <- withCallingHandlers(suppressMessages(fa(hey_r, 2, n.obs = 300, fm = "ml", rotate = "none")),
  warning = function(w) { hey_warn <<- c(hey_warn, conditionMessage(w)); invokeRestart("muffleWarning") })
helpers <- list(source = paste("R", getRversion(), "psych", packageVersion("psych")),
                noncentral = lapply(seq_len(nrow(ncp_cases)), function(i) as.list(ncp_cases[i, ])),
                corSmooth = list(k = 4, r = rowmajor(indef), smoothed = rowmajor(smoothed)),
                heywood = list(k = 6, n = 300, nfactors = 2, fm = "ml", r = rowmajor(hey_r), loadings = rowmajor(hey_f$loadings),
                               communality = num(hey_f$communality), warnings = hey_warn,
                               uniquenesses = num(hey_f$uniquenesses), STATISTIC = num(hey_f$STATISTIC), rms = num(hey_f$rms)))
writeLines(toJSON(helpers, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null", na = "null"),
           file.path(out_dir, "helpers.json"))
