#!/usr/bin/env bash
# The five most common majors and the mean score per semester, by piping
# megagen's NDJSON (two tables on stdout) into jq.
#   examples/jq-top-majors.sh [records]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
megagen="${MEGAGEN:-node $here/../dist/cli/megagen.js}"
records="${1:-20000}"

$megagen run "$here/students-enrollments-stdout.mjs" --records "$records" -o - \
  | jq -r 'select(._table == "students") | .major' \
  | sort | uniq -c | sort -rn | head -5

$megagen run "$here/students-enrollments-stdout.mjs" --records "$records" -t enrollments -o - \
  | jq -s -c 'map(select(.score != null)) | group_by(.semester) | map({semester: .[0].semester, mean_score: ((map(.score) | add) / length | floor)})'
