#!/usr/bin/env bash
# Builds certdesk and starts all three services on an embedded PostgreSQL (data in .data/).
# Ctrl-C stops everything. Needs only a JDK 17+; Maven comes through the wrapper.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
echo "Building certdesk (first run downloads dependencies)..."
./mvnw -B -q install -DskipTests
mkdir -p .data
# The launcher runs on the test classpath of one module, where the zonky PostgreSQL binaries live;
# no service artifact contains them.
./mvnw -B -q -pl keystore-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/.data/launcher.classpath" >/dev/null
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat .data/launcher.classpath)" "$root/deploy/local/LocalStack.java" "$root"
