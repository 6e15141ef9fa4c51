// The console in English. The screens are written in Japanese (the users are Japanese); with English chosen, every
// text the console shows is looked up in en.json (Japanese → English; `{}` marks a value, `{1}`, `{2}` … when
// English orders the values otherwise) as it appears on the page, values that are labels themselves included.
// Texts from the API that are no label (names, domains, notes) stay as they are. The choice is a preference kept in
// localStorage (no credential is ever kept there).

const CHOICE = "certdesk.language";
const ATTRIBUTES = ["placeholder", "aria-label", "title", "alt"];

let exact = new Map();
let patterns = [];
let observer = null;
// what each translated text node and attribute said in Japanese, to go back without reloading (and signing in again)
const originals = new WeakMap();

export const language = () => (localStorage.getItem(CHOICE) === "en" ? "en" : "ja");

async function load() {
  if (exact.size) return;
  const response = await fetch("en.json", { headers: { Accept: "application/json" } });
  const dictionary = await response.json();
  for (const [ja, en] of Object.entries(dictionary)) {
    if (!ja.includes("{}")) {
      exact.set(ja, en);
      continue;
    }
    const literal = ja.split("{}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    patterns.push({ regex: new RegExp(`^${literal.join("(.*?)")}$`, "s"), en, weight: ja.replace(/\{\}/g, "").length });
  }
  // the most specific first: more fixed text, fewer guesses
  patterns.sort((a, b) => b.weight - a.weight);
}

const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** One text in English where the dictionary knows it (exactly, or as a pattern whose values are translated too). */
function translate(text) {
  if (!text || !JAPANESE.test(text)) return text;
  return known(text) ?? text;
}

/**
 * The English of {@code text}, or null. A pattern applies only when each value it would keep is no Japanese text of
 * its own or is itself known: "{}日" turns "3日" into "3 days" but leaves a company called 株式会社毎日 alone.
 */
function known(text) {
  const exactly = exact.get(text);
  if (exactly !== undefined) return exactly;
  for (const { regex, en } of patterns) {
    const match = regex.exec(text);
    if (!match) continue;
    const values = match.slice(1).map((v) => (JAPANESE.test(v) ? known(v) : v));
    if (values.some((v) => v === null)) continue;
    let next = 0;
    return en.replace(/\{(\d*)\}/g, (_, n) => values[n ? Number(n) - 1 : next++] ?? "");
  }
  return null;
}

function restoreTree(root) {
  const original = originals.get(root);
  if (root.nodeType === Node.TEXT_NODE) {
    if (original !== undefined) root.nodeValue = original;
  } else if (root.nodeType === Node.ELEMENT_NODE) {
    for (const [name, value] of Object.entries(original || {})) root.setAttribute(name, value);
    root.childNodes.forEach(restoreTree);
  }
  originals.delete(root);
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    const english = translate(root.nodeValue);
    if (english !== root.nodeValue) {
      originals.set(root, root.nodeValue);
      root.nodeValue = english;
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || root.closest?.("[translate=no], textarea, script, style")) return;
  for (const name of ATTRIBUTES) {
    const value = root.getAttribute(name);
    const english = translate(value);
    if (english !== value) {
      originals.set(root, { ...originals.get(root), [name]: value });
      root.setAttribute(name, english);
    }
  }
  root.childNodes.forEach(translateTree);
}

/** Switches the page's language; the caller shows the current screen again. */
export async function setLanguage(choice) {
  localStorage.setItem(CHOICE, choice);
  await apply();
}

/** Follows the page in the chosen language from now on (every change the screens make is translated as it comes). */
export async function apply() {
  const english = language() === "en";
  document.documentElement.lang = english ? "en" : "ja";
  observer?.disconnect();
  observer = null;
  if (!english) {
    restoreTree(document.documentElement);
    return;
  }
  await load();
  translateTree(document.documentElement);
  observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "characterData") translateTree(change.target);
      else if (change.type === "attributes") translateTree(change.target);
      else change.addedNodes.forEach(translateTree);
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ATTRIBUTES });
}
