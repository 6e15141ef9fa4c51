#!/usr/bin/env bash
# Takes one DV order from nothing to INSTALLED on the running local stack (deploy/local/run.sh), using only the
# business commands a person makes: customer, product, server, quote, acceptance, order, contract, invoice, the
# bank statement that shows the customer's transfer, start of the application. Everything technical happens by itself: order-service places the domain, gets the key
# and CSR from keystore-service, applies to the LOCAL CA, follows the issuance, links the certificate; the deploy
# agent (deploy/agent/certdesk-agent) installs it on a real nginx on 127.0.0.2; binding-service's probe sees it
# served and the order becomes INSTALLED. Ends by printing the certificate as `openssl s_client` sees it.
#
# Needs: the local stack running, curl, jq, iconv, openssl and nginx (Debian: apt-get install curl jq openssl nginx).
# Usage: deploy/local/demo-dv.sh [--keep-nginx]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
demo_name=demo-dv
level=DV
fee=5500
statement_format=csv
# shellcheck source=demo-common.sh
source "$root/deploy/local/demo-common.sh"

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
  echo "$demo_name: nginx serves $actual, the order's certificate is $expected" >&2
  exit 1
fi

notices
if $keep; then
  echo "nginx keeps running ($nginx_cmd -s quit stops it)."
fi
