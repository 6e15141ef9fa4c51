// The customer's screens (also open to the desk where it helps them): documents to upload, the CA's call to confirm,
// the certificate with its bundle and, separately, its passphrase; invoices as printable qualified invoices; the
// certificates and their terms.
import {
  api, request, el, main, wire, showProblem, facts, table, dateTime, date, yen, download, isDesk,
  DOCUMENT_KINDS, DOCUMENT_STATUSES, CALL_STATUSES, INVOICE_STATUSES, RENEWAL_STATUSES, DEPLOYMENT_STATUSES,
} from "./lib.js";

/** What the customer reads about where the order stands, in plain words. */
export const CUSTOMER_STATES = {
  QUOTED: "お見積の内容でご注文を承りました。当社にてご契約の手続きを進めます。",
  CONTRACTED: "ご契約を承りました。請求書を発行いたします。",
  INVOICED: "請求書を発行しました。お支払期限までにお振込みをお願いいたします。",
  PAID: "ご入金を確認しました。認証局への申請の準備を進めます。",
  APPLYING: "認証局への申請の準備（秘密鍵と CSR の作成）を進めています。",
  CSR_READY: "CSR を作成しました。まもなく認証局へ申請いたします。",
  SUBMITTED: "認証局へ申請しました。審査の結果をお待ちください。",
  DOCUMENTS_PENDING: "認証局の審査に必要な書類のご提出をお願いしております。下の「ご提出いただく書類」からお送りください。",
  PHONE_VERIFICATION: "認証局から貴社へ確認のお電話を差し上げます。日時が決まりましたらこの画面でお知らせしますので、ご確認をお願いいたします。",
  ISSUED: "証明書が発行されました。サーバーへの設置を進めています。",
  INSTALLED: "証明書の設置が完了しました。",
  CANCELLED: "このご注文はキャンセルされました。",
};

const UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/png"];

/** The documents the CA needs: each one to upload (again, when sent back with a reason). */
export async function documentUpload(order, reload) {
  const documents = await api("GET", `/orders/${order.id}/documents?size=20`);
  if (!documents.items.length) return null;
  const problem = el("div");
  const rows = documents.items.map((d) => {
    const action = el("td", {});
    if (["REQUIRED", "REJECTED", "RECEIVED"].includes(d.status) && order.state === "DOCUMENTS_PENDING") {
      const form = el("form", { class: "inline", "data-upload": d.kind },
        el("input", { type: "file", name: "file", accept: UPLOAD_TYPES.join(","), required: true,
          "aria-label": `${DOCUMENT_KINDS[d.kind]}のファイル` }),
        el("button", { type: "submit" }, d.status === "REQUIRED" ? "提出する" : "差し替える"));
      action.append(wire(form, problem, async (_form, _submitter, once) => {
        const file = form.file.files[0];
        if (!file) return;
        if (!UPLOAD_TYPES.includes(file.type)) {
          problem.replaceChildren(el("div", { class: "notice", role: "alert" },
            "PDF、JPEG、PNG のいずれかのファイルをお選びください。"));
          return;
        }
        await api("PUT", `/orders/${order.id}/documents/${d.kind}/file?${new URLSearchParams({ fileName: file.name })}`, file, once);
        await reload();
      }));
    }
    return el("tr", { "data-document": d.kind }, el("td", {}, DOCUMENT_KINDS[d.kind] || d.kind),
      el("td", { "data-status": d.status }, DOCUMENT_STATUSES[d.status] || d.status),
      el("td", {}, d.fileName || "—"),
      el("td", {}, d.status === "REJECTED" ? `差し戻しの理由: ${d.reason}` : ""), action);
  });
  return el("section", { class: "card" }, el("h2", {}, "ご提出いただく書類"),
    el("p", { class: "muted" }, "PDF、JPEG、PNG のいずれかでお送りください。"), problem,
    table("documents", ["書類", "状況", "ファイル", "", ""], rows));
}

/** The call the CA makes: the proposed slot, confirmed by the customer exactly as shown (If-Match). */
export async function callConfirmation(order, reload) {
  let answer;
  try {
    answer = await request("GET", `/orders/${order.id}/phone-verification`);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
  const call = answer.data;
  const problem = el("div");
  const parts = [el("h2", {}, "認証局からの確認のお電話"), problem,
    facts([["日時", dateTime(call.slotStartsAt)], ["お電話を受ける方", call.contactName],
      ["状況", CALL_STATUSES[call.status] || call.status, "call-status"]])];
  if (call.status === "PROPOSED") {
    parts.push(el("p", {}, "上記の日時に認証局からお電話いたします。ご都合がよろしければ「この日時で承る」を押してください。"
      + "ご都合が合わない場合は、当社までご連絡ください。"));
    const button = el("button", { type: "button", id: "confirm-call", onclick: async () => {
      button.disabled = true;
      try {
        await api("POST", `/orders/${order.id}/phone-verification/confirm`, undefined, { ifMatch: answer.etag });
        await reload();
      } catch (error) {
        showProblem(problem, error);
        button.disabled = false;
      }
    } }, "この日時で承る");
    parts.push(el("div", { class: "commands" }, button));
  }
  return el("section", { class: "card", id: "call" }, parts);
}

/** The certificate: expiry and where it is served; the bundle and, apart from it, the passphrase of its key. */
export function certificateSection(order) {
  // shown once the order has its certificate (an OV/EV certificate the CA signed early waits for the paperwork)
  if (!order.certificate || !["ISSUED", "INSTALLED"].includes(order.state)) return null;
  const c = order.certificate;
  const problem = el("div");
  const secret = el("div", { id: "passphrase" });
  const parts = [el("h2", {}, "証明書"), problem, facts([
    ["有効期限", dateTime(c.expiresAt), "certificate-expiry"], ["ドメイン", order.domain],
    ["設置先", order.placement?.httpsUrl || "—"],
    ["設置の状況", DEPLOYMENT_STATUSES[order.placement?.deploymentStatus] || order.placement?.deploymentStatus || "—"],
    ["シリアル番号", c.serial], ["SHA-256 フィンガープリント", el("code", {}, c.sha256Fingerprint)]])];
  if (order.keyId) {
    parts.push(el("p", { class: "muted" }, "証明書一式（暗号化した秘密鍵、CSR、証明書、中間証明書、PKCS#12）とパスフレーズは、"
      + "安全のため別々にお渡しします。パスフレーズは必要なときだけ表示し、ファイルとは別の場所に保管してください。"),
    el("div", { class: "commands" },
      el("button", { type: "button", id: "download-bundle", onclick: async () => {
        try { await download("POST", `/keys/${order.keyId}/exports`, `${order.domain}.zip`); } catch (error) { showProblem(problem, error); }
      } }, "証明書一式をダウンロード"),
      el("button", { type: "button", class: "secondary", id: "reveal-passphrase", onclick: async () => {
        try {
          const p = await api("POST", `/keys/${order.keyId}/passphrase`);
          secret.replaceChildren(el("p", {}, "秘密鍵のパスフレーズ（この表示は記録されます）:"),
            el("code", { class: "secret" }, p.passphrase),
            el("button", { type: "button", class: "link", onclick: () => secret.replaceChildren() }, "隠す"));
        } catch (error) { showProblem(problem, error); }
      } }, "パスフレーズを表示")), secret);
  }
  return el("section", { class: "card", id: "certificate" }, parts);
}

// --- invoices ----------------------------------------------------------------------------------------------------

export async function invoicesView(params) {
  const root = main();
  const status = params.get("status") || "";
  const query = new URLSearchParams({ size: 50, sort: "-issueDate" });
  if (status) query.set("status", status);
  const result = await api("GET", `/invoices?${query}`);
  root.replaceChildren(el("h1", {}, isDesk() ? "請求書" : "ご請求書"),
    table("invoices", ["請求書番号", "宛名", "発行日", "支払期限", "金額（税込）", "未入金額", "状況"], result.items.map((i) =>
      el("tr", { "data-invoice": i.id }, el("td", {}, el("a", { href: `#/invoices/${i.id}` }, i.number)),
        el("td", {}, i.recipientName), el("td", {}, date(i.issueDate)), el("td", {}, date(i.dueDate)),
        el("td", {}, yen(i.totalJpy)), el("td", {}, yen(i.balanceJpy)), el("td", {}, INVOICE_STATUSES[i.status] || i.status))),
    "請求書はまだありません。"));
}

/**
 * The qualified invoice (適格請求書) as a page that prints (and saves as PDF from the browser's print dialog): the
 * issuer and its registration number, the date, what was supplied, the total per tax rate with the tax in it, the
 * recipient. The PDF the service renders is offered too.
 */
export async function invoiceView(id) {
  const root = main();
  const invoice = await api("GET", `/invoices/${encodeURIComponent(id)}`);
  const problem = el("div");
  const doc = el("article", { class: "invoice", id: "invoice" },
    el("h1", {}, "請求書（適格請求書）"),
    el("div", { class: "invoice-head" },
      el("div", {}, el("p", { class: "recipient" }, `${invoice.recipientName} 御中`),
        el("p", {}, "下記のとおりご請求申し上げます。"),
        el("p", { class: "total" }, "ご請求金額 ", el("strong", {}, yen(invoice.totalJpy)), "（税込）")),
      el("div", { class: "issuer" }, facts([["請求書番号", invoice.number], ["発行日", date(invoice.issueDate)],
        ["取引年月日", date(invoice.issueDate)],
        ["お支払期限", date(invoice.dueDate)], ["発行者", invoice.issuerName],
        ["登録番号", invoice.registrationNumber, "registration-number"]]))),
    table("invoice-lines", ["No.", "内容", "税率", "金額（税込）"], invoice.lines.map((l) => el("tr", {},
      el("td", {}, String(l.position)), el("td", {}, l.description),
      el("td", {}, l.taxCategory === "NON_TAXABLE" ? "対象外" : `${l.taxRatePercent}%${l.taxCategory === "REDUCED" ? "※" : ""}`),
      el("td", { class: "amount" }, yen(l.amountJpy))))),
    table("invoice-taxes", ["税率区分", "対象金額（税込）", "うち消費税"], invoice.taxes.map((t) => el("tr", {},
      el("td", {}, t.taxCategory === "NON_TAXABLE" ? "対象外" : `${t.taxRatePercent}%対象`),
      el("td", { class: "amount" }, yen(t.totalJpy)), el("td", { class: "amount" }, yen(t.containedTaxJpy))))),
    invoice.lines.some((l) => l.taxCategory === "REDUCED") ? el("p", {}, "※は軽減税率対象") : "",
    facts([["合計（税込）", yen(invoice.totalJpy)], ["うち消費税", yen(invoice.containedTaxJpy)],
      ["ご入金済み", yen(invoice.paidJpy)], ["未入金額", yen(invoice.balanceJpy)],
      ["状況", INVOICE_STATUSES[invoice.status] || invoice.status, "invoice-status"]]));
  root.replaceChildren(
    el("div", { class: "commands no-print" },
      el("button", { type: "button", onclick: () => window.print() }, "印刷・PDF で保存"),
      el("button", { type: "button", class: "secondary", onclick: async () => {
        try { await download("GET", `/invoices/${invoice.id}/document`, `${invoice.number}.pdf`); } catch (error) { showProblem(problem, error); }
      } }, "発行済みの PDF をダウンロード"),
      el("a", { href: `#/orders/${invoice.orderId}` }, `注文 ${invoice.orderId} へ`)),
    problem, doc);
}

// --- certificates ------------------------------------------------------------------------------------------------

/** My certificates: each term with its expiry, the domain and where it is served, and the order behind it. */
export async function certificatesView() {
  const root = main();
  const renewals = await api("GET", "/renewals?size=50&sort=endDate");
  const orders = await Promise.all(renewals.items.map((r) => api("GET", `/orders/${r.orderId}`).catch(() => null)));
  root.replaceChildren(el("h1", {}, isDesk() ? "証明書と契約期間" : "ご利用中の証明書"),
    table("certificates", ["ドメイン", "設置先", "証明書の有効期限", "契約満了日", "状況", ""], renewals.items.map((r, i) =>
      el("tr", { "data-term": r.termId }, el("td", {}, r.domain), el("td", {}, orders[i]?.placement?.httpsUrl || "—"),
        el("td", {}, dateTime(r.certificateExpiresAt)), el("td", {}, `${date(r.endDate)}（あと${r.daysLeft}日）`),
        el("td", {}, RENEWAL_STATUSES[r.status] || r.status),
        el("td", {}, el("a", { href: `#/orders/${r.orderId}` }, "詳細・ダウンロード"),
          r.notices?.some((n) => n.quoteId) && r.status === "ACTIVE"
            ? [" ", el("a", { href: `#/quotes/${r.notices.find((n) => n.quoteId).quoteId}` }, "更新のお見積")] : ""))),
    "ご利用中の証明書はまだありません。"));
}
