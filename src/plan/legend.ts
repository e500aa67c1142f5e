// The words every output's legend is made of, and how sure a source is: written once, rendered by each reporter.
import { partyName } from './parties.js';
import { SIGNATORIES } from './vocabulary.js';

/** How sure a cited source is (no official text exists; every source is a reprint, translation or summary). */
export const SOURCE_CONFIDENCE = ['reported', 'corroborated', 'contested'] as const;
type SourceConfidence = (typeof SOURCE_CONFIDENCE)[number];

const CONFIDENCE_MEANING: Record<SourceConfidence, string> = {
  reported: 'one outlet reports it',
  corroborated: 'several outlets agree',
  contested: 'outlets disagree',
};

/** A breach's consequence where the plan names no specific one (point 27). */
export const POINT_27_CONSEQUENCE = 'point 27: the Peace Council imposes sanctions for violations; none is specified';

/** What a rule relied on when the scenario left a fact out: the fact counts as not so. */
export const NOT_STATED = 'not stated';

interface LegendEntry {
  term: string;
  meaning: string;
}

/** Every abbreviation and marker casus prints, defined once; each output renders this list in its own format. */
export const LEGEND: readonly LegendEntry[] = [
  {
    term: 'T28',
    meaning:
      'the US 28-point framework for Russia and Ukraine (20–21 November 2025); ' +
      'a bare number such as 10c is a point of T28',
  },
  { term: 'SG', meaning: 'the companion security-guarantee draft (21–22 November 2025), cited as a whole' },
  {
    term: SIGNATORIES.join(', '),
    meaning:
      `the five signatories: ${SIGNATORIES.map(partyName).join(', ')}; ` +
      `any other state by its ISO 3166 alpha-2 code (PL: ${partyName('PL')})`,
  },
  ...SOURCE_CONFIDENCE.map((c) => ({ term: c, meaning: `${CONFIDENCE_MEANING[c]} (how sure a cited source is)` })),
  { term: NOT_STATED, meaning: 'the scenario leaves the fact out, and a rule read it as not so' },
];

/** The legend as one line per entry: "SG: the companion …". */
export const legendLines = (): string[] => LEGEND.map((e) => `${e.term}: ${e.meaning}`);
