#!/usr/bin/env bash
# Makes the dev overlay's example secrets in this folder, once: the token issuer's key pair and a JWKS with its public
# half and order-service's, order-service's service-token key, the vault and audit HMAC keys (32 random bytes each)
# and a self-signed certificate for the API host. Nothing here is committed (.gitignore): every checkout makes its own,
# so no key is shared by anyone who cloned the repository. Existing files are kept, so the overlay renders the same
# Secrets again. Run it before `kubectl kustomize` / `kubectl apply -k` of overlays/dev (the CI checks run it).
#
# Usage: deploy/kubernetes/overlays/dev/example-secrets/generate.sh     Needs: openssl.
set -euo pipefail
cd "$(dirname "$0")"
umask 077

rsa() { [ -f "$1" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }
rsa issuer-private.pem
rsa order-service-private.pem
openssl pkey -in issuer-private.pem -pubout -out issuer.pem
[ -f vault.key ] || head -c 32 /dev/urandom | base64 > vault.key
[ -f hmac.key ] || head -c 32 /dev/urandom | base64 > hmac.key
if [ ! -f api-tls.key ] || [ ! -f api-tls.crt ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout api-tls.key -out api-tls.crt \
    -days 825 -subj "/CN=api.certdesk.dev.example" -addext "subjectAltName=DNS:api.certdesk.dev.example" 2>/dev/null
fi

# a JWK of an RSA public key: the modulus and exponent in unpadded base64url
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwk() { # pem kid
  local modulus
  modulus=$(openssl rsa -in "$1" -noout -modulus 2>/dev/null | sed 's/^Modulus=//')
  printf '{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"AQAB"}' "$2" \
    "$(printf '%s' "$modulus" | sed 's/../\\x&/g' | xargs -0 printf '%b' | b64url)"
}
printf '{"keys":[%s,%s]}\n' "$(jwk issuer-private.pem certdesk-dev)" "$(jwk order-service-private.pem order-service)" \
  > jwks.json
chmod 644 issuer.pem jwks.json api-tls.crt
echo "dev example secrets in $(pwd)"
