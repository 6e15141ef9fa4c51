#!/usr/bin/env bash
# Takes one DV order from nothing to INSTALLED on the running local stack (deploy/local/run.sh), using only the
# business commands a person makes: customer, product, server, quote, acceptance, order, contract, invoice, payment,
# start of the application. Everything technical happens by itself: order-service places the domain, gets the key
# and CSR from keystore-service, applies to the LOCAL CA, follows the issuance, links the certificate; the deploy
# agent (deploy/agent/certdesk-agent) installs it on a real nginx on 127.0.0.2; binding-service's probe sees it
# served and the order becomes INSTALLED. Ends by printing the certificate as `openssl s_client` sees it.
#
# Needs: the local stack running, curl, jq, openssl and nginx (Debian: apt-get install curl jq openssl nginx).
# Usage: deploy/local/demo-dv.sh [--keep-nginx]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
order_url=http://localhost:8080
keystore_url=http://localhost:8081
binding_url=http://localhost:8082
https_port=8443
keep=false
[[ "${1:-}" == "--keep-nginx" ]] && keep=true

for tool in curl jq openssl nginx java; do
  command -v "$tool" >/dev/null || { echo "demo-dv: $tool is not installed (apt-get install $tool)" >&2; exit 2; }
done
for url in $order_url $keystore_url $binding_url; do
  curl -fsS -o /dev/null "$url/q/health/ready" \
    || { echo "demo-dv: $url is not ready; start the stack first: deploy/local/run.sh" >&2; exit 2; }
done

step() { printf '\n== %s\n' "$*"; }
staff_token="$("$root/deploy/local/token.sh" staff)"
# call METHOD URL [JSON]: prints the answer; a problem+json answer stops the demo with its detail
call() {
  local method=$1 url=$2 body=${3:-} out status
  out="$(mktemp)"
  # every changing request carries its own Idempotency-Key (payments require one)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $staff_token" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')" \
    ${body:+--data "$body"} "$url")
  if [[ "$status" -ge 400 ]]; then
    echo "demo-dv: $method $url answered $status: $(jq -r '.detail // .' "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

suffix="$(date +%s)"
domain="www.demo-$suffix.example"

step "A customer, a DV product signed by the LOCAL CA, and the customer's server on a loopback address"
customer=$(call POST "$order_url/customers" "$(jq -n --arg mail "demo-$suffix@example.co.jp" '{
  organisationName: "株式会社デモ", organisationKana: "カブシキガイシャデモ", postalCode: "100-0001",
  address: "東京都千代田区千代田1-1", representativeName: "代表 太郎", representativeTitle: "代表取締役",
  listed: false, noticeEmail: $mail, callHoursFrom: "10:00", callHoursTo: "17:00",
  contacts: [{name: "代表 太郎", phone: "03-1234-5678", email: "rep@example.co.jp", authorisedForCaCall: true,
              representative: true}]}')" | jq -r .id)
product="DEMO-DV-$suffix"
call POST "$order_url/products" "$(jq -n --arg code "$product" '{code: $code, name: "Demo DV 1 year",
  caBrand: "certdesk LOCAL", validationLevel: "DV", validityMonths: 12, applicationFeeJpy: 5500, issuer: "LOCAL"}')" >/dev/null
# 127.0.0.2 the first time; a later run takes another loopback address (a primary IP belongs to one server)
for candidate in 127.0.0.2 "127.0.$(( (suffix / 250) % 250 + 1 )).$(( suffix % 250 + 2 ))"; do
  answer="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $staff_token" -H 'Content-Type: application/json' \
    --data "$(jq -n --arg c "$customer" --arg d "$domain" --arg ip "$candidate" --arg h "ds-$suffix.hosting.example.jp" '{
      hostname: $h, customerId: $c, masterDomain: $d, primaryIp: $ip, plan: {code: "DEDICATED", additionalIpLimit: 0}}')" \
    "$binding_url/servers")"
  if [[ "$(tail -n1 <<<"$answer")" == 201 ]]; then
    ip=$candidate
    server=$(head -n -1 <<<"$answer" | jq -r .id)
    break
  fi
done
[[ -n "${server:-}" ]] || { echo "demo-dv: binding-service refused the server: $(head -n -1 <<<"$answer")" >&2; exit 1; }
echo "customer $customer, product $product, server $server ($domain on $ip)"

step "Quote (binding-service previews the placement), accepted, ordered"
quote=$(call POST "$order_url/quotes" "$(jq -n --arg c "$customer" --arg p "$product" --arg d "$domain" --arg s "$server" \
  '{customerId: $c, productCode: $p, type: "NEW", domain: $d, serverId: $s}')")
echo "$quote" | jq '{id, totalJpy, containedTaxJpy, httpsUrl, bindingWarnings}'
quote_id=$(echo "$quote" | jq -r .id)
call POST "$order_url/quotes/$quote_id/accept" >/dev/null
order=$(call POST "$order_url/orders" "$(jq -n --arg q "$quote_id" '{quoteId: $q}')" | jq -r .id)
echo "order $order"

step "Contract, invoice, payment in full, start of the application"
call POST "$order_url/orders/$order/contract" >/dev/null
call POST "$order_url/orders/$order/invoice" >/dev/null
invoice=$(call GET "$order_url/orders/$order/invoice")
call POST "$order_url/payments" "$(jq -n --arg i "$(echo "$invoice" | jq -r .id)" --argjson a "$(echo "$invoice" | jq .balanceJpy)" \
  --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '{invoiceId: $i, amountJpy: $a, method: "BANK_TRANSFER", reference: "振込 カ)デモ", paidAt: $at}')" >/dev/null
call POST "$order_url/orders/$order/start-application" >/dev/null

wait_for() { # jq-condition description
  local condition=$1 what=$2 view
  for _ in $(seq 1 120); do
    view=$(call GET "$order_url/orders/$order")
    if echo "$view" | jq -e "$condition" >/dev/null; then
      echo "$view"
      return 0
    fi
    if echo "$view" | jq -e '.currentStep.status == "PARKED"' >/dev/null; then
      echo "demo-dv: step $(echo "$view" | jq -r .currentStep.kind) parked: $(echo "$view" | jq -r .currentStep.lastError)" >&2
      exit 1
    fi
    sleep 1
  done
  echo "demo-dv: gave up waiting for $what" >&2
  exit 1
}

step "order-service works by itself: placement, key and CSR, application, certificate, link"
issued=$(wait_for '.state == "ISSUED" and .currentStep.kind == "CONFIRM_DEPLOYMENT"' "the certificate")
echo "$issued" | jq '{state, keyId, csrFingerprint, certificate, placement: {httpsUrl: .placement.httpsUrl,
  deploymentStatus: .placement.deploymentStatus}}'

step "The deploy agent installs the certificate on nginx ($ip:$https_port) and reloads it"
demo="$root/.data/demo/nginx-$suffix"
mkdir -p "$demo/logs"
: > "$demo/certdesk.conf"
cat > "$demo/nginx.conf" <<EOF
pid $demo/nginx.pid;
error_log $demo/logs/error.log info;
worker_processes 1;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $demo/client_body;
    proxy_temp_path $demo/proxy;
    fastcgi_temp_path $demo/fastcgi;
    uwsgi_temp_path $demo/uwsgi;
    scgi_temp_path $demo/scgi;
    include $demo/certdesk.conf;
}
EOF
nginx_cmd="nginx -p $demo/ -e $demo/logs/error.log -c $demo/nginx.conf"
$nginx_cmd
stop_nginx() { $nginx_cmd -s quit 2>/dev/null || true; }
$keep || trap stop_nginx EXIT
"$root/deploy/local/token.sh" deployer "$server" > "$demo/token"
chmod 600 "$demo/token"
CERTDESK_AGENT_ENV=/dev/null CERTDESK_BINDING_URL=$binding_url CERTDESK_KEYSTORE_URL=$keystore_url \
CERTDESK_SERVER_ID=$server CERTDESK_TOKEN_FILE="$demo/token" CERTDESK_WEB_SERVER=nginx \
CERTDESK_TLS_ROOT="$root/.data/tls" CERTDESK_CONFIG_FILE="$demo/certdesk.conf" \
CERTDESK_TEST_CMD="$nginx_cmd -q -t" CERTDESK_RELOAD_CMD="$nginx_cmd -s reload" CERTDESK_STATE_DIR="$demo/agent" \
  "$root/deploy/agent/certdesk-agent"

step "binding-service's probe sees the certificate served: INSTALLED"
installed=$(wait_for '.state == "INSTALLED"' "the installation")
echo "$installed" | jq '{state, placement: {httpsUrl: .placement.httpsUrl, deploymentStatus: .placement.deploymentStatus,
  deploymentCheckedAt: .placement.deploymentCheckedAt}}'

step "What openssl s_client sees at $ip:$https_port with SNI $domain"
served=$(openssl s_client -connect "$ip:$https_port" -servername "$domain" </dev/null 2>/dev/null)
echo "$served" | openssl x509 -noout -subject -issuer -dates -ext subjectAltName -fingerprint -sha256
expected=$(echo "$installed" | jq -r .certificate.sha256Fingerprint | tr a-f A-F)
actual=$(echo "$served" | openssl x509 -noout -fingerprint -sha256 | cut -d= -f2)
if [[ "$expected" == "$actual" ]]; then
  echo "The served certificate is order $order's certificate ($expected)."
else
  echo "demo-dv: nginx serves $actual, the order's certificate is $expected" >&2
  exit 1
fi
if $keep; then
  echo "nginx keeps running ($nginx_cmd -s quit stops it)."
fi
