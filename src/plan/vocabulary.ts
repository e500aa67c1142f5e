// The treaty's vocabulary: the values every file and output is
// written in (docs/semantics.md, "Status" and "Scenario files").

export const SIGNATORIES = ['UA', 'RU', 'US', 'EU', 'NATO'] as const;

export const SCALES = ['incident', 'limited', 'large-scale'] as const;
export const MEANS = ['ground', 'air', 'missile', 'drone', 'naval', 'mixed'] as const;
/** Where an attack lands (point 21 treats these areas differently); what counts as Russia is a reading. */
export const TERRITORIES = ['russia', 'crimea-donbas', 'buffer-zone', 'frozen-line', 'ukraine'] as const;
export const MEASURES = ['intelligence', 'logistics', 'economic', 'diplomatic', 'military'] as const;
export const FINDINGS = ['breach', 'no-breach'] as const;
export const REFERENDUM_RESULTS = ['approved', 'rejected'] as const;
/** The mandate troops are stationed under, when it is not a state's own deployment. */
export const MANDATES = ['multinational-force'] as const;

/** Deadlines the runner injects: computed from dates, never from a clock. */
export const DEADLINE_TYPES = ['term-end', 'election-deadline'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

export const AGREEMENT = ['open', 'concluded', 'implementing'] as const;
export const GUARANTEE = ['pending', 'in-force', 'invoked', 'revoked', 'lapsed', 'void', 'expired'] as const;
export const TERMINAL_GUARANTEE = ['revoked', 'lapsed', 'void', 'expired'] as const;
export const GUARANTEE_PHASE = [
  'awaiting-signatures',
  'awaiting-ceasefire',
  'awaiting-compensation',
  'awaiting-ratification',
  'awaiting-referendum',
  'consultation',
  'response',
] as const;
export const CEASEFIRE = ['not-in-effect', 'in-effect', 'violated'] as const;
export const SANCTIONS = ['in-place', 'easing', 'lifted', 'reinstated'] as const;
export const RUSSIA_BENEFITS = ['not-granted', 'granted', 'withdrawn'] as const;
export const BREACH_KINDS = [
  'ceasefire-violation',
  'border-change',
  'force-cap',
  'election-deadline',
  'nato-troops',
  'nato-accession',
  'nuclear-status',
  'buffer-zone',
  'non-aggression',
  'peace-council',
] as const;

export type Agreement = (typeof AGREEMENT)[number];
export type Guarantee = (typeof GUARANTEE)[number];
type GuaranteePhase = (typeof GUARANTEE_PHASE)[number];
type Ceasefire = (typeof CEASEFIRE)[number];
export type Sanctions = (typeof SANCTIONS)[number];
type RussiaBenefits = (typeof RUSSIA_BENEFITS)[number];
export type BreachKind = (typeof BREACH_KINDS)[number];

export interface Breach {
  kind: BreachKind;
  party: string;
  at: string;
  clause: string;
}

/** The contract of every output (docs/semantics.md, "Status"). */
export interface Status {
  agreement: Agreement;
  guarantee: Guarantee;
  guaranteePhase: GuaranteePhase | null;
  ceasefire: Ceasefire;
  sanctions: Sanctions;
  russiaBenefits: RussiaBenefits;
  breaches: Breach[];
}

export const REGIONS = [
  'agreement',
  'guarantee',
  'guaranteePhase',
  'ceasefire',
  'sanctions',
  'russiaBenefits',
  'breaches',
] as const;
export type Region = (typeof REGIONS)[number];

/** Events that json-rules-engine rules emit and the statechart (or the runner) consumes. */
export const MACHINE_EVENTS = [
  'AGREEMENT_CONCLUDED',
  'IMPLEMENTATION_BEGINS',
  'AWAIT_CEASEFIRE',
  'AWAIT_COMPENSATION',
  'AWAIT_RATIFICATION',
  'AWAIT_REFERENDUM',
  'ENTRY_INTO_FORCE',
  'CEASEFIRE_VIOLATED',
  'CEASEFIRE_RESTORED',
  'RUSSIAN_ATTACK_QUALIFIES',
  'RUSSIA_INVADES_UKRAINE',
  'US_RESPONSE_DECIDED',
  'HOSTILITIES_ENDED',
  'UKRAINE_INVADES_RUSSIA',
  'STRIKE_WITHOUT_CAUSE',
  'GUARANTEE_VOID',
  'TERM_ENDS',
  'TERM_EXTENDED',
  'BREACH',
  'SANCTIONS_RELIEF_STEP',
] as const;
export type MachineEventType = (typeof MACHINE_EVENTS)[number];

/** Emitted when the outcome turns on a judgement the scenario leaves open; the runner stops with a clear error. */
export const JUDGEMENT_NEEDED = 'JUDGEMENT_NEEDED';
export const RULE_EMITS = [...MACHINE_EVENTS, JUDGEMENT_NEEDED] as const;
export type RuleEmit = (typeof RULE_EMITS)[number];

/**
 * How each status region is named in every output (the page and every report read this, never a copy): `short` beside
 * a value ("ceasefire in-effect"), `title` as a heading, `subject` inside a sentence, `sentence` to open one about its
 * value.
 */
export const REGION_LABELS: Record<Region, { short: string; title: string; subject: string; sentence: string }> = {
  agreement: { short: 'agreement', title: 'Agreement', subject: 'the agreement', sentence: 'The agreement is' },
  guarantee: { short: 'guarantee', title: 'Guarantee', subject: 'the guarantee', sentence: 'The guarantee is' },
  guaranteePhase: {
    short: "guarantee's phase",
    title: 'Phase',
    subject: "the guarantee's phase",
    sentence: 'Its phase is',
  },
  ceasefire: { short: 'ceasefire', title: 'Ceasefire', subject: 'the ceasefire', sentence: 'The ceasefire is' },
  sanctions: {
    short: 'sanctions',
    title: 'Sanctions on Russia',
    subject: 'sanctions',
    sentence: 'Sanctions on Russia are',
  },
  russiaBenefits: {
    short: "Russia's benefits",
    title: "Russia's benefits",
    subject: "Russia's benefits",
    sentence: "Russia's benefits under the deal are",
  },
  breaches: { short: 'breaches', title: 'Breaches', subject: 'the breaches', sentence: 'The breaches are' },
};

/** A value of one of the regions with one value each. */
type StatusValue = Agreement | Guarantee | Ceasefire | Sanctions | RussiaBenefits;

/**
 * How every status value is coloured wherever it is drawn: `fill` in the swimlane and the report's cards, `tint`, a
 * lighter shade of the same hue, behind the page's badges (dark text stays readable on it).
 */
export const STATUS_COLOURS: Record<StatusValue, { fill: string; tint: string }> = {
  open: { fill: '#d1d5db', tint: '#e5e7eb' },
  concluded: { fill: '#93c5fd', tint: '#dbeafe' },
  implementing: { fill: '#34d399', tint: '#a7f3d0' },
  pending: { fill: '#d1d5db', tint: '#e5e7eb' },
  'in-force': { fill: '#34d399', tint: '#a7f3d0' },
  invoked: { fill: '#fbbf24', tint: '#fde68a' },
  revoked: { fill: '#ef4444', tint: '#fecaca' },
  lapsed: { fill: '#f87171', tint: '#fecaca' },
  void: { fill: '#b91c1c', tint: '#fecaca' },
  expired: { fill: '#9ca3af', tint: '#e5e7eb' },
  'not-in-effect': { fill: '#d1d5db', tint: '#e5e7eb' },
  'in-effect': { fill: '#34d399', tint: '#a7f3d0' },
  violated: { fill: '#ef4444', tint: '#fecaca' },
  'in-place': { fill: '#93c5fd', tint: '#dbeafe' },
  easing: { fill: '#a7f3d0', tint: '#d1fae5' },
  lifted: { fill: '#34d399', tint: '#a7f3d0' },
  reinstated: { fill: '#ef4444', tint: '#fecaca' },
  'not-granted': { fill: '#d1d5db', tint: '#e5e7eb' },
  granted: { fill: '#34d399', tint: '#a7f3d0' },
  withdrawn: { fill: '#ef4444', tint: '#fecaca' },
};

/**
 * How a run's path is marked on the statechart wherever it is drawn (SVG, Mermaid, DOT, the report, the page): the
 * states it visited, the ones it ended in and their outline, a visited group of states, and the moves it made.
 */
export const PATH_COLOURS = {
  visited: '#fde68a',
  current: '#f59e0b',
  currentStroke: '#7c2d12',
  visitedGroup: '#fef3c7',
  move: '#b45309',
} as const;

/** The regions with one value each, in display order (the guarantee's phase is shown with the guarantee). */
export const VALUE_REGIONS = ['agreement', 'guarantee', 'ceasefire', 'sanctions', 'russiaBenefits'] as const;
export type ValueRegion = (typeof VALUE_REGIONS)[number];

/** The values of each region with one value, in the statechart's order (a test holds them to its states). */
export const REGION_VALUES: Record<ValueRegion, readonly StatusValue[]> = {
  agreement: AGREEMENT,
  guarantee: GUARANTEE,
  ceasefire: CEASEFIRE,
  sanctions: SANCTIONS,
  russiaBenefits: RUSSIA_BENEFITS,
};

/** The guarantee as every output says it: its value, and its phase when it has one ("pending (consultation)"). */
export const guaranteeText = (s: Pick<Status, 'guarantee' | 'guaranteePhase'>) =>
  s.guaranteePhase ? `${s.guarantee} (${s.guaranteePhase})` : s.guarantee;

/** How a region's value is said: the guarantee with its phase, any other region its value. */
export const valueText = (s: Omit<Status, 'breaches'>, region: ValueRegion): string =>
  region === 'guarantee' ? guaranteeText(s) : s[region];

/** A region's change as every output says it: "guarantee in-force → invoked (consultation)". */
export const changeText = (region: ValueRegion, before: Omit<Status, 'breaches'>, after: Omit<Status, 'breaches'>) =>
  `${REGION_LABELS[region].short} ${valueText(before, region)} → ${valueText(after, region)}`;

/** One line of every region but the breaches (and `omit`): "agreement concluded · guarantee in-force · …". */
export const statusLine = (s: Omit<Status, 'breaches'>, separator = ' · ', omit?: ValueRegion) =>
  VALUE_REGIONS.filter((r) => r !== omit)
    .map((r) => `${REGION_LABELS[r].short} ${valueText(s, r)}`)
    .join(separator);
