#!/usr/bin/env bash
# Load test of CSP Grants at national scale (issue 7). Builds the application, starts it on the
# embedded PostgreSQL with the demo users and generated national-scale data (300 partnerships, ten
# financial years 2013-14 to 2022-23 with approved formula runs and grants, four accepted quarterly
# returns per partnership and year: profile "national-scale"), then drives the main pages (signed in
# as the demo officer) and API endpoints (with an API token and with HTTP Basic) with wrk: first each for WARM_UP to warm the
# JVM up, then each for DURATION, one endpoint at a time, printing requests per second, p50 and p99
# latency and the error count of each.
#
#   scripts/load-test.sh                      # 50 connections, 30 s per endpoint
#   CONNECTIONS=10 DURATION=10s WARM_UP=5s scripts/load-test.sh
#   ENCODING=gzip scripts/load-test.sh       # responses compressed, as browsers ask for them
#
# Needs wrk (Debian: apt-get install wrk; installed here when run as root). The generated database is
# kept in target/load-test/postgres, so a second run starts in seconds; delete it to start afresh.
# Targets on a 2-core machine: no errors; p99 under 200 ms for the quarterly report and allocation pages.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-30s}
WARM_UP=${WARM_UP:-20s}
# identity: uncompressed, as wrk asks by default; gzip: compressed, as a browser asks (more CPU a request)
ENCODING=${ENCODING:-identity}
PORT=${PORT:-8089}
WORK=target/load-test
BASE=http://localhost:$PORT
PASSWORD=csp-grants-demo

if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
  else
    echo "wrk is not installed: sudo apt-get install wrk" >&2
    exit 1
  fi
fi

mkdir -p "$WORK"
echo "Building the application ..."
./mvnw -B -q -DskipTests package
jar=$(find target -maxdepth 1 -name 'csp-grants-*.jar' ! -name '*plain*' | sort | tail -1)
[ -n "$jar" ] || { echo "No application jar in target/ after the build" >&2; exit 1; }

echo "Starting it on port $PORT with the national-scale data (the first start generates it: about a minute) ..."
java -jar "$jar" --spring.profiles.active=demo,national-scale --server.port="$PORT" \
  --csp-grants.embedded-database.data-directory="$WORK/postgres" > "$WORK/application.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true' EXIT
# Ready when the generated data is there: the health endpoint answers before the demo and
# national-scale data have been loaded.
for _ in $(seq 1 600); do
  if grep -q "National-scale data is" "$WORK/application.log"; then break; fi
  if ! kill -0 $app 2> /dev/null; then echo "The application stopped; see $WORK/application.log" >&2; exit 1; fi
  sleep 1
done
grep -q "National-scale data is" "$WORK/application.log" \
  || { echo "The data was not loaded in 600 s; see $WORK/application.log" >&2; exit 1; }

# A signed-in session for the pages, as a browser would get it.
jar_file="$WORK/cookies.txt"
rm -f "$jar_file"
token=$(curl -fs -c "$jar_file" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
landing=$(curl -s -b "$jar_file" -c "$jar_file" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=officer" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login")
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar_file")
case "$landing" in
  *error*|"") echo "Could not sign in as the demo officer (sent to '$landing')" >&2; exit 1 ;;
esac

# An API token for the officer, made on the tokens page as a person would (issue 17).
csrf=$(curl -fs -b "$jar_file" -c "$jar_file" "$BASE/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
api_token=$(curl -fs -b "$jar_file" --data-urlencode "name=Load test $(date +%s)" --data-urlencode "days=1" \
  --data-urlencode "createKey=$(cat /proc/sys/kernel/random/uuid)" --data-urlencode "_csrf=$csrf" \
  "$BASE/account/tokens" | grep -o 'cspg_[A-Za-z0-9_-]\{43\}' | sed -n 1p)
[ -n "$api_token" ] || { echo "Could not make an API token for the demo officer" >&2; exit 1; }

# The approved run of 2022-23: the allocation page of 300 partnerships.
run=$(curl -fs -u "officer:$PASSWORD" "$BASE/api/v1/grants?year=2022-23" \
  | sed -n 's/.*"runId":\([0-9]*\).*/\1/p' | sed -n 1p || true)
[ -n "$run" ] || { echo "No approved run for 2022-23: is the national-scale data loaded?" >&2; exit 1; }

endpoints=(
  "page|Quarterly report 2022-23 Q2 (300 partnerships)|/monitoring/reports/2022-23/Q2"
  "page|Allocation: formula run $run (300 partnerships)|/allocations/runs/$run"
  "page|Returns dashboard 2022-23|/monitoring?year=2022-23"
  "page|Grants 2022-23|/grants?year=2022-23"
  "page|Partnerships|/partnerships"
  "page|Indicators 2022-23 (300 partnerships)|/indicators?year=2022-23"
  "token|API (token): quarterly report 2022-23 Q2|/api/v1/reports/quarterly/2022-23/Q2"
  "token|API (token): formula run $run|/api/v1/formula-runs/$run"
  "api|API (HTTP Basic): quarterly report 2022-23 Q2|/api/v1/reports/quarterly/2022-23/Q2"
  "api|API (HTTP Basic): formula run $run|/api/v1/formula-runs/$run"
)

# How wrk reaches an endpoint: pages with the signed-in session, the API with the officer's
# API token or with HTTP Basic (a BCrypt check on every request, slow by design).
auth_for() {
  if [ "$1" = page ]; then
    auth=(-H "Cookie: JSESSIONID=$session" -H "Accept-Encoding: $ENCODING")
  elif [ "$1" = token ]; then
    auth=(-H "Authorization: Bearer $api_token" -H "Accept-Encoding: $ENCODING")
  else
    auth=(-H "Authorization: Basic $(printf 'officer:%s' "$PASSWORD" | base64)" -H "Accept-Encoding: $ENCODING")
  fi
}

# Requests wrk gave up on are still served after it stops (an API request under 50 connections
# waits seconds for its BCrypt check): wait until the application answers at once again, so
# that no endpoint's figures include the previous one's leftovers.
settle() {
  for _ in $(seq 1 60); do
    took=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/actuator/health" || echo 1)
    if awk -v t="$took" 'BEGIN { exit !(t < 0.05) }'; then return; fi
    sleep 1
  done
}

# Every endpoint is warmed up before any is measured: a just-started JVM compiles the hot
# code while it serves, and on two cores that compiling competes with the requests for a
# minute or two. The figures are for a running service, as users meet it.
echo "Warming up: each endpoint for $WARM_UP ..."
measured=()
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r kind name path <<< "$endpoint"
  auth_for "$kind"
  status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$BASE$path")
  if [ "$status" != 200 ]; then
    printf '%-50s answered HTTP %s, not 200: not measured\n' "$name" "$status"
    continue
  fi
  measured+=("$endpoint")
  wrk -t2 -c"$CONNECTIONS" -d"$WARM_UP" --timeout 10s "${auth[@]}" "$BASE$path" > /dev/null
  settle
done

printf '\n%-50s %9s %8s %9s %9s %7s\n' "Endpoint ($CONNECTIONS connections, $DURATION each)" "requests" "req/s" "p50 ms" "p99 ms" "errors"
for endpoint in "${measured[@]}"; do
  IFS='|' read -r kind name path <<< "$endpoint"
  auth_for "$kind"
  settle
  result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s scripts/load-test.lua "${auth[@]}" "$BASE$path" | grep '^RESULT')
  read -r _ requests rate p50 p99 errors <<< "$result"
  printf '%-50s %9s %8s %9s %9s %7s\n' "$name" "$requests" "$rate" "$p50" "$p99" "$errors"
done
# A session that had expired would have been answered with a redirect to the sign-in page.
curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$session" "$BASE/monitoring" | grep -q 200 \
  || echo "The signed-in session ended during the test: the page figures are not valid" >&2
echo
echo "Application log: $WORK/application.log"
