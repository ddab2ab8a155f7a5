// "Did you mean ...?" for a mistyped name among candidates (Python/suggestions.c, _Py_CalculateSuggestions): a
// Levenshtein distance over the UTF-8 bytes with CPython's costs, the candidates taken in their order. Used for
// unexpected keyword arguments (getargs.ts, call.ts). traceback.ts has traceback.py's variant for NameError.

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

const encoder = new TextEncoder();

function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/** levenshtein_distance: the edit distance of a and b, or maxCost + 1 once it is sure to exceed maxCost. */
function levenshtein_distance(a: Uint8Array, b: Uint8Array, maxCost: number, buffer: Uint32Array): number {
  let a0 = 0, a1 = a.length, b0 = 0, b1 = b.length;
  // Trim the common prefix and suffix.
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) { a0++; b0++; }
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) { a1--; b1--; }
  let na = a1 - a0, nb = b1 - b0;
  if (na === 0 || nb === 0) return (na + nb) * MOVE_COST;
  if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) return maxCost + 1;
  // The shorter string indexes the buffer.
  if (nb < na) {
    [a, b] = [b, a];
    [a0, b0] = [b0, a0];
    [na, nb] = [nb, na];
  }
  if ((nb - na) * MOVE_COST > maxCost) return maxCost + 1;
  for (let i = 0; i < na; i++) buffer[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bi = 0; bi < nb; bi++) {
    const code = b[b0 + bi];
    // distance: the cost of the (ai-1, bi-1) cell; result: the cell to the left.
    let distance = result = bi * MOVE_COST;
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let ai = 0; ai < na; ai++) {
      const c = a[a0 + ai];
      const substitute = distance + (c === code ? 0 : lower(c) === lower(code) ? CASE_COST : MOVE_COST);
      distance = buffer[ai];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** _Py_CalculateSuggestions: the candidate closest to `name` (within a third of their combined length), or null. */
export function _Py_CalculateSuggestions(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = encoder.encode(name);
  const buffer = new Uint32Array(MAX_STRING_SIZE);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = encoder.encode(item);
    const maxDistance = Math.min(Math.floor((nameBytes.length + itemBytes.length + 3) * MOVE_COST / 6), bestDistance - 1);
    const d = levenshtein_distance(nameBytes, itemBytes, maxDistance, buffer);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) { best = item; bestDistance = d; }
  }
  return best;
}

/** "NAME() got an unexpected keyword argument 'KEY'", with ". Did you mean 'X'?" when a candidate is close. */
export function unexpectedKeywordMessage(fname: string, key: string, candidates: readonly string[]): string {
  const s = _Py_CalculateSuggestions(candidates, key);
  return `${fname}() got an unexpected keyword argument '${key}'${s === null ? "" : `. Did you mean '${s}'?`}`;
}
