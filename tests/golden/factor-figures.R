# Helpers of make-factor-golden.R and make-efa-cli-golden.R (each sources this file; run them
# from the repository root): matrices row-major, numbers without names (NULL for none), and
# the fit figures psych's factor.stats prints for an fa solution.

rowmajor <- function(m) as.vector(t(unclass(m)))
num <- function(x) if (is.null(x) || length(x) == 0) NULL else unname(as.numeric(x))

fit_figures <- function(f) {
  list(dof = f$dof, objective = num(f$objective), STATISTIC = num(f$STATISTIC), PVAL = num(f$PVAL),
       null.model = num(f$null.model), null.dof = num(f$null.dof), null.chisq = num(f$null.chisq),
       TLI = num(f$TLI), RMSEA = num(f$RMSEA[1:3]), BIC = num(f$BIC), SABIC = num(f$SABIC),
       rms = num(f$rms), crms = num(f$crms), chi = num(f$chi), EPVAL = num(f$EPVAL),
       EBIC = num(f$EBIC), ESABIC = num(f$ESABIC), nh = num(f$nh), fit = num(f$fit),
       fit.off = num(f$fit.off), n.obs = num(f$n.obs))
}
