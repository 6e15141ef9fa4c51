// Every schema reachable from an answer (and from no request body) must list all its properties as required;
// a property that may be null says nullable: true. Reports each property missing from required.
'use strict';

const PREFIX = '#/components/schemas/';

function reach(schema, schemas, seen) {
  if (!schema || typeof schema !== 'object') return;
  if (schema.$ref && schema.$ref.startsWith(PREFIX)) {
    const name = schema.$ref.substring(PREFIX.length);
    if (!seen.has(name)) {
      seen.add(name);
      reach(schemas[name], schemas, seen);
    }
    return;
  }
  for (const key of ['items', 'additionalProperties']) reach(schema[key], schemas, seen);
  for (const key of ['allOf', 'anyOf', 'oneOf']) (schema[key] || []).forEach((s) => reach(s, schemas, seen));
  Object.values(schema.properties || {}).forEach((s) => reach(s, schemas, seen));
}

module.exports = (document) => {
  const schemas = (document.components && document.components.schemas) || {};
  const answers = new Set();
  const requests = new Set();
  for (const item of Object.values(document.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const body = op.requestBody && op.requestBody.content;
      Object.values(body || {}).forEach((m) => reach(m.schema, schemas, requests));
      for (const response of Object.values(op.responses || {})) {
        Object.values(response.content || {}).forEach((m) => reach(m.schema, schemas, answers));
      }
    }
  }
  const results = [];
  for (const name of answers) {
    if (requests.has(name)) continue;
    const schema = schemas[name];
    if (!schema || !schema.properties) continue;
    const required = new Set(schema.required || []);
    for (const property of Object.keys(schema.properties)) {
      if (!required.has(property)) {
        results.push({
          message: `${name}.${property} answers but is not required (mark it required, nullable if it may be null)`,
          path: ['components', 'schemas', name, 'properties', property],
        });
      }
    }
  }
  return results;
};
