#!/bin/sh
# How a certification scales with a device's VFs (issue "Performance"): the host kit through the
# plugin and the device kit on the reference implementation, with the every-function tests asking
# for 1, 8 and 64 VFs (tsm-tck.vfs; the reference declares 64 with tsm-tck.emu.topology=4,8,64).
# Prints, per VF count, the tests run, their summed cost, the fork's wall time and its peak heap,
# and the cost per VF between counts. Needs the kit installed: mvn -B install -DskipTests -Dinvoker.skip
#
#   tools/bench/scaling.sh [vf counts (default "1 8 64")]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
counts=${1:-1 8 64}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$repo/pom.xml" | head -1)
work=${BENCH_DIR:-$(mktemp -d)}
plugins=$(sed 1d "$repo/tools/bench/plugins.xml")
mkdir -p "$work/scale"
cat > "$work/scale/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>scale</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>io.tsmtck</groupId><artifactId>reference-impl</artifactId><version>$version</version></dependency></dependencies>
  <build>$plugins<plugins><plugin><groupId>io.tsmtck</groupId><artifactId>tsm-tck-maven-plugin</artifactId><version>$version</version>
    <executions><execution><id>host</id><goals><goal>certify</goal></goals></execution>
      <execution><id>device</id><goals><goal>certify-device</goal></goals>
        <configuration><trustAnchor>$repo/reference-impl/src/main/resources/io/tsmtck/emu/spdm/identity/p384-root.der</trustAnchor></configuration>
      </execution></executions></plugin></plugins></build>
</project>
POM
summary() { # report -> "tests cost-ms"
  python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['totals']; print(t['testsExecuted'], t['cost']['millis'])" "$1"
}
peak() { # gc log -> peak heap MB after the largest collection's start
  sed -n 's/.* \([0-9]*\)M->[0-9]*M.*/\1/p' "$1" | sort -n | tail -1
}
: > "$work/scale/results.txt"
for n in $counts; do
  printf -- "-Dtsm-tck.vfs=%s\n-Dtsm-tck.emu.topology=4,8,64\n-Xlog:gc:file=%s\n" \
    "$n" "$work/scale/gc-$n.log" > "$work/scale/jvm.args"
  start=$(date +%s.%N)
  mvn -o -q -B -f "$work/scale/pom.xml" verify -Dtsm-tck.allure=false "-Dtsm-tck.jvmArgs=@$work/scale/jvm.args" \
    > "$work/scale/log-$n.txt" 2>&1 || { echo "the run with $n VFs failed:" >&2; tail -20 "$work/scale/log-$n.txt" >&2; exit 1; }
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  host=$(summary "$work/scale/target/tsm-tck/certification-report.json")
  device=$(summary "$work/scale/target/tsm-tck-device/certification-report.json")
  echo "$n $host $device $wall $(peak "$work/scale/gc-$n.log")" >> "$work/scale/results.txt"
done
awk 'BEGIN { printf "%4s %22s %22s %8s %9s\n", "VFs", "host: tests, cost ms", "device: tests, cost ms", "wall s", "heap MB" }
     { printf "%4d %10d %11d %10d %11d %8.1f %9s\n", $1, $2, $3, $4, $5, $6, $7;
       if (NR > 1) printf "     per VF from %d to %d: host %.1f ms, device %.1f ms\n", p, $1, ($3 - h) / ($1 - p), ($5 - d) / ($1 - p);
       p = $1; h = $3; d = $5 }' "$work/scale/results.txt"
