#!/bin/sh
# Runs the benchmark harness (net.qgreenland.ogdc.bench.Bench): builds the jar and the test classes, then runs every
# benchmark (or those named: change-detection end-to-end status-latency render-size start-up), prints each table and
# writes it into bench/RESULTS.md; about five minutes on two cores. end-to-end-full (not part of "all") is end-to-end
# with the script baseline measured at R = 100 too, about nine minutes more. Run from anywhere; -o (offline) if
# ~/.m2 is filled.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q ${MVN_OFFLINE:--o} package -DskipTests
./mvnw -B -q ${MVN_OFFLINE:--o} test-compile
./mvnw -B -q ${MVN_OFFLINE:--o} dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" net.qgreenland.ogdc.bench.Bench "$@"
