// Renders every overlay of deploy/kubernetes with `kubectl kustomize` (offline) and validates each object against the
// JSON schemas of the Kubernetes 1.34 API (kubernetes-models 5.1.0), CloudNativePG (@kubernetes-models/cloudnative-pg 2.0.0),
// the Gateway API (@kubernetes-models/gateway-api 2.0.0) and prometheus-operator (@kubernetes-models/prometheus-operator
// 6.0.0): types, formats, required members and enumerations (members a schema does not know are not caught).
// An object of a kind no schema here knows is an error, as is an overlay that renders nothing. Run by .ci/run.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const overlays = join(root, "deploy", "kubernetes", "overlays");
const packages = [
  [/^postgresql\.cnpg\.io\//, "@kubernetes-models/cloudnative-pg/"],
  [/^monitoring\.coreos\.com\//, "@kubernetes-models/prometheus-operator/"],
  [/^gateway\.networking\.k8s\.io\//, "@kubernetes-models/gateway-api/"],
  [/./, "kubernetes-models/"],
];

async function modelOf(apiVersion, kind) {
  const [, prefix] = packages.find(([pattern]) => pattern.test(apiVersion));
  let module;
  try {
    module = await import(prefix + apiVersion);
  } catch {
    return undefined;
  }
  return module[kind];
}

let failures = 0;
for (const overlay of readdirSync(overlays).sort()) {
  // an overlay's example secrets are made in each checkout, never committed (overlays/dev/example-secrets)
  const generator = join(overlays, overlay, "example-secrets", "generate.sh");
  if (existsSync(generator)) execFileSync(generator, { stdio: "ignore" });
  const rendered = execFileSync("kubectl", ["kustomize", join(overlays, overlay)], { encoding: "utf8" });
  const docs = parseAllDocuments(rendered).map((d) => d.toJS()).filter(Boolean);
  const counts = {};
  const failuresBefore = failures;
  for (const doc of docs) {
    if (doc.kind === "Secret" && doc.data) {
      // kustomize wraps long base64 values over lines; the API server's decoder skips the line breaks
      for (const key of Object.keys(doc.data)) doc.data[key] = String(doc.data[key]).replace(/\s+/g, "");
    }
    const name = `${overlay}: ${doc.kind} ${doc.metadata?.namespace ?? "-"}/${doc.metadata?.name}`;
    const Model = await modelOf(doc.apiVersion, doc.kind);
    if (!Model) {
      console.error(`${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
      counts[doc.kind] = (counts[doc.kind] ?? 0) + 1;
    } catch (e) {
      console.error(`${name}: ${e.message}`);
      failures++;
    }
  }
  if (docs.length === 0) {
    console.error(`${overlay}: renders nothing`);
    failures++;
  }
  const bad = failures - failuresBefore;
  console.log(`${overlay}: ${docs.length} objects, ${bad === 0 ? "all valid" : `${bad} invalid`} (${Object.entries(counts)
    .map(([k, n]) => `${n} ${k}`).join(", ")})`);
}
process.exit(failures === 0 ? 0 : 1);
