// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { planCase } from '@/lib/timeline';
import { STAGES, STEP_ACTIONS, type CasePlan } from '@/lib/timeline/types';
import { assertProperty, PROPERTY_TIMEOUT } from '../../property';
import { planInput } from './arbitraries';

const SEED = 20_261_122;

function expectSoundPlan(plan: CasePlan): void {
  expect(STAGES).toContain(plan.stage);
  expect(STEP_ACTIONS).toContain(plan.nextStep.action);
  expect(en).toHaveProperty([plan.nextStep.message]);
  for (const note of plan.notes) expect(en).toHaveProperty([note]);
  expect(new Set(plan.notes).size).toBe(plan.notes.length);
  const times = plan.deadlines.map((deadline) => Date.parse(deadline.dueAt));
  for (const time of times) expect(Number.isFinite(time)).toBe(true);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  if (plan.nextStep.dueAt !== undefined) {
    expect(Number.isFinite(Date.parse(plan.nextStep.dueAt))).toBe(true);
  }
}

describe('planCase over whatever the database holds', () => {
  it(
    'never throws, and gives a plan the UI can word, every date in it a valid instant',
    () => {
      assertProperty(
        fc.property(planInput, (input) => {
          expectSoundPlan(planCase(input));
        }),
        { name: 'planCase on any stored data', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'gives the same plan whatever order the steps are stored in',
    () => {
      assertProperty(
        fc.property(
          planInput.chain((input) =>
            fc
              .shuffledSubarray([...input.events], { minLength: input.events.length })
              .map((shuffled) => [input, { ...input, events: shuffled }] as const),
          ),
          ([input, shuffled]) => {
            expect(planCase(shuffled)).toEqual(planCase(input));
          },
        ),
        { name: 'planCase on steps in any order', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
