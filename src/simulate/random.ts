// A small seeded generator (sfc32, seeded through splitmix32): run i's numbers depend only on (seed, i).

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) for run `run` of a simulation seeded with `seed`. */
export function runRandom(seed: number, run: number): () => number {
  const mix = splitmix32(Math.imul(seed >>> 0, 0x27d4eb2d) ^ splitmix32(run >>> 0)());
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
