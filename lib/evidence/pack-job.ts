/**
 * Making the evidence pack of an order from the database, as the workspace's download button
 * asks for it. It runs in a worker (see worker-jobs.ts), off the page's thread.
 */
import * as v from 'valibot';
import type { CaseClockDatabase } from '../db/database';
import { planOrder } from '../db/plans';
import { effectiveOrder } from '../db/schema';
import { readSettings } from '../db/settings';
import { LANGUAGES } from '../i18n';
import { Instant, OrderId, TimeZoneName } from '../messaging/protocol';
import type { JobRunner } from '../worker-jobs';
import { buildEvidencePack, packFileName, type PackProgress } from './pack';

/** What the page asks for: the pack of an order's shown case, in the buyer's language and zone. */
export const PackRequestSchema = v.object({
  orderId: OrderId,
  language: v.picklist(LANGUAGES),
  timeZone: TimeZoneName,
  /** When the pack is made: it dates the pack, and the plan is worked out at that moment. */
  generatedAt: Instant,
});
export type PackRequest = v.InferOutput<typeof PackRequestSchema>;

export interface MadePack {
  pack: Blob;
  /** The name to save it under. */
  name: string;
}

/** Makes a pack; the workspace is given one that runs in a worker. */
export type PackMaker = JobRunner<PackRequest, PackProgress, MadePack>;

/**
 * The pack of an order's shown case, as its workspace shows it at `generatedAt`: the same order,
 * case, steps and evidence, read afresh. Evidence files are read one at a time.
 */
export async function packFromDatabase(
  db: CaseClockDatabase,
  request: PackRequest,
  onProgress: (progress: PackProgress) => void,
): Promise<MadePack> {
  const { orderId, language, timeZone, generatedAt } = request;
  const stored = await db.orders.get(orderId);
  if (!stored) throw new Error(`No order ${orderId}`);
  const [cases, events, evidence, settings] = await Promise.all([
    db.cases.where('orderId').equals(orderId).toArray(),
    db.events.where('orderId').equals(orderId).toArray(),
    db.evidence.where('orderId').equals(orderId).toArray(),
    readSettings(db),
  ]);
  const planned = planOrder(stored, cases, events, settings, { now: generatedAt, timeZone });
  const { shownCase } = planned;
  if (!shownCase) throw new Error(`Order ${orderId} has no case`);
  const order = effectiveOrder(stored);
  const pack = await buildEvidencePack(
    {
      order,
      openCase: shownCase,
      plan: planned.plan,
      events: planned.events,
      evidence: evidence.filter((record) => record.caseId === shownCase.id),
      language,
      timeZone,
      generatedAt,
    },
    {
      readFile: async (evidenceId) => (await db.evidenceBlobs.get(evidenceId))?.blob,
      onProgress,
    },
  );
  return { pack, name: packFileName(order, generatedAt) };
}
