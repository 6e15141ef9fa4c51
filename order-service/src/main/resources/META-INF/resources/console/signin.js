// Sign-in through the organisation's OpenID Connect provider: authorization code with PKCE (S256) for a public
// client. Only the PKCE verifier, the state and the page to return to wait in sessionStorage during the round trip
// (they are no credentials and are removed on return); the access token lives in memory only (lib.js session).

const PENDING = "certdesk.oidc.pending";

let config;
/** The console's settings from order-service: { oidc: {...} } or { oidc: null } when only pasted tokens are used. */
export async function consoleConfig() {
  if (!config) {
    try {
      const response = await fetch("config.json", { headers: { Accept: "application/json" } });
      config = response.ok ? await response.json() : { oidc: null };
    } catch (e) {
      config = { oidc: null };
    }
  }
  return config;
}

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));
const redirectUri = () => `${location.origin}${location.pathname}`;

/** Leaves for the provider's sign-in page; it sends the browser back here with a code. */
export async function startSignIn(oidc) {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash || "" }));
  const query = new URLSearchParams({ response_type: "code", client_id: oidc.clientId, redirect_uri: redirectUri(),
    scope: oidc.scope, state, code_challenge: challenge, code_challenge_method: "S256" });
  location.assign(`${oidc.authorizationEndpoint}?${query}`);
}

/**
 * Back from the provider (?code=…&state=… or ?error=…): trades the code for an access token, removes the answer from
 * the address bar and returns { token, hash } (the page the person was on), or { error } in words; null when the page
 * was not opened by the provider.
 */
export async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has("code") && !params.has("error")) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
  sessionStorage.removeItem(PENDING);
  const hash = pending?.hash || "";
  history.replaceState(null, "", `${location.pathname}${hash}`);
  // nothing a link could carry is shown: an answer that does not belong to the sign-in this page started is refused
  // before it is read, and the provider's own words are never put on the page
  if (!pending || pending.state !== params.get("state")) {
    return { error: "ログインの手続きを確認できませんでした。もう一度ログインしてください。" };
  }
  if (params.has("error")) {
    return { error: params.get("error") === "access_denied" ? "ログインできませんでした（ログインが取り消されました）。"
      : "ログインできませんでした。しばらくしてからもう一度お試しください。" };
  }
  const { oidc } = await consoleConfig();
  let answer;
  try {
    const response = await fetch(oidc.tokenEndpoint, { method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
        client_id: oidc.clientId, code_verifier: pending.verifier }) });
    answer = await response.json();
    if (!response.ok || !answer.access_token) {
      return { error: "ログインできませんでした。もう一度ログインしてください。" };
    }
  } catch (e) {
    return { error: "ログインのサーバーに接続できません。しばらくしてからもう一度お試しください。" };
  }
  return { token: answer.access_token, hash };
}
