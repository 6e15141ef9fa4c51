// What the desk's and the customer's screens share: the session (token in this module's memory only, never in the
// URL, local storage or a cookie), the API client on this origin, problem+json in Japanese, labels and formats.
// Every text from the API is set as text, never as HTML.

import { language } from "./i18n.js";

export const session = { token: null, me: null };
const DESK_ROLES = ["staff", "admin"];
export const isDesk = () => (session.me?.roles || []).some((r) => DESK_ROLES.includes(r));
/**
 * The screen's container. Each navigation puts a new one in place (app.js), so a view captures it when it starts and
 * whatever it draws after a slow answer lands in a container no longer shown when the person has moved on.
 */
export const main = () => document.getElementById("main");

export const STATES = {
  QUOTED: "見積済み", CONTRACTED: "契約済み", INVOICED: "請求済み", PAID: "入金済み", APPLYING: "申請準備中",
  CSR_READY: "CSR作成済み", SUBMITTED: "認証局へ申請済み", DOCUMENTS_PENDING: "書類確認中",
  PHONE_VERIFICATION: "電話認証待ち", ISSUED: "発行済み", INSTALLED: "設置完了", CANCELLED: "キャンセル済み",
};
export const ORDER_TYPES = { NEW: "新規", RENEWAL: "更新", REISSUE: "再発行" };
export const STRATEGIES = {
  SNI: "SNI（共用の IP アドレス・標準の HTTPS ポート）", DEDICATED_IP: "追加のグローバル IP アドレス",
  ALTERNATE_PORT: "別ポート（444番など）",
};
export const DOCUMENT_KINDS = {
  APPLICATION_FORM: "申請書", SEAL_CERTIFICATE: "印鑑証明書", REGISTRY_TRANSCRIPT: "登記事項証明書（履歴事項全部証明書）",
  ATTORNEY_OPINION: "弁護士意見書",
};
export const DOCUMENT_STATUSES = { REQUIRED: "未提出", RECEIVED: "確認中", ACCEPTED: "承認済み", REJECTED: "差し戻し" };
export const CALL_STATUSES = { PROPOSED: "日時のご確認待ち", CONFIRMED: "日時確定", PASSED: "確認完了", FAILED: "確認できず" };
export const INVOICE_STATUSES = {
  OPEN: "未入金", PAID: "入金済み", OVERPAID: "過入金", VOID: "無効", REFUND_DUE: "返金予定", REFUNDED: "返金済み",
};
export const PAYMENT_METHODS = {
  BANK_TRANSFER: "銀行振込", CREDIT_CARD: "クレジットカード", CONVENIENCE_STORE: "コンビニ払い", DIRECT_DEBIT: "口座振替",
};
export const RENEWAL_STATUSES = { ACTIVE: "有効", RENEWAL_UNDER_WAY: "更新手続き中", EXPIRED: "期限切れ", RENEWED: "更新済み" };
export const DEPLOYMENT_STATUSES = { WAITING: "設置の確認待ち", SERVED: "配信を確認済み", OVERRIDDEN: "担当者が設置を確認済み" };
export const STEP_KINDS = {
  PLACE_DOMAIN: "設置先の確保", PREPARE_CSR: "鍵と CSR の作成", SUBMIT_APPLICATION: "認証局への申請",
  FOLLOW_ISSUANCE: "発行の確認", LINK_CERTIFICATE: "証明書の登録", CONFIRM_DEPLOYMENT: "設置の確認",
  RELEASE_DOMAIN: "設置先の解放", ABANDON_KEY: "鍵の破棄",
};
export const STEP_STATUSES = { PENDING: "実行中", DONE: "完了", PARKED: "停止中（要対応）", CANCELLED: "取り消し" };

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
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

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * One call on this origin (the Gateway, or the local stack's gateway, sends each path to its service). Options:
 * ifMatch (the ETag the screen showed), body as a Blob/File with its own type, raw (answer a Blob with its file name).
 */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: options.raw ? "*/*" : "application/json, application/problem+json" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  // a form sends one key for as long as its request may have reached the server (see wire), so a retry after a lost
  // answer is never done twice
  if (method !== "GET") headers["Idempotency-Key"] = options.idempotencyKey || crypto.randomUUID();
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  let payload;
  if (body instanceof Blob) {
    headers["Content-Type"] = body.type || "application/octet-stream";
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, { detail: "サーバーに接続できません。ネットワークをご確認のうえ、もう一度お試しください。" });
  }
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = { detail: text }; }
    // a token that expired or was revoked: the page returns to sign-in (app.js), whatever screen asked
    if (response.status === 401 && session.me) document.dispatchEvent(new CustomEvent("certdesk:unauthorized"));
    throw new ApiError(response.status, problem);
  }
  if (options.raw) {
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] || /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await response.blob(), fileName: name ? decodeURIComponent(name) : options.fileName };
  }
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get("ETag") };
}

export async function api(method, path, body, options) {
  return (await request(method, path, body, options)).data;
}

/** Saves what the API answers as a file (the browser's download), e.g. an invoice PDF or a key bundle. */
export async function download(method, path, fileName) {
  const { blob, fileName: name } = await request(method, path, undefined, { raw: true, fileName });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name || fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name || fileName;
}

/** The API's field messages (Bean Validation, English) in Japanese where the rule is a common one. */
function fieldMessage(message) {
  const size = /^size must be between (\d+) and (\d+)$/.exec(message);
  if (size) return Number(size[1]) > 0 ? `${size[1]}〜${size[2]}文字で入力してください。` : `${size[2]}文字以内で入力してください。`;
  if (/^must not be (blank|null|empty)$/.test(message)) return "入力してください。";
  const max = /^must be less than or equal to (\d+)$/.exec(message);
  if (max) return `${max[1]}以下の値を入力してください。`;
  const min = /^must be greater than or equal to (\d+)$/.exec(message);
  if (min) return `${min[1]}以上の値を入力してください。`;
  if (/^must match /.test(message)) return "形式が正しくありません。";
  if (/^must be a well-formed email address$/.test(message)) return "メールアドレスの形式が正しくありません。";
  return message;
}

/** What went wrong, in words a person can act on. */
function explain(error) {
  const p = error.problem || {};
  switch (error.status) {
    case 400: return p.violations?.length ? "入力内容に誤りがあります。表示された項目をご確認ください。"
      : `入力内容を受け付けられませんでした。${p.detail ? `（${p.detail}）` : ""}`;
    case 401: return "ログインの有効期限が切れたか、ログインの情報が正しくありません。もう一度ログインしてください。";
    case 403: return "この操作を行う権限がありません。";
    case 404: return "お探しのデータは見つかりません。番号をご確認ください。";
    case 409: return `現在の状態ではこの操作はできません。画面を更新して最新の状態をご確認ください。${p.detail ? `（${p.detail}）` : ""}`;
    case 412: return "表示中の内容が他の操作で更新されました。画面を更新して最新の内容をご確認ください。";
    case 413: return "ファイルが大きすぎます。";
    case 415: return "この形式のファイルは受け付けていません（PDF、JPEG、PNG のいずれかでお送りください）。";
    case 422: return `内容を確認できませんでした。${p.detail ? `（${p.detail}）` : ""}`;
    case 429: return "操作が集中しています。しばらくしてからもう一度お試しください。";
    case 503: return /seal/i.test(p.detail || "")
      ? "鍵保管庫（keystore）が封印されているため、鍵を使う処理は現在できません。管理者による解除をお待ちください。"
      : "サービスが一時的に利用できません。しばらくしてからもう一度お試しください。";
    default: return p.detail || error.message;
  }
}

/** Labels of the commands a 409 says are allowed now; app.js fills them in. */
export const commandLabels = {};

/** A problem shown in a container, its violations next to the fields they name; 409 lists what is allowed now. */
export function showProblem(container, error, form) {
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
    notice.append(el("p", {}, "現在できる操作: ", allowed.map((c) => commandLabels[c] || c).join("、")));
  }
  container.append(notice);
}

/**
 * A form that posts its values: its buttons are disabled while it runs, problems shown above the form. The action gets
 * the form's Idempotency-Key: the same one again after an answer that never came (the request may have been done), a
 * new one after any answer.
 */
export function wire(form, problem, action) {
  let key = crypto.randomUUID();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button")];
    if (buttons.some((b) => b.disabled)) return;
    buttons.forEach((b) => { b.disabled = true; });
    problem.replaceChildren();
    form.querySelectorAll(".error[data-for]").forEach((n) => n.remove());
    try {
      await action(form, event.submitter, { idempotencyKey: key });
      key = crypto.randomUUID();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 0) key = crypto.randomUUID();
      showProblem(problem, error, form);
    } finally {
      buttons.forEach((b) => { if (b.isConnected) b.disabled = false; });
    }
  });
  return form;
}

export function stateLabel(state) {
  return el("span", { class: `state ${state}`, "data-state": state }, STATES[state] || state);
}

const TOKYO = "Asia/Tokyo";
const locale = () => (language() === "en" ? "en-GB" : "ja-JP");
/** An instant as Tokyo's wall time (Japanese: 2026年12月1日 3:39; English: 1 December 2026 at 03:39). */
export function dateTime(instant) {
  if (!instant) return "—";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeStyle: "short", timeZone: TOKYO }).format(new Date(instant));
}
/** A Tokyo day (yyyy-mm-dd) as people write it. */
export function date(isoDate) {
  if (!isoDate) return "—";
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}
export function yen(amount) {
  if (amount === null || amount === undefined) return "—";
  return language() === "en" ? `¥${Number(amount).toLocaleString("en-GB")}` : `${Number(amount).toLocaleString("ja-JP")}円`;
}
/** Today in Tokyo as yyyy-mm-dd. */
export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: TOKYO }).format(d);
}
/** A datetime-local value (wall time in Tokyo; Japan keeps no daylight saving) as an ISO instant with +09:00. */
export function tokyoInstant(local) {
  return local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : null;
}
/** An instant as the datetime-local value of its Tokyo wall time. */
export function tokyoLocal(instant) {
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: TOKYO, dateStyle: "short", timeStyle: "short" })
    .format(new Date(instant));
  return parts.replace(" ", "T");
}

export function facts(pairs, attrs = {}) {
  return el("dl", { class: "facts", ...attrs }, pairs.filter(Boolean).flatMap(([term, value, id]) =>
    [el("dt", {}, term), el("dd", id ? { id } : {}, value ?? "—")]));
}

export function table(id, headings, rows, empty = "該当するものはありません。") {
  if (!rows.length) return el("p", { class: "muted", id: id ? `${id}-empty` : undefined }, empty);
  return el("table", { id },
    el("thead", {}, el("tr", {}, headings.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

export function field(label, name, attrs = {}, kind = "input") {
  const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return [el("label", { for: id }, label), el(kind, { id, name, ...attrs })];
}

export function select(label, name, options, attrs = {}) {
  const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return [el("label", { for: id }, label), el("select", { id, name, ...attrs },
    Object.entries(options).map(([value, text]) => el("option", { value, selected: value === attrs.value }, text)))];
}

/** Runs {@code refresh} after a while if {@code root} (the screen it belongs to) is still the one shown. */
let timer = null;
export function refreshWhile(condition, root, refresh, intervalMs = 2000) {
  clearTimeout(timer);
  if (!condition) return;
  timer = setTimeout(() => { if (root.isConnected) refresh(); }, intervalMs);
}
export function stopRefresh() {
  clearTimeout(timer);
}
