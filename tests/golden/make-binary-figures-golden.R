# Golden figures for the .sav/.zsav/.dta/.xlsx test files, from R haven + readxl + psych: the
# independent reference of tests/read/formats/figures.test.ts.
#
# Run from the repository root:  Rscript tests/golden/make-binary-figures-golden.R
# Writes tests/golden/binary/<file>.json for every file of tests/read/formats/files/ that
# survey-analyze reads with its built-in codebook (src/codebook/builtin-protect.ts):
#   *.sav, *.zsav   haven::read_sav (user-missing values are NA, as SPSS treats them)
#   *.dta           haven::read_dta (., .a, .b ... are NA)
#   protect-survey.xlsx, sheet "Responses"   readxl::read_excel (answers as text)
#
# What a new user does in R with the built-in codebook, restated here by hand (not parsed):
# every answer is taken by its label (the value label of a labelled code; the cell text of the
# workbook), then coded as the codebook says:
#   pk*, conf*   agree5: Strongly disagree 1 .. Strongly agree 5; pk9 and conf6 reversed, 6 - x
#   ak*          1 when the answer is the key's ("True"/"False"), 0 for any other answer, NA stays NA
#   prevalence   contact == "Yes"; pk1, pk2, pk3, conf1, conf2, conf3 answered 1..3 (not agreeing);
#                ak1 answered "False" or "Don't know"; blanks left out of n; by discipline (label)
#   scores       mean of the answered items when at least minAnswered are answered (sum: that
#                mean times k); pk 7 of 9, ak 7 of 9, conf 5 of 6
# Reliability: psych::alpha(na.omit(x), check.keys = FALSE) per scale (listwise, the CLI's
# default); Feldt limits psych::alpha.ci; omega total psych::omega(cor(x), nfactors = 1);
# SMC psych::smc(cor(x)). Prevalence intervals: Wilson, prop.test(correct = FALSE)$conf.int.
# Score correlations: cor(scores, use = "pairwise") with its pairwise n.

suppressPackageStartupMessages({
  library(haven)
  library(readxl)
  library(psych)
  library(jsonlite)
})
stopifnot(packageVersion("psych") == "2.2.9")

files_dir <- file.path("tests", "read", "formats", "files")
out_dir <- file.path("tests", "golden", "binary")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

agree5 <- c("Strongly disagree" = 1, "Disagree" = 2, "Neither agree nor disagree" = 3, "Agree" = 4, "Strongly agree" = 5)
missing_text <- c("", "NA", "N/A", "-99")

scales <- list(
  list(id = "perceived_knowledge", items = paste0("pk", 1:9), reverse = "pk9", score = "mean", minAnswered = 7),
  list(id = "actual_knowledge", items = paste0("ak", 1:9), score = "sum", minAnswered = 7,
       key = c(ak1 = "True", ak2 = "False", ak3 = "True", ak4 = "False", ak5 = "False",
               ak6 = "True", ak7 = "False", ak8 = "True", ak9 = "False")),
  list(id = "confidence", items = paste0("conf", 1:6), reverse = "conf6", score = "mean", minAnswered = 5)
)

prevalence <- list(
  list(id = "contact", column = "contact", positive = "Yes"),
  list(id = "lacks_questions_knowledge", column = "pk1", positive = names(agree5)[1:3]),
  list(id = "insufficient_training", column = "pk2", positive = names(agree5)[1:3]),
  list(id = "lacks_confidence_men", column = "conf1", positive = names(agree5)[1:3]),
  list(id = "lacks_confidence_women", column = "conf2", positive = names(agree5)[1:3]),
  list(id = "lacks_confidence_children", column = "conf3", positive = names(agree5)[1:3]),
  list(id = "unaware_scale", column = "pk3", positive = names(agree5)[1:3]),
  list(id = "unaware_police_risk", column = "ak1", positive = c("False", "Don't know"))
)

# Every column as the text a user sees: the value label of a labelled code (the code itself when
# it has no label), NA when missing (a tagged missing value such as .a "No answer" is NA, not its label).
as_text <- function(x) {
  missing <- is.na(x)
  if (is.labelled(x)) x <- as_factor(x, levels = "default")
  out <- as.character(x)
  out[missing | trimws(out) %in% missing_text] <- NA
  out
}

# The item values of one scale after the codebook's coding (key scoring, reverse keying).
coded_items <- function(answers, scale) {
  x <- as.data.frame(lapply(setNames(scale$items, scale$items), function(item) {
    text <- answers[[item]]
    if (!is.null(scale$key)) return(ifelse(is.na(text), NA_real_, as.numeric(text == scale$key[[item]])))
    code <- unname(agree5[text])
    if (any(!is.na(text) & is.na(code))) stop(item, ": an answer outside agree5")
    if (item %in% scale$reverse) 6 - code else code
  }))
  x
}

score_of <- function(x, scale) {
  answered <- rowSums(!is.na(x))
  mean_answered <- rowMeans(x, na.rm = TRUE)
  score <- ifelse(answered >= scale$minAnswered & answered > 0, mean_answered, NA_real_)
  if (scale$score == "sum") score * length(scale$items) else score
}

reliability <- function(x) {
  complete <- na.omit(x)
  a <- alpha(complete, check.keys = FALSE, warnings = FALSE)
  R <- cor(complete)
  k <- ncol(complete)
  n <- nrow(complete)
  feldt <- alpha.ci(a$total$raw_alpha, n, k, p.val = 0.05)
  omega_total <- suppressMessages(suppressWarnings(omega(R, nfactors = 1, flip = FALSE, plot = FALSE)))$omega.tot
  list(
    n = n,
    raw_alpha = a$total$raw_alpha,
    std.alpha = a$total$std.alpha,
    average_r = a$total$average_r,
    G6 = a$total[["G6(smc)"]],
    feldt = c(feldt$lower.ci, feldt$upper.ci),
    omega.tot = omega_total,
    items = lapply(seq_len(k), function(j) list(
      id = colnames(complete)[j],
      n = unname(a$item.stats$n[j]),
      mean = unname(a$item.stats$mean[j]),
      sd = unname(a$item.stats$sd[j]),
      raw.r = unname(a$item.stats$raw.r[j]),
      r.drop = unname(a$item.stats$r.drop[j]),
      alpha.drop = unname(a$alpha.drop$raw_alpha[j]),
      smc = unname(smc(R)[j])
    ))
  )
}

prevalence_row <- function(outcome) {
  answered <- outcome[!is.na(outcome)]
  count <- sum(answered)
  n <- length(answered)
  ci <- suppressWarnings(prop.test(count, n, correct = FALSE)$conf.int)
  list(count = count, n = n, proportion = count / n, ci = c(ci[1], ci[2]))
}

# In the .sav and .dta files the agreement codes are the codebook's (1 Strongly disagree .. 5):
# coding by label is coding the codes as they are.
check_codes_as_they_are <- function(data, answers) {
  for (item in c(paste0("pk", 1:9), paste0("conf", 1:6))) {
    if (!is.labelled(data[[item]])) next
    code <- as.numeric(zap_labels(zap_missing(data[[item]])))
    stopifnot(identical(is.na(code), is.na(answers[[item]])), all(code == agree5[answers[[item]]], na.rm = TRUE))
  }
}

figures_of <- function(data, source) {
  answers <- lapply(data, as_text)
  check_codes_as_they_are(data, answers)
  coded <- lapply(scales, function(scale) coded_items(answers, scale))
  scores <- sapply(seq_along(scales), function(s) score_of(coded[[s]], scales[[s]]))
  colnames(scores) <- vapply(scales, `[[`, "", "id")
  pairs <- crossprod(!is.na(scores))
  group <- answers$discipline
  groups <- sort(unique(group[!is.na(group)]))
  list(
    source = source,
    rows = nrow(data),
    scales = lapply(seq_along(scales), function(s) {
      score <- scores[, s]
      c(list(id = scales[[s]]$id), reliability(coded[[s]]),
        list(score = list(n = sum(!is.na(score)), mean = mean(score, na.rm = TRUE), sd = sd(score, na.rm = TRUE),
                          min = min(score, na.rm = TRUE), max = max(score, na.rm = TRUE))))
    }),
    correlations = list(ids = colnames(scores), r = unname(cor(scores, use = "pairwise")), n = unname(pairs)),
    groupMissing = sum(is.na(group)),
    prevalence = lapply(prevalence, function(entry) {
      text <- answers[[entry$column]]
      outcome <- ifelse(is.na(text), NA, text %in% entry$positive)
      list(
        id = entry$id,
        overall = prevalence_row(outcome),
        groups = lapply(groups, function(g) c(list(value = g), prevalence_row(outcome[!is.na(group) & group == g])))
      )
    })
  )
}

write_golden <- function(file, figures) {
  writeLines(toJSON(figures, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
             file.path(out_dir, paste0(file, ".json")))
}

about <- paste("R", getRversion(), "haven", packageVersion("haven"), "readxl", packageVersion("readxl"),
               "psych", packageVersion("psych"))
for (file in list.files(files_dir, pattern = "\\.(z?sav|dta)$")) {
  path <- file.path(files_dir, file)
  data <- if (endsWith(file, ".dta")) read_dta(path) else read_sav(path)
  write_golden(file, figures_of(data, paste(about, "-", if (endsWith(file, ".dta")) "read_dta" else "read_sav")))
}
xlsx <- read_excel(file.path(files_dir, "protect-survey.xlsx"), sheet = "Responses", col_types = "text",
                   na = missing_text)
write_golden("protect-survey.xlsx", figures_of(xlsx, paste(about, "- read_excel(sheet = \"Responses\")")))
cat("wrote", length(list.files(out_dir, pattern = "\\.json$")), "golden files to", out_dir, "\n")
