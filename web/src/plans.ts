// The plan versions the picker offers, as data: the picker, the URL and the rule-set cache all go by a version's id.
export interface PlanVersion {
  id: string;
  label: string;
}

export const BASE_PLAN: PlanVersion = { id: 'us-28', label: 'us-28 (the 28-point plan)' };

/** Only the base plan until --plan lands; then one entry per rules/versions/ file, its overlay applied in engine.ts's ruleSetFor. */
export const PLANS: readonly PlanVersion[] = [BASE_PLAN];
