// certdesk console: the order desk (staff, admin) and the customer portal in one page, plain ES modules and no build
// step. Signs in with a token kept in memory only (lib.js), then routes by the URL's fragment; every call goes to
// this origin, where the Gateway (or the local stack's gateway) sends each path to the service that owns it.
import { api, el, main, session, isDesk, showProblem, stopRefresh, ApiError } from "./lib.js";
import { ordersView, orderView, quotesView, quoteView } from "./orders.js";
import { queuesView, quoteNewView, customersView, customerNewView, customerView, productsView, serversView, serverView } from "./desk.js";
import { invoicesView, invoiceView, certificatesView } from "./portal.js";
import { consoleConfig, startSignIn, finishSignIn } from "./signin.js";
import { apply, setLanguage, language } from "./i18n.js";

const DESK_NAV = [["#/queues", "業務キュー"], ["#/orders", "注文一覧"], ["#/quotes", "見積一覧"], ["#/customers", "顧客一覧"],
  ["#/products", "商品と料金"], ["#/servers", "サーバー一覧"], ["#/invoices", "請求書一覧"], ["#/certificates", "証明書一覧"]];
const CUSTOMER_NAV = [["#/orders", "ご注文"], ["#/quotes", "お見積"], ["#/invoices", "ご請求書"], ["#/certificates", "ご利用中の証明書"]];

// path pattern → view; desk: true for the desk's screens (a customer is shown 権限がありません there; the API itself
// refuses customers most of their calls and scopes the rest to the customer's own data)
const ROUTES = [
  [/^\/queues$/, queuesView, true],
  [/^\/orders$/, (m, p) => ordersView(p)],
  [/^\/orders\/([^/]+)$/, (m) => orderView(decodeURIComponent(m[1]))],
  [/^\/quotes$/, (m, p) => quotesView(p)],
  [/^\/quotes\/new$/, (m, p) => quoteNewView(p), true],
  [/^\/quotes\/([^/]+)$/, (m) => quoteView(decodeURIComponent(m[1]))],
  [/^\/customers$/, (m, p) => customersView(p), true],
  [/^\/customers\/new$/, customerNewView, true],
  [/^\/customers\/([^/]+)$/, (m) => customerView(decodeURIComponent(m[1])), true],
  [/^\/products$/, productsView, true],
  [/^\/servers$/, (m, p) => serversView(p), true],
  [/^\/servers\/([^/]+)$/, (m) => serverView(decodeURIComponent(m[1])), true],
  [/^\/invoices$/, (m, p) => invoicesView(p)],
  [/^\/invoices\/([^/]+)$/, (m) => invoiceView(decodeURIComponent(m[1]))],
  [/^\/certificates$/, certificatesView],
];

async function loginView(message) {
  const problem = el("div");
  const { oidc } = await consoleConfig();
  const provider = oidc ? el("section", { class: "card", id: "oidc" }, el("h1", {}, "ログイン"),
    el("div", { class: "commands" }, el("button", { type: "button", id: "oidc-sign-in", onclick: () => startSignIn(oidc) },
      oidc.label))) : "";
  const form = el("form", { id: "login", class: oidc ? "" : "card" },
    oidc ? "" : el("h1", {}, "ログイン"),
    el("p", { class: "muted" }, "発行されたアクセストークンを貼り付けてください（ローカル環境では ",
      el("code", {}, "deploy/local/token.sh staff"), " または ", el("code", {}, "deploy/local/token.sh customer C-1"),
      " で発行できます）。トークンはこの画面を開いている間だけ保持されます。"),
    el("label", { for: "token" }, "アクセストークン"),
    el("textarea", { id: "token", name: "token", required: true, autocomplete: "off", spellcheck: "false" }),
    el("div", { class: "commands" }, el("button", { type: "submit" }, "ログイン")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await signIn(form.token.value.trim(), problem, form);
  });
  // with a sign-in provider, pasting a token is the operators' way in, folded away
  const tokenPart = oidc ? el("details", { class: "card", id: "token-sign-in" },
    el("summary", {}, "運用担当者向け: アクセストークンでログイン"), form) : form;
  main().replaceChildren(message ? el("div", { class: "notice" }, message) : "", problem, provider, tokenPart);
  if (!oidc) form.token.focus();
}

/** Checks the token with GET /me, then shows the desk or the portal; a refused token leaves the sign-in page. */
async function signIn(token, problem, form) {
  session.token = token;
  try {
    session.me = await api("GET", "/me");
    showIdentity();
    if (!location.hash || location.hash === "#/login" || location.hash === "#/") location.hash = isDesk() ? "#/queues" : "#/orders";
    else route();
  } catch (error) {
    session.token = null;
    if (!(error instanceof ApiError)) throw error;
    showProblem(problem, error, form);
  }
}

function showIdentity() {
  const me = session.me;
  const role = (me.roles || []).join(", ");
  document.getElementById("who").replaceChildren(`${me.subject}（${role}）`, me.customerId ? ` 顧客 ${me.customerId}` : "");
  const nav = document.getElementById("nav");
  nav.replaceChildren(...(isDesk() ? DESK_NAV : CUSTOMER_NAV).map(([href, text]) => el("a", { href }, text)));
  nav.hidden = false;
  document.getElementById("logout").hidden = false;
  document.title = isDesk() ? "certdesk 受注コンソール" : "certdesk お客様ページ";
}

/** Signs out on this page: the token forgotten, the sign-in page shown. */
function signOut(message) {
  session.token = null;
  session.me = null;
  stopRefresh();
  document.getElementById("who").textContent = "";
  document.getElementById("nav").hidden = true;
  document.getElementById("logout").hidden = true;
  freshScreen();
  loginView(message);
}

/** A new container for the next screen: whatever an earlier screen still draws goes to the one no longer shown. */
function freshScreen() {
  const fresh = el("main", { id: "main", "aria-live": "polite" });
  main().replaceWith(fresh);
  return fresh;
}

async function route() {
  stopRefresh();
  freshScreen();
  if (!session.token) {
    loginView();
    return;
  }
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const found = ROUTES.map(([pattern, view, desk]) => [pattern.exec(path), view, desk]).find(([m]) => m);
  const [match, view, desk] = found || [null, isDesk() ? queuesView : (m, p) => ordersView(p), false];
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("current", location.hash.startsWith(a.getAttribute("href"))));
  try {
    if (desk && !isDesk()) throw new ApiError(403, {});
    await view(match, params);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) return;
    const problem = el("div", { id: "problem" });
    main().replaceChildren(problem);
    showProblem(problem, error);
  }
}

window.addEventListener("hashchange", route);
/** The language switch: the other language's name on the button, the current screen shown again in the new one. */
function languageButton() {
  const button = document.getElementById("language");
  button.textContent = language() === "en" ? "日本語" : "English";
  button.lang = language() === "en" ? "ja" : "en";
  button.setAttribute("translate", "no");
  button.onclick = async () => {
    await setLanguage(language() === "en" ? "ja" : "en");
    languageButton();
    if (session.me) showIdentity();
    route();
  };
}

document.addEventListener("DOMContentLoaded", async () => {
  await apply().catch(() => {});
  languageButton();
  document.getElementById("logout").addEventListener("click", () => signOut("ログアウトしました。"));
  // any answer 401 while signed in (an expired or revoked token): back to sign-in, on every screen
  document.addEventListener("certdesk:unauthorized", () => {
    if (session.me) signOut("ログインの有効期限が切れました。もう一度ログインしてください。");
  });
  finishSignIn().then(async (back) => {
    if (!back) return route();
    if (back.error) return loginView(back.error);
    await loginView();
    return signIn(back.token, main().querySelector("div"));
  });
});
