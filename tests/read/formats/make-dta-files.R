# Writes the Stata test files for tests/read/formats/dta.test.ts from fixtures/protect-survey.csv,
# with haven (ReadStat), the writer R users export .dta files with.
#
#   Rscript tests/read/formats/make-dta-files.R      (from the repository root)
#
# Outputs, in tests/read/formats/files/:
# - protect-117.dta, protect-118.dta, protect-119.dta: write_dta(version = 13, 14, 15);
# - protect-coded-dta.csv: the same data as codes (one header row, missing cells empty);
# - protect-dta-truth.json: what haven::read_dta reads back from each file: every cell (the
#   same for the three files, checked here), which cells are tagged missing (.a, .b), the
#   variable labels and the value labels.
#
# The data: agreement items are labelled 1..5 ("Strongly disagree" = 1 ... "Strongly agree" = 5),
# knowledge items 1 = True, 2 = False, 3 = Don't know, yes/no items 1 = Yes, 2 = No, discipline a
# labelled numeric group, site a string. Blank answers to pk4-pk6 are Stata's .a and to conf4
# .b (extended missing values, labelled "No answer" / "Skipped"); other blanks are ".". Every
# item carries its question wording (from src/codebook/builtin-protect.ts) as variable label.
# A free-text comment column holds a few answers longer than 2045 bytes, so haven writes it as
# strL; a date column has Stata's %td format.

suppressPackageStartupMessages({
  library(haven)
  library(jsonlite)
})

`%||%` <- function(a, b) if (is.null(a)) b else a

out_dir <- "tests/read/formats/files"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

raw <- read.csv("fixtures/protect-survey.csv", colClasses = "character", na.strings = character(0),
                check.names = FALSE)
n <- nrow(raw)

# Question wording: the itemLabels entries of the built-in codebook (`pk1: '...'`).
codebook_lines <- readLines("src/codebook/builtin-protect.ts", warn = FALSE)
label_pattern <- "^\\s+((pk|ak|conf)[0-9]+): '(.*)',?$"
label_lines <- grep(label_pattern, codebook_lines, value = TRUE)
item_wording <- setNames(sub(label_pattern, "\\3", label_lines), sub(label_pattern, "\\1", label_lines))

agree5 <- c("Strongly disagree" = 1L, "Disagree" = 2L, "Neither agree nor disagree" = 3L,
            "Agree" = 4L, "Strongly agree" = 5L)
true_false <- c("True" = 1L, "False" = 2L, "Don't know" = 3L)
yes_no <- c("Yes" = 1L, "No" = 2L)
disciplines <- c("Emergency medicine" = 1L, "Maternity" = 2L, "Mental health" = 3L,
                 "Paediatrics" = 4L, "Other" = 5L)

code_of <- function(text, codes) {
  unknown <- setdiff(unique(text[text != ""]), names(codes))
  if (length(unknown) > 0) stop("no code for: ", paste(unknown, collapse = ", "))
  unname(ifelse(text == "", NA_integer_, codes[text]))
}

labelled_integer <- function(text, codes, label) labelled(code_of(text, codes), codes, label = label)

# Codes as doubles, blanks as a tagged missing value (.a, .b); the tag carries a label too.
labelled_tagged <- function(text, codes, label, tag, tag_label) {
  values <- as.double(code_of(text, codes))
  values[text == ""] <- tagged_na(tag)
  labels <- c(setNames(as.double(codes), names(codes)), setNames(tagged_na(tag), tag_label))
  labelled(values, labels, label = label)
}

data <- data.frame(id = raw$id, stringsAsFactors = FALSE)
attr(data$id, "label") <- "Respondent ID"
data$discipline <- labelled_integer(raw$discipline, disciplines, "Professional discipline")
data$site <- raw$site
attr(data$site, "label") <- "NHS site"
data$prior_training <- labelled_integer(raw$prior_training, yes_no, "Previous training on human trafficking")
data$contact <- labelled_integer(raw$contact, yes_no,
                                 "Previous contact with a patient known or suspected to have been trafficked")
tagged_items <- list(pk4 = c("a", "No answer"), pk5 = c("a", "No answer"), pk6 = c("a", "No answer"),
                     conf4 = c("b", "Skipped"))
for (item in c(paste0("pk", 1:9), paste0("ak", 1:9), paste0("conf", 1:6))) {
  codes <- if (startsWith(item, "ak")) true_false else agree5
  wording <- item_wording[[item]]
  data[[item]] <- if (item %in% names(tagged_items)) {
    labelled_tagged(raw[[item]], codes, wording, tagged_items[[item]][1], tagged_items[[item]][2])
  } else {
    labelled_integer(raw[[item]], codes, wording)
  }
}

# When the questionnaire was completed: spring 2014, spread over 120 days.
data$completed_on <- as.Date("2014-03-03") + ((seq_len(n) * 7919L) %% 120L)
attr(data$completed_on, "label") <- "Date the questionnaire was completed"

# Free-text comments: most empty, some short, a few long (over 2045 bytes: written as strL).
long_comment <- function(i) {
  sentence <- sprintf("Respondent %d: the training was na\u00efve about coercion \u2014 we need case studies. ", i)
  trimws(paste(rep(sentence, ceiling(2100 / nchar(sentence, type = "bytes"))), collapse = ""), which = "right")
}
comment <- rep("", n)
comment[seq(5, n, by = 37)] <- "More guidance on referral pathways, please."
comment[c(11, 400, 777)] <- vapply(c(11, 400, 777), long_comment, character(1))
data$comment <- comment
attr(data$comment, "label") <- "Any other comments"

# Stata 13 (format 117) variable labels hold at most 80 bytes.
for_version_13 <- data
for (name in names(for_version_13)) {
  label <- attr(for_version_13[[name]], "label")
  if (!is.null(label) && nchar(label, type = "bytes") > 80) attr(for_version_13[[name]], "label") <- substr(label, 1, 80)
}

files <- c("protect-117.dta" = 13, "protect-118.dta" = 14, "protect-119.dta" = 15)
for (file in names(files)) {
  version <- files[[file]]
  write_dta(if (version == 13) for_version_13 else data, file.path(out_dir, file), version = version)
}

# The codes as a plain CSV (missing, tagged or not, as an empty cell).
coded <- as.data.frame(lapply(data, function(column) {
  if (inherits(column, "Date")) format(column, "%Y-%m-%d") else as.vector(zap_labels(column))
}), stringsAsFactors = FALSE)
write.csv(coded, file.path(out_dir, "protect-coded-dta.csv"), row.names = FALSE, na = "")

# Truth: what haven reads back.
cell_texts <- function(column) {
  if (inherits(column, "Date")) return(format(column, "%Y-%m-%d"))
  values <- as.vector(zap_labels(column))
  if (is.numeric(values)) ifelse(is.na(values), NA_character_, format(values, digits = 15, trim = TRUE, scientific = FALSE))
  else values
}
tagged_cells <- function(column) {
  if (!is.double(column)) return(list())
  tags <- na_tag(column)
  rows <- which(!is.na(tags))
  lapply(rows, function(row) list(observation = row, tag = tags[row]))
}
value_labels_of <- function(column) {
  labels <- attr(column, "labels")
  if (is.null(labels)) return(NULL)
  tags <- if (is.double(labels)) na_tag(labels) else rep(NA_character_, length(labels))
  list(
    codes = lapply(seq_along(labels), function(i) if (is.na(tags[i])) format(unname(labels[i]), trim = TRUE) else NULL),
    tags = unname(tags),
    labels = names(labels)
  )
}

readings <- lapply(names(files), function(file) read_dta(file.path(out_dir, file)))
names(readings) <- names(files)
cells <- lapply(readings[[1]], cell_texts)
for (file in names(files)[-1]) {
  if (!identical(lapply(readings[[file]], cell_texts), cells)) stop("haven reads different cells from ", file)
}

truth <- list(
  observations = nrow(readings[[1]]),
  columns = names(readings[[1]]),
  cells = cells,
  tagged = lapply(readings[[1]], tagged_cells),
  files = lapply(readings, function(reading) list(
    observations = nrow(reading),
    variableLabels = lapply(reading, function(column) attr(column, "label") %||% NA),
    valueLabels = lapply(reading, value_labels_of),
    formats = lapply(reading, function(column) attr(column, "format.stata") %||% NA)
  ))
)
writeLines(toJSON(truth, auto_unbox = TRUE, null = "null", na = "null", digits = NA),
           file.path(out_dir, "protect-dta-truth.json"), useBytes = TRUE)
cat("wrote", length(files), "dta files,", n, "observations each\n")
