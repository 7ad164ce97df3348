# Golden values for the matrix routines behind SMC, lambda-6 and omega total, from R 4 and
# psych 2.2.9: eigen(), chol(), chol2inv(chol()), psych::smc (psych::Pinv) and
# psych::omega(R, nfactors = 1, flip = FALSE)$omega.tot with psych::fa(R, 1, fm = "minres").
#
# Run from the repository root:  Rscript tests/golden/make-matrix-golden.R
# Writes tests/golden/matrix/matrix-golden.json. Matrices are stored row-major (as the code
# holds them); for a symmetric matrix that is also R's column-major order.

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

out_dir <- file.path("tests", "golden", "matrix")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20240611)

rowmajor <- function(m) as.vector(t(m))
sym <- function(m) (m + t(m)) / 2

# Ordinal 1..5 answers from a one-factor model, and their correlation matrix.
likert <- function(n, loadings) {
  f <- rnorm(n)
  sapply(loadings, function(l) {
    z <- l * f + sqrt(1 - l^2) * rnorm(n)
    as.integer(cut(z, breaks = c(-Inf, qnorm(1:4 / 5), Inf)))
  })
}

# 1. Eigen-decompositions: R's eigen(symmetric = TRUE) (LAPACK dsyevr). Vectors are defined up
#    to sign; the tests compare |v_i . v_R| = 1 and the values to 1e-12.
eigen_case <- function(name, a) {
  e <- eigen(a, symmetric = TRUE)
  list(name = name, k = nrow(a), a = rowmajor(a), values = e$values, vectors = rowmajor(e$vectors))
}
g <- matrix(rnorm(36), 6)
a_random <- sym(g)
a_graded <- diag(c(5, 3, 3, 1, 1e-3, -2)) # a repeated eigenvalue (3) and a negative one
q <- qr.Q(qr(matrix(rnorm(36), 6)))
a_graded <- sym(q %*% a_graded %*% t(q))
r12 <- cor(likert(400, seq(0.35, 0.8, length.out = 12)))
eigen_cases <- list(
  eigen_case("random 6 x 6 symmetric", a_random),
  eigen_case("6 x 6 with eigenvalues 5, 3, 3, 1, 1e-3, -2", a_graded),
  eigen_case("12-item correlation matrix", r12)
)
# Only the well-separated eigenvalues have unique vectors: mark the repeated pair.
eigen_cases[[2]]$uniqueVectors <- c(TRUE, FALSE, FALSE, TRUE, TRUE, TRUE)

# 2. Cholesky factor and inverse of positive definite matrices.
chol_case <- function(name, a) {
  list(name = name, k = nrow(a), a = rowmajor(a), lower = rowmajor(t(chol(a))),
       inverse = rowmajor(chol2inv(chol(a))))
}
h <- matrix(rnorm(49), 7)
chol_cases <- list(
  chol_case("7 x 7 crossprod + I", crossprod(h) + diag(7)),
  chol_case("12-item correlation matrix", r12)
)

# 3. psych::smc on the four kinds of matrix the code distinguishes.
smc_case <- function(name, r) {
  pd <- !inherits(try(chol(r), silent = TRUE), "try-error")
  d <- svd(r)$d
  list(name = name, k = nrow(r), r = rowmajor(r), choleskySucceeds = pd,
       dropped = sum(!(d > sqrt(.Machine$double.eps) * d[1])),
       pinvDiagonal = diag(Pinv(r)), smc = unname(suppressMessages(smc(r))))
}
# Positive definite but so ill-conditioned that Pinv drops an eigenvalue (1e-11 of the largest).
v <- qr.Q(qr(matrix(rnorm(64), 8)))
near <- cov2cor(v %*% diag(c(4, 2, 1, 0.5, 0.3, 0.1, 0.05, 2e-11)) %*% t(v))
near <- sym(near)
# Indefinite: pairwise correlations of very sparse answers (Cholesky fails, Pinv keeps all).
indef <- matrix(c(1, 0.9, 0.9, 0.1,
                  0.9, 1, 0.3, 0.8,
                  0.9, 0.3, 1, 0.2,
                  0.1, 0.8, 0.2, 1), 4)
# Singular: more items than respondents (rank n - 1).
wide <- cor(likert(9, seq(0.4, 0.8, length.out = 15)))
smc_cases <- list(
  smc_case("12-item correlation matrix (positive definite)", r12),
  smc_case("8 x 8 positive definite, Pinv drops an eigenvalue", near),
  smc_case("4 x 4 indefinite", indef),
  smc_case("15 items, 9 respondents (singular)", wide)
)
stopifnot(smc_cases[[2]]$choleskySucceeds, smc_cases[[2]]$dropped == 1,
          !smc_cases[[3]]$choleskySucceeds, smc_cases[[3]]$dropped == 0,
          smc_cases[[4]]$dropped > 0)

# 4. One-factor minres fit and omega total on larger scales than tests/golden/psych.
omega_case <- function(name, r) {
  om <- suppressWarnings(suppressMessages(omega(r, nfactors = 1, flip = FALSE, plot = FALSE)))
  f1 <- suppressWarnings(suppressMessages(fa(r, 1, fm = "minres")))
  stopifnot(abs(om$omega.tot - (sum(r) - sum(f1$uniquenesses)) / sum(r)) < 1e-10)
  list(name = name, k = nrow(r), r = rowmajor(r), omegaTotal = om$omega.tot,
       uniquenesses = unname(f1$uniquenesses), smc = unname(suppressMessages(smc(r))))
}
omega_cases <- list(
  omega_case("12-item correlation matrix", r12),
  omega_case("40 items, 600 respondents", cor(likert(600, seq(0.3, 0.75, length.out = 40)))),
  omega_case("120 items, 1000 respondents", cor(likert(1000, rep(c(0.35, 0.5, 0.65, 0.8), 30))))
)

golden <- list(
  source = paste("R", getRversion(), "psych", packageVersion("psych")),
  eigen = eigen_cases,
  cholesky = chol_cases,
  smc = smc_cases,
  omega = omega_cases
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE),
           file.path(out_dir, "matrix-golden.json"))
