#!/usr/bin/env bash
# Times loading a directory of police.uk street-level files through the API of a running CSP Grants,
# end to end (upload, parse, match, save). Usage:
#   ./mvnw spring-boot:run &          # in another terminal; wait for "CSP Grants is ready"
#   scripts/import-benchmark.sh DIRECTORY_OF_CSV_FILES [BASE_URL]
set -euo pipefail
dir=${1:?give the directory of police.uk *-street.csv files}
base=${2:-http://localhost:8080}
args=()
for file in "$dir"/*.csv; do
  args+=(-F "files=@${file};type=text/csv")
done
echo "Loading ${#args[@]} argument(s) ($(du -ch "$dir"/*.csv | tail -1 | cut -f1)) into $base ..."
start=$(date +%s.%N)
status=$(curl -s -o /tmp/import-benchmark.json -w '%{http_code}' -u officer:csp-grants-demo "${args[@]}" \
  "$base/api/v1/indicators/police-uk")
end=$(date +%s.%N)
echo "HTTP $status in $(echo "$end - $start" | bc) s; response in /tmp/import-benchmark.json"
