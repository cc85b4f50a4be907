/**
 * How the property tests run: each with a fixed seed of its own, printed, so every run draws
 * the same cases and a failure replays. fast-check's failure report prints `{ seed, path }`;
 * `PROPERTY_START=<seed> PROPERTY_PATH=<path> npx vitest run <file> -t '<test>'` replays it.
 */
import fc from 'fast-check';

/** Runs per property unless a test says why it takes fewer. */
export const PROPERTY_RUNS = 10_000;

/**
 * Mutation testing (vitest.mutation.config.ts) sets PROPERTY_RUNS_CAP: it runs the covering
 * tests once per planted bug, hundreds of times, and a few hundred cases per property still find
 * a planted bug.
 */
function runsCap(): number {
  const cap = process.env.PROPERTY_RUNS_CAP;
  if (cap === undefined || cap === '') return Infinity;
  if (!/^\d+$/.test(cap)) throw new Error(`PROPERTY_RUNS_CAP must be a whole number, not "${cap}"`);
  return Number(cap);
}

/**
 * A property's time limit: 10,000 runs take from under a second to some seconds alone, many
 * times that beside other tests on a loaded machine. Its time is printed, never asserted.
 */
export const PROPERTY_TIMEOUT = 120_000;

export interface Replay {
  seed: number;
  path?: string;
}

/** The test's own seed, or the one PROPERTY_START (and PROPERTY_PATH) give to replay a failure. */
export function propertyReplay(fixedSeed: number): Replay {
  const { PROPERTY_START: seed, PROPERTY_PATH: path } = process.env;
  if (seed === undefined || seed === '') return { seed: fixedSeed };
  if (!/^-?\d+$/.test(seed)) throw new Error(`PROPERTY_START must be an integer, not "${seed}"`);
  return path ? { seed: Number(seed), path } : { seed: Number(seed) };
}

export interface PropertyRun {
  /** What the property says, as printed beside its seed. */
  name: string;
  seed: number;
  numRuns?: number;
}

function parameters({ name, seed, numRuns = PROPERTY_RUNS }: PropertyRun) {
  const replay = propertyReplay(seed);
  const runs = Math.min(numRuns, runsCap());
  console.info(`${name}: fast-check seed ${String(replay.seed)}, ${String(runs)} runs`);
  return { ...replay, numRuns: runs };
}

function printTime(name: string, started: number): void {
  console.info(`${name}: ${(performance.now() - started).toFixed(0)} ms`);
}

/** fc.assert with the run's seed printed, and its time, so the suite's cost stays visible. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, run: PropertyRun): void {
  const started = performance.now();
  fc.assert(property, parameters(run));
  printTime(run.name, started);
}

export async function assertAsyncProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  run: PropertyRun,
): Promise<void> {
  const started = performance.now();
  await fc.assert(property, parameters(run));
  printTime(run.name, started);
}
