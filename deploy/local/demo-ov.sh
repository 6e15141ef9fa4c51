#!/usr/bin/env bash
# Takes one OV order through the paperwork on the running local stack (deploy/local/run.sh), as the order desk and
# the customer do it: the shared part of demo-common.sh (customer, product, server, quote, order, contract, invoice,
# the bank's 全銀協 transfer notice file that settles it, start of the application), then, once the application is
# submitted, the papers the CA needs are requested and uploaded, one is rejected with a reason and sent again, all are
# accepted, and the CA's call is proposed inside the customer's hours on a business day and confirmed by the customer.
# Ends by listing every notice the customer was sent. The call's outcome can only be recorded once its time has come
# (POST /orders/{orderId}/phone-verified); after that the certificate is issued and installed as demo-dv.sh shows.
#
# Needs: the local stack running and the tools demo-dv.sh needs (demo-common.sh checks them).
# Usage: deploy/local/demo-ov.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
demo_name=demo-ov
level=OV
fee=33000
statement_format=zengin
# shellcheck source=demo-common.sh
source "$root/deploy/local/demo-common.sh"

step "order-service makes the key and CSR and submits the application; an OV application waits for its papers"
wait_for '.state == "SUBMITTED"' "the application" | jq '{state, keyId, csrFingerprint}'
call POST "$order_url/orders/$order/request-documents" >/dev/null
call GET "$order_url/orders/$order/documents" | jq -r '.items[] | "\(.kind)\t\(.status)"'

step "The customer uploads the papers; the seal certificate is rejected once (too old) and sent again"
customer_token="$("$root/deploy/local/token.sh" customer "$customer")"
paper="$root/.data/demo/paper-$suffix.pdf"
printf '%%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%%%EOF\n' > "$paper"
upload() {
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $customer_token" -H 'Content-Type: application/pdf' \
    --data-binary "@$paper" "$order_url/orders/$order/documents/$1/file?fileName=$1.pdf"
}
for kind in APPLICATION_FORM SEAL_CERTIFICATE REGISTRY_TRANSCRIPT; do
  upload "$kind"
done
call POST "$order_url/orders/$order/documents/SEAL_CERTIFICATE/reject" \
  '{"reason": "発行から3か月を超えております。発行後3か月以内の原本をお送りください。"}' >/dev/null
upload SEAL_CERTIFICATE
for kind in APPLICATION_FORM SEAL_CERTIFICATE REGISTRY_TRANSCRIPT; do
  call POST "$order_url/orders/$order/documents/$kind/accept" >/dev/null
done
call POST "$order_url/orders/$order/accept-documents" | jq '{state}'

step "The CA's call: proposed at 14:00 on the next business day the calendar allows, confirmed by the customer"
contact=$(call GET "$order_url/customers/$customer" | jq -r '.contacts[0].id')
slot=""
for days in $(seq 1 10); do
  candidate="$(TZ=Asia/Tokyo date -d "+$days day" +%Y-%m-%d)T14:00:00+09:00"
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $staff_token" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-slot-$suffix-$days" \
    --data "$(jq -n --arg c "$contact" --arg s "$candidate" '{contactId: $c, slotStartsAt: $s}')" \
    "$order_url/orders/$order/phone-verification/slot")
  if [[ "$status" == 200 ]]; then
    slot=$candidate
    break
  fi # a weekend, a holiday or a closing day is refused (400): the next day is tried
done
[[ -n "$slot" ]] || { echo "demo-ov: no business day in the next 10 days took the call" >&2; exit 1; }
curl -fsS -X POST -H "Authorization: Bearer $customer_token" "$order_url/orders/$order/phone-verification/confirm" \
  | jq '{status, slotStartsAt}'

notices
echo "Once the call has taken place: POST $order_url/orders/$order/phone-verified {\"passed\": true, \"note\": \"…\"}"
