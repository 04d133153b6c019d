#!/bin/sh
# Builds DMTF spdm-emu (spdm_responder_emu, spdm_requester_emu) and DMTF SPDM-Responder-Validator
# (spdm_device_validator_sample) at the commits the recorded vectors
# of tck-api were made with, from local git mirrors or from GitHub. Opt-in tooling: the kit's build
# never needs it.
#
#   tools/spdm-emu/build.sh <work-dir> [<mirror-root>]
#
# <mirror-root>, if given, holds bare or non-bare clones named DMTF+spdm-emu, DMTF+libspdm,
# Mbed-TLS+mbedtls, Mbed-TLS+mbedtls-framework, DMTF+SPDM-Responder-Validator (each a directory with a `repo` git dir inside, as the
# workplace's fetch tool leaves them); without it the repositories are cloned from github.com.
# Needs git, cmake and gcc. The binaries end up in <work-dir>/spdm-emu/build/bin.
set -eu
work=$1
mirrors=${2:-}
SPDM_EMU=85436d53a3b6d181e8c2dce930d22a7a3ed8796c
LIBSPDM=1e16c60f6d307dc20ab7e27b6810bfd6070ce022
MBEDTLS=e185d7fd85499c8ce5ca2a54f5cf8fe7dbe3f8df
FRAMEWORK=457996474728cb8e968ed21953b72f74d2f536b2
VALIDATOR=cf49a9131ed4079a5ad81ad6bda3bfe00abaa8ee

source_of() { # owner+name
  if [ -n "$mirrors" ]; then echo "$mirrors/$1/repo"; else echo "https://github.com/$(echo "$1" | tr + /)"; fi
}
checkout() { # source dir commit [pathspec...]
  src=$1; dir=$2; commit=$3; shift 3
  rm -rf "$dir"
  git clone -q --no-checkout "$src" "$dir"
  git -C "$dir" -c advice.detachedHead=false checkout -q "$commit" -- "${@:-.}"
}

mkdir -p "$work"
cd "$work"
checkout "$(source_of DMTF+spdm-emu)" spdm-emu "$SPDM_EMU"
rmdir spdm-emu/libspdm 2>/dev/null || true
checkout "$(source_of DMTF+libspdm)" spdm-emu/libspdm "$LIBSPDM"
rmdir spdm-emu/libspdm/os_stub/mbedtlslib/mbedtls 2>/dev/null || true
# mbedtls tests/ is left out: it is not needed to build, and one large data file of it is missing from
# some mirrors.
checkout "$(source_of Mbed-TLS+mbedtls)" spdm-emu/libspdm/os_stub/mbedtlslib/mbedtls "$MBEDTLS" . ':!tests'
mkdir -p spdm-emu/libspdm/os_stub/mbedtlslib/mbedtls/tests
rmdir spdm-emu/libspdm/os_stub/mbedtlslib/mbedtls/framework 2>/dev/null || true
checkout "$(source_of Mbed-TLS+mbedtls-framework)" spdm-emu/libspdm/os_stub/mbedtlslib/mbedtls/framework "$FRAMEWORK"
rmdir spdm-emu/SPDM-Responder-Validator 2>/dev/null || true
checkout "$(source_of DMTF+SPDM-Responder-Validator)" spdm-emu/SPDM-Responder-Validator "$VALIDATOR"
mkdir -p spdm-emu/build
cd spdm-emu/build
cmake -DARCH=x64 -DTOOLCHAIN=GCC -DTARGET=Release -DCRYPTO=mbedtls .. >cmake.log
make -j2 spdm_responder_emu spdm_requester_emu spdm_device_validator_sample copy_sample_key >make.log 2>&1 || { tail -40 make.log; exit 1; }
ls -l bin/spdm_responder_emu bin/spdm_requester_emu
