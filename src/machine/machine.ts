// The treaty's lifecycle as an XState v5 statechart: setup() holds types and implementations, the config names only.
import { assign, setup } from 'xstate';
import type { MachineParameters } from './parameters.js';
import { addDays, addYears } from '../plan/dates.js';
import { SIGNATORIES, type Breach, type BreachKind, type MachineEventType } from '../plan/vocabulary.js';

/** Every machine event comes from a rule that fired on a step. */
export interface MachineEvent {
  type: MachineEventType;
  at: string;
  rule: string;
  clause: string;
  party: string | null;
  breach: BreachKind | null;
}

export interface GuaranteeContext {
  parameters: MachineParameters;
  concludedOn: string | null;
  implementationOn: string | null;
  entryIntoForceOn: string | null;
  termEndsOn: string | null;
  electionsDueBy: string | null;
  reliefStepsApplied: number;
  /** who broke the ceasefire while it stays violated */
  ceasefireBrokenBy: string | null;
  breaches: Breach[];
}

const terminal = { type: 'final' } as const;

/** Ukraine's own acts that end the guarantee (10b, 10d, 22), wherever it is still held. */
const forfeits = {
  UKRAINE_INVADES_RUSSIA: { target: '#casus.guarantee.revoked' },
  STRIKE_WITHOUT_CAUSE: { target: '#casus.guarantee.lapsed' },
  GUARANTEE_VOID: { target: '#casus.guarantee.void' },
} as const;

/** Where the guarantee binds (in force or invoked), these clauses end or extend it. */
const whileBinding = {
  ...forfeits,
  TERM_ENDS: { target: '#casus.guarantee.expired' },
  TERM_EXTENDED: {
    guard: 'termStillRuns',
    actions: 'extendTerm',
    description: 'an extension agreed after the end of the term has no effect',
  },
} as const;

/** A promised guarantee is lost before it starts, but only once the agreement is concluded. */
const whilePromised = Object.fromEntries(
  Object.entries(forfeits).map(([type, t]) => [
    type,
    { ...t, guard: 'concluded', description: 'before the agreement is concluded nothing is forfeited' },
  ]),
) as { [K in keyof typeof forfeits]: (typeof forfeits)[K] & { guard: 'concluded'; description: string } };

export const guaranteeMachine = setup({
  types: {
    context: {} as GuaranteeContext,
    events: {} as MachineEvent,
    input: {} as { parameters: MachineParameters },
  },
  guards: {
    concluded: ({ context }) => context.concludedOn !== null,
    implementing: ({ context }) => context.implementationOn !== null,
    termStillRuns: ({ context, event }) => context.termEndsOn !== null && event.at <= context.termEndsOn,
    lastReliefStep: ({ context }) =>
      context.implementationOn !== null && context.reliefStepsApplied + 1 >= context.parameters['relief-steps'],
  },
  actions: {
    recordConclusion: assign(({ context, event }) => ({
      concludedOn: event.at,
      electionsDueBy: addDays(event.at, context.parameters['election-deadline-days']),
    })),
    recordImplementation: assign(({ event }) => ({ implementationOn: event.at })),
    recordEntryIntoForce: assign(({ context, event }) => ({
      entryIntoForceOn: event.at,
      termEndsOn: addYears(event.at, context.parameters['term-years']),
    })),
    extendTerm: assign(({ context }) => ({
      termEndsOn:
        context.termEndsOn === null ? null : addYears(context.termEndsOn, context.parameters['extension-years']),
    })),
    closeTerm: assign({ termEndsOn: null }),
    recordBreach: assign(({ context, event }) =>
      event.breach === null || event.party === null
        ? {}
        : {
            breaches: [
              ...context.breaches,
              { kind: event.breach, party: event.party, at: event.at, clause: event.clause },
            ],
          },
    ),
    recordCeasefireBreaker: assign(({ event }) => ({ ceasefireBrokenBy: event.party })),
    clearCeasefireBreaker: assign({ ceasefireBrokenBy: null }),
    countReliefStep: assign(({ context }) => ({ reliefStepsApplied: context.reliefStepsApplied + 1 })),
  },
}).createMachine({
  id: 'casus',
  type: 'parallel',
  context: ({ input }) => ({
    parameters: input.parameters,
    concludedOn: null,
    implementationOn: null,
    entryIntoForceOn: null,
    termEndsOn: null,
    electionsDueBy: null,
    reliefStepsApplied: 0,
    ceasefireBrokenBy: null,
    breaches: [],
  }),
  on: {
    BREACH: {
      guard: 'concluded',
      actions: 'recordBreach',
      description: 'obligations bind only once the agreement is concluded (all five have signed)',
    },
  },
  states: {
    agreement: {
      initial: 'open',
      states: {
        open: {
          description: 'awaiting the five signatures',
          on: { AGREEMENT_CONCLUDED: { target: 'concluded', actions: 'recordConclusion' } },
        },
        concluded: {
          description: 'concluded: all five have signed and the obligations bind',
          on: { IMPLEMENTATION_BEGINS: { target: 'implementing', actions: 'recordImplementation' } },
        },
        implementing: { description: 'implementation has begun (both sides have withdrawn)' },
      },
    },
    guarantee: {
      initial: 'pending',
      states: {
        pending: {
          description: 'not yet in force: it cannot be invoked before entry into force',
          initial: 'awaiting-signatures',
          states: {
            'awaiting-signatures': { description: `waiting for all five signatures (${SIGNATORIES.join(', ')})` },
            'awaiting-ceasefire': {
              description: 'signed; waiting for both sides to complete their withdrawal (point 28)',
            },
            'awaiting-compensation': {
              description: 'waiting for the US to be compensated (point 10a, read as a precondition)',
            },
            'awaiting-ratification': {
              description: 'waiting for the parliaments the plan version names to ratify (e.g. the US Congress)',
            },
            'awaiting-referendum': {
              description: 'waiting for a referendum in Ukraine to approve (a rejected one leaves it waiting)',
            },
          },
          on: {
            ...whilePromised,
            AWAIT_CEASEFIRE: { target: '.awaiting-ceasefire' },
            AWAIT_COMPENSATION: { target: '.awaiting-compensation' },
            AWAIT_RATIFICATION: { target: '.awaiting-ratification' },
            AWAIT_REFERENDUM: { target: '.awaiting-referendum' },
            ENTRY_INTO_FORCE: { target: 'in-force', actions: 'recordEntryIntoForce' },
          },
        },
        'in-force': {
          description: 'in force and not invoked',
          on: { ...whileBinding, RUSSIAN_ATTACK_QUALIFIES: { target: 'invoked' } },
        },
        invoked: {
          description: 'already invoked by an earlier qualifying attack',
          initial: 'consultation',
          states: {
            consultation: {
              description: 'consultations before the US President decides the response',
              on: { US_RESPONSE_DECIDED: { target: 'response' } },
            },
            response: { description: 'the US response has already been decided' },
          },
          on: { ...whileBinding, HOSTILITIES_ENDED: { target: 'in-force' } },
        },
        revoked: { ...terminal, entry: 'closeTerm', description: 'revoked (point 10b): terminal, nothing changes it' },
        lapsed: { ...terminal, entry: 'closeTerm', description: 'lapsed (point 10d): terminal, nothing changes it' },
        void: { ...terminal, entry: 'closeTerm', description: 'void (point 22): terminal, nothing changes it' },
        expired: {
          ...terminal,
          entry: 'closeTerm',
          description: 'expired at the end of its term: terminal, nothing changes it',
        },
      },
    },
    ceasefire: {
      initial: 'not-in-effect',
      states: {
        'not-in-effect': {
          description: 'the ceasefire has not taken effect (it starts with implementation)',
          on: { IMPLEMENTATION_BEGINS: { guard: 'concluded', target: 'in-effect' } },
        },
        'in-effect': {
          description: 'the ceasefire is in effect',
          on: { CEASEFIRE_VIOLATED: { target: 'violated', actions: ['recordBreach', 'recordCeasefireBreaker'] } },
        },
        violated: {
          description: 'the ceasefire is already broken: a further attack is no new violation',
          on: { CEASEFIRE_RESTORED: { target: 'in-effect', actions: 'clearCeasefireBreaker' } },
        },
      },
    },
    sanctions: {
      initial: 'in-place',
      states: {
        'in-place': {
          description: 'in place; relief counts only once implementation has begun',
          on: {
            SANCTIONS_RELIEF_STEP: [
              { guard: 'lastReliefStep', target: 'lifted', actions: 'countReliefStep' },
              {
                guard: 'implementing',
                target: 'easing',
                actions: 'countReliefStep',
                description: 'relief counts only once implementation has begun',
              },
            ],
            RUSSIA_INVADES_UKRAINE: {
              guard: 'concluded',
              target: 'reinstated',
              description: 'the snapback applies only once the agreement is concluded',
            },
          },
        },
        easing: {
          description: 'being eased step by step',
          on: {
            SANCTIONS_RELIEF_STEP: [
              { guard: 'lastReliefStep', target: 'lifted', actions: 'countReliefStep' },
              { target: 'easing', actions: 'countReliefStep' },
            ],
            RUSSIA_INVADES_UKRAINE: { target: 'reinstated' },
          },
        },
        lifted: { description: 'already lifted', on: { RUSSIA_INVADES_UKRAINE: { target: 'reinstated' } } },
        reinstated: { ...terminal, description: 'reinstated after a Russian invasion (point 10c): terminal' },
      },
    },
    russiaBenefits: {
      initial: 'not-granted',
      states: {
        'not-granted': {
          description: 'not granted before implementation begins',
          on: {
            IMPLEMENTATION_BEGINS: { guard: 'concluded', target: 'granted' },
            RUSSIA_INVADES_UKRAINE: {
              guard: 'concluded',
              target: 'withdrawn',
              description: 'the snapback applies only once the agreement is concluded',
            },
          },
        },
        granted: { description: 'granted', on: { RUSSIA_INVADES_UKRAINE: { target: 'withdrawn' } } },
        withdrawn: { ...terminal, description: 'withdrawn after a Russian invasion (point 10c): terminal' },
      },
    },
  },
});
