#!/usr/bin/env bash
# Load test of CSP Grants at national scale (issues 7 and 17). Builds the application, starts it on
# the embedded PostgreSQL with the demo users and generated national-scale data (300 partnerships,
# ten financial years 2013-14 to 2022-23 with approved formula runs and grants, four accepted
# quarterly returns per partnership and year: profile "national-scale"), then drives the main pages
# (signed in as the demo officer, and the home page of a CSP manager) and API endpoints (with an API
# token and with HTTP Basic) with wrk: first each for WARM_UP to warm the JVM up, then each for
# DURATION, one endpoint at a time, printing requests per second, p50 and p99 latency and the error
# count of each.
#
#   scripts/load-test.sh                      # 50 connections, 30 s per endpoint
#   CONNECTIONS=10 DURATION=10s WARM_UP=5s scripts/load-test.sh
#   ENCODING=gzip scripts/load-test.sh       # responses compressed, as browsers ask for them
#   BASELINE=e95fbba scripts/load-test.sh    # and another build, measured in the same run
#
# BASELINE= names another build: a git revision (built here, in target/load-test/baseline-<commit>)
# or an application jar. Both builds run side by side, each on a database of its own generated the
# same way; every endpoint is warmed up on both, then measured on the baseline and at once on this
# build, so that each row is a before/after pair measured together, under the same conditions.
#
# Needs wrk (Debian: apt-get install wrk; installed here when run as root). The generated databases
# are kept in target/load-test, so a second run starts in seconds; delete them to start afresh.
# Targets on a 2-core machine (issue 17): every page at least 300 requests a second with p99 under
# 500 ms, no errors, and the API with a token at least 80% of the same report as a page.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-30s}
WARM_UP=${WARM_UP:-20s}
# identity: uncompressed, as wrk asks by default; gzip: compressed, as a browser asks (more CPU a request)
ENCODING=${ENCODING:-identity}
PORT=${PORT:-8089}
BASELINE=${BASELINE:-}
BASELINE_PORT=${BASELINE_PORT:-$((PORT + 1))}
WORK=target/load-test
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

# The baseline's jar: as given, or built from its revision in a worktree of its own.
baseline_jar=""
if [ -n "$BASELINE" ]; then
  if [ -f "$BASELINE" ]; then
    baseline_jar=$BASELINE
  else
    commit=$(git rev-parse --short=12 "$BASELINE^{commit}") \
      || { echo "BASELINE=$BASELINE is neither a jar nor a git revision" >&2; exit 1; }
    source_dir="$PWD/$WORK/baseline-$commit"
    baseline_jar="$WORK/baseline-$commit.jar"
    if [ ! -f "$baseline_jar" ]; then
      echo "Building the baseline, $commit ..."
      git worktree remove --force "$source_dir" 2> /dev/null || rm -rf "$source_dir"
      git worktree prune
      git worktree add -q --detach "$source_dir" "$commit"
      (cd "$source_dir" && ./mvnw -B -q -DskipTests package)
      built=$(find "$source_dir/target" -maxdepth 1 -name 'csp-grants-*.jar' ! -name '*plain*' | sort | tail -1)
      [ -n "$built" ] || { echo "No jar in $source_dir/target after building the baseline" >&2; exit 1; }
      cp "$built" "$baseline_jar"
      git worktree remove --force "$source_dir"
    fi
  fi
fi

apps=()
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
}
trap cleanup EXIT

# Starts a build on its port with a database directory of its own.
start() {
  local name=$1 jar_file=$2 port=$3
  echo "Starting $name on port $port with the national-scale data (the first start generates it: about a minute) ..."
  java -jar "$jar_file" --spring.profiles.active=demo,national-scale --server.port="$port" \
    --csp-grants.embedded-database.data-directory="$WORK/postgres-$name" > "$WORK/application-$name.log" 2>&1 &
  pids+=($!)
  apps+=("$name|$port|$!")
}

# Ready when the generated data is there: the health endpoint answers before the demo and
# national-scale data have been loaded.
ready() {
  local name=$1 pid=$2
  for _ in $(seq 1 600); do
    if grep -q "National-scale data is" "$WORK/application-$name.log"; then return; fi
    if ! kill -0 "$pid" 2> /dev/null; then echo "$name stopped; see $WORK/application-$name.log" >&2; exit 1; fi
    sleep 1
  done
  echo "$name's data was not loaded in 600 s; see $WORK/application-$name.log" >&2
  exit 1
}

# Before this option the database was kept in target/load-test/postgres: it is this build's.
if [ -d "$WORK/postgres" ] && [ ! -d "$WORK/postgres-this" ]; then mv "$WORK/postgres" "$WORK/postgres-this"; fi
# The baseline's database is generated by the baseline, once per baseline.
[ -z "$baseline_jar" ] || start "baseline-$(basename "$baseline_jar" .jar | sed 's/^baseline-//')" "$baseline_jar" "$BASELINE_PORT"
start this "$jar" "$PORT"
for app in "${apps[@]}"; do
  IFS='|' read -r name _ pid <<< "$app"
  ready "$name" "$pid"
done

declare -A session csp_session api_token run

# Signs in as a browser would and keeps the session's cookie.
sign_in() {
  local base=$1 username=$2 jar_file=$3
  rm -f "$jar_file"
  local token landing
  token=$(curl -fs -c "$jar_file" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
  landing=$(curl -s -b "$jar_file" -c "$jar_file" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$username" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$base/login")
  case "$landing" in
    *error*|"") echo "Could not sign in as $username at $base (sent to '$landing')" >&2; exit 1 ;;
  esac
  awk '$6 == "JSESSIONID" { print $7 }' "$jar_file"
}

for app in "${apps[@]}"; do
  IFS='|' read -r name port _ <<< "$app"
  base=http://localhost:$port
  jar_file="$WORK/cookies-$name.txt"
  session[$name]=$(sign_in "$base" officer "$jar_file")
  csp_session[$name]=$(sign_in "$base" leicester.csp "$WORK/cookies-$name-csp.txt")
  # An API token for the officer, made on the tokens page as a person would (issue 17); a build
  # from before tokens has none, and its token rows are not measured.
  csrf=$(curl -s -b "$jar_file" -c "$jar_file" "$base/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
  api_token[$name]=$(curl -s -b "$jar_file" --data-urlencode "name=Load test $(date +%s)" --data-urlencode "days=1" \
    --data-urlencode "createKey=$(cat /proc/sys/kernel/random/uuid)" --data-urlencode "_csrf=$csrf" \
    "$base/account/tokens" | grep -o 'cspg_[A-Za-z0-9_-]\{43\}' | sed -n 1p || true)
  # The approved run of 2022-23: the allocation page of 300 partnerships.
  run[$name]=$(curl -fs -u "officer:$PASSWORD" "$base/api/v1/grants?year=2022-23" \
    | sed -n 's/.*"runId":\([0-9]*\).*/\1/p' | sed -n 1p || true)
  [ -n "${run[$name]}" ] || { echo "No approved run for 2022-23 in $name: is the national-scale data loaded?" >&2; exit 1; }
done

# {run} is each build's approved run of 2022-23.
endpoints=(
  "page|Home: the officer's work|/"
  "csp|Home: a CSP manager's work|/"
  "page|Quarterly report 2022-23 Q2 (300 partnerships)|/monitoring/reports/2022-23/Q2"
  "page|Allocation: the approved run of 2022-23 (300 partnerships)|/allocations/runs/{run}"
  "page|Returns dashboard 2022-23|/monitoring?year=2022-23"
  "page|Grants 2022-23|/grants?year=2022-23"
  "page|Payments 2022-23 (300 partnerships)|/monitoring/payments?year=2022-23"
  "page|Underspend 2022-23 (300 partnerships)|/underspend?year=2022-23"
  "page|New redistribution proposal|/redistributions/new?year=2022-23"
  "page|Partnerships|/partnerships"
  "csp|Grants 2022-23: a CSP manager's|/grants?year=2022-23"
  "csp|Payments 2022-23: a CSP manager's|/monitoring/payments?year=2022-23"
  "page|Indicators 2022-23 (300 partnerships)|/indicators?year=2022-23"
  "token|API (token): quarterly report 2022-23 Q2|/api/v1/reports/quarterly/2022-23/Q2"
  "token|API (token): the approved run of 2022-23|/api/v1/formula-runs/{run}"
  "api|API (HTTP Basic): quarterly report 2022-23 Q2|/api/v1/reports/quarterly/2022-23/Q2"
  "api|API (HTTP Basic): the approved run of 2022-23|/api/v1/formula-runs/{run}"
)

# How wrk reaches an endpoint of a build: pages with a signed-in session, the API with the
# officer's API token or with HTTP Basic (a BCrypt check on every request, slow by design).
# Sets auth (empty when the build cannot be reached that way) and url.
target() {
  local kind=$1 name=$2 port=$3 path=$4
  url="http://localhost:$port${path//\{run\}/${run[$name]}}"
  case "$kind" in
    page) auth=(-H "Cookie: JSESSIONID=${session[$name]}") ;;
    csp) auth=(-H "Cookie: JSESSIONID=${csp_session[$name]}") ;;
    token) if [ -n "${api_token[$name]}" ]; then auth=(-H "Authorization: Bearer ${api_token[$name]}"); else auth=(); fi ;;
    *) auth=(-H "Authorization: Basic $(printf 'officer:%s' "$PASSWORD" | base64)") ;;
  esac
  [ ${#auth[@]} -eq 0 ] || auth+=(-H "Accept-Encoding: $ENCODING")
}

# Requests wrk gave up on are still served after it stops (an API request under 50 connections
# waits seconds for its BCrypt check): wait until every build answers at once again, so that no
# endpoint's figures include the previous one's leftovers.
settle() {
  for app in "${apps[@]}"; do
    IFS='|' read -r _ port _ <<< "$app"
    for _ in $(seq 1 60); do
      took=$(curl -s -o /dev/null -w '%{time_total}' "http://localhost:$port/actuator/health" || echo 1)
      if awk -v t="$took" 'BEGIN { exit !(t < 0.05) }'; then break; fi
      sleep 1
    done
  done
}

# Every endpoint is warmed up on every build before any is measured: a just-started JVM compiles
# the hot code while it serves, and on two cores that compiling competes with the requests for a
# minute or two. The figures are for a running service, as users meet it.
echo "Warming up: each endpoint of each build for $WARM_UP ..."
declare -A measurable
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r kind label path <<< "$endpoint"
  for app in "${apps[@]}"; do
    IFS='|' read -r name port _ <<< "$app"
    target "$kind" "$name" "$port" "$path"
    status=000
    [ ${#auth[@]} -eq 0 ] || status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$url")
    if [ "$status" != 200 ]; then
      printf '%-58s %s answered HTTP %s, not 200: not measured\n' "$label" "$name" "$status"
      continue
    fi
    measurable["$name|$label"]=1
    wrk -t2 -c"$CONNECTIONS" -d"$WARM_UP" --timeout 10s "${auth[@]}" "$url" > /dev/null
    settle
  done
done

# Measures one endpoint of one build: "req/s p50 p99 errors", or dashes when it cannot be.
measure() {
  local kind=$1 name=$2 port=$3 path=$4 label=$5
  if [ -z "${measurable["$name|$label"]:-}" ]; then echo "- - - -"; return; fi
  target "$kind" "$name" "$port" "$path"
  settle
  local result
  result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s scripts/load-test.lua "${auth[@]}" "$url" | grep '^RESULT')
  read -r _ _ rate p50 p99 errors <<< "$result"
  echo "$rate $p50 $p99 $errors"
}

header="Endpoint ($CONNECTIONS connections, $DURATION each)"
if [ ${#apps[@]} -eq 1 ]; then
  printf '\n%-58s %8s %9s %9s %7s\n' "$header" "req/s" "p50 ms" "p99 ms" "errors"
else
  IFS='|' read -r before _ _ <<< "${apps[0]}"
  printf '\n%s: %s, then this build, one after the other for each endpoint\n' "Before" "$before"
  printf '%-58s %9s %9s %9s %8s %9s %9s %7s\n' "$header" "before/s" "p50 ms" "p99 ms" "after/s" "p50 ms" "p99 ms" "errors"
fi
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r kind label path <<< "$endpoint"
  figures=()
  errors_all=""
  for app in "${apps[@]}"; do
    IFS='|' read -r name port _ <<< "$app"
    read -r rate p50 p99 errors <<< "$(measure "$kind" "$name" "$port" "$path" "$label")"
    figures+=("$rate" "$p50" "$p99")
    errors_all="${errors_all:+$errors_all / }$errors"
  done
  if [ ${#apps[@]} -eq 1 ]; then
    printf '%-58s %8s %9s %9s %7s\n' "$label" "${figures[@]}" "$errors_all"
  else
    printf '%-58s %9s %9s %9s %8s %9s %9s %7s\n' "$label" "${figures[@]}" "$errors_all"
  fi
done
# A session that had expired would have been answered with a redirect to the sign-in page.
for app in "${apps[@]}"; do
  IFS='|' read -r name port _ <<< "$app"
  curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=${session[$name]}" "http://localhost:$port/monitoring" | grep -q 200 \
    || echo "The signed-in session of $name ended during the test: its page figures are not valid" >&2
done
echo
echo "Application logs: $WORK/application-*.log"
