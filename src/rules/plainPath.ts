// The path resolver both engines use: own properties and plain segments only.

/** Only own properties, only plain segments: no JSONPath, filters or expressions are ever evaluated. */
export function plainPath(value: unknown, path: string): unknown {
  let v = value;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
