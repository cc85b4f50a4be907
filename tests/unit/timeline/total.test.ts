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

  it(
    'holds unchanged until the moment it says it changes, at every such moment in turn',
    () => {
      const YEARS = 5 * 366 * 86_400_000;
      const at = (time: number) => new Date(time).toISOString();
      assertProperty(
        fc.property(planInput, fc.double({ min: 0, max: 1, noNaN: true }), (input, share) => {
          // Walks from now through each moment the plan names, checking the last millisecond
          // before it and a moment in between: the exact edges are where a slip would hide.
          let from = Date.parse(input.now);
          for (let turn = 0; turn < 12; turn += 1) {
            const plan = planCase({ ...input, now: at(from) });
            const until = plan.changesAt === undefined ? from + YEARS : Date.parse(plan.changesAt);
            expect(until).toBeGreaterThan(from);
            expect(planCase({ ...input, now: at(until - 1) })).toEqual(plan);
            const between = from + Math.floor(share * (until - from - 1));
            expect(planCase({ ...input, now: at(between) })).toEqual(plan);
            if (plan.changesAt === undefined) return;
            from = until;
          }
        }),
        { name: 'planCase between now and changesAt', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
