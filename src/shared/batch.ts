/** DataLoader batch helpers: results aligned to the keys, null (or []) where a key has none. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map(r => [keyOf(r), r]));
  return keys.map(k => map.get(k) ?? null);
}

export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map(k => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map(k => map.get(k) ?? []);
}
