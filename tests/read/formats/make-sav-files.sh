#!/bin/sh
# Regenerates the .sav/.zsav test files in tests/read/formats/files/: haven's files and the coded
# CSVs (R), PSPP's files (from the coded CSV), then haven's reading of every file (*.truth.json).
# Needs R with haven and jsonlite, and GNU PSPP. Run from anywhere.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
Rscript tests/read/formats/make-sav-files.R write
(cd tests/read/formats/files && pspp -O format=txt -o /dev/null ../make-sav-files.sps)
Rscript tests/read/formats/make-sav-files.R truth
