#!/bin/sh
# Runs DMTF's SPDM-Responder-Validator (spdm_device_validator_sample, built by build.sh) against the reference SPDM responder served by io.tsmtck.emu.ServeDevice with
# libspdm's sample identity, or against spdm-emu's own responder, and prints pass, fail and
# not-run counts per group. Opt-in: needs a build from tools/spdm-emu/build.sh and
# `mvn -B install -DskipTests -Dinvoker.skip`.
#
#   tools/spdm-emu/validator.sh <spdm-emu build/bin dir> [reference|spdm-emu] [port]
#
# Exit status 0 when no assertion failed and every group ran at least one assertion it did not
# skip; 1 otherwise. The whole log is left in <bin>/test.log (the validator's name for it).
set -u
bin=$(cd "$1" && pwd)
target=${2:-reference}
port=${3:-2460}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cp="$repo/reference-impl/target/classes:$repo/tck-api/target/classes"
log=/tmp/validator-responder.log
case "$target" in
  reference)
    java -cp "$cp" io.tsmtck.emu.ServeDevice --port "$port" --connections 1000 \
      --identity "$bin/ecp384/bundle_responder.certchain.der" "$bin/ecp384/end_responder.key" P384 >"$log" 2>&1 &
    server=$!
    ready="SPDM responder on" ;;
  spdm-emu)
    (cd "$bin" && exec ./spdm_responder_emu --trans PCI_DOE --port "$port" --mut_auth NO --basic_mut_auth NO) \
      >"$log" 2>&1 &
    server=$!
    ready="" ;;
  *) echo "unknown target $target: reference or spdm-emu" >&2; exit 2 ;;
esac
i=0
while [ $i -lt 50 ]; do
  if [ -n "$ready" ]; then grep -q "$ready" "$log" 2>/dev/null && break; else sleep 1; break; fi
  sleep 0.2; i=$((i + 1))
done
rm -f "$bin/test.log"
(cd "$bin" && timeout 900 ./spdm_device_validator_sample --trans PCI_DOE --port "$port" >/tmp/validator-run.log 2>&1)
status=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
if [ ! -s "$bin/test.log" ]; then
  echo "the validator wrote no test.log (exit $status); see /tmp/validator-run.log and $log" >&2
  exit 1
fi
python3 "$(dirname "$0")/validator-table.py" "$bin/test.log"
