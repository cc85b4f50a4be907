import { correctEventTime, recordBuyerEvent, removeBuyerEvent, startCase } from '../db/cases';
import type { CaseClockDatabase } from '../db/database';
import { deleteRecords, undoDeletion } from '../db/deletion';
import { isQuotaError, mustExist, RecordError, recordRefusal } from '../db/errors';
import {
  addEvidence,
  addUploadChunk,
  discardUpload,
  finishUpload,
  removeEvidence,
  startUpload,
  tagEvidence,
} from '../db/evidence';
import { addOrderByHand, archiveOrder, editOrder } from '../db/order-edits';
import { recordPageReading } from '../db/orders';
import { restoreBackup } from '../db/restore';
import { recordPageReport } from '../db/page-reports';
import { planEach, readOrdersData, type PlanClock } from '../db/plans';
import { orderId } from '../db/schema';
import { RESTORE_FILE, type OwnFiles } from '../own-files';
import { recordBackup, updateSettings } from '../db/settings';
import { sha256Hex } from '../evidence/hash';
import { evidenceAddress, subjectsOfPage, TITLE_LIMIT } from '../evidence/shows';
import { confirmReceiptGuard } from '../guard';
import { adapterForHost, isOrderNumberOf } from '../marketplaces/registry';
import type { MarketplaceId, OrderReading } from '../marketplaces/types';
import { urgencyOf } from '../timeline/urgency';
import { languageOf, translator } from '../i18n';
import { localDateTime } from '../i18n/format';
import { marketplaceName, stepText } from '../i18n/phrases';
import { orderIdOfReminder, remindTomorrow } from '../background/reminders';
import { workspacePageOf } from '../workspace-url';
import { bytesFromBase64 } from './base64';
import {
  CONTENT_MESSAGES,
  checkPageOrders,
  offSiteLink,
  parseMessage,
  type BackgroundProblem,
  type Message,
  type MessageOf,
  type MessageType,
  type OrderViews,
  type Refusal,
  type Reply,
  type SenderInfo,
} from './protocol';

/** What the background asks of the browser's tabs. */
export interface TabAccess {
  get(
    tabId: number,
  ): Promise<{ url?: string; title?: string; windowId?: number; active?: boolean }>;
  /** A PNG of what the window shows, as a data URL. */
  captureVisibleTab(windowId: number): Promise<string>;
  create(properties: { url: string }): Promise<unknown>;
  /** The tabs at this address (a match pattern). */
  query(filter: { url: string }): Promise<{ id?: number; url?: string; windowId?: number }[]>;
  /** Brings a tab to the front, at `url` if given. */
  update(tabId: number, properties: { active: true; url?: string }): Promise<unknown>;
  /** Brings a window to the front. */
  focusWindow(windowId: number): Promise<unknown>;
}

export interface BackgroundDeps {
  db: CaseClockDatabase;
  /** The extension's own id: messages from anywhere else are refused. */
  extensionId: string;
  /** The origin of CaseClock's own pages (popup, case workspace). */
  extensionOrigin: string;
  now: () => Date;
  timeZone: () => string;
  /** The buyer's locale: the in-page panel is worded in its language. */
  locale: () => string;
  /**
   * Brings the orders' summaries, reminders and the evidence menu in line with what was just
   * written: after writes to orders, cases, events or settings, naming the orders written
   * (a change of settings reaches every order by itself). Evidence moves no deadline.
   */
  afterWrite: (orderIds: readonly string[]) => Promise<void>;
  tabs: TabAccess;
  /** The address of an order's case workspace. */
  caseUrl: (orderId: string) => string;
  /** Opens the database, or tries again after a failed open; rejects while it cannot. */
  openStorage: () => Promise<void>;
  /** What the background could not do on its own lately, if anything. */
  status: () => BackgroundProblem | undefined;
  /** Something waits in the trash: have it emptied once its undo has expired. */
  afterDeletion: () => void;
  /**
   * A marketplace tab's write was refused (storage full, say): its page shows nothing of
   * CaseClock's, so the buyer must be told another way.
   */
  onContentRefusal: (refusal: Refusal) => void;
  /** CaseClock's own files on disk, where the settings page leaves a backup to restore. */
  ownFiles: () => Promise<OwnFiles>;
}

/** What the buyer types is untrusted too: an order's links stay on its marketplace's site. */
function checkLinks(marketplace: MarketplaceId, edits: Partial<OrderReading>): void {
  if (offSiteLink(marketplace, edits)) {
    throw new RecordError(`links must lead to ${marketplaceName(marketplace)}'s own site`);
  }
}

function marketplaceOf(url: string | undefined): MarketplaceId | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? adapterForHost(parsed.hostname)?.id : undefined;
  } catch {
    return undefined;
  }
}

/** The moment and zone deadlines are planned in, as the background sees them now. */
function planClock(deps: BackgroundDeps): PlanClock {
  return { now: deps.now().toISOString(), timeZone: deps.timeZone() };
}

/**
 * What a marketplace tab needs about the orders it shows, keyed by order number: whether to
 * hold "confirm receipt", and the panel's summary of where each order stands.
 */
async function orderViews(
  deps: BackgroundDeps,
  marketplace: MarketplaceId,
  orderNumbers: readonly string[],
): Promise<OrderViews> {
  const data = await readOrdersData(
    deps.db,
    orderNumbers.map((number) => orderId(marketplace, number)),
  );
  const planned = planEach(data, planClock(deps));
  const openCaseIds = planned.flatMap((one) => (one.openCase ? [one.openCase.id] : []));
  const evidence = await deps.db.evidence.where('caseId').anyOf(openCaseIds).toArray();
  const views: OrderViews = { guards: {}, panels: {} };
  const t = translator(languageOf(deps.locale()));
  for (const { order, plan, openCase, events } of planned) {
    const number = order.orderNumber;
    views.guards[number] = confirmReceiptGuard({
      marketplace,
      plan,
      ...(openCase ? { openCase } : {}),
      events,
      evidence: evidence.filter((record) => record.caseId === openCase?.id),
    });
    if (!data.settings.showPanel || order.archived) continue;
    const next = urgencyOf(plan).nextDeadline;
    views.panels[number] = {
      orderId: order.id,
      stage: t(`stage.${plan.stage}`),
      step: stepText(t, plan.nextStep, marketplace),
      dueNow: plan.nextStep.dueNow,
      ...(next ? { nextDeadline: { what: t(`when.${next.kind}`), dueAt: next.dueAt } } : {}),
    };
  }
  return views;
}

/** A PNG data URL's bytes. */
function pngBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0) {
    throw new RecordError('the browser returned no screenshot');
  }
  return bytesFromBase64(dataUrl.slice(comma + 1));
}

/** "dhgate.com 2026-11-22 10.15.png": a screenshot's name says where and when, in the buyer's time. */
function screenshotName(url: string | undefined, at: string, timeZone: string): string {
  let host = 'tab';
  try {
    if (url) host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // keep "tab"
  }
  const when = localDateTime(at, timeZone);
  return `${host} ${when.replace(':', '.')}.png`;
}

/**
 * Shows a workspace at `url`. One workspace per order: the one already open comes to the front
 * rather than another. A reminder `url` names (its `#` part) is passed on to it without a
 * reload; without one, the open page stays as it is.
 */
export async function showWorkspace(tabs: TabAccess, url: string): Promise<void> {
  const page = workspacePageOf(url);
  const open = (await tabs.query({ url: page })).find(
    (tab) => tab.url !== undefined && workspacePageOf(tab.url) === page,
  );
  if (open?.id === undefined) {
    await tabs.create({ url });
    return;
  }
  const namesReminder = url !== page && open.url !== url;
  await tabs.update(open.id, { active: true, ...(namesReminder ? { url } : {}) });
  if (open.windowId !== undefined) await tabs.focusWindow(open.windowId);
}

type Handler<T extends MessageType> = (
  deps: BackgroundDeps,
  message: MessageOf<T>,
) => Promise<Reply<MessageOf<T>>>;

type Handlers = { [T in MessageType]: Handler<T> };

const HANDLERS: Handlers = {
  async 'page-read'(deps, message) {
    if (marketplaceOf(message.url) !== message.marketplace) {
      return { ok: false, error: `${message.url} is not a ${message.marketplace} page` };
    }
    const { marketplace, url } = message;
    // Each order on its own: one the background refuses never takes the page with it.
    const { orders, refused } = checkPageOrders(marketplace, message.orders);
    const at = deps.now().toISOString();
    const tracked = await recordPageReading(
      deps.db,
      { ...message, orders },
      { at, url, pageKind: message.pageKind },
    );
    await recordPageReport(deps.db, {
      url,
      marketplace,
      at,
      refused,
      ...(message.problems ? { problems: message.problems } : {}),
    });
    await deps.afterWrite(tracked);
    const numbers = orders.map((order) => order.orderNumber);
    return { ok: true, tracked, refused, ...(await orderViews(deps, marketplace, numbers)) };
  },

  async 'page-unread'(deps, message) {
    if (marketplaceOf(message.url) !== message.marketplace) {
      return { ok: false, error: `${message.url} is not a ${message.marketplace} page` };
    }
    const { url, marketplace, problems } = message;
    await recordPageReport(deps.db, {
      url,
      marketplace,
      at: deps.now().toISOString(),
      problems,
      refused: [],
    });
    return { ok: true, url };
  },

  async 'guard-query'(deps, message) {
    return { ok: true, ...(await orderViews(deps, message.marketplace, message.orderNumbers)) };
  },

  async 'items-inspected'(deps, message) {
    const now = deps.now().toISOString();
    const inspected = orderId(message.marketplace, message.orderNumber);
    await recordBuyerEvent(deps.db, { orderId: inspected, type: 'items-inspected', at: now }, now);
    await deps.afterWrite([inspected]);
    return {
      ok: true,
      ...(await orderViews(deps, message.marketplace, [message.orderNumber])),
    };
  },

  async 'case-start'(deps, message) {
    const started = await startCase(
      deps.db,
      message.orderId,
      message.reason,
      deps.now().toISOString(),
    );
    await deps.afterWrite([message.orderId]);
    return { ok: true, caseId: started.id };
  },

  async 'event-record'(deps, message) {
    const event = await recordBuyerEvent(
      deps.db,
      {
        orderId: message.orderId,
        type: message.event,
        at: message.at,
        ...(message.details ? { details: message.details } : {}),
      },
      deps.now().toISOString(),
    );
    await deps.afterWrite([message.orderId]);
    return { ok: true, eventId: event.id };
  },

  async 'event-correct'(deps, message) {
    const event = await correctEventTime(deps.db, message.eventId, message.at);
    await deps.afterWrite([event.orderId]);
    return { ok: true, eventId: event.id };
  },

  async 'event-remove'(deps, message) {
    const removed = await removeBuyerEvent(deps.db, message.eventId);
    await deps.afterWrite([removed.orderId]);
    return { ok: true, eventId: message.eventId };
  },

  async 'settings-update'(deps, message) {
    const { membership, overrides, paypal, reminderLeadHours, showPanel, backupReminder } =
      message.settings;
    const settings = await updateSettings(deps.db, {
      ...(membership ? { membership } : {}),
      ...(overrides ? { overrides } : {}),
      ...(paypal ? { paypal } : {}),
      ...(reminderLeadHours !== undefined ? { reminderLeadHours } : {}),
      ...(showPanel !== undefined ? { showPanel } : {}),
      ...(backupReminder !== undefined ? { backupReminder } : {}),
    });
    await deps.afterWrite([]);
    return { ok: true, settings };
  },

  async 'order-add'(deps, message) {
    const { marketplace } = message;
    if (!isOrderNumberOf(marketplace, message.orderNumber)) {
      throw new RecordError(
        `${message.orderNumber} is not an order number of ${marketplaceName(marketplace)}`,
      );
    }
    checkLinks(marketplace, message.edits);
    const id = await addOrderByHand(
      deps.db,
      message.marketplace,
      message.orderNumber,
      message.edits,
      deps.now().toISOString(),
    );
    await deps.afterWrite([id]);
    return { ok: true, orderId: id };
  },

  async 'order-edit'(deps, message) {
    const order = mustExist(await deps.db.orders.get(message.orderId), `order ${message.orderId}`);
    checkLinks(order.marketplace, message.edits);
    await editOrder(deps.db, message.orderId, message.edits);
    await deps.afterWrite([message.orderId]);
    return { ok: true, orderId: message.orderId };
  },

  async 'order-archive'(deps, message) {
    await archiveOrder(deps.db, message.orderId, message.archived);
    await deps.afterWrite([message.orderId]);
    return { ok: true, orderId: message.orderId };
  },

  async 'case-open'(deps, message) {
    const id = orderId(message.marketplace, message.orderNumber);
    mustExist(await deps.db.orders.get(id), `order ${id}`);
    await showWorkspace(deps.tabs, deps.caseUrl(id));
    return { ok: true, orderId: id };
  },

  async 'reminder-snooze'(deps, message) {
    if (orderIdOfReminder(message.key) !== message.orderId) {
      throw new RecordError('this reminder is not one of this order’s');
    }
    const snoozedUntil = await remindTomorrow(deps.db, message.key, planClock(deps));
    await deps.afterWrite([message.orderId]);
    return { ok: true, snoozedUntil };
  },

  async 'evidence-capture'(deps, message) {
    const found = mustExist(await deps.db.cases.get(message.caseId), `case ${message.caseId}`);
    const order = await deps.db.orders.get(found.orderId);
    const qcPhotos = order?.items.flatMap((item) => item.qcPhotos ?? []) ?? [];
    const tab = await deps.tabs.get(message.tabId);
    if (tab.windowId !== message.windowId || tab.active === false) {
      throw new RecordError('that tab is no longer the one shown in its window');
    }
    const bytes = pngBytes(await deps.tabs.captureVisibleTab(message.windowId));
    const capturedAt = deps.now().toISOString();
    const url = evidenceAddress(tab.url);
    const record = await addEvidence(
      deps.db,
      {
        caseId: message.caseId,
        kind: 'screenshot',
        shows: url ? subjectsOfPage(url, qcPhotos) : [],
        name: screenshotName(url, capturedAt, deps.timeZone()),
        mimeType: 'image/png',
        capturedAt,
        ...(url ? { url } : {}),
        ...(tab.title ? { title: tab.title.slice(0, TITLE_LIMIT) } : {}),
      },
      {
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
        sha256: await sha256Hex(bytes),
      },
    );
    return { ok: true, evidenceId: record.id };
  },

  async 'evidence-upload-start'(deps, message) {
    const { type: _type, ...upload } = message;
    const started = await startUpload(deps.db, { ...upload, startedAt: deps.now().toISOString() });
    return { ok: true, uploadId: started.id };
  },

  async 'evidence-upload-chunk'(deps, message) {
    await addUploadChunk(
      deps.db,
      message.uploadId,
      message.index,
      bytesFromBase64(message.data),
      deps.now().toISOString(),
    );
    return { ok: true, uploadId: message.uploadId };
  },

  async 'evidence-upload-finish'(deps, message) {
    const record = await finishUpload(deps.db, message.uploadId, deps.now().toISOString());
    return { ok: true, evidenceId: record.id };
  },

  async 'evidence-upload-cancel'(deps, message) {
    await discardUpload(deps.db, message.uploadId);
    return { ok: true, uploadId: message.uploadId };
  },

  async 'evidence-note'(deps, message) {
    const at = deps.now().toISOString();
    const record = await addEvidence(deps.db, {
      caseId: message.caseId,
      kind: 'note',
      shows: [],
      name: message.text.split('\n', 1)[0]?.slice(0, 60) ?? '',
      capturedAt: at,
      text: message.text,
    });
    return { ok: true, evidenceId: record.id };
  },

  async 'evidence-tag'(deps, message) {
    await tagEvidence(deps.db, message.evidenceId, message.shows);
    return { ok: true, evidenceId: message.evidenceId };
  },

  async 'evidence-remove'(deps, message) {
    await removeEvidence(deps.db, message.evidenceId);
    return { ok: true, evidenceId: message.evidenceId };
  },

  async 'order-delete'(deps, message) {
    return deleted(deps, { kind: 'order', id: message.orderId });
  },

  async 'case-delete'(deps, message) {
    return deleted(deps, { kind: 'case', id: message.caseId });
  },

  async 'deletion-undo'(deps, message) {
    const target = await undoDeletion(deps.db, message.undoId, deps.now().toISOString());
    await deps.afterWrite([target.orderId]);
    return { ok: true, orderId: target.orderId };
  },

  async 'backup-made'(deps) {
    const madeAt = deps.now().toISOString();
    await recordBackup(deps.db, madeAt);
    return { ok: true, madeAt };
  },

  async 'restore-apply'(deps) {
    const files = await deps.ownFiles();
    try {
      const backup = await files
        .getFileHandle(RESTORE_FILE)
        .then((handle) => handle.getFile())
        .catch(() => {
          throw new RecordError('no backup to restore', 'backup', 'truncated');
        });
      const { summary, orderIds } = await restoreBackup(deps.db, backup);
      await deps.afterWrite(orderIds);
      return { ok: true, summary };
    } finally {
      // Restored or refused, the copy has served; a file already gone is no matter.
      await files.removeEntry(RESTORE_FILE).catch(() => undefined);
    }
  },

  'background-status'(deps) {
    const problem = deps.status();
    return Promise.resolve({ ok: true, ...(problem ? { problem } : {}) });
  },
};

async function deleted(deps: BackgroundDeps, what: { kind: 'order' | 'case'; id: string }) {
  const trash = await deleteRecords(deps.db, what, deps.now().toISOString());
  deps.afterDeletion();
  await deps.afterWrite([trash.target.orderId]);
  return { ok: true as const, undoId: trash.id, orderId: trash.target.orderId };
}

function dispatch<T extends MessageType>(
  deps: BackgroundDeps,
  message: MessageOf<T>,
): Promise<Reply<MessageOf<T>>> {
  const handler = HANDLERS[message.type] as Handler<T>;
  return handler(deps, message);
}

/** Content messages come from a marketplace tab; the others only from CaseClock's own pages. */
function senderProblem(
  deps: BackgroundDeps,
  message: Message,
  sender: SenderInfo,
): string | undefined {
  if (CONTENT_MESSAGES.has(message.type)) {
    const marketplace = 'marketplace' in message ? message.marketplace : undefined;
    if (!sender.tab || marketplaceOf(sender.url) !== marketplace) {
      return 'page readings are accepted only from the marketplace tab itself';
    }
    return undefined;
  }
  return sender.url?.startsWith(deps.extensionOrigin)
    ? undefined
    : 'this message is accepted only from CaseClock itself';
}

/**
 * The background's answer to every message: validated first, then acted on. Invalid input gets
 * a clear error and changes nothing.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  return async function handleMessage(input: unknown, sender: SenderInfo): Promise<Reply<Message>> {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'unknown sender' };
    const parsed = parseMessage(input);
    if (!parsed.ok) return parsed;
    const { message } = parsed;
    const problem = senderProblem(deps, message, sender);
    if (problem) return { ok: false, error: problem };
    const reply = await answer(deps, message);
    if (!reply.ok && CONTENT_MESSAGES.has(message.type)) deps.onContentRefusal(reply);
    return reply;
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function answer(deps: BackgroundDeps, message: Message): Promise<Reply<Message>> {
  try {
    // A database that failed to open is tried again on every request, never left broken.
    await deps.openStorage();
  } catch (error) {
    return { ok: false, code: 'storage', error: describe(error) };
  }
  try {
    return await dispatch(deps, message);
  } catch (error) {
    // A failed write was rolled back: nothing changed.
    if (error instanceof RecordError) return recordRefusal(error);
    if (isQuotaError(error)) {
      return { ok: false, code: 'quota', error: 'there is not enough storage space left' };
    }
    return { ok: false, error: describe(error) };
  }
}
