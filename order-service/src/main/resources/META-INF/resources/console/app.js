// certdesk order desk console: plain ES module, no build step. The bearer token lives in this module's memory only
// (never in the URL, local storage or a cookie): reloading the page asks for it again. Every text from the API is
// set as text, never as HTML.

const STATES = {
  QUOTED: "見積済み", CONTRACTED: "契約済み", INVOICED: "請求済み", PAID: "入金済み", APPLYING: "申請準備中",
  CSR_READY: "CSR作成済み", SUBMITTED: "認証局へ申請済み", DOCUMENTS_PENDING: "書類確認中",
  PHONE_VERIFICATION: "電話認証待ち", ISSUED: "発行済み", INSTALLED: "設置完了", CANCELLED: "キャンセル済み",
};

// the commands an order page offers, by the slug of their endpoint under /orders/{orderId}/ (OrderCommand); the
// order desk's (staff, admin) alone, as the API's roles say
const DESK_ROLES = ["staff", "admin"];
const COMMANDS = {
  CONTRACT: { slug: "contract", label: "契約する" },
  INVOICE: { slug: "invoice", label: "請求書を発行する" },
  START_APPLICATION: { slug: "start-application", label: "申請を開始する" },
  REQUEST_DOCUMENTS: { slug: "request-documents", label: "書類の提出を依頼する" },
  ACCEPT_DOCUMENTS: { slug: "accept-documents", label: "書類を承認する" },
  OVERRIDE_DEPLOYMENT: { slug: "deployment-override", label: "設置を手動で確認済みにする", reason: true },
  CANCEL: { slug: "cancel", label: "注文をキャンセルする", danger: true },
};

const session = { token: null, me: null };
const main = () => document.getElementById("main");

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["Idempotency-Key"] = crypto.randomUUID();
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: "サーバーに接続できません。ネットワークをご確認のうえ、もう一度お試しください。" });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The API's field messages (Bean Validation, English) in Japanese where the rule is a common one. */
function fieldMessage(message) {
  const size = /^size must be between (\d+) and (\d+)$/.exec(message);
  if (size) return `${size[2]}文字以内で入力してください。`;
  if (/^must not be (blank|null|empty)$/.test(message)) return "入力してください。";
  const max = /^must be less than or equal to (\d+)$/.exec(message);
  if (max) return `${max[1]}以下の値を入力してください。`;
  const min = /^must be greater than or equal to (\d+)$/.exec(message);
  if (min) return `${min[1]}以上の値を入力してください。`;
  return message;
}

/** What went wrong, in words a person at the desk can act on. */
function explain(error) {
  const p = error.problem || {};
  switch (error.status) {
    case 400: return "入力内容に誤りがあります。表示された項目をご確認ください。";
    case 401: return "ログインの有効期限が切れたか、トークンが正しくありません。もう一度ログインしてください。";
    case 403: return "この操作を行う権限がありません。";
    case 404: return "お探しのデータは見つかりません。番号をご確認ください。";
    case 409: return "現在の状態ではこの操作はできません。画面を更新して最新の状態をご確認ください。";
    case 503: return /seal/i.test(p.detail || "")
      ? "鍵保管庫（keystore）が封印されているため、鍵を使う処理は現在できません。管理者による解除をお待ちください。"
      : "サービスが一時的に利用できません。しばらくしてからもう一度お試しください。";
    default: return p.detail || error.message;
  }
}

/** A problem shown above a form, its violations next to the fields they name; 409 lists what is allowed now. */
function showProblem(container, error, form) {
  container.replaceChildren();
  form?.querySelectorAll(".error[data-for]").forEach((n) => n.remove());
  const violations = error.problem?.violations || [];
  const unplaced = [];
  for (const v of violations) {
    const field = form?.querySelector(`[name="${CSS.escape(v.field)}"]`);
    if (field) field.after(el("p", { class: "error", "data-for": v.field, role: "alert" }, fieldMessage(v.message)));
    else unplaced.push(`${v.field}: ${fieldMessage(v.message)}`);
  }
  const notice = el("div", { class: "notice", role: "alert" }, explain(error));
  if (unplaced.length) notice.append(el("ul", {}, unplaced.map((u) => el("li", {}, u))));
  const allowed = error.problem?.allowedCommands || [];
  if (error.status === 409 && allowed.length) {
    notice.append(el("p", {}, "現在できる操作: ", allowed.map((c) => COMMANDS[c]?.label || c).join("、")));
  }
  container.append(notice);
}

function stateLabel(state) {
  return el("span", { class: `state ${state}`, "data-state": state }, STATES[state] || state);
}

function yyyymmdd(instant) {
  if (!instant) return "—";
  return new Intl.DateTimeFormat("ja-JP", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Tokyo" })
    .format(new Date(instant));
}

// --- views -----------------------------------------------------------------------------------------------------

function loginView(message) {
  const problem = el("div");
  const form = el("form", { id: "login", class: "card" },
    el("h1", {}, "ログイン"),
    el("p", { class: "muted" }, "発行されたアクセストークンを貼り付けてください（ローカル環境では ",
      el("code", {}, "deploy/local/token.sh staff"), " で発行できます）。トークンはこの画面を開いている間だけ保持されます。"),
    el("label", { for: "token" }, "アクセストークン"),
    el("textarea", { id: "token", name: "token", required: true, autocomplete: "off", spellcheck: "false" }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "ログイン")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    session.token = form.token.value.trim();
    try {
      session.me = await api("GET", "/me");
      showIdentity();
      if (!location.hash || location.hash === "#/login") location.hash = "#/orders";
      else route();
    } catch (error) {
      session.token = null;
      showProblem(problem, error, form);
    }
  });
  main().replaceChildren(message ? el("div", { class: "notice" }, message) : "", problem, form);
  form.token.focus();
}

function showIdentity() {
  const me = session.me;
  const role = (me.roles || []).join(", ");
  document.getElementById("who").textContent = `${me.subject}（${role}${me.customerId ? `・顧客 ${me.customerId}` : ""}）`;
  document.getElementById("nav").hidden = false;
  document.getElementById("logout").hidden = false;
}

async function ordersView(params) {
  const page = Number(params.get("page") || 0);
  const state = params.get("state") || "";
  const query = new URLSearchParams({ page, size: 20, sort: "-createdAt" });
  if (state) query.set("state", state);
  const problem = el("div");
  const filter = el("select", { name: "state", id: "state-filter", onchange: (e) => {
    const next = new URLSearchParams({ state: e.target.value });
    location.hash = `#/orders?${next}`;
  } }, el("option", { value: "" }, "すべての状態"),
  Object.entries(STATES).map(([key, label]) => el("option", { value: key, selected: key === state }, label)));
  main().replaceChildren(el("h1", {}, "注文一覧"), el("label", { for: "state-filter" }, "状態で絞り込む"), filter, problem);
  try {
    const result = await api("GET", `/orders?${query}`);
    const rows = result.items.map((o) => el("tr", { "data-order": o.id },
      el("td", {}, el("a", { href: `#/orders/${o.id}` }, `注文 ${o.id}`)),
      el("td", {}, o.domain), el("td", {}, o.customerId), el("td", {}, o.productCode),
      el("td", {}, stateLabel(o.state)), el("td", {}, yyyymmdd(o.updatedAt))));
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    const go = (p) => { const next = new URLSearchParams({ page: p }); if (state) next.set("state", state); location.hash = `#/orders?${next}`; };
    main().append(
      result.items.length === 0 ? el("p", { class: "muted" }, "該当する注文はありません。") : el("table", { id: "orders" },
        el("thead", {}, el("tr", {}, ["注文", "ドメイン", "顧客", "商品", "状態", "更新日時"].map((h) => el("th", {}, h)))),
        el("tbody", {}, rows)),
      el("div", { class: "pager" },
        el("button", { type: "button", class: "secondary", disabled: page === 0, onclick: () => go(page - 1) }, "前へ"),
        el("span", {}, `${result.total} 件中 ${page + 1} / ${pages} ページ`),
        el("button", { type: "button", class: "secondary", disabled: page + 1 >= pages, onclick: () => go(page + 1) }, "次へ")));
  } catch (error) {
    showProblem(problem, error);
  }
}

async function orderView(id) {
  const problem = el("div", { id: "problem" });
  main().replaceChildren(el("h1", {}, `注文 ${id}`), problem);
  let order;
  let timeline;
  try {
    [order, timeline] = await Promise.all([api("GET", `/orders/${encodeURIComponent(id)}`),
      api("GET", `/orders/${encodeURIComponent(id)}/timeline?size=100&sort=occurredAt`)]);
  } catch (error) {
    showProblem(problem, error);
    return;
  }
  const facts = el("dl", { class: "facts" },
    el("dt", {}, "状態"), el("dd", { id: "order-state" }, stateLabel(order.state)),
    el("dt", {}, "ドメイン"), el("dd", {}, order.domain),
    el("dt", {}, "顧客"), el("dd", {}, order.customerId),
    el("dt", {}, "商品"), el("dd", {}, `${order.productCode}（${order.validationLevel}）`),
    el("dt", {}, "サーバー"), el("dd", {}, order.serverId),
    el("dt", {}, "申請開始可能日"), el("dd", {}, order.earliestApplicationDate || "—"),
    el("dt", {}, "設置先"), el("dd", {}, order.placement?.httpsUrl || "—"),
    el("dt", {}, "実行中の処理"), el("dd", {}, order.currentStep
      ? `${order.currentStep.kind}（${order.currentStep.status}${order.currentStep.lastError ? `: ${order.currentStep.lastError}` : ""}）` : "—"));
  const commands = el("div", { class: "commands", id: "commands" });
  const desk = (session.me?.roles || []).some((r) => DESK_ROLES.includes(r));
  const offered = desk ? (order.allowedCommands || []).filter((c) => COMMANDS[c]) : [];
  for (const name of offered) commands.append(commandForm(order, name, problem));
  if (!offered.length) {
    commands.append(el("p", { class: "muted" }, desk ? "この画面から行える操作は現在ありません。"
      : "手続きは当社の担当者が進めます。状況はこの画面でご確認いただけます。"));
  }
  const entries = (timeline.items || []).map((t) => el("tr", {},
    el("td", {}, yyyymmdd(t.occurredAt)), el("td", {}, t.summary || t.kind),
    el("td", {}, t.toState ? STATES[t.toState] || t.toState : ""), el("td", {}, t.actor || ""), el("td", {}, t.note || "")));
  main().append(el("section", { class: "card" }, facts), el("h2", {}, "操作"), commands,
    el("h2", {}, "経過"), el("table", { id: "timeline" },
      el("thead", {}, el("tr", {}, ["日時", "出来事", "状態", "担当", "メモ"].map((h) => el("th", {}, h)))),
      el("tbody", {}, entries)));
}

function commandForm(order, name, problem) {
  const command = COMMANDS[name];
  const field = command.reason
    ? [el("label", { for: `reason-${name}` }, "理由（必須）"), el("textarea", { id: `reason-${name}`, name: "reason" })]
    : [el("label", { for: `note-${name}` }, "メモ（任意）"), el("input", { id: `note-${name}`, name: "note", maxlength: 2100 })];
  const form = el("form", { class: "command", "data-command": name }, field,
    el("div", { class: "commands" }, el("button", { type: "submit", class: command.danger ? "secondary" : "" }, command.label)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    const body = command.reason ? { reason: form.reason.value } : (form.note.value ? { note: form.note.value } : {});
    try {
      await api("POST", `/orders/${order.id}/${command.slug}`, body);
      await orderView(order.id);
    } catch (error) {
      showProblem(problem, error, form);
      button.disabled = false;
    }
  });
  return form;
}

// --- routing ---------------------------------------------------------------------------------------------------

function route() {
  if (!session.token) {
    loginView();
    return;
  }
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const order = path.match(/^\/orders\/([^/]+)$/);
  if (order) orderView(decodeURIComponent(order[1]));
  else ordersView(params);
}

window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("logout").addEventListener("click", () => {
    session.token = null;
    session.me = null;
    document.getElementById("who").textContent = "";
    document.getElementById("nav").hidden = true;
    document.getElementById("logout").hidden = true;
    loginView("ログアウトしました。");
  });
  route();
});
