// The order desk's screens (staff, admin): work queues, the parts of an order page only the desk acts on (payment,
// parked steps, document review, the CA's call), quotes, customers, products and fees, servers and their bindings.
import {
  api, request, el, main, wire, showProblem, facts, table, field, select, dateTime, date, yen, today,
  tokyoInstant, tokyoLocal, STATES, ORDER_TYPES, STRATEGIES, DOCUMENT_KINDS, DOCUMENT_STATUSES, CALL_STATUSES,
  PAYMENT_METHODS, STEP_KINDS, STEP_STATUSES,
} from "./lib.js";

/** A local time of the API (10:00:00) as people write it (10:00). */
const hm = (time) => (time || "").slice(0, 5);
const orderLink = (orderId) => el("a", { href: `#/orders/${orderId}` }, `注文 ${orderId}`);

// --- work queues -------------------------------------------------------------------------------------------------

/** One page of everything waiting for a person, each queue with its count and its first rows. */
export async function queuesView() {
  const root = main();
  const problem = el("div");
  const queues = el("div", { id: "queues" });
  root.replaceChildren(el("h1", {}, "業務キュー"), problem, queues);
  // this month in Tokyo: its first and last day
  const [year, month] = today().split("-").map(Number);
  const monthStart = `${today().slice(0, 8)}01`;
  const monthEnd = `${today().slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
  const get = (path) => api("GET", path).catch((error) => ({ error }));
  const [counts, parked, due, documents, calls, expiring, overdue] = await Promise.all([
    Promise.all(Object.keys(STATES).map((s) => get(`/orders?state=${s}&size=1`).then((r) => [s, r.total]))),
    get("/orders?stepStatus=PARKED&size=50&sort=-updatedAt"),
    get("/orders?state=PAID&size=50&sort=createdAt"),
    get("/orders?state=DOCUMENTS_PENDING&size=50&sort=-updatedAt"),
    get("/orders?state=PHONE_VERIFICATION&size=50&sort=-updatedAt"),
    get(`/renewals?status=ACTIVE&endDateFrom=${monthStart}&endDateTo=${monthEnd}&size=20&sort=endDate`),
    get(`/invoices?status=OPEN&dueDateTo=${today(-1)}&size=20&sort=dueDate`),
  ]);
  const section = (id, title, result, render) => {
    const body = result.error ? el("p", { class: "notice" }, "読み込めませんでした。")
      : render(result.items || []);
    return el("section", { class: "card queue", id }, el("h2", {}, title,
      result.total !== undefined ? el("span", { class: "count" }, `${result.total} 件`) : ""), body);
  };
  const orderRows = (items, extra) => items.map((o) => el("tr", { "data-order": o.id },
    el("td", {}, orderLink(o.id)), el("td", {}, o.domain), el("td", {}, o.customerId), ...extra(o)));
  queues.append(
    el("section", { class: "card queue", id: "queue-states" }, el("h2", {}, "状態別の注文"),
      el("ul", { class: "counts" }, counts.map(([s, n]) => el("li", {},
        el("a", { href: `#/orders?state=${s}` }, STATES[s]), el("span", { class: "count", "data-state": s }, n ?? "—"))))),
    section("queue-parked", "停止中の処理（要対応）", parked, (items) => table(null, ["注文", "ドメイン", "顧客", "処理", "エラー"],
      orderRows(items, (o) => [el("td", {}, STEP_KINDS[o.currentStep?.kind] || o.currentStep?.kind || "—"),
        el("td", { class: "error-text" }, o.currentStep?.lastError || "")]), "停止中の処理はありません。")),
    section("queue-applications", "申請待ち（入金済み・古い注文から）", due, (items) => table(null,
      ["注文", "ドメイン", "顧客", "申請開始可能日", ""], orderRows(items, (o) => [
        el("td", {}, date(o.earliestApplicationDate)),
        el("td", {}, !o.earliestApplicationDate || o.earliestApplicationDate <= today() ? el("strong", {}, "申請できます") : "開始日前")]),
      "申請待ちの注文はありません。")),
    section("queue-documents", "書類の確認", documents, (items) => table(null, ["注文", "ドメイン", "顧客", "更新日時"],
      orderRows(items, (o) => [el("td", {}, dateTime(o.updatedAt))]), "確認待ちの書類はありません。")),
    section("queue-calls", "認証局からの電話（日時の調整・結果の記録）", calls, (items) => table(null, ["注文", "ドメイン", "顧客", "更新日時"],
      orderRows(items, (o) => [el("td", {}, dateTime(o.updatedAt))]), "電話認証待ちの注文はありません。")),
    section("queue-expiring", "今月満了で更新の手続きがないもの", expiring, (items) => table(null,
      ["ドメイン", "顧客", "満了日", "残り日数", "注文"], items.map((r) => el("tr", {},
        el("td", {}, r.domain), el("td", {}, r.customerId), el("td", {}, date(r.endDate)), el("td", {}, `${r.daysLeft}日`),
        el("td", {}, orderLink(r.orderId)))), "今月満了する契約はすべて更新の手続き中です。")),
    section("queue-overdue", "支払期限を過ぎた請求書", overdue, (items) => table(null, ["請求書番号", "宛名", "金額", "未入金額", "支払期限", "注文"],
      items.map((i) => el("tr", {}, el("td", {}, el("a", { href: `#/invoices/${i.id}` }, i.number)), el("td", {}, i.recipientName),
        el("td", {}, yen(i.totalJpy)), el("td", {}, yen(i.balanceJpy)), el("td", {}, date(i.dueDate)),
        el("td", {}, orderLink(i.orderId)))), "期限を過ぎた請求書はありません。")));
}

// --- sections of the order page ----------------------------------------------------------------------------------

/** Recording a payment against the order's invoice (RECORD_PAYMENT), the balance proposed. */
export async function paymentSection(order, reload) {
  const problem = el("div");
  const invoice = await api("GET", `/orders/${order.id}/invoice`);
  const form = el("form", { class: "command", id: "payment" },
    facts([["請求書", el("a", { href: `#/invoices/${invoice.id}` }, invoice.number)], ["請求額", yen(invoice.totalJpy)],
      ["未入金額", yen(invoice.balanceJpy)], ["支払期限", date(invoice.dueDate)]]),
    field("入金額（円）", "amountJpy", { type: "number", min: 1, step: 1, value: invoice.balanceJpy, required: true }),
    select("入金方法", "method", PAYMENT_METHODS, { value: "BANK_TRANSFER" }),
    field("入金日時", "paidAt", { type: "datetime-local", value: tokyoLocal(new Date()), required: true }),
    field("振込名義・照会番号など（任意）", "reference", { maxlength: 200 }),
    field("差し引かれた振込手数料（円・任意）", "transferFeeJpy", { type: "number", min: 0, step: 1 }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "入金を記録する")));
  wire(form, problem, async (_form, _submitter, once) => {
    const body = { invoiceId: invoice.id, amountJpy: Number(form.amountJpy.value), method: form.method.value,
      paidAt: tokyoInstant(form.paidAt.value) };
    if (form.reference.value) body.reference = form.reference.value;
    if (form.transferFeeJpy.value) body.transferFeeJpy = Number(form.transferFeeJpy.value);
    await api("POST", "/payments", body, once);
    await reload();
  });
  return el("section", { class: "card" }, el("h2", {}, "入金の記録"), problem, form);
}

/** The orchestration's steps; a parked one shows its error and a retry button. */
export async function stepsSection(order, reload) {
  const steps = await api("GET", `/orders/${order.id}/steps?size=50`);
  const problem = el("div");
  const rows = steps.items.map((s) => el("tr", { "data-step": s.id, "data-status": s.status },
    el("td", {}, STEP_KINDS[s.kind] || s.kind), el("td", {}, STEP_STATUSES[s.status] || s.status),
    el("td", {}, String(s.attempts)), el("td", { class: "error-text" }, s.lastError || ""),
    el("td", {}, s.status === "PARKED" ? retryForm(order, s, problem, reload) : dateTime(s.finishedAt || s.createdAt))));
  return el("section", { class: "card" }, el("h2", {}, "自動処理"), problem,
    table("steps", ["処理", "状況", "試行", "エラー", ""], rows, "自動処理はまだ始まっていません。"));
}

function retryForm(order, step, problem, reload) {
  const form = el("form", { class: "inline", "data-retry": step.id },
    el("input", { name: "note", placeholder: "対応内容（任意）", maxlength: 2000, "aria-label": "対応内容" }),
    el("button", { type: "submit" }, "再実行する"));
  return wire(form, problem, async (_form, _submitter, once) => {
    await api("POST", `/orders/${order.id}/steps/${step.id}/retry`, form.note.value ? { note: form.note.value } : {}, once);
    await reload();
  });
}

/** The documents: a preview of each received file, accept, or reject with the reason the customer will read. */
export async function documentReview(order, reload) {
  const documents = await api("GET", `/orders/${order.id}/documents?size=20`);
  if (!documents.items.length) return null;
  const problem = el("div");
  const preview = el("div", { class: "preview", id: "document-preview" });
  const rows = documents.items.map((d) => {
    const actions = el("td", {});
    if (d.fileName) {
      actions.append(el("button", { type: "button", class: "secondary", onclick: () => showDocument(order, d, preview, problem) }, "表示"));
    }
    if (d.status === "RECEIVED") {
      actions.append(el("button", { type: "button", "data-accept": d.kind, onclick: async (e) => {
        e.target.disabled = true;
        try {
          await api("POST", `/orders/${order.id}/documents/${d.kind}/accept`);
          await reload();
        } catch (error) { showProblem(problem, error); e.target.disabled = false; }
      } }, "承認"));
      const reject = el("form", { class: "inline", "data-reject": d.kind },
        el("input", { name: "reason", placeholder: "差し戻しの理由（お客様に届きます）", maxlength: 500, "aria-label": "差し戻しの理由" }),
        el("button", { type: "submit", class: "secondary" }, "差し戻す"));
      actions.append(wire(reject, problem, async (_form, _submitter, once) => {
        await api("POST", `/orders/${order.id}/documents/${d.kind}/reject`, { reason: reject.reason.value }, once);
        await reload();
      }));
    }
    return el("tr", { "data-document": d.kind }, el("td", {}, DOCUMENT_KINDS[d.kind] || d.kind),
      el("td", { "data-status": d.status }, DOCUMENT_STATUSES[d.status] || d.status),
      el("td", {}, d.fileName ? `${d.fileName}（${Math.ceil(d.sizeBytes / 1024)} KB）` : "—"),
      el("td", {}, d.reason || ""), actions);
  });
  return el("section", { class: "card" }, el("h2", {}, "提出書類"), problem,
    table("documents", ["書類", "状況", "ファイル", "差し戻し理由", ""], rows), preview);
}

async function showDocument(order, d, preview, problem) {
  try {
    const { blob } = await request("GET", `/orders/${order.id}/documents/${d.kind}/file`, undefined, { raw: true });
    // shown only as what the upload was checked to be (PDF or image), never as a page of the console's origin
    const type = blob.type.split(";")[0].trim();
    if (!["application/pdf", "image/jpeg", "image/png"].includes(type)) {
      preview.replaceChildren(el("p", { class: "notice" }, `この形式（${type || "不明"}）は表示できません。`));
      return;
    }
    if (preview.dataset.url) URL.revokeObjectURL(preview.dataset.url);
    const url = URL.createObjectURL(blob);
    preview.dataset.url = url;
    const shown = blob.type.startsWith("image/") ? el("img", { src: url, alt: DOCUMENT_KINDS[d.kind] })
      : el("iframe", { src: url, title: DOCUMENT_KINDS[d.kind] });
    preview.replaceChildren(el("h3", {}, `${DOCUMENT_KINDS[d.kind]}: ${d.fileName}`), shown,
      el("p", {}, el("a", { href: url, download: d.fileName }, "ファイルを保存する")));
  } catch (error) {
    showProblem(problem, error);
  }
}

/** The CA's call: propose a slot inside the customer's preferred hours, then record how the call went. */
export async function callSection(order, reload) {
  const problem = el("div");
  let call = null;
  try {
    call = await api("GET", `/orders/${order.id}/phone-verification`);
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  if (!call && order.state !== "PHONE_VERIFICATION") return null;
  const customer = await api("GET", `/customers/${order.customerId}`);
  const contacts = Object.fromEntries(customer.contacts.filter((c) => c.authorisedForCaCall)
    .map((c) => [c.id, `${c.name}（${c.phone}）`]));
  const parts = [el("h2", {}, "認証局からの電話"), problem,
    facts([["お客様のご希望時間帯", `${hm(customer.callHoursFrom)}〜${hm(customer.callHoursTo)}（平日）`],
      ["状況", call ? CALL_STATUSES[call.status] : "未調整", "call-status"],
      call && ["日時", dateTime(call.slotStartsAt)], call && ["お相手", call.contactName], call?.note && ["メモ", call.note]])];
  if (!call || call.status === "PROPOSED" || call.status === "CONFIRMED" || call.status === "FAILED") {
    const form = el("form", { class: "command", id: "call-slot" },
      select("お電話を受ける方", "contactId", contacts),
      field("日時（日本時間、ご希望時間帯の中で）", "slotStartsAt", { type: "datetime-local", required: true }),
      el("div", { class: "commands" }, el("button", { type: "submit" }, call ? "日時を変更して提案する" : "日時を提案する")));
    parts.push(wire(form, problem, async (_form, _submitter, once) => {
      await api("POST", `/orders/${order.id}/phone-verification/slot`,
        { contactId: form.contactId.value, slotStartsAt: tokyoInstant(form.slotStartsAt.value) }, once);
      await reload();
    }));
  }
  if (call && call.status === "CONFIRMED") {
    // the note is a textarea, so Enter never submits: only one of the two buttons records the call (a passed call
    // lets the CA issue)
    const outcome = el("form", { class: "command", id: "call-outcome" },
      field("メモ（任意）", "note", { maxlength: 1000 }, "textarea"),
      el("div", { class: "commands" }, [true, false].map((passed) => el("button", { type: "submit",
        "data-passed": String(passed), class: passed ? "" : "secondary" }, passed ? "確認できた" : "確認できなかった"))));
    parts.push(wire(outcome, problem, async (form, submitter, once) => {
      if (!submitter?.dataset.passed) return;
      await api("POST", `/orders/${order.id}/phone-verified`,
        { passed: submitter.dataset.passed === "true", note: form.note.value || undefined }, once);
      await reload();
    }));
  }
  return el("section", { class: "card", id: "call" }, parts);
}

// --- quotes ------------------------------------------------------------------------------------------------------

/** A new quote: customer, product, the domain and where it is bound on the customer's server (previewed). */
export async function quoteNewView(params) {
  const root = main();
  const problem = el("div");
  root.replaceChildren(el("h1", {}, "見積の作成"), problem);
  const chosen = params.get("customerId");
  const chosenProduct = params.get("productCode");
  const [customers, products, preselected, product] = await Promise.all([api("GET", "/customers?size=50&sort=-createdAt"),
    api("GET", "/products?size=200&sort=name"),
    chosen ? api("GET", `/customers/${encodeURIComponent(chosen)}`).catch(() => null) : null,
    chosenProduct ? api("GET", `/products/${encodeURIComponent(chosenProduct)}`).catch(() => null) : null]);
  const customerOptions = (items) => [el("option", { value: "" }, "選択してください"),
    ...items.map((c) => el("option", { value: c.id, selected: c.id === chosen }, `${c.organisationName}（${c.id}）`))];
  const search = el("input", { id: "customer-q", placeholder: "社名・カナで検索", "aria-label": "顧客を検索" });
  const form = el("form", { class: "card", id: "quote-form" },
    el("label", { for: "f-customerId" }, "顧客"),
    el("div", { class: "inline" }, search, el("button", { type: "button", class: "secondary", onclick: async () => {
      const found = await api("GET", `/customers?${new URLSearchParams({ q: search.value, size: 50 })}`);
      form.customerId.replaceChildren(...customerOptions(found.items));
      await loadServers();
    } }, "検索")),
    el("select", { id: "f-customerId", name: "customerId" },
      customerOptions([...(preselected ? [preselected] : []), ...customers.items.filter((c) => c.id !== chosen)])),
    select("商品", "productCode", Object.fromEntries([["", "選択してください"],
      ...[...(product ? [product] : []), ...products.items.filter((p) => p.code !== chosenProduct)]
        .map((p) => [p.code, `${p.name}（${p.code}・${p.validationLevel}・${yen(p.applicationFeeJpy)}）`])]),
    { value: chosenProduct || "" }),
    select("種別", "type", ORDER_TYPES, { value: "NEW" }),
    field("ドメイン", "domain", { required: true, placeholder: "www.example.co.jp", autocomplete: "off" }),
    select("サーバー", "serverId", { "": "顧客を選ぶと表示されます" }),
    select("設置方法", "bindingStrategy", STRATEGIES, { value: "SNI" }),
    el("div", { id: "binding-preview", class: "muted" }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "見積を作成する")));
  const loadServers = async () => {
    const options = [el("option", { value: "" }, "選択してください")];
    if (form.customerId.value) {
      const servers = await api("GET", `/servers?customerId=${encodeURIComponent(form.customerId.value)}&size=100`);
      servers.items.forEach((s) => options.push(el("option", { value: s.id }, `${s.hostname}（${s.primaryIp}）`)));
    }
    form.serverId.replaceChildren(...options);
  };
  let asked = 0;
  const preview = async () => {
    const box = form.querySelector("#binding-preview");
    const mine = ++asked;
    if (!form.serverId.value || !form.domain.value) { box.replaceChildren(); return; }
    const query = new URLSearchParams({ domain: form.domain.value.trim(), strategy: form.bindingStrategy.value });
    try {
      const p = await api("GET", `/servers/${form.serverId.value}/bindings/preview?${query}`);
      if (mine !== asked) return;
      box.replaceChildren(el("p", {}, `設置先: ${p.httpsUrl}（${STRATEGIES[p.strategy] || p.strategy}、${p.ip}:${p.port}）`),
        p.warnings.length ? el("ul", { class: "warnings" }, p.warnings.map((w) => el("li", {}, w))) : "");
    } catch (error) {
      if (mine !== asked) return;
      box.replaceChildren(el("p", { class: "error" }, error.problem?.detail || error.message));
    }
  };
  form.customerId.addEventListener("change", () => loadServers().then(preview));
  for (const name of ["serverId", "bindingStrategy"]) form[name].addEventListener("change", preview);
  let typing;
  form.domain.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(preview, 400); });
  if (form.customerId.value) await loadServers();
  wire(form, problem, async (_form, _submitter, once) => {
    const body = { customerId: form.customerId.value, productCode: form.productCode.value, type: form.type.value,
      domain: form.domain.value.trim(), serverId: form.serverId.value, bindingStrategy: form.bindingStrategy.value };
    const quote = await api("POST", "/quotes", body, once);
    location.hash = `#/quotes/${quote.id}`;
  });
  root.append(form);
}

// --- customers, products, fees -----------------------------------------------------------------------------------

export async function customersView(params) {
  const root = main();
  const problem = el("div");
  const q = params.get("q") || "";
  const search = el("form", { class: "inline", id: "customer-search" },
    el("input", { name: "q", value: q, placeholder: "社名・カナ", "aria-label": "検索" }),
    el("button", { type: "submit", class: "secondary" }, "検索"));
  search.addEventListener("submit", (e) => { e.preventDefault(); location.hash = `#/customers?${new URLSearchParams({ q: search.q.value })}`; });
  root.replaceChildren(el("h1", {}, "顧客"), el("p", {}, el("a", { href: "#/customers/new", class: "button" }, "顧客を登録する")),
    search, problem);
  const result = await api("GET", `/customers?${new URLSearchParams({ q, size: 50, sort: "organisationKana" })}`);
  root.append(table("customers", ["番号", "社名", "カナ", "通知先", "電話のご希望時間帯", ""], result.items.map((c) =>
    el("tr", { "data-customer": c.id }, el("td", {}, el("a", { href: `#/customers/${c.id}` }, c.id)), el("td", {}, c.organisationName), el("td", {}, c.organisationKana),
      el("td", {}, c.noticeEmail), el("td", {}, `${hm(c.callHoursFrom)}〜${hm(c.callHoursTo)}`),
      el("td", {}, el("a", { href: `#/quotes/new?customerId=${encodeURIComponent(c.id)}` }, "見積を作成"), " ",
        el("a", { href: `#/servers?customerId=${encodeURIComponent(c.id)}` }, "サーバー"))))));
}

export async function customerNewView() {
  const root = main();
  const problem = el("div");
  const form = el("form", { class: "card", id: "customer-form" },
    ...field("社名", "organisationName", { required: true, maxlength: 200 }),
    ...field("社名（カナ・振込名義の照合に使います）", "organisationKana", { required: true, maxlength: 200, placeholder: "カブシキガイシャサンプル" }),
    ...field("郵便番号", "postalCode", { required: true, placeholder: "100-0001" }),
    ...field("所在地", "address", { required: true, maxlength: 400 }),
    ...field("代表者名", "representativeName", { required: true, maxlength: 100 }),
    ...field("代表者の役職", "representativeTitle", { required: true, maxlength: 100, value: "代表取締役" }),
    el("label", {}, el("input", { type: "checkbox", name: "listed" }), " 上場企業"),
    ...field("通知先メールアドレス", "noticeEmail", { type: "email", required: true, maxlength: 254 }),
    ...field("お電話のご希望時間帯（開始）", "callHoursFrom", { type: "time", required: true, value: "10:00" }),
    ...field("お電話のご希望時間帯（終了）", "callHoursTo", { type: "time", required: true, value: "17:00" }),
    el("h2", {}, "ご担当者（認証局からの電話を受ける方）"),
    ...field("氏名", "contacts[0].name", { required: true, maxlength: 100 }),
    ...field("電話番号", "contacts[0].phone", { required: true, placeholder: "03-1234-5678" }),
    ...field("メールアドレス", "contacts[0].email", { type: "email", required: true }),
    el("h2", {}, "証明書に記載する組織情報（英語表記・OV/EV）"),
    ...field("組織名 (O)", "certificateSubject.organization", { placeholder: "Example Co., Ltd." }),
    ...field("市区町村 (L)", "certificateSubject.locality", { placeholder: "Chiyoda-ku" }),
    ...field("都道府県 (ST)", "certificateSubject.state", { placeholder: "Tokyo" }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "登録する")));
  root.replaceChildren(el("h1", {}, "顧客の登録"), problem, form);
  wire(form, problem, async (_form, _submitter, once) => {
    const v = (name) => form.elements[name].value.trim();
    const body = { organisationName: v("organisationName"), organisationKana: v("organisationKana"),
      postalCode: v("postalCode"), address: v("address"), representativeName: v("representativeName"),
      representativeTitle: v("representativeTitle"), listed: form.listed.checked, noticeEmail: v("noticeEmail"),
      callHoursFrom: v("callHoursFrom"), callHoursTo: v("callHoursTo"),
      contacts: [{ name: v("contacts[0].name"), phone: v("contacts[0].phone"), email: v("contacts[0].email"),
        authorisedForCaCall: true, representative: false }] };
    if (v("certificateSubject.organization")) {
      body.certificateSubject = { organization: v("certificateSubject.organization"),
        locality: v("certificateSubject.locality"), state: v("certificateSubject.state"), country: "JP" };
    }
    const created = await api("POST", "/customers", body, once);
    location.hash = `#/customers/${created.id}`;
  });
}

export async function customerView(id) {
  const root = main();
  const c = await api("GET", `/customers/${encodeURIComponent(id)}`);
  const q = encodeURIComponent(c.id);
  root.replaceChildren(el("h1", {}, `${c.organisationName}（${c.id}）`),
    el("p", {}, el("a", { class: "button", href: `#/quotes/new?customerId=${q}` }, "見積を作成する"), " ",
      el("a", { class: "button", href: `#/servers?customerId=${q}` }, "サーバー")),
    el("section", { class: "card" }, facts([["顧客番号", c.id, "customer-id"], ["社名（カナ）", c.organisationKana],
      ["所在地", `〒${c.postalCode} ${c.address}`], ["代表者", `${c.representativeTitle} ${c.representativeName}`],
      ["上場", c.listed ? "上場企業" : "非上場"], ["通知先", c.noticeEmail],
      ["お電話のご希望時間帯", `${hm(c.callHoursFrom)}〜${hm(c.callHoursTo)}`],
      ["組織の確認期限", date(c.organisationValidatedUntilDate)],
      ["証明書の組織情報", c.certificateSubject ? `${c.certificateSubject.organization}, ${c.certificateSubject.locality}, `
        + `${c.certificateSubject.state}, ${c.certificateSubject.country}` : "—"]])),
    el("h2", {}, "ご担当者"),
    table("contacts", ["氏名", "電話", "メール", "認証局の電話", "代表者"], c.contacts.map((k) => el("tr", {},
      el("td", {}, k.name), el("td", {}, k.phone), el("td", {}, k.email), el("td", {}, k.authorisedForCaCall ? "受けられる" : "—"),
      el("td", {}, k.representative ? "代表者" : "")))),
    el("p", {}, el("a", { href: `#/orders?${new URLSearchParams({ customerId: c.id })}` }, "この顧客の注文")));
}

export async function productsView() {
  const root = main();
  const problem = el("div");
  const [products, fees] = await Promise.all([api("GET", "/products?size=200&includeInactive=true"),
    api("GET", "/fees?size=50&sort=-effectiveAt")]);
  const productForm = el("form", { class: "card", id: "product-form" },
    el("h2", {}, "商品の登録"),
    ...field("商品コード", "code", { required: true, placeholder: "RAPIDSSL-DV-1Y", maxlength: 64 }),
    ...field("商品名", "name", { required: true, maxlength: 200 }),
    ...field("認証局ブランド", "caBrand", { required: true, maxlength: 100 }),
    ...select("認証レベル", "validationLevel", { DV: "DV（ドメイン認証）", OV: "OV（企業認証）", EV: "EV（EV認証）" }),
    ...field("有効期間（月）", "validityMonths", { type: "number", min: 1, value: 12, required: true }),
    ...field("認証局への申請料（円・税込）", "applicationFeeJpy", { type: "number", min: 0, required: true }),
    ...select("発行元", "issuer", { "": "既定", MANUAL: "手動（認証局の窓口へ申請）", ACME: "ACME", LOCAL: "ローカル CA（開発用）" }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "登録する")));
  wire(productForm, problem, async (_form, _submitter, once) => {
    const f = productForm;
    const body = { code: f.code.value.trim(), name: f.name.value.trim(), caBrand: f.caBrand.value.trim(),
      validationLevel: f.validationLevel.value, validityMonths: Number(f.validityMonths.value),
      applicationFeeJpy: Number(f.applicationFeeJpy.value) };
    if (f.issuer.value) body.issuer = f.issuer.value;
    await api("POST", "/products", body, once);
    if (root.isConnected) await productsView();
  });
  const feeForm = el("form", { class: "card", id: "fee-form" },
    el("h2", {}, "設定料金の改定"),
    ...select("種別", "orderType", ORDER_TYPES),
    ...field("設定料金（円・税込）", "setupFeeJpy", { type: "number", min: 0, required: true }),
    ...field("適用開始（日本時間）", "effectiveAt", { type: "datetime-local", required: true }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "改定を登録する")));
  wire(feeForm, problem, async (_form, _submitter, once) => {
    await api("POST", "/fees", { orderType: feeForm.orderType.value, setupFeeJpy: Number(feeForm.setupFeeJpy.value),
      effectiveAt: tokyoInstant(feeForm.effectiveAt.value) }, once);
    if (root.isConnected) await productsView();
  });
  root.replaceChildren(el("h1", {}, "商品と料金"), problem,
    el("h2", {}, "商品"), table("products", ["コード", "商品名", "認証局", "レベル", "期間", "申請料", "発行元", "販売"],
      products.items.map((p) => el("tr", { "data-product": p.code }, el("td", {}, p.code), el("td", {}, p.name),
        el("td", {}, p.caBrand), el("td", {}, p.validationLevel), el("td", {}, `${p.validityMonths}か月`),
        el("td", {}, yen(p.applicationFeeJpy)), el("td", {}, p.issuer), el("td", {}, p.active ? "販売中" : "停止")))),
    el("h2", {}, "設定料金（料金表）"), table("fees", ["種別", "設定料金（税込）", "うち消費税", "税率", "適用開始", "適用終了"],
      fees.items.map((f) => el("tr", {}, el("td", {}, ORDER_TYPES[f.orderType] || f.orderType), el("td", {}, yen(f.setupFeeJpy)),
        el("td", {}, yen(f.containedTaxJpy)), el("td", {}, `${f.taxRatePercent}%`), el("td", {}, dateTime(f.effectiveAt)),
        el("td", {}, f.endsAt ? dateTime(f.endsAt) : "—")))),
    el("div", { class: "columns" }, productForm, feeForm));
}

// --- servers and bindings (binding-service, on the same origin) ----------------------------------------------------

export async function serversView(params) {
  const root = main();
  const problem = el("div");
  const customerId = params.get("customerId") || "";
  const query = new URLSearchParams({ size: 50 });
  if (customerId) query.set("customerId", customerId);
  const servers = await api("GET", `/servers?${query}`);
  const form = el("form", { class: "card", id: "server-form" },
    el("h2", {}, "サーバーの登録"),
    ...field("顧客番号", "customerId", { required: true, value: customerId, placeholder: "C-1" }),
    ...field("ホスト名", "hostname", { required: true, placeholder: "ds-0001.hosting.example.jp" }),
    ...field("マスタードメイン", "masterDomain", { required: true, placeholder: "www.example.co.jp" }),
    ...field("メイン IP アドレス", "primaryIp", { required: true, placeholder: "203.0.113.10" }),
    ...field("契約プラン", "plan.code", { required: true, value: "DEDICATED" }),
    ...field("追加 IP アドレスの上限", "plan.additionalIpLimit", { type: "number", min: 0, value: 0, required: true }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "登録する")));
  wire(form, problem, async (_form, _submitter, once) => {
    const created = await api("POST", "/servers", { customerId: form.customerId.value.trim(),
      hostname: form.hostname.value.trim(), masterDomain: form.masterDomain.value.trim(),
      primaryIp: form.primaryIp.value.trim(), plan: { code: form.elements["plan.code"].value.trim(),
        additionalIpLimit: Number(form.elements["plan.additionalIpLimit"].value) } }, once);
    location.hash = `#/servers/${created.id}`;
  });
  root.replaceChildren(el("h1", {}, customerId ? `サーバー一覧（顧客 ${customerId}）` : "サーバー一覧"), problem,
    table("servers", ["番号", "ホスト名", "顧客", "マスタードメイン", "メイン IP", "プラン"], servers.items.map((s) =>
      el("tr", { "data-server": s.id }, el("td", {}, el("a", { href: `#/servers/${s.id}` }, s.id)), el("td", {}, s.hostname),
        el("td", {}, s.customerId), el("td", {}, s.masterDomain), el("td", {}, s.primaryIp),
        el("td", {}, `${s.plan.code}（追加 IP ${s.plan.additionalIpLimit} 個まで）`)))), form);
}

export async function serverView(id) {
  const root = main();
  const [server, bindings] = await Promise.all([api("GET", `/servers/${encodeURIComponent(id)}`),
    api("GET", `/servers/${encodeURIComponent(id)}/bindings?size=100`)]);
  root.replaceChildren(el("h1", {}, `サーバー ${server.hostname}`),
    el("section", { class: "card" }, facts([["顧客", server.customerId], ["マスタードメイン", server.masterDomain],
      ["メイン IP アドレス", server.primaryIp], ["プラン", `${server.plan.code}（追加 IP ${server.plan.additionalIpLimit} 個まで）`]])),
    el("p", {}, el("a", { class: "button", href: `#/quotes/new?customerId=${encodeURIComponent(server.customerId)}` },
      "このお客様の見積を作成する")),
    el("h2", {}, "ドメインの設置"),
    table("bindings", ["ドメイン", "方法", "IP:ポート", "URL", "配信の確認", "注文"], bindings.items.map((b) =>
      el("tr", { "data-binding": b.id }, el("td", {}, b.domain, b.master ? "（マスター）" : ""),
        el("td", {}, STRATEGIES[b.strategy] || b.strategy), el("td", {}, `${b.ip}:${b.port}`), el("td", {}, b.httpsUrl),
        el("td", {}, probeText(b.probe)), el("td", {}, b.orderId ? el("a", { href: `#/orders/${b.orderId}` }, `注文 ${b.orderId}`) : "—"))),
    "設置済みのドメインはありません。"));
}

function probeText(probe) {
  if (!probe) return "—";
  const words = { NOT_PROBED: "未確認", SERVED: "配信中", MISMATCH: "別の証明書を配信中", UNREACHABLE: "接続できず" };
  const word = words[probe.status] || probe.status;
  return probe.checkedAt ? `${word}（${dateTime(probe.checkedAt)}）` : word;
}
