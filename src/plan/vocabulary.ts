// The treaty's vocabulary: the values every file and output is written in (DESIGN "Status" and "Scenario files").

export const SIGNATORIES = ['UA', 'RU', 'US', 'EU', 'NATO'] as const;

export const SCALES = ['incident', 'limited', 'large-scale'] as const;
export const MEANS = ['ground', 'air', 'missile', 'drone', 'naval', 'mixed'] as const;
export const MEASURES = ['intelligence', 'logistics', 'economic', 'diplomatic', 'military'] as const;
export const FINDINGS = ['breach', 'no-breach'] as const;

export const EVENT_TYPES = [
  'signature',
  'withdrawal-completed',
  'armed-attack',
  'buffer-zone-entry',
  'consultations-held',
  'us-response-decided',
  'hostilities-ended',
  'extension-agreed',
  'force-level-reported',
  'election-held',
  'troops-stationed',
  'nato-accession',
  'nuclear-weapons-acquired',
  'sanctions-relief-step',
  'compensation-paid',
  'peace-council-ruling',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Deadlines the runner injects: computed from dates, never from a clock. */
export const DEADLINE_TYPES = ['term-end', 'election-deadline'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

export const GUARANTEE = ['pending', 'in-force', 'invoked', 'revoked', 'lapsed', 'void', 'expired'] as const;
export const TERMINAL_GUARANTEE = ['revoked', 'lapsed', 'void', 'expired'] as const;
export const GUARANTEE_PHASE = ['awaiting-signatures', 'awaiting-ceasefire', 'awaiting-compensation', 'consultation', 'response'] as const;
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

export type Guarantee = (typeof GUARANTEE)[number];
export type GuaranteePhase = (typeof GUARANTEE_PHASE)[number];
export type Ceasefire = (typeof CEASEFIRE)[number];
export type Sanctions = (typeof SANCTIONS)[number];
export type RussiaBenefits = (typeof RUSSIA_BENEFITS)[number];
export type BreachKind = (typeof BREACH_KINDS)[number];

export interface Breach {
  kind: BreachKind;
  party: string;
  at: string;
  clause: string;
}

/** The contract of every output (DESIGN "Status"). */
export interface Status {
  guarantee: Guarantee;
  guaranteePhase: GuaranteePhase | null;
  ceasefire: Ceasefire;
  sanctions: Sanctions;
  russiaBenefits: RussiaBenefits;
  breaches: Breach[];
}

export const REGIONS = ['guarantee', 'guaranteePhase', 'ceasefire', 'sanctions', 'russiaBenefits', 'breaches'] as const;
export type Region = (typeof REGIONS)[number];

/** Events that json-rules-engine rules emit and the statechart (or the runner) consumes. */
export const MACHINE_EVENTS = [
  'AWAIT_CEASEFIRE',
  'AWAIT_COMPENSATION',
  'ENTRY_INTO_FORCE',
  'CEASEFIRE_TAKES_EFFECT',
  'CEASEFIRE_VIOLATED',
  'CEASEFIRE_RESTORED',
  'RUSSIAN_ATTACK_QUALIFIES',
  'US_RESPONSE_DECIDED',
  'HOSTILITIES_ENDED',
  'UKRAINE_INVADES_RUSSIA',
  'STRIKE_WITHOUT_CAUSE',
  'GUARANTEE_VOID',
  'TERM_ENDS',
  'TERM_EXTENDED',
  'BREACH',
  'SANCTIONS_EASED',
  'SANCTIONS_LIFTED',
] as const;
export type MachineEventType = (typeof MACHINE_EVENTS)[number];

/** Emitted when the outcome turns on a judgement the scenario leaves open; the runner stops with a clear error. */
export const JUDGEMENT_NEEDED = 'JUDGEMENT_NEEDED';
export const RULE_EMITS = [...MACHINE_EVENTS, JUDGEMENT_NEEDED] as const;
export type RuleEmit = (typeof RULE_EMITS)[number];
