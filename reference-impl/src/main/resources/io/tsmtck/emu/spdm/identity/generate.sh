#!/bin/sh
# Regenerates the reference device's test identities: for each curve a root CA, an intermediate CA
# and a responder (leaf) certificate, and the leaf's private key as unencrypted PKCS#8 DER. These are
# test values generated for the emulator, never real secrets. Needs openssl 3.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for curve in P-256 P-384; do
  name=$(echo "$curve" | tr -d - | tr P p)
  md=sha256; [ "$curve" = P-384 ] && md=sha384
  openssl ecparam -name "$( [ "$curve" = P-256 ] && echo prime256v1 || echo secp384r1)" -genkey -noout -out "$tmp/root.key"
  openssl ecparam -name "$( [ "$curve" = P-256 ] && echo prime256v1 || echo secp384r1)" -genkey -noout -out "$tmp/inter.key"
  openssl ecparam -name "$( [ "$curve" = P-256 ] && echo prime256v1 || echo secp384r1)" -genkey -noout -out "$tmp/leaf.key"
  printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n' > "$tmp/ca.ext"
  printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > "$tmp/inter.ext"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > "$tmp/leaf.ext"
  openssl req -new -key "$tmp/root.key" -subj "/CN=TSM-TCK reference device $curve test root" -out "$tmp/root.csr"
  openssl x509 -req -in "$tmp/root.csr" -signkey "$tmp/root.key" -set_serial 1 -days 36500 -$md \
    -extfile "$tmp/ca.ext" -out "$tmp/root.pem" 2>/dev/null
  openssl req -new -key "$tmp/inter.key" -subj "/CN=TSM-TCK reference device $curve test intermediate" -out "$tmp/inter.csr"
  openssl x509 -req -in "$tmp/inter.csr" -CA "$tmp/root.pem" -CAkey "$tmp/root.key" -set_serial 2 -days 36500 -$md \
    -extfile "$tmp/inter.ext" -out "$tmp/inter.pem" 2>/dev/null
  openssl req -new -key "$tmp/leaf.key" -subj "/CN=TSM-TCK reference device $curve test responder" -out "$tmp/leaf.csr"
  openssl x509 -req -in "$tmp/leaf.csr" -CA "$tmp/inter.pem" -CAkey "$tmp/inter.key" -set_serial 3 -days 36500 -$md \
    -extfile "$tmp/leaf.ext" -out "$tmp/leaf.pem" 2>/dev/null
  openssl x509 -in "$tmp/root.pem" -outform der -out "$name-root.der"
  openssl x509 -in "$tmp/inter.pem" -outform der -out "$name-intermediate.der"
  openssl x509 -in "$tmp/leaf.pem" -outform der -out "$name-responder.der"
  openssl pkcs8 -topk8 -nocrypt -in "$tmp/leaf.key" -outform der -out "$name-responder.key.der"
done
