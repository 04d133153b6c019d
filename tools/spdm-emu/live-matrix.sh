#!/bin/sh
# Runs the kit's live session test (tck-tests LiveResponderTest) against DMTF spdm_responder_emu for
# a matrix of SPDM versions and algorithm suites, one responder per row, and prints a table.
# Opt-in; needs a build from tools/spdm-emu/build.sh and the kit installed (mvn -o install -DskipTests).
#
#   tools/spdm-emu/live-matrix.sh <spdm-emu build/bin dir> [port]
set -u
bin=$(cd "$1" && pwd)
port=${2:-2323}
repo=$(cd "$(dirname "$0")/../.." && pwd)
printf '%-4s %-11s %-8s %-12s %-18s %s\n' ver asym hash dhe aead result
for ver in 1.1 1.2 1.3; do
  for row in "ECDSA_P256 SHA_256 SECP_256_R1 AES_128_GCM ecp256" \
             "ECDSA_P384 SHA_384 SECP_384_R1 AES_256_GCM ecp384" \
             "ECDSA_P256 SHA_384 SECP_384_R1 CHACHA20_POLY1305 ecp256" \
             "ECDSA_P384 SHA_512 SECP_256_R1 AES_128_GCM ecp384"; do
    set -- $row
    (cd "$bin" && exec ./spdm_responder_emu --trans PCI_DOE --ver "$ver" --asym "$1" --hash "$2" --dhe "$3" \
      --aead "$4" --port "$port" >/tmp/spdm-emu-live-responder.log 2>&1) &
    responder=$!
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      ss -ltn 2>/dev/null | grep -q ":$port " && break
      sleep 0.2
    done
    if TSM_TCK_SPDM_RESPONDER=127.0.0.1:$port TSM_TCK_SPDM_TRUST_ANCHOR="$bin/$5/ca.cert.der" \
       mvn -o -q -f "$repo/tck-tests/pom.xml" test -Dtest=LiveResponderTest -Dsurefire.failIfNoSpecifiedTests=false \
       >/tmp/spdm-emu-live-kit.log 2>&1; then
      result=PASSED
    else
      result="FAILED: $(grep -m1 -o 'session failure: [^]]*\|Expecting[^]]*\|\[[A-Z_ ]*\]' /tmp/spdm-emu-live-kit.log | head -1)"
    fi
    printf '%-4s %-11s %-8s %-12s %-18s %s\n' "$ver" "$1" "$2" "$3" "$4" "$result"
    kill "$responder" 2>/dev/null
    wait "$responder" 2>/dev/null
  done
done
