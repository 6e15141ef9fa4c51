#!/usr/bin/env bash
# Benchmarks of the local stack on loopback. Starts deploy/local/run.sh in the background (unless
# the services already answer), measures with wrk and curl, prints the figures, stops what it started.
# Bounded: every load phase runs for a fixed number of seconds against 127.0.0.1 only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
DURATION="${BENCH_SECONDS:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 2; }

started=""
if ! curl -sf localhost:8081/q/health/ready >/dev/null 2>&1; then
  echo "Starting the local stack..."
  mkdir -p .data
  setsid deploy/local/run.sh > .data/bench-stack.log 2>&1 &
  started=$!
  trap 'kill -TERM "$started" 2>/dev/null; wait "$started" 2>/dev/null || true' EXIT
  for _ in $(seq 600); do
    curl -sf localhost:8080/q/health/ready >/dev/null 2>&1 && curl -sf localhost:8081/q/health/ready >/dev/null 2>&1 \
      && curl -sf localhost:8082/q/health/ready >/dev/null 2>&1 && break
    sleep 1
  done
fi
STAFF=$(deploy/local/token.sh staff)
AUTH="Authorization: Bearer $STAFF"
code="BENCH-$(date +%s)"
curl -sf -X POST localhost:8080/products -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"name\":\"bench\",\"caBrand\":\"Bench\",\"validationLevel\":\"DV\",\"validityMonths\":12,\"applicationFeeJpy\":1000}" >/dev/null

figures() { # name, wrk output -> one line
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$2")
  p50=$(awk '$1=="50%" {print $2}' <<<"$2")
  p99=$(awk '$1=="99%" {print $2}' <<<"$2")
  printf '%-58s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$rps" "$p50" "$p99"
}

echo
echo "certdesk benchmarks ($(nproc) cores, ${DURATION}s per phase, wrk 2 threads / 32 connections)"
figures "order    GET /products/{code} (DB read, JWT check)" \
  "$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "$AUTH" "http://127.0.0.1:8080/products/$code")"
figures "binding  GET /servers?size=50 (DB page + count)" \
  "$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "$AUTH" "http://127.0.0.1:8082/servers?size=50")"
figures "keystore GET /sys/seal-status, idle" \
  "$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "$AUTH" "http://127.0.0.1:8081/sys/seal-status")"

# RSA-4096 generation runs on the worker pool: status reads must stay fast while 4 run at once.
gen_loop() {
  local end=$(( $(date +%s) + DURATION ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null --max-time 60 -X POST localhost:8081/keys -H "$AUTH" -H 'Content-Type: application/json' \
      -d '{"customerId":"BENCH","label":"bench","algorithm":"RSA_4096"}'
  done
}
gens=()
for _ in 1 2 3 4; do gen_loop & gens+=($!); done
under_load=$(wrk -t2 -c32 -d"${DURATION}s" --latency -H "$AUTH" "http://127.0.0.1:8081/sys/seal-status")
wait "${gens[@]}"   # only the generators: the stack started above is a child too
figures "keystore GET /sys/seal-status, 4 RSA-4096 generations running" "$under_load"

keygen() { # algorithm, count -> mean ms per key, one at a time
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$2"); do
    curl -sf -o /dev/null --max-time 120 -X POST localhost:8081/keys -H "$AUTH" -H 'Content-Type: application/json' \
      -d "{\"customerId\":\"BENCH\",\"label\":\"bench\",\"algorithm\":\"$1\"}"
  done
  end=$(date +%s%N)
  printf '%-58s %10s ms per key (mean of %s, sequential)\n' "keystore POST /keys $1" "$(( (end - start) / 1000000 / $2 ))" "$2"
}
keygen EC_P256 20
keygen RSA_2048 10
keygen RSA_4096 3
