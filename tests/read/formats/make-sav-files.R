# SPSS system files of the PROTECT survey for the .sav/.zsav reader's tests, written by R haven,
# and the "truth" haven reads back from every .sav/.zsav in files/ (also those PSPP writes).
#
#   Rscript tests/read/formats/make-sav-files.R write   # haven's .sav/.zsav and the coded CSVs
#   Rscript tests/read/formats/make-sav-files.R truth   # files/<name>.truth.json for each file
#
# Run from the repository root; tests/read/formats/make-sav-files.sh runs both steps and PSPP.
#
# Coding (from fixtures/protect-survey.csv, 782 respondents):
#   pk*, conf*      1 Strongly disagree .. 5 Strongly agree
#   ak*             1 True, 2 False, 3 Don't know
#   prior_training, contact   1 Yes, 2 No
#   discipline      1..5 in alphabetical order of the disciplines found
#   blank answers   pk*, ak*, discipline: -99 "No answer" (user-missing, na_values = -99);
#                   conf4: 98 "Not applicable" / 99 "Refused" (user-missing range 98..99);
#                   other items: system-missing
#   years_in_post   synthetic; -1 "Not recorded" declared missing by the open range LO..-1
#   completed_on, started_at  synthetic date and date-time
#   comment_on_training_and_support_received  a free-text answer, some longer than 255 bytes
suppressPackageStartupMessages({
  library(haven)
  library(jsonlite)
})

here <- "tests/read/formats/files"
step <- commandArgs(trailingOnly = TRUE)[1]

agree5 <- c("Strongly disagree" = 1, "Disagree" = 2, "Neither agree nor disagree" = 3, "Agree" = 4, "Strongly agree" = 5)
tfd <- c("True" = 1, "False" = 2, "Don't know" = 3)
yes_no <- c("Yes" = 1, "No" = 2)
no_answer <- c("No answer" = -99)

# The question wording of each item, as the built-in codebook gives it.
item_labels <- function() {
  src <- readLines("src/codebook/builtin-protect.ts", encoding = "UTF-8")
  hits <- regmatches(src, regexec("^\\s+((?:pk|ak|conf)[0-9]+): '(.*)',$", src, perl = TRUE))
  hits <- hits[lengths(hits) == 3]
  setNames(vapply(hits, `[`, "", 3), vapply(hits, `[`, "", 2))
}

code <- function(text, codes) unname(codes[text])

build <- function() {
  raw <- read.csv("fixtures/protect-survey.csv", colClasses = "character", na.strings = character(0))
  n <- nrow(raw)
  wording <- item_labels()
  set.seed(20190107)

  disciplines <- sort(unique(raw$discipline[raw$discipline != ""]))
  discipline_codes <- setNames(seq_along(disciplines), disciplines)
  discipline <- code(raw$discipline, discipline_codes)
  discipline[raw$discipline == ""] <- -99

  out <- data.frame(id = raw$id, stringsAsFactors = FALSE)
  out$discipline <- labelled_spss(as.numeric(discipline), c(discipline_codes, no_answer), na_values = -99,
                                  label = "Clinical discipline")
  out$site <- labelled(raw$site, c("Site 01" = "Teaching hospital", "Site 02" = "District general hospital"),
                       label = "Hospital site")
  out$prior_training <- labelled(as.numeric(code(raw$prior_training, yes_no)), yes_no,
                                 label = "Have you had any previous training on human trafficking?")
  out$contact <- labelled(as.numeric(code(raw$contact, yes_no)), yes_no,
                          label = "Have you had contact with a patient known or suspected to have been trafficked?")
  for (item in c(paste0("pk", 1:9), paste0("ak", 1:9))) {
    codes <- if (startsWith(item, "pk")) agree5 else tfd
    values <- as.numeric(code(raw[[item]], codes))
    values[raw[[item]] == ""] <- -99
    out[[item]] <- labelled_spss(values, c(codes, no_answer), na_values = -99, label = wording[[item]])
  }
  for (item in paste0("conf", 1:6)) {
    values <- as.numeric(code(raw[[item]], agree5))
    if (item == "conf4") {
      blank <- which(raw[[item]] == "")
      values[blank] <- rep(c(98, 99), length.out = length(blank))
      out[[item]] <- labelled_spss(values, c(agree5, "Not applicable" = 98, "Refused" = 99),
                                   na_range = c(98, 99), label = wording[[item]])
    } else {
      out[[item]] <- labelled(values, agree5, label = wording[[item]])
    }
  }
  years <- round(runif(n, 0, 35), 1)
  years[sample(n, 12)] <- -1
  out$years_in_post <- labelled_spss(years, c("Not recorded" = -1), na_range = c(-Inf, -1),
                                     label = "Years in current post")
  completed <- as.Date("2019-01-07") + sample(0:150, n, replace = TRUE)
  completed[sample(n, 5)] <- NA
  out$completed_on <- completed
  attr(out$completed_on, "label") <- "Date the questionnaire was completed"
  out$started_at <- as.POSIXct("2019-01-07 08:00:00", tz = "UTC") + sample(0:(150 * 86400), n, replace = TRUE)
  attr(out$started_at, "label") <- "When the questionnaire was started"
  out$comment_on_training_and_support_received <- comments(n)
  attr(out$comment_on_training_and_support_received, "label") <- "Any comments on the training and support you have received?"
  out
}

# Free-text answers: most blank, some short, some longer than 255 bytes (a very long string), with
# commas, quotes and non-ASCII letters.
comments <- function(n) {
  sentences <- c(
    "The e-learning module was useful but far too short.",
    "I would like face-to-face training with case studies, ideally every year.",
    "Our safeguarding lead is excellent – she explained the National Referral Mechanism clearly.",
    "I didn't know that adults must consent before an NRM referral; this should be in induction.",
    "We see patients from the café and car-wash sector who \"work long hours\" and never speak for themselves.",
    "Interpreters are hard to book at night, which makes it difficult to speak to a patient alone."
  )
  out <- rep("", n)
  who <- sort(sample(n, 60))
  for (i in seq_along(who)) out[who[i]] <- paste(sample(sentences, 1 + i %% 5), collapse = " ")
  out
}

write_files <- function() {
  dir.create(here, showWarnings = FALSE, recursive = TRUE)
  d <- build()
  write_sav(d, file.path(here, "protect-haven-byte.sav"), compress = "byte")
  write_sav(d, file.path(here, "protect-haven.zsav"), compress = "zsav")
  # Uncompressed files hold 8 bytes per value: the first 150 respondents keep the file small.
  write_sav(d[1:150, ], file.path(here, "protect-haven-none.sav"), compress = "none")
  # The codes a CSV export would hold: missing (system- and user-missing) as empty cells.
  plain <- as.data.frame(lapply(d, function(x) {
    if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
    if (inherits(x, "POSIXct")) return(format(x, "%Y-%m-%d %H:%M:%S", tz = "UTC"))
    v <- zap_labels(zap_missing(x))
    v
  }), stringsAsFactors = FALSE)
  write.csv(plain, file.path(here, "protect-coded.csv"), row.names = FALSE, na = "", fileEncoding = "UTF-8")
  # The same with the user-missing codes kept, for PSPP to read and declare missing itself.
  coded <- as.data.frame(lapply(d, function(x) {
    if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
    if (inherits(x, "POSIXct")) return(format(x, "%Y-%m-%d %H:%M:%S", tz = "UTC"))
    zap_labels(x, user_na = TRUE)
  }), stringsAsFactors = FALSE)
  write.csv(coded, file.path(here, "protect-coded-user-missing.csv"), row.names = FALSE, na = "", fileEncoding = "UTF-8")
}

# What haven reads from one file: per variable its type, label, value labels, user-missing
# declaration, values (dates as YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM:SS) and which of
# them are user-missing (1-based case numbers).
truth_of <- function(path) {
  d <- read_sav(path, user_na = TRUE)
  variables <- lapply(names(d), function(name) {
    x <- d[[name]]
    raw <- vctrs::vec_data(x)
    type <- if (inherits(x, "Date")) "date" else if (inherits(x, "POSIXct")) "datetime" else if (is.character(raw)) "string" else "number"
    values <- switch(type,
      date = format(x, "%Y-%m-%d"),
      datetime = format(x, "%Y-%m-%d %H:%M:%S", tz = "UTC"),
      raw)
    labels <- attr(x, "labels", exact = TRUE)
    na_range <- attr(x, "na_range", exact = TRUE)
    list(
      name = name,
      type = type,
      label = attr(x, "label", exact = TRUE),
      valueLabels = if (is.null(labels)) NULL else lapply(seq_along(labels), function(i) list(value = unname(labels[[i]]), label = names(labels)[i])),
      naValues = attr(x, "na_values", exact = TRUE),
      # JSON has no infinity: an open range bound (LO, HI) is written as the string "-Inf" or "Inf".
      naRange = if (is.null(na_range)) NULL else lapply(na_range, function(v) if (is.infinite(v)) (if (v < 0) "-Inf" else "Inf") else v),
      values = values,
      userMissing = which(is.na(x) & !is.na(raw))
    )
  })
  list(file = basename(path), cases = nrow(d), variables = variables)
}

write_truth <- function() {
  for (path in list.files(here, pattern = "\\.z?sav$", full.names = TRUE)) {
    json <- toJSON(truth_of(path), auto_unbox = TRUE, null = "null", na = "null", digits = NA)
    writeLines(json, sub("\\.z?sav$", paste0(".", tools::file_ext(path), ".truth.json"), path), useBytes = TRUE)
  }
}

if (identical(step, "write")) write_files() else if (identical(step, "truth")) write_truth() else stop("usage: make-sav-files.R write|truth")
