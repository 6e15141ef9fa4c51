// Orders and quotes, for the desk and for customers (the API shows customers only their own): the list, the order page
// (facts, placement, certificate, what the desk or the customer can do now, the timeline) and quotes to accept.
import {
  api, request, el, main, wire, showProblem, facts, table, stateLabel, dateTime, date, yen, isDesk, refreshWhile,
  commandLabels, STATES, ORDER_TYPES, STRATEGIES, DEPLOYMENT_STATUSES, STEP_KINDS, STEP_STATUSES,
} from "./lib.js";
import { paymentSection, stepsSection, documentReview, callSection } from "./desk.js";
import { CUSTOMER_STATES, documentUpload, callConfirmation, certificateSection } from "./portal.js";

// the commands an order page offers, by the slug of their endpoint under /orders/{orderId}/ (OrderCommand); the
// order desk's alone, as the API's roles say. RECORD_PAYMENT and RETRY_STEP have their own sections.
const COMMANDS = {
  CONTRACT: { slug: "contract", label: "契約する" },
  INVOICE: { slug: "invoice", label: "請求書を発行する" },
  START_APPLICATION: { slug: "start-application", label: "申請を開始する" },
  REQUEST_DOCUMENTS: { slug: "request-documents", label: "書類の提出を依頼する" },
  ACCEPT_DOCUMENTS: { slug: "accept-documents", label: "書類の確認を完了する" },
  OVERRIDE_DEPLOYMENT: { slug: "deployment-override", label: "設置を手動で確認済みにする", reason: true },
  CANCEL: { slug: "cancel", label: "注文をキャンセルする", danger: true },
};
Object.assign(commandLabels, Object.fromEntries(Object.entries(COMMANDS).map(([k, v]) => [k, v.label])),
  { RECORD_PAYMENT: "入金を記録する", RETRY_STEP: "停止中の処理を再実行する", CSR_READY: "CSR の作成", SUBMIT: "認証局への申請",
    ISSUE: "証明書の発行", INSTALL: "設置の確認" });

export async function ordersView(params) {
  const root = main();
  const page = Number(params.get("page") || 0);
  const state = params.get("state") || "";
  const customerId = params.get("customerId") || "";
  const query = new URLSearchParams({ page, size: 20, sort: "-createdAt" });
  if (state) query.set("state", state);
  if (customerId) query.set("customerId", customerId);
  const problem = el("div");
  // the list's address for another page or state, the customer kept
  const listAt = (p, s) => {
    const next = new URLSearchParams({ page: p });
    if (s) next.set("state", s);
    if (customerId) next.set("customerId", customerId);
    return `#/orders?${next}`;
  };
  const filter = el("select", { name: "state", id: "state-filter", onchange: (e) => {
    location.hash = listAt(0, e.target.value);
  } }, el("option", { value: "" }, "すべての状態"),
  Object.entries(STATES).map(([key, label]) => el("option", { value: key, selected: key === state }, label)));
  const desk = isDesk();
  root.replaceChildren(el("h1", {}, !desk ? "ご注文" : customerId ? `注文一覧（顧客 ${customerId}）` : "注文一覧"),
    el("label", { for: "state-filter" }, "状態で絞り込む"), filter, problem);
  try {
    const result = await api("GET", `/orders?${query}`);
    const rows = result.items.map((o) => el("tr", { "data-order": o.id },
      el("td", {}, el("a", { href: `#/orders/${o.id}` }, `注文 ${o.id}`)),
      el("td", {}, o.domain), desk ? el("td", {}, o.customerId) : null, el("td", {}, o.productCode),
      el("td", {}, stateLabel(o.state)), desk ? null : el("td", { class: "muted" }, CUSTOMER_STATES[o.state] || ""),
      el("td", {}, dateTime(o.updatedAt))));
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    const go = (p) => { location.hash = listAt(p, state); };
    root.append(
      table("orders", desk ? ["注文", "ドメイン", "顧客", "商品", "状態", "更新日時"] : ["注文", "ドメイン", "商品", "状態", "現在の状況", "更新日時"],
        rows, desk ? "該当する注文はありません。" : "ご注文はまだありません。"),
      el("div", { class: "pager" },
        el("button", { type: "button", class: "secondary", disabled: page === 0, onclick: () => go(page - 1) }, "前へ"),
        el("span", {}, `${result.total} 件中 ${page + 1} / ${pages} ページ`),
        el("button", { type: "button", class: "secondary", disabled: page + 1 >= pages, onclick: () => go(page + 1) }, "次へ")));
  } catch (error) {
    showProblem(problem, error);
  }
}

export async function orderView(id) {
  const root = main();
  const problem = el("div", { id: "problem" });
  let order;
  let timeline;
  try {
    [order, timeline] = await Promise.all([api("GET", `/orders/${encodeURIComponent(id)}`),
      api("GET", `/orders/${encodeURIComponent(id)}/timeline?size=100&sort=occurredAt`)]);
  } catch (error) {
    root.replaceChildren(el("h1", {}, `注文 ${id}`), problem);
    showProblem(problem, error);
    return;
  }
  // shown anew only while this screen is the one on view
  const reload = async () => { if (root.isConnected) await orderView(order.id); };
  const desk = isDesk();
  const step = order.currentStep;
  const placement = order.placement || {};
  const summary = el("section", { class: "card" },
    desk ? "" : el("p", { class: "lead", id: "customer-state" }, CUSTOMER_STATES[order.state] || ""),
    facts([["状態", stateLabel(order.state), "order-state"], ["ドメイン", order.domain], ["顧客", order.customerId],
      ["商品", `${order.productCode}（${order.validationLevel}・${ORDER_TYPES[order.type] || order.type}）`],
      ["サーバー", desk ? el("a", { href: `#/servers/${order.serverId}` }, order.serverId) : order.serverId],
      ["申請開始可能日", date(order.earliestApplicationDate)],
      desk && ["実行中の処理", step ? `${STEP_KINDS[step.kind] || step.kind}（${STEP_STATUSES[step.status] || step.status}）` : "—", "current-step"],
      desk && step?.lastError && ["エラー", el("span", { class: "error-text" }, step.lastError)]]));
  const binding = el("section", { class: "card", id: "binding" }, el("h2", {}, "設置先"), facts([
    ["URL", placement.httpsUrl || "まだ決まっていません", "https-url"],
    ["設置方法", STRATEGIES[order.bindingStrategy] || order.bindingStrategy],
    ["設置の確認", DEPLOYMENT_STATUSES[placement.deploymentStatus] || "—", "deployment-status"],
    ["最後の確認", dateTime(placement.deploymentCheckedAt)],
    desk && placement.deploymentDetail && ["確認結果", placement.deploymentDetail]]),
  // binding-service's warnings are technical notes for the desk (in its words), not for the customer's page
  desk && placement.warnings?.length ? el("ul", { class: "warnings", id: "binding-warnings" }, placement.warnings.map((w) => el("li", {}, w))) : "");

  const sections = [];
  const add = async (make) => {
    try {
      const section = await make(order, reload);
      if (section) sections.push(section);
    } catch (error) {
      const box = el("div");
      showProblem(box, error);
      sections.push(box);
    }
  };
  const allowed = order.allowedCommands || [];
  if (desk) {
    const commands = el("div", { class: "commands", id: "commands" });
    for (const name of allowed.filter((c) => COMMANDS[c])) commands.append(commandForm(order, name, problem, reload));
    if (!commands.children.length) commands.append(el("p", { class: "muted" }, "この画面から行える操作は現在ありません。"));
    sections.push(el("section", { class: "card" }, el("h2", {}, "操作"), commands));
    if (allowed.includes("RECORD_PAYMENT")) await add(paymentSection);
    await add(documentReview);
    await add(callSection);
    await add(stepsSection);
  } else {
    await add(documentUpload);
    await add(callConfirmation);
  }
  const certificate = certificateSection(order);
  const invoiceLink = ["CONTRACTED", "QUOTED"].includes(order.state) ? null
    : el("p", {}, el("a", { href: "#", onclick: async (e) => {
      e.preventDefault();
      try {
        location.hash = `#/invoices/${(await api("GET", `/orders/${order.id}/invoice`)).id}`;
      } catch (error) {
        if (error.status === 404) problem.replaceChildren(el("div", { class: "notice" }, "このご注文の請求書はまだ発行されていません。"));
        else showProblem(problem, error);
      }
    } }, "請求書を表示する"));
  const entries = (timeline.items || []).map((t) => el("tr", {},
    el("td", {}, dateTime(t.occurredAt)), el("td", {}, t.summary || t.kind),
    el("td", {}, t.toState ? STATES[t.toState] || t.toState : ""), desk ? el("td", {}, t.actor || "") : null,
    el("td", {}, t.note || "")));
  root.replaceChildren(...[el("h1", {}, `注文 ${order.id}（${order.domain}）`), problem, summary, invoiceLink, ...sections,
    certificate, binding, el("h2", {}, "経過"),
    table("timeline", desk ? ["日時", "出来事", "状態", "担当", "メモ"] : ["日時", "出来事", "状態", "メモ"], entries)]
    .filter(Boolean));
  // the orchestration moves the order by itself: while a step runs, look again every 2 s and show the order anew when
  // it moved, unless the person is typing into one of the page's forms
  follow(order, root, reload);
}

const progress = (o) => JSON.stringify([o.state, o.updatedAt, o.currentStep?.id, o.currentStep?.status,
  o.currentStep?.lastError, o.placement?.deploymentStatus, o.placement?.httpsUrl, o.certificate?.id]);

function follow(order, root, reload) {
  const check = async () => {
    let fresh;
    try {
      fresh = await api("GET", `/orders/${order.id}`);
    } catch (error) {
      // signed out (401: app.js shows sign-in) or the order is gone from view: stop; otherwise look again later
      if (error.status === 401 || error.status === 403 || error.status === 404) return undefined;
      return follow(order, root, reload);
    }
    const typing = root.contains(document.activeElement) && document.activeElement.matches("input, textarea, select");
    if (progress(fresh) !== progress(order) && !typing) return reload();
    return follow(order, root, reload);
  };
  refreshWhile(order.currentStep?.status === "PENDING", root, check, 2000);
}

function commandForm(order, name, problem, reload) {
  const command = COMMANDS[name];
  const input = command.reason
    ? [el("label", { for: `reason-${name}` }, "理由（必須）"), el("textarea", { id: `reason-${name}`, name: "reason" })]
    : [el("label", { for: `note-${name}` }, "メモ（任意）"), el("input", { id: `note-${name}`, name: "note", maxlength: 2100 })];
  const form = el("form", { class: "command", "data-command": name }, input,
    el("div", { class: "commands" }, el("button", { type: "submit", class: command.danger ? "secondary" : "" }, command.label)));
  return wire(form, problem, async (_form, _submitter, once) => {
    const body = command.reason ? { reason: form.reason.value } : (form.note.value ? { note: form.note.value } : {});
    await api("POST", `/orders/${order.id}/${command.slug}`, body, once);
    await reload();
  });
}

// --- quotes ------------------------------------------------------------------------------------------------------

export async function quotesView(params) {
  const root = main();
  const status = params.get("status") ?? "OPEN";
  const query = new URLSearchParams({ size: 50, sort: "-createdAt" });
  if (status) query.set("status", status);
  const result = await api("GET", `/quotes?${query}`);
  const desk = isDesk();
  root.replaceChildren(el("h1", {}, desk ? "見積" : "お見積"),
    el("p", {}, el("a", { href: "#/quotes?status=OPEN" }, "ご回答待ち"), "　", el("a", { href: "#/quotes?status=ACCEPTED" }, "承諾済み"),
      desk ? ["　", el("a", { class: "button", href: "#/quotes/new" }, "見積を作成する")] : ""),
    table("quotes", ["見積", "種別", "ドメイン", "商品", "金額（税込）", "作成日時", "状況"], result.items.map((q) =>
      el("tr", { "data-quote": q.id }, el("td", {}, el("a", { href: `#/quotes/${q.id}` }, `見積 ${q.id}`)),
        el("td", {}, ORDER_TYPES[q.type] || q.type), el("td", {}, q.domain), el("td", {}, q.productName),
        el("td", {}, yen(q.totalJpy)), el("td", {}, dateTime(q.createdAt)), el("td", {}, q.status === "OPEN" ? "ご回答待ち" : "承諾済み"))),
    status === "OPEN" ? "ご回答待ちのお見積はありません。" : "該当するお見積はありません。"));
}

/** One quote: what it costs and where the domain will be served; accepted exactly as shown, then ordered. */
export async function quoteView(id) {
  const root = main();
  const problem = el("div", { id: "problem" });
  const { data: quote, etag } = await request("GET", `/quotes/${encodeURIComponent(id)}`);
  const desk = isDesk();
  const actions = el("div", { class: "commands", id: "quote-actions" });
  if (quote.status === "OPEN") {
    actions.append(el("button", { type: "button", id: "accept-quote", onclick: async (e) => {
      e.target.disabled = true;
      try {
        await api("POST", `/quotes/${quote.id}/accept`, undefined, { ifMatch: etag });
        if (root.isConnected) await quoteView(quote.id);
      } catch (error) { showProblem(problem, error); e.target.disabled = false; }
    } }, desk ? "お客様の承諾を記録する" : "このお見積を承諾する"));
  } else {
    const form = el("form", { class: "command", id: "order-form" },
      el("label", { for: "order-note" }, "ご連絡事項（任意）"), el("input", { id: "order-note", name: "note", maxlength: 2000 }),
      el("label", { for: "order-launch" }, "サイト公開予定日（任意・これより前に申請しません）"),
      el("input", { id: "order-launch", name: "launchDate", type: "date" }),
      el("div", { class: "commands" }, el("button", { type: "submit" }, "この内容で注文する")));
    actions.append(wire(form, problem, async (_form, _submitter, once) => {
      const body = { quoteId: quote.id };
      if (form.note.value) body.note = form.note.value;
      if (form.launchDate.value) body.launchDate = form.launchDate.value;
      const order = await api("POST", "/orders", body, once);
      location.hash = `#/orders/${order.id}`;
    }));
  }
  root.replaceChildren(el("h1", {}, `${quote.type === "RENEWAL" ? "更新の" : ""}お見積 ${quote.id}`), problem,
    el("section", { class: "card" }, facts([
      ["状況", quote.status === "OPEN" ? "ご回答待ち" : `承諾済み（${dateTime(quote.acceptedAt)}）`, "quote-status"],
      ["種別", ORDER_TYPES[quote.type] || quote.type], ["ドメイン", quote.domain], ["商品", quote.productName],
      ["設置先", quote.httpsUrl], ["設置方法", STRATEGIES[quote.bindingStrategy] || quote.bindingStrategy],
      ["認証局への申請料", yen(quote.applicationFeeJpy)], ["設定料金", yen(quote.setupFeeJpy)],
      ["合計（税込）", el("strong", { id: "quote-total" }, yen(quote.totalJpy))],
      ["うち消費税", `${yen(quote.containedTaxJpy)}（${quote.taxRatePercent}%）`], ["作成日時", dateTime(quote.createdAt)]]),
    desk && quote.bindingWarnings?.length ? el("ul", { class: "warnings", id: "quote-warnings" }, quote.bindingWarnings.map((w) => el("li", {}, w))) : ""),
    actions);
}
