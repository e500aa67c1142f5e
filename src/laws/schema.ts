// The one declaration of a law file's shape: what must hold on every step, in the rules' condition syntax.
import { z } from 'zod';
import { Condition, Point } from '../rules/schema.js';

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as terminal-statuses-absorb' });

export const Law = z.strictObject({
  name: Id,
  description: z.string().min(1),
  points: z
    .array(Point, { error: 'every law cites the plan points it is about, e.g. ["10c"]' })
    .min(1, { error: 'cite at least one plan point' }),
  /**
   * plan versions (rules/versions/NAME.json) whose text the law does not hold under, e.g. one that changes the trigger
   */
  exceptPlans: z.array(Id).optional(),
  when: Condition,
  then: Condition,
});
export type Law = z.infer<typeof Law>;

export const LawFile = z.strictObject({
  description: z.string().min(1).optional(),
  laws: z.array(Law).min(1, { error: 'a law file holds at least one law' }),
});
export type LawFile = z.infer<typeof LawFile>;
