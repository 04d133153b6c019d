#!/bin/sh
# Runs DMTF spdm_requester_emu against the reference SPDM responder served over the SPDM socket
# protocol (io.tsmtck.emu.ServeDevice) for a matrix of SPDM versions and algorithm suites, and
# prints a table. The responder serves libspdm's sample identity so that spdm-emu's requester trusts
# it. A row passes when the requester exits 0, a session was established and ended, and the requester
# logged no libspdm error status (" - 8xxxxxxx", e.g. "libspdm_heartbeat - 80010003"). Opt-in; needs a
# build from tools/spdm-emu/build.sh and `mvn -B install -DskipTests -Dinvoker.skip`. Half the rows
# (column "clear") also ask for HANDSHAKE_IN_CLEAR, which the reference offers: FINISH and FINISH_RSP
# then go unsecured, FINISH_RSP with ResponderVerifyData.
#
#   tools/spdm-emu/serve-matrix.sh <spdm-emu build/bin dir> [port]
set -u
bin=$(cd "$1" && pwd)
port=${2:-2350}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cp="$repo/reference-impl/target/classes:$repo/tck-api/target/classes"
printf '%-4s %-11s %-8s %-12s %-18s %-6s %s\n' ver asym hash dhe aead clear result
for ver in 1.1 1.2 1.3; do
  for row in "ECDSA_P256 SHA_256 SECP_256_R1 AES_128_GCM ecp256 P256 no" \
             "ECDSA_P384 SHA_384 SECP_384_R1 AES_256_GCM ecp384 P384 yes" \
             "ECDSA_P256 SHA_384 SECP_384_R1 CHACHA20_POLY1305 ecp256 P256 no" \
             "ECDSA_P384 SHA_512 SECP_256_R1 AES_128_GCM ecp384 P384 yes"; do
    set -- $row
    port=$((port + 1))
    caps=CERT,CHAL,ENCRYPT,MAC,KEY_EX,HBEAT,KEY_UPD
    [ "$7" = yes ] && caps="$caps,HANDSHAKE_IN_CLEAR"
    java -cp "$cp" io.tsmtck.emu.ServeDevice --port "$port" \
      --identity "$bin/$5/bundle_responder.certchain.der" "$bin/$5/end_responder.key" "$6" \
      >/tmp/serve-matrix-responder.log 2>&1 &
    server=$!
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
      grep -q "SPDM responder on" /tmp/serve-matrix-responder.log 2>/dev/null && break
      sleep 0.2
    done
    if (cd "$bin" && timeout 60 ./spdm_requester_emu --trans PCI_DOE --ver "$ver" --asym "$1" --hash "$2" \
         --dhe "$3" --aead "$4" --cap "$caps" --exe_conn DIGEST,CERT,CHAL,MEAS \
         --exe_session KEY_EX,HEARTBEAT,KEY_UPDATE,MEAS --meas_sum ALL --port "$port" >/tmp/serve-matrix-requester.log 2>&1) \
       && grep -q "established" /tmp/serve-matrix-responder.log && grep -q " ended" /tmp/serve-matrix-responder.log \
       && ! grep -Eq -- ' - 8[0-9a-fA-F]{7}' /tmp/serve-matrix-requester.log; then
      result=PASSED
    else
      result="FAILED (see /tmp/serve-matrix-*.log)"
    fi
    printf '%-4s %-11s %-8s %-12s %-18s %-6s %s\n' "$ver" "$1" "$2" "$3" "$4" "$7" "$result"
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
  done
done
