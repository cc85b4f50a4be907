import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { planCase } from '@/lib/timeline';
import { STAGES, STEP_ACTIONS, type CasePlan } from '@/lib/timeline/types';
import { planInput } from './arbitraries';

/** Fixed, and printed: a failure replays with `fc.assert(…, { seed, path })`. */
const SEED = 20_261_122;
const RUNS = 1000;

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

describe(`planCase over whatever the database holds (fast-check seed ${String(SEED)}, ${String(RUNS)} runs)`, () => {
  it('never throws, and gives a plan the UI can word', () => {
    console.info(`planCase property: fast-check seed ${String(SEED)}`);
    fc.assert(
      fc.property(planInput, (input) => {
        expectSoundPlan(planCase(input));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives the same plan whatever order the steps are stored in', () => {
    console.info(`planCase order property: fast-check seed ${String(SEED)}`);
    fc.assert(
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
      { seed: SEED, numRuns: RUNS },
    );
  });
});
