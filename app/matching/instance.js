// @ts-check
/**
 * Reading a pairing instance (the JSON of DESIGN.md) with clear, one-line errors:
 * {"students":[{"id":"s1","preferences":["f2","f1"]}], "hosts":[{"id":"f1","capacity":2,"priorities":["s3","s1"]}]}
 * Student ids and host ids are separate namespaces (any non-empty string); lists are strict (no duplicates).
 */

export class InstanceError extends Error {}

/** @param {unknown} v */
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * @param {unknown} data parsed JSON
 * @returns {import("./engine.js").Instance}
 */
export function parseInstance(data) {
  if (!isObject(data)) throw new InstanceError('the instance must be a JSON object with "students" and "hosts"');
  const { students, hosts } = /** @type {Record<string, unknown>} */ (data);
  if (!Array.isArray(students)) throw new InstanceError('"students" must be an array');
  if (!Array.isArray(hosts)) throw new InstanceError('"hosts" must be an array');

  const hostIds = new Set();
  hosts.forEach((h, i) => {
    if (!isObject(h)) throw new InstanceError(`hosts[${i}] must be an object`);
    if (typeof h.id !== "string" || h.id === "") throw new InstanceError(`hosts[${i}].id must be a non-empty string`);
    if (hostIds.has(h.id)) throw new InstanceError(`duplicate host id "${h.id}"`);
    hostIds.add(h.id);
    if (typeof h.capacity !== "number" || !Number.isInteger(h.capacity))
      throw new InstanceError(`host "${h.id}": capacity must be an integer`);
    if (h.capacity < 0) throw new InstanceError(`host "${h.id}": capacity must not be negative (got ${h.capacity})`);
    if (!Array.isArray(h.priorities))
      throw new InstanceError(`host "${h.id}": priorities must be an array of student ids`);
  });

  const studentIds = new Set();
  students.forEach((s, i) => {
    if (!isObject(s)) throw new InstanceError(`students[${i}] must be an object`);
    if (typeof s.id !== "string" || s.id === "")
      throw new InstanceError(`students[${i}].id must be a non-empty string`);
    if (studentIds.has(s.id)) throw new InstanceError(`duplicate student id "${s.id}"`);
    studentIds.add(s.id);
    if (!Array.isArray(s.preferences))
      throw new InstanceError(`student "${s.id}": preferences must be an array of host ids`);
    const seen = new Set();
    for (const h of s.preferences) {
      if (typeof h !== "string")
        throw new InstanceError(`student "${s.id}": preferences must contain host ids (strings)`);
      if (!hostIds.has(h)) throw new InstanceError(`student "${s.id}": unknown host id "${h}" in preferences`);
      if (seen.has(h)) throw new InstanceError(`student "${s.id}": host "${h}" appears twice in preferences`);
      seen.add(h);
    }
  });

  for (const h of hosts) {
    const seen = new Set();
    for (const s of h.priorities) {
      if (typeof s !== "string")
        throw new InstanceError(`host "${h.id}": priorities must contain student ids (strings)`);
      if (!studentIds.has(s)) throw new InstanceError(`host "${h.id}": unknown student id "${s}" in priorities`);
      if (seen.has(s)) throw new InstanceError(`host "${h.id}": student "${s}" appears twice in priorities`);
      seen.add(s);
    }
  }
  return /** @type {import("./engine.js").Instance} */ ({ students, hosts });
}
