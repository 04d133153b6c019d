#!/bin/sh
# The device kit's speed on one machine in one run (issue "The device kit at the speed of the device"):
# the reference device in-process, the same device served over loopback TCP, DMTF spdm-emu's responder,
# and, when a latency is given, the served device answering every DOE object that many ms late. Prints,
# per target, the wall time, the kit's CPU, the DOE objects, the seconds spent waiting on the device and
# the rules passed / failed / not tested, from each run's report. Opt-in: needs the kit installed
# (mvn -B install -DskipTests -Dinvoker.skip) and spdm-emu built (tools/spdm-emu/build.sh).
#
#   tools/bench/device-speed.sh <spdm-emu build/bin dir> [latency ms]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$1" && pwd)
latency=${2:-}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$repo/pom.xml" | head -1)
work=${BENCH_DIR:-$(mktemp -d)}
plugin="io.tsmtck:tsm-tck-maven-plugin:$version:certify-device"
anchor="$repo/reference-impl/src/main/resources/io/tsmtck/emu/spdm/identity/p384-root.der"
served_functions=0001:3a:02.0,0001:3a:02.1,0001:3a:03.0,0001:3a:03.1
cp="$repo/reference-impl/target/classes:$repo/tck-api/target/classes"
port=${BENCH_PORT:-2390}
plugins=$(sed 1d "$repo/tools/bench/plugins.xml")
mkdir -p "$work/in-process"
cat > "$work/in-process/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>device-speed</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>io.tsmtck</groupId><artifactId>reference-impl</artifactId><version>$version</version></dependency></dependencies>
  <build>$plugins<plugins><plugin><groupId>io.tsmtck</groupId><artifactId>tsm-tck-maven-plugin</artifactId><version>$version</version>
    <executions><execution><id>device</id><goals><goal>certify-device</goal></goals>
      <configuration><trustAnchor>$anchor</trustAnchor></configuration></execution></executions></plugin></plugins></build>
</project>
POM
row() { # name report wall cpu
  python3 - "$@" <<'PY'
import json, sys
name, report, wall, cpu = sys.argv[1:5]
d = json.load(open(report))
c = d['totals']['cost']
s = {k: sum(1 for r in d['rules'] if r['status'] == k) for k in ('PASSED', 'FAILED', 'NOT_TESTED')}
print(f"{name:<34} {float(wall):8.1f} {float(cpu):7.1f} {c.get('deviceFrames', 0):9d} "
      f"{c.get('deviceWaitMillis', 0) / 1000:9.1f}   {s['PASSED']}/{s['FAILED']}/{s['NOT_TESTED']}")
PY
}
timed() { # name report-dir command... ; runs it under /usr/bin/time and prints its row
  name=$1; dir=$2; shift 2
  rm -rf "$dir"
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > "$work/$name.log" 2>&1 || true
  if [ ! -f "$dir/certification-report.json" ]; then
    echo "$name: no report; see $work/$name.log" >&2
    return
  fi
  set -- $(tail -1 "$work/time.txt")
  row "$name" "$dir/certification-report.json" "$1" "$(echo "$2 + $3" | bc)"
}
serve() { # extra ServeDevice arguments...; waits until it listens
  java -cp "$cp" io.tsmtck.emu.ServeDevice --port "$port" --connections 1000 --functions 2,2 "$@" \
    > "$work/serve.log" 2>&1 &
  server=$!
  i=0; while [ $i -lt 50 ] && ! grep -q "on 127.0.0.1" "$work/serve.log" 2>/dev/null; do sleep 0.2; i=$((i + 1)); done
}
printf '%-34s %8s %7s %9s %9s   %s\n' target "wall s" "CPU s" "DOE objs" "waited s" "passed/failed/not tested"
timed "reference, in-process" "$work/in-process/target/tsm-tck-device" \
  mvn -o -q -B -f "$work/in-process/pom.xml" verify -Dtsm-tck.allure=false
serve
timed "reference, served over TCP" "$work/served" mvn -o -q -B -N -f "$work/in-process/pom.xml" "$plugin" \
  -Dtsm-tck.device=tcp://127.0.0.1:$port -Dtsm-tck.trustAnchor="$anchor" -Dtsm-tck.functions=$served_functions \
  -Dtsm-tck.reportDirectory="$work/served" -Dtsm-tck.allure=false
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
(cd "$bin" && exec ./spdm_responder_emu --trans PCI_DOE --port "$port") > "$work/spdm-emu.log" 2>&1 &
emu=$!
sleep 1
timed "spdm-emu (P-384)" "$work/spdm-emu" mvn -o -q -B -N -f "$work/in-process/pom.xml" "$plugin" \
  -Dtsm-tck.device=tcp://127.0.0.1:$port -Dtsm-tck.trustAnchor="$bin/ecp384/ca.cert.der" \
  -Dtsm-tck.functions=0000:00:00.0/bar1=4K/bar2=16K/bar3=32K/bar4=32K -Dtsm-tck.reportDirectory="$work/spdm-emu" \
  -Dtsm-tck.allure=false
kill "$emu" 2>/dev/null || true; wait "$emu" 2>/dev/null || true
if [ -n "$latency" ]; then
  serve --latency-ms "$latency"
  timed "reference served, ${latency} ms late" "$work/slow" mvn -o -q -B -N -f "$work/in-process/pom.xml" "$plugin" \
    -Dtsm-tck.device=tcp://127.0.0.1:$port -Dtsm-tck.trustAnchor="$anchor" -Dtsm-tck.functions=$served_functions \
    -Dtsm-tck.reportDirectory="$work/slow" -Dtsm-tck.allure=false
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
fi
echo "(reports and logs in $work)"
