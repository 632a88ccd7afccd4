// @ts-check
/**
 * Student-proposing deferred acceptance (Gale–Shapley) for many-to-one matching with capacities.
 *
 * The result is stable (no student and host who both prefer each other to what they got), the best stable result
 * for every student, and strategy-proof for students (no student gains by misreporting their preferences).
 * A pair is acceptable only if the host is in the student's preferences AND the student is in the host's priorities.
 *
 * Pure: no I/O. Plain JavaScript with JSDoc types so that the app (TypeScript) and the `npm run match` command
 * (plain Node, no build or TypeScript runtime on the hot path) run the very same code.
 */

/**
 * @typedef {{ id: string, preferences: string[] }} Student
 * @typedef {{ id: string, capacity: number, priorities: string[] }} Host
 * @typedef {{ students: Student[], hosts: Host[] }} Instance
 * @typedef {{ assignments: Record<string, string | null> }} Result
 */

/**
 * Runs deferred acceptance. The instance must be valid (see parseInstance); ids are compared as strings.
 * @param {Instance} instance
 * @returns {Result}
 */
export function match(instance) {
  const { students, hosts } = instance;
  const nS = students.length;
  const nH = hosts.length;
  /** @type {Map<string, number>} */
  const studentIndex = new Map();
  for (let i = 0; i < nS; i++) studentIndex.set(students[i].id, i);
  /** @type {Map<string, number>} */
  const hostIndex = new Map();
  for (let h = 0; h < nH; h++) hostIndex.set(hosts[h].id, h);

  // Each host's priority rank of each student it lists (lower is better), in one flat open-addressing-free Map
  // keyed by host * nS + student: memory proportional to the priority lists, not to hosts × students.
  /** @type {Map<number, number>} */
  const rank = new Map();
  for (let h = 0; h < nH; h++) {
    const list = hosts[h].priorities;
    for (let r = 0; r < list.length; r++) {
      const s = studentIndex.get(list[r]);
      if (s !== undefined) rank.set(h * nS + s, r);
    }
  }

  // Students' preference lists as host indices.
  const prefs = students.map((s) => {
    const out = new Int32Array(s.preferences.length);
    for (let k = 0; k < out.length; k++) out[k] = hostIndex.get(s.preferences[k]) ?? -1;
    return out;
  });

  // Per host, a max-heap (by rank) of the students it tentatively holds, so the worst one is evicted in O(log c).
  const capacity = hosts.map((h) => h.capacity);
  /** @type {number[][]} */
  const held = hosts.map(() => []);
  /** @type {number[][]} */
  const heldRank = hosts.map(() => []);
  const next = new Int32Array(nS); // next preference each student will propose to
  const assigned = new Int32Array(nS).fill(-1);

  const stack = [];
  for (let i = nS - 1; i >= 0; i--) stack.push(i);
  while (stack.length) {
    const s = /** @type {number} */ (stack.pop());
    const list = prefs[s];
    while (next[s] < list.length) {
      const h = list[next[s]++];
      if (h < 0 || capacity[h] === 0) continue;
      const r = rank.get(h * nS + s);
      if (r === undefined) continue; // not acceptable to the host
      const heap = held[h];
      const ranks = heldRank[h];
      if (heap.length < capacity[h]) {
        heapPush(heap, ranks, s, r);
        assigned[s] = h;
        break;
      }
      if (r < ranks[0]) {
        const evicted = heap[0];
        heapReplaceTop(heap, ranks, s, r);
        assigned[s] = h;
        assigned[evicted] = -1;
        stack.push(evicted);
        break;
      }
    }
  }

  /** @type {Record<string, string | null>} */
  const assignments = {};
  for (let i = 0; i < nS; i++) assignments[students[i].id] = assigned[i] >= 0 ? hosts[assigned[i]].id : null;
  return { assignments };
}

/** @param {number[]} heap @param {number[]} ranks @param {number} s @param {number} r */
function heapPush(heap, ranks, s, r) {
  let i = heap.length;
  heap.push(s);
  ranks.push(r);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (ranks[parent] >= r) break;
    heap[i] = heap[parent];
    ranks[i] = ranks[parent];
    i = parent;
  }
  heap[i] = s;
  ranks[i] = r;
}

/** @param {number[]} heap @param {number[]} ranks @param {number} s @param {number} r */
function heapReplaceTop(heap, ranks, s, r) {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && ranks[right] > ranks[left] ? right : left;
    if (ranks[child] <= r) break;
    heap[i] = heap[child];
    ranks[i] = ranks[child];
    i = child;
  }
  heap[i] = s;
  ranks[i] = r;
}

/**
 * Blocking pairs of an assignment (for the stability report after a manual override): a student s and an acceptable
 * host h that s prefers to its current host, where h has a free seat or holds someone it ranks below s.
 * @param {Instance} instance
 * @param {Record<string, string | null>} assignments
 * @returns {Array<{ student: string, host: string }>}
 */
export function blockingPairs(instance, assignments) {
  /** @type {Map<string, Map<string, number>>} */
  const priority = new Map(instance.hosts.map((h) => [h.id, new Map(h.priorities.map((s, i) => [s, i]))]));
  /** @type {Map<string, string[]>} */
  const holders = new Map(instance.hosts.map((h) => [h.id, []]));
  for (const [s, h] of Object.entries(assignments)) if (h !== null) holders.get(h)?.push(s);
  const capacity = new Map(instance.hosts.map((h) => [h.id, h.capacity]));
  const out = [];
  for (const student of instance.students) {
    const current = assignments[student.id];
    for (const h of student.preferences) {
      if (h === current) break; // only hosts the student prefers to what it has
      const ranks = priority.get(h);
      const mine = ranks?.get(student.id);
      if (mine === undefined) continue;
      const holding = holders.get(h) ?? [];
      const cap = capacity.get(h) ?? 0;
      if (cap === 0) continue;
      if (holding.length < cap || holding.some((other) => (ranks?.get(other) ?? Infinity) > mine)) {
        out.push({ student: student.id, host: h });
      }
    }
  }
  return out;
}
