#!/bin/sh
# The cost of a certification against its floor (issue "Performance"): `mvn verify` of an outside
# project that certifies the reference implementation through tsm-tck:certify (Allure off), beside
# `mvn verify` of a project whose Surefire runs the same number of empty parameterized JUnit cases,
# alternating, RUNS times each; prints the medians of wall and CPU time and their ratios.
# Needs the kit installed: mvn -B install -DskipTests -Dinvoker.skip
#
#   tools/bench/plugin-vs-floor.sh [runs (default 3)] [cases (default: as many as the certification runs)]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$repo/pom.xml" | head -1)
if [ -n "${BENCH_DIR:-}" ]; then # keep the two projects (to profile one): BENCH_DIR=/tmp/bench
  work=$BENCH_DIR; mkdir -p "$work"
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
plugins=$(sed 1d "$repo/tools/bench/plugins.xml")
mkdir -p "$work/certify" "$work/floor/src/test/java/floor"
cat > "$work/certify/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>certify</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>io.tsmtck</groupId><artifactId>reference-impl</artifactId><version>$version</version></dependency></dependencies>
  <build>$plugins<plugins><plugin><groupId>io.tsmtck</groupId><artifactId>tsm-tck-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>certify</goal></goals></execution></executions></plugin></plugins></build>
</project>
POM
cat > "$work/floor/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>floor</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.13.4</version><scope>test</scope></dependency></dependencies>
  <build>$plugins</build>
</project>
POM
junit=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' "$repo/pom.xml" | head -1)
[ -n "$junit" ] && sed -i "s:<version>5.13.4</version>:<version>$junit</version>:" "$work/floor/pom.xml"
measure() { # dir -> "wall cpu"
  /usr/bin/time -f "%e %U %S" -o "$work/time" mvn -o -q -B -f "$1/pom.xml" verify -Dtsm-tck.allure=false >"$work/log" 2>&1 \
    || { echo "mvn verify of $1 failed:" >&2; tail -30 "$work/log" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time"
}
mvn -o -q -B -f "$work/certify/pom.xml" verify -Dtsm-tck.allure=false >"$work/log" 2>&1 \
  || { echo "the certification of the reference failed:" >&2; tail -30 "$work/log" >&2; exit 1; }
report="$work/certify/target/tsm-tck/certification-report.json"
cases=${2:-$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['totals']['testsExecuted'])" "$report")}
cat > "$work/floor/src/test/java/floor/EmptyTest.java" <<JAVA
package floor;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmptyTest {
    static IntStream cases() {
        return IntStream.range(0, $cases);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void empty(int i) {
    }
}
JAVA
mvn -o -q -B -f "$work/floor/pom.xml" verify >/dev/null 2>&1 || true
: > "$work/certify.txt"; : > "$work/floor.txt"
for i in $(seq "$runs"); do
  measure "$work/certify" >> "$work/certify.txt"
  measure "$work/floor" >> "$work/floor.txt"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
cw=$(cut -d' ' -f1 "$work/certify.txt" | median); cc=$(cut -d' ' -f2 "$work/certify.txt" | median)
fw=$(cut -d' ' -f1 "$work/floor.txt" | median); fc=$(cut -d' ' -f2 "$work/floor.txt" | median)
echo "cases: $cases, runs: $runs (alternating; one warm-up of each first)"
echo "certification through the plugin: wall $cw s, CPU $cc s (runs: $(cut -d' ' -f1 "$work/certify.txt" | tr '\n' ' '))"
echo "floor ($cases empty cases):       wall $fw s, CPU $fc s (runs: $(cut -d' ' -f1 "$work/floor.txt" | tr '\n' ' '))"
awk -v cw="$cw" -v cc="$cc" -v fw="$fw" -v fc="$fc" 'BEGIN {printf "ratio to the floor: wall %.2fx, CPU %.2fx; certification wall/CPU %.2f (floor %.2f)\n", cw / fw, cc / fc, cw / cc, fw / fc}'
