#!/usr/bin/env bash
# Splits a CSV export by row order, for a train-then-score check that
# mimics time: the first PERCENT% of the data rows (after the header) go to
# TRAIN, the rest to TEST, each with the header. Rows must not span lines
# (true of the X Education export). Usage:
#   split_by_row_order.sh FILE.csv PERCENT TRAIN.csv TEST.csv
set -eu
file=$1 percent=$2 train=$3 test=$4
rows=$(awk 'END { print NR - 1 }' "$file")
cut=$((rows * percent / 100))
awk -v cut="$cut" -v train="$train" -v test="$test" '
  { sub(/\r$/, "") }
  NR == 1 { print > train; print > test; next }
  NR - 1 <= cut { print > train; next }
  { print > test }' "$file"
