// The parameters the statechart reads (term and deadlines): rules/settings.json defines them, and a rule set must.
export const MACHINE_PARAMETERS = ['term-years', 'extension-years', 'election-deadline-days', 'relief-steps'] as const;

export type MachineParameters = Record<(typeof MACHINE_PARAMETERS)[number], number>;

/** The statechart's parameters out of all of a run's (or a rule set's) parameter values. */
export const machineParameters = (values: Readonly<Record<string, number>>): MachineParameters =>
  Object.fromEntries(MACHINE_PARAMETERS.map((name) => [name, values[name]!])) as MachineParameters;

/** One key per set of parameter values, for what is kept per set (snapshots, state spaces). */
export const parametersKey = (parameters: MachineParameters): string =>
  MACHINE_PARAMETERS.map((name) => parameters[name]).join('/');
