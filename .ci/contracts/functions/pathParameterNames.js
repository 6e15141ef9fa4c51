// Path parameters name what they identify: {orderId}, {serverId}, ... never a bare {id}; an ...Id parameter uses
// the schema of that id (a $ref to the component of the same name, capitalised).
'use strict';

module.exports = (paths) => {
  const results = [];
  for (const [path, item] of Object.entries(paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      for (const [i, p] of (op.parameters || []).entries()) {
        if (!p || p.in !== 'path') continue;
        if (p.name === 'id') {
          results.push({ message: `${path}: the path parameter {id} must name its concept, e.g. {orderId}`,
            path: ['paths', path, method, 'parameters', i, 'name'] });
        }
        if (p.name.endsWith('Id')) {
          const expected = '#/components/schemas/' + p.name.charAt(0).toUpperCase() + p.name.slice(1);
          const ref = p.schema && p.schema.$ref;
          if (ref !== expected && !(p.name === 'poolId' && ref === '#/components/schemas/IpPoolId')) {
            results.push({ message: `${path}: {${p.name}} must use the schema ${expected}, not ${ref || 'an inline one'}`,
              path: ['paths', path, method, 'parameters', i, 'schema'] });
          }
        }
      }
    }
  }
  return results;
};
