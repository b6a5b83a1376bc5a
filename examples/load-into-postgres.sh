#!/usr/bin/env bash
# Pipe megagen's NDJSON into PostgreSQL through psql, then count the rows.
#   MEGAGEN_PG_URL=postgres://user@host:port/db examples/load-into-postgres.sh [records]
# DuckDB reads the same stream (not tested here: DuckDB is not installed):
#   megagen run students -n 100000 -o - | duckdb -c "SELECT major, count(*) FROM read_json_auto('/dev/stdin') GROUP BY 1 ORDER BY 2 DESC LIMIT 5"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
megagen="${MEGAGEN:-node $here/../dist/cli/megagen.js}"
url="${MEGAGEN_PG_URL:?set MEGAGEN_PG_URL to a postgres:// URL}"

$megagen run campus --records "${1:-20000}" -o - | node "$here/ndjson-to-psql.mjs" | psql -q -v ON_ERROR_STOP=1 "$url"
psql -At -v ON_ERROR_STOP=1 "$url" -c "SELECT 'students', count(*) FROM students UNION ALL SELECT 'enrollments', count(*) FROM enrollments"
