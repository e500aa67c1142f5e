// Place names as the gazetteer knows them: every spelling folded to one canonical place.
import type { Gazetteer } from './schema.js';

export type Place = Gazetteer['places'][number];

/** A place name folded for comparison: case, compatibility forms, dots, hyphens and spaces. */
export const normalPlace = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-_']+/g, ' ')
    .trim();

const indexes = new WeakMap<Gazetteer, Map<string, Place>>();

/** Maps every spelling in the gazetteer to its canonical place (built once per gazetteer). */
export function placeIndex(gazetteer: Gazetteer): Map<string, Place> {
  let index = indexes.get(gazetteer);
  if (index) return index;
  index = new Map();
  for (const place of gazetteer.places)
    for (const spelling of [place.name, ...place.spellings]) index.set(normalPlace(spelling), place);
  indexes.set(gazetteer, index);
  return index;
}

export function findPlace(gazetteer: Gazetteer, name: string): Place | undefined {
  return placeIndex(gazetteer).get(normalPlace(name));
}
