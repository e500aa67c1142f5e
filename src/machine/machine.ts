// The guarantee's lifecycle as an XState v5 statechart: setup() holds types and implementations, the config names only.
import { assign, setup } from 'xstate';
import { addDays, addYears } from '../plan/dates.js';
import type { Breach, BreachKind, MachineEventType } from '../plan/vocabulary.js';

/** Every machine event comes from a rule that fired on a step. */
export interface MachineEvent {
  type: MachineEventType;
  at: string;
  rule: string;
  clause: string;
  party: string | null;
  breach: BreachKind | null;
}

export interface MachineParameters {
  'term-years': number;
  'extension-years': number;
  'election-deadline-days': number;
}

export interface GuaranteeContext {
  parameters: MachineParameters;
  entryIntoForceOn: string | null;
  termEndsOn: string | null;
  electionsDueBy: string | null;
  reliefStepsApplied: number;
  breaches: Breach[];
}

const terminal = { type: 'final' } as const;

/** Where the guarantee binds (in force or invoked), these clauses end it. */
const whileBinding = {
  UKRAINE_INVADES_RUSSIA: { target: '#casus.guarantee.revoked' },
  STRIKE_WITHOUT_CAUSE: { target: '#casus.guarantee.lapsed' },
  GUARANTEE_VOID: { target: '#casus.guarantee.void' },
  TERM_ENDS: { target: '#casus.guarantee.expired' },
  TERM_EXTENDED: { actions: 'extendTerm' },
} as const;

export const guaranteeMachine = setup({
  types: {
    context: {} as GuaranteeContext,
    events: {} as MachineEvent,
    input: {} as { parameters: MachineParameters },
  },
  guards: {
    obligationsBind: ({ context }) => context.entryIntoForceOn !== null,
  },
  actions: {
    recordEntryIntoForce: assign(({ context, event }) => ({
      entryIntoForceOn: event.at,
      termEndsOn: addYears(event.at, context.parameters['term-years']),
      electionsDueBy: addDays(event.at, context.parameters['election-deadline-days']),
    })),
    extendTerm: assign(({ context }) => ({
      termEndsOn: context.termEndsOn === null ? null : addYears(context.termEndsOn, context.parameters['extension-years']),
    })),
    closeTerm: assign({ termEndsOn: null }),
    recordBreach: assign(({ context, event }) =>
      event.breach === null || event.party === null
        ? {}
        : { breaches: [...context.breaches, { kind: event.breach, party: event.party, at: event.at, clause: event.clause }] },
    ),
    countReliefStep: assign(({ context }) => ({ reliefStepsApplied: context.reliefStepsApplied + 1 })),
  },
}).createMachine({
  id: 'casus',
  type: 'parallel',
  context: ({ input }) => ({
    parameters: input.parameters,
    entryIntoForceOn: null,
    termEndsOn: null,
    electionsDueBy: null,
    reliefStepsApplied: 0,
    breaches: [],
  }),
  on: {
    BREACH: { guard: 'obligationsBind', actions: 'recordBreach', description: 'obligations bind only from entry into force' },
  },
  states: {
    guarantee: {
      initial: 'pending',
      states: {
        pending: {
          description: 'not yet in force: nothing can invoke, revoke or end it before entry into force',
          initial: 'awaiting-signatures',
          states: {
            'awaiting-signatures': { description: 'waiting for all five signatures (UA, RU, US, EU, NATO)' },
            'awaiting-ceasefire': { description: 'signed; waiting for both sides to complete their withdrawal (point 28)' },
            'awaiting-compensation': { description: 'waiting for the US to be compensated (point 10a, read as a precondition)' },
          },
          on: {
            AWAIT_CEASEFIRE: { target: '.awaiting-ceasefire' },
            AWAIT_COMPENSATION: { target: '.awaiting-compensation' },
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
            consultation: { description: 'consultations before the US President decides the response', on: { US_RESPONSE_DECIDED: { target: 'response' } } },
            response: { description: 'the US response has already been decided' },
          },
          on: { ...whileBinding, HOSTILITIES_ENDED: { target: 'in-force' } },
        },
        revoked: { ...terminal, entry: 'closeTerm', description: 'revoked (point 10b): terminal, nothing changes it' },
        lapsed: { ...terminal, entry: 'closeTerm', description: 'lapsed (point 10d): terminal, nothing changes it' },
        void: { ...terminal, entry: 'closeTerm', description: 'void (point 22): terminal, nothing changes it' },
        expired: { ...terminal, entry: 'closeTerm', description: 'expired at the end of its term: terminal, nothing changes it' },
      },
    },
    ceasefire: {
      initial: 'not-in-effect',
      states: {
        'not-in-effect': { description: 'the ceasefire has not taken effect', on: { CEASEFIRE_TAKES_EFFECT: { target: 'in-effect' } } },
        'in-effect': { description: 'the ceasefire is in effect', on: { CEASEFIRE_VIOLATED: { target: 'violated', actions: 'recordBreach' } } },
        violated: { description: 'the ceasefire is already violated', on: { CEASEFIRE_RESTORED: { target: 'in-effect' } } },
      },
    },
    sanctions: {
      initial: 'in-place',
      states: {
        'in-place': {
          description: 'in place; relief starts only after entry into force',
          on: {
            SANCTIONS_EASED: { guard: 'obligationsBind', target: 'easing', actions: 'countReliefStep' },
            SANCTIONS_LIFTED: { guard: 'obligationsBind', target: 'lifted', actions: 'countReliefStep' },
            RUSSIAN_ATTACK_QUALIFIES: { guard: 'obligationsBind', target: 'reinstated' },
          },
        },
        easing: {
          description: 'being eased step by step',
          on: {
            SANCTIONS_EASED: { target: 'easing', actions: 'countReliefStep' },
            SANCTIONS_LIFTED: { target: 'lifted', actions: 'countReliefStep' },
            RUSSIAN_ATTACK_QUALIFIES: { target: 'reinstated' },
          },
        },
        lifted: { description: 'already lifted', on: { RUSSIAN_ATTACK_QUALIFIES: { target: 'reinstated' } } },
        reinstated: { ...terminal, description: 'reinstated after a qualifying attack: terminal' },
      },
    },
    russiaBenefits: {
      initial: 'not-granted',
      states: {
        'not-granted': { description: 'not granted before entry into force', on: { ENTRY_INTO_FORCE: { target: 'granted' } } },
        granted: { description: 'granted', on: { RUSSIAN_ATTACK_QUALIFIES: { target: 'withdrawn' } } },
        withdrawn: { ...terminal, description: 'already withdrawn: terminal' },
      },
    },
  },
});

export type GuaranteeMachine = typeof guaranteeMachine;
