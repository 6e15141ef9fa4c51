# Sourced by demo-dv.sh and demo-ov.sh: the part of an order both levels share, driven through the running local
# stack (deploy/local/run.sh) with the business commands a person makes: a customer with a kana name of its own, a
# $level product signed by the LOCAL CA, the customer's server on a loopback address, the quote (binding-service
# previews the placement), its acceptance, the order, contract, invoice (its PDF saved under .data/demo/), the bank
# statement showing the customer's transfer (imported, it settles the invoice) and the start of the application.
# The caller sets root, demo_name, level (DV/OV), fee (the CA's fee, yen) and statement_format (csv, or zengin for the
# 全銀協 fixed-length 振込入金通知 file banks deliver by file transfer) before sourcing.
order_url=http://localhost:8080
keystore_url=http://localhost:8081
binding_url=http://localhost:8082
https_port=8443
keep=false
[[ "${1:-}" == "--keep-nginx" ]] && keep=true

for tool in curl jq iconv openssl nginx java; do
  command -v "$tool" >/dev/null || { echo "$demo_name: $tool is not installed (apt-get install $tool)" >&2; exit 2; }
done
for url in $order_url $keystore_url $binding_url; do
  curl -fsS -o /dev/null "$url/q/health/ready" \
    || { echo "$demo_name: $url is not ready; start the stack first: deploy/local/run.sh" >&2; exit 2; }
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
    echo "$demo_name: $method $url answered $status: $(jq -r '.detail // .' "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

suffix="$(date +%s)"
domain="www.demo-$suffix.example"

step "A customer, a $level product signed by the LOCAL CA, and the customer's server on a loopback address"
# a kana name of its own per run (digits as アイウエオカキクケコ), so that the bank statement below names one customer
kana_digits=$(echo "${suffix: -6}" | sed 'y/0123456789/アイウエオカキクケコ/')
half_digits=$(echo "${suffix: -6}" | sed 'y/0123456789/ｱｲｳｴｵｶｷｸｹｺ/')
customer=$(call POST "$order_url/customers" "$(jq -n --arg mail "demo-$suffix@example.co.jp" --arg kana "カブシキガイシャデモ$kana_digits" '{
  organisationName: "株式会社デモ", organisationKana: $kana, postalCode: "100-0001",
  address: "東京都千代田区千代田1-1", representativeName: "代表 太郎", representativeTitle: "代表取締役",
  listed: false, noticeEmail: $mail, callHoursFrom: "10:00", callHoursTo: "17:00",
  contacts: [{name: "代表 太郎", phone: "03-1234-5678", email: "rep@example.co.jp", authorisedForCaCall: true,
              representative: true}],
  certificateSubject: {organization: "Demo Co., Ltd.", locality: "Chiyoda-ku", state: "Tokyo", country: "JP"}}')" | jq -r .id)
product="DEMO-$level-$suffix"
call POST "$order_url/products" "$(jq -n --arg code "$product" --arg level "$level" --argjson fee "$fee" '{code: $code,
  name: ("デモ " + $level + " 証明書（1年）"), caBrand: "certdesk LOCAL", validationLevel: $level, validityMonths: 12,
  applicationFeeJpy: $fee, issuer: "LOCAL"}')" >/dev/null
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
[[ -n "${server:-}" ]] || { echo "$demo_name: binding-service refused the server: $(head -n -1 <<<"$answer")" >&2; exit 1; }
echo "customer $customer, product $product, server $server ($domain on $ip)"

step "Quote (binding-service previews the placement), accepted, ordered"
quote=$(call POST "$order_url/quotes" "$(jq -n --arg c "$customer" --arg p "$product" --arg d "$domain" --arg s "$server" \
  '{customerId: $c, productCode: $p, type: "NEW", domain: $d, serverId: $s}')")
echo "$quote" | jq '{id, totalJpy, containedTaxJpy, httpsUrl, bindingWarnings}'
quote_id=$(echo "$quote" | jq -r .id)
call POST "$order_url/quotes/$quote_id/accept" >/dev/null
order=$(call POST "$order_url/orders" "$(jq -n --arg q "$quote_id" '{quoteId: $q}')" | jq -r .id)
echo "order $order"

step "Contract and invoice (the 適格請求書 PDF is mailed to the customer)"
call POST "$order_url/orders/$order/contract" >/dev/null
call POST "$order_url/orders/$order/invoice" >/dev/null
invoice=$(call GET "$order_url/orders/$order/invoice")
invoice_id=$(echo "$invoice" | jq -r .id)
echo "$invoice" | jq '{number, recipientName, totalJpy, containedTaxJpy, dueDate, status}'
mkdir -p "$root/.data/demo"
pdf="$root/.data/demo/$(echo "$invoice" | jq -r .number).pdf"
curl -fsS -H "Authorization: Bearer $staff_token" -o "$pdf" "$order_url/invoices/$invoice_id/document"
echo "invoice PDF: $pdf"

amount=$(echo "$invoice" | jq .balanceJpy)
today_tokyo=$(TZ=Asia/Tokyo date +%Y/%m/%d)
if [[ "${statement_format:-csv}" == zengin ]]; then
  step "The customer transfers the amount; the bank's 全銀協 振込入金通知 file is imported and settles the invoice"
  # fixed-length fields, padded by their Shift_JIS bytes (a half-width kana is one byte there, three in UTF-8)
  field() { local bytes; bytes=$(printf '%s' "$1" | iconv -f UTF-8 -t SHIFT_JIS | wc -c); printf '%s%*s' "$1" $(( $2 - bytes )) ''; }
  reiwa=$(printf '%02d%s' $(( $(TZ=Asia/Tokyo date +%Y) - 2018 )) "$(TZ=Asia/Tokyo date +%m%d)")
  statement="$root/.data/demo/statement-$suffix.dat"
  {
    printf '1010%s%s%s0001' "$reiwa" "$reiwa" "$reiwa"; field "ﾐｽﾞﾎ" 15; printf '001'; field "ﾎﾝﾃﾝ" 15
    printf '11234567'; field "ｻｰﾄﾃﾞｽｸ(ｶ" 40; field "" 93
    printf '2%06d%s%s%010d%010d%010d' $(( suffix % 1000000 )) "$reiwa" "$reiwa" "$amount" 0 0
    field "ｶ)ﾃﾞﾓ$half_digits" 48; field "ﾐﾂﾋﾞｼ" 15; field "ﾏﾙﾉｳﾁ" 15; printf ' '; field "" 20; field "" 52
    printf '8%06d%012d%06d%012d' 1 "$amount" 0 0; field "" 163
    printf '9'; field "" 199
  } | iconv -f UTF-8 -t SHIFT_JIS > "$statement"
  content_type=application/octet-stream
else
  step "The customer transfers the amount; accounting imports the bank's statement (Shift_JIS CSV) and it settles the invoice"
  statement="$root/.data/demo/statement-$suffix.csv"
  printf '取引日,摘要,お支払金額,お預り金額,差引残高,照会番号\r\n%s,ｶ)ﾃﾞﾓ%s,,%s,,D%s\r\n' "$today_tokyo" "$half_digits" \
    "$amount" "$suffix" | iconv -f UTF-8 -t SHIFT_JIS > "$statement"
  content_type=text/csv
fi
imported=$(curl -sS -X POST -H "Authorization: Bearer $staff_token" -H "Content-Type: $content_type" \
  --data-binary "@$statement" "$order_url/bank-statements?fileName=$(basename "$statement")")
echo "$imported" | jq '{credits, matched, review, duplicates}'
if [[ "$(echo "$imported" | jq .matched)" != 1 ]]; then
  echo "$demo_name: the statement did not settle the invoice: $(echo "$imported" | jq -c .)" >&2
  exit 1
fi
call GET "$order_url/invoices/$invoice_id" | jq '{number, status, paidJpy, balanceJpy}'
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
      echo "$demo_name: step $(echo "$view" | jq -r .currentStep.kind) parked: $(echo "$view" | jq -r .currentStep.lastError)" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$demo_name: gave up waiting for $what" >&2
  exit 1
}


# notices: what the customer was sent, kind and subject, oldest first
notices() {
  step "What the customer was sent (mock mailbox: the bodies are in .data/logs/order-service.log)"
  sleep 3
  call GET "$order_url/orders/$order/notices?size=50" | jq -r '.items[] | "\(.kind)\t\(.subject)"'
}
