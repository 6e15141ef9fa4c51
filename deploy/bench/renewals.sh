#!/usr/bin/env bash
# Times one renewal notice run over 1,000,000 paid terms, 1% of them due (TERMS=... changes the number): order-service's
# RenewalNotices against a PostgreSQL of its own with order-service's migrations; prints the seeding time, the run time,
# a second run of the same day (nothing new) and the counts. Needs only a JDK 17+.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl order-service -am install -DskipTests
mkdir -p .data
./mvnw -B -q -pl order-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/.data/bench.classpath" >/dev/null
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$root/order-service/target/classes:$(cat .data/bench.classpath)" "$root/deploy/bench/RenewalBench.java" \
  "${TERMS:-1000000}"
