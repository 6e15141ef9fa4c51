#!/usr/bin/env bash
# The one benchmark of the local stack, on loopback only. Starts deploy/local/run.sh in the background unless the
# services already answer (then it measures them as they run), makes its own data, and for each service measures
# the framework's floor (GET /q/health/live) and every request of the performance targets in the same run, after a
# warm-up, with wrk. Prints a table with each figure as a share of its service's floor and writes it, with the date,
# the cores and the commit, to deploy/bench/results.md (the README embeds that file). Bounded: every phase runs for
# BENCH_SECONDS (default 10) seconds after a warm-up of BENCH_WARMUP (10) seconds per request (the JIT compiles the
# hot paths meanwhile; a cold service answers at a fraction of its warm rate). Not part of ./mvnw verify.
#
# Needs: wrk, curl, jq, openssl, java. Usage: deploy/bench/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
SECONDS_PER_PHASE="${BENCH_SECONDS:-10}"
WARMUP="${BENCH_WARMUP:-10}"
OUT="${BENCH_OUT:-$root/deploy/bench/results.md}"
for tool in wrk curl jq openssl java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
order=http://127.0.0.1:8080
keystore=http://127.0.0.1:8081
binding=http://127.0.0.1:8082

started=""
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "$started" ] && { kill -TERM -- -"$started" 2>/dev/null; wait "$started" 2>/dev/null || true; }' EXIT
if ! curl -sf "$keystore/q/health/ready" >/dev/null 2>&1; then
  echo "Starting the local stack..."
  mkdir -p .data
  setsid deploy/local/run.sh > .data/bench-stack.log 2>&1 &
  started=$!
  ready=false
  for _ in $(seq 900); do
    curl -sf "$order/q/health/ready" >/dev/null 2>&1 && curl -sf "$keystore/q/health/ready" >/dev/null 2>&1 \
      && curl -sf "$binding/q/health/ready" >/dev/null 2>&1 && { ready=true; break; }
    sleep 1
  done
fi

if [ "${ready:-true}" != true ]; then
  echo "bench: the local stack was not ready within 900 s (see .data/bench-stack.log)" >&2
  exit 1
fi
STAFF=$(deploy/local/token.sh staff)
AUTH="Authorization: Bearer $STAFF"

post() { # url json -> answer (fails on an error answer)
  curl -sS --fail-with-body -X POST -H "$AUTH" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')" --data "$2" "$1"
}

# --- data of its own: a customer, a product, a server whose master domain serves a certificate, a quote and an
# order, a key
suffix=$(date +%s)
customer=$(post "$order/customers" "$(jq -n --arg m "bench-$suffix@example.co.jp" '{organisationName: "株式会社ベンチ",
  organisationKana: "カブシキガイシャベンチ", postalCode: "100-0001", address: "東京都千代田区千代田1-1",
  representativeName: "代表 太郎", representativeTitle: "代表取締役", listed: false, noticeEmail: $m,
  callHoursFrom: "10:00", callHoursTo: "17:00", contacts: [{name: "代表 太郎", phone: "03-1234-5678",
  email: "rep@example.co.jp", authorisedForCaCall: true, representative: true}]}')" | jq -r .id)
product="BENCH-$suffix"
post "$order/products" "$(jq -n --arg c "$product" '{code: $c, name: "ベンチ DV", caBrand: "Bench", validationLevel: "DV",
  validityMonths: 12, applicationFeeJpy: 5500, issuer: "LOCAL"}')" >/dev/null
ip="127.$(( suffix % 200 + 20 )).$(( (suffix / 200) % 250 + 1 )).$(( suffix % 250 + 2 ))"
domain="www.bench-$suffix.example"
server=$(post "$binding/servers" "$(jq -n --arg c "$customer" --arg d "$domain" --arg ip "$ip" --arg h "bench-$suffix.hosting.example.jp" \
  '{hostname: $h, customerId: $c, masterDomain: $d, primaryIp: $ip, plan: {code: "DEDICATED", additionalIpLimit: 0}}')" | jq -r .id)
# the server's master domain is bound with it (SNI on the primary IP)
master=$(curl -sSf -H "$AUTH" "$binding/servers/$server/bindings" | jq -c '.items[0]')
binding_id=$(jq -r .id <<<"$master")
https_port=$(jq -r .port <<<"$master")
# /resolve answers for bindings that serve a certificate: link one (binding-service keeps only its id)
curl -sSf -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
  --data "{\"certificateId\": \"$(cat /proc/sys/kernel/random/uuid)\"}" "$binding/servers/$server/bindings/$binding_id/certificate"
quote_body=$(jq -cn --arg c "$customer" --arg p "$product" --arg d "$domain" --arg s "$server" \
  '{customerId: $c, productCode: $p, type: "NEW", domain: $d, serverId: $s}')
quote=$(post "$order/quotes" "$quote_body" | jq -r .id)
post "$order/quotes/$quote/accept" '{}' >/dev/null
order_id=$(post "$order/orders" "$(jq -n --arg q "$quote" '{quoteId: $q}')" | jq -r .id)
key_body() { jq -cn --arg c "$customer" --arg a "$1" '{customerId: $c, label: "bench", algorithm: $a}'; }
key=$(post "$keystore/keys" "$(key_body EC_P256)" | jq -r .id)

# --- wrk, with a Lua script for POSTs (a fresh Idempotency-Key per request, unique across threads)
cat > "$work/post.lua" <<'EOF'
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
function init(args)
  path, body = args[1], args[2]
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[3]
end
function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. os.time() .. "-" .. thread_id .. "-" .. counter
  return wrk.format("POST", path, nil, body)
end
EOF

run_wrk() { # threads connections seconds url [wrk options] [-- Lua script arguments, which go after the URL]
  local threads=$1 conns=$2 secs=$3 url=$4 opts=() script_args=() after=false
  shift 4
  for a in "$@"; do
    if [[ "$a" == "--" ]]; then after=true; elif $after; then script_args+=("$a"); else opts+=("$a"); fi
  done
  if $after; then
    wrk -t"$threads" -c"$conns" -d"${secs}s" --latency "${opts[@]}" "$url" -- "${script_args[@]}" 2>&1
  else
    wrk -t"$threads" -c"$conns" -d"${secs}s" --latency "${opts[@]}" "$url" 2>&1
  fi
}
rows=()
declare -A floor
measure() { # service label connections threads url [wrk args...] -> a row; the floor row sets the reference
  local service=$1 label=$2 conns=$3 threads=$4 url=$5
  shift 5
  local out rps p50 p99 non2xx share
  out=$(run_wrk "$threads" "$conns" "$SECONDS_PER_PHASE" "$url" "$@")
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
  if [[ "$label" == floor* ]]; then
    floor[$service]=$rps
  fi
  share=$(awk -v a="$rps" -v b="${floor[$service]:-0}" 'BEGIN { if (b > 0) printf "%d%%", 100 * a / b; else print "—" }')
  [[ "$label" == POST* ]] && share="—" # writes have targets of their own (req/s, p99), not a share of the floor
  rows+=("| $service | $label | $conns | $rps | $p50 | $p99 | $share | ${non2xx:-0} |")
  printf '%-9s %-62s c%-3s %8s req/s  p50 %8s  p99 %8s  %5s of floor  non-2xx %s\n' "$service" "$label" "$conns" \
    "$rps" "$p50" "$p99" "$share" "${non2xx:-0}"
}
warm() { # url [wrk options] [-- script arguments]
  local url=$1
  shift
  run_wrk 2 16 "$WARMUP" "$url" "$@" >/dev/null || true
}

echo "certdesk benchmark: $(nproc) cores, ${SECONDS_PER_PHASE}s per phase, after a ${WARMUP} s warm-up per request"
for u in "$order/q/health/live" "$order/products/$product" "$order/orders/$order_id"; do warm "$u" -H "$AUTH"; done
warm "$order/products/$product"
measure order "floor: GET /q/health/live" 32 2 "$order/q/health/live"
measure order "GET /products/{productCode}" 32 2 "$order/products/$product" -H "$AUTH"
measure order "GET /orders/{orderId}" 32 2 "$order/orders/$order_id" -H "$AUTH"
measure order "GET /products/{productCode} without a token (401)" 32 2 "$order/products/$product"
warm "$order/quotes" -s "$work/post.lua" -- "/quotes" "$quote_body" "$STAFF"
measure order "POST /quotes (with binding-service's placement check)" 16 2 "$order/quotes" -s "$work/post.lua" -- \
  "/quotes" "$quote_body" "$STAFF"

# the nine commands of one DV order, one order after the other (latency per command; the system's own moves between
# start-application and deployment-override are waited for, not timed)
COMMAND_ORDERS="${BENCH_COMMAND_ORDERS:-30}"
echo "The command path of $COMMAND_ORDERS DV orders (after one untimed order):"
java "$root/deploy/bench/CommandPath.java" "$order" "$STAFF" "$customer" "$product" "$server" "$suffix" "$COMMAND_ORDERS" \
  > "$work/commands.txt"
sed '/^TABLE/,$d' "$work/commands.txt"
mapfile -t command_rows < <(sed '1,/^TABLE/d' "$work/commands.txt")

resolve="$binding/resolve?ip=$ip&port=$https_port&serverName=$domain"
for u in "$binding/q/health/live" "$binding/servers/$server" "$resolve"; do warm "$u" -H "$AUTH"; done
warm "$binding/servers/$server"
measure binding "floor: GET /q/health/live" 32 2 "$binding/q/health/live"
measure binding "GET /servers/{serverId}" 32 2 "$binding/servers/$server" -H "$AUTH"
measure binding "GET /resolve?ip&port&serverName" 32 2 "$resolve" -H "$AUTH"
measure binding "GET /servers/{serverId} without a token (401)" 32 2 "$binding/servers/$server"

for u in "$keystore/q/health/live" "$keystore/keys/$key" "$keystore/sys/seal-status"; do warm "$u" -H "$AUTH"; done
warm "$keystore/sys/seal-status"
measure keystore "floor: GET /q/health/live" 32 2 "$keystore/q/health/live"
measure keystore "GET /keys/{keyId}" 32 2 "$keystore/keys/$key" -H "$AUTH"
measure keystore "GET /sys/seal-status" 32 2 "$keystore/sys/seal-status" -H "$AUTH"
measure keystore "GET /sys/seal-status without a token (401)" 32 2 "$keystore/sys/seal-status"
ec=$(key_body EC_P256)
rsa=$(key_body RSA_2048)
warm "$keystore/keys" -s "$work/post.lua" -- "/keys" "$ec" "$STAFF"
measure keystore "POST /keys EC P-256 (key, envelope, audit)" 8 2 "$keystore/keys" -s "$work/post.lua" -- "/keys" "$ec" "$STAFF"
measure keystore "POST /keys RSA-2048" 2 2 "$keystore/keys" -s "$work/post.lua" -- "/keys" "$rsa" "$STAFF"

# the same RSA-2048 work by openssl, 2 in parallel for the same time
openssl_loop() {
  local end=$(( $(date +%s) + SECONDS_PER_PHASE )) n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    openssl req -newkey rsa:2048 -nodes -keyout /dev/null -out /dev/null -subj "/CN=bench" 2>/dev/null
    n=$((n + 1))
  done
  echo "$n"
}
openssl_loop > "$work/o1" &
first=$!
openssl_loop > "$work/o2" &
wait "$first" "$!" # only these two: the stack started above is a child too
openssl_rate=$(awk -v s="$SECONDS_PER_PHASE" '{n += $1} END {printf "%.1f", n / s}' "$work/o1" "$work/o2")
rows+=("| openssl | \`openssl req -newkey rsa:2048 -nodes\` loop, 2 in parallel | 2 | $openssl_rate | | | | |")
printf '%-9s %-62s c%-3s %8s keys/s\n' openssl "openssl req -newkey rsa:2048 -nodes, 2 in parallel" 2 "$openssl_rate"

# the event loop while RSA-4096 keys are generated, 4 at a time
rsa4096=$(key_body RSA_4096)
wrk -t1 -c4 -d"$((SECONDS_PER_PHASE + 2))s" -s "$work/post.lua" "$keystore/keys" -- "/keys" "$rsa4096" "$STAFF" >/dev/null 2>&1 &
generators=$!
sleep 1
measure keystore "GET /sys/seal-status while 4 RSA-4096 keys are generated" 32 1 "$keystore/sys/seal-status" -H "$AUTH"
wait "$generators" || true

# footprint: resident memory of each service now (idle after the load) and its start-up time from its log
footprint=()
for svc in order-service:8080 keystore-service:8081 binding-service:8082; do
  name=${svc%%:*}
  port=${svc##*:}
  pid=$(ss -ltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  rss=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo "?")
  heap=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -o -- '-Xmx[^ ]*' || echo "JVM default")
  started_in=$(grep -o 'started in [0-9.]*s' ".data/logs/$name.log" 2>/dev/null | tail -1 | awk '{print $3}')
  footprint+=("| $name | $rss | ${heap:-JVM default} | ${started_in:-?} |")
  printf '%-17s RSS %8s  heap %-12s  started in %s\n' "$name" "$rss" "${heap:-JVM default}" "${started_in:-?}"
done

{
  echo "<!-- written by deploy/bench/run.sh; do not edit by hand -->"
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')),"
  echo "services at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- order-service keystore-service binding-service deploy/local 2>/dev/null || echo ' with uncommitted changes'), ${SECONDS_PER_PHASE} s per phase after a ${WARMUP} s warm-up of each request,"
  echo "wrk and the three services and PostgreSQL sharing the machine. *of floor*: the request's throughput as a share"
  echo "of \`GET /q/health/live\` of the same service, measured in the same run."
  echo
  echo "| service | request | connections | req/s | p50 | p99 | of floor | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The command path: $COMMAND_ORDERS DV orders one after the other, each from quote to placed site seal, over one"
  echo "connection (time from request to answer, measured by the client):"
  echo
  echo "| command | p50 | p90 | max |"
  echo "|---|---|---|---|"
  printf '%s\n' "${command_rows[@]}"
  echo
  echo "| service | resident memory after the run | heap limit | started in |"
  echo "|---|---|---|---|"
  printf '%s\n' "${footprint[@]}"
} > "$OUT"
echo "Written to $OUT"
