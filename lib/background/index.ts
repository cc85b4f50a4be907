import { ensureOpen, type CaseClockDatabase } from '../db/database';
import { emptyTrash, nextTrashEmptying, UNDO_WINDOW_MS } from '../db/deletion';
import { isQuotaError, RecordError, recordRefusal } from '../db/errors';
import { discardAbandonedUploads, EVIDENCE_SIZE_LIMIT } from '../db/evidence';
import { orderPageUrl } from '../db/schema';
import { languageOf, translator, type MessageKey } from '../i18n';
import { formatSize } from '../i18n/format';
import { refusalText } from '../i18n/refusal';
import { createMessageHandler, showWorkspace, type TabAccess } from '../messaging/background';
import type { Refusal, SenderInfo } from '../messaging/protocol';
import { BackgroundHealth } from './health';
import { workspaceUrl } from '../workspace-url';
import {
  orderIdOfReminder,
  reconcileReminders,
  remindTomorrow,
  serialReconciler,
  SUMMARY_PREFIX,
  type ReminderApi,
} from './reminders';
import type { NotificationSupport } from './notifications';
import type { OwnFiles } from '../own-files';
import { caseOfMenuItem, evidenceMenuSyncer, saveSelection, type MenuApi } from './evidence-menu';

/** The part of the extension API the background uses: `browser`, or WXT's fake browser. */
export interface ExtensionApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    onMessage: { addListener(listener: (message: unknown, sender: SenderInfo) => unknown): void };
  };
  alarms: ReminderApi['alarms'] & {
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  notifications: ReminderApi['notifications'] & {
    clear(id: string): Promise<boolean>;
    onClicked: { addListener(listener: (id: string) => void): void };
    onButtonClicked: { addListener(listener: (id: string, button: number) => void): void };
  };
  tabs: {
    create(properties: { url: string }): Promise<unknown>;
    get(
      tabId: number,
    ): Promise<{ url?: string; title?: string; windowId?: number; active?: boolean }>;
    captureVisibleTab(windowId: number, options: { format: 'png' }): Promise<string>;
    query(filter: { url: string }): Promise<{ id?: number; url?: string; windowId?: number }[]>;
    update(tabId: number, properties: { active: true; url?: string }): Promise<unknown>;
  };
  windows: { update(windowId: number, properties: { focused: true }): Promise<unknown> };
  contextMenus: MenuApi & {
    onClicked: {
      addListener(
        listener: (
          info: { menuItemId: string | number; selectionText?: string; pageUrl?: string },
          tab?: { url?: string; title?: string },
        ) => void,
      ): void;
    };
  };
}

export interface BackgroundOptions {
  db: CaseClockDatabase;
  now: () => Date;
  timeZone: () => string;
  locale: () => string;
  setBadge: (text: string) => Promise<void>;
  /** What this browser's notifications take beyond a title and a message. */
  notificationSupport: NotificationSupport;
  /** CaseClock's version: orders planned by another are planned again. */
  version: string;
  /** Opens the toolbar popup, where the buyer sees every order by urgency. */
  openPopup: () => Promise<void>;
  /** CaseClock's own files on disk, where the settings page leaves a backup to restore. */
  ownFiles: () => Promise<OwnFiles>;
}

/** Notices about CaseClock's own trouble are named apart from reminders. */
const NOTICE_PREFIX = 'notice:';
/** A page tab keeps writing while storage is full: say so once in a while, not on every read. */
const CONTENT_NOTICE_INTERVAL = 10 * 60_000;
const EMPTY_TRASH_ALARM = 'empty-trash';

/** The page where the buyer works on an order's case; with a reminder, to act on it there. */
function caseUrl(api: Pick<ExtensionApi, 'runtime'>, orderId: string, reminder?: string): string {
  return workspaceUrl((path) => api.runtime.getURL(path), {
    order: orderId,
    ...(reminder === undefined ? {} : { reminder }),
  });
}

/**
 * Wires the background: every listener is registered at once (a message or an alarm may be
 * what woke the worker), then reminders are brought in line with the stored deadlines, as on
 * every start. Nothing here may fail unseen: what goes wrong is kept for the popup to show, or
 * told to the buyer in a notification.
 */
export function startBackground(api: ExtensionApi, options: BackgroundOptions) {
  const { db } = options;
  const health = new BackgroundHealth();
  const now = () => options.now().toISOString();
  const clock = () => ({ now: now(), timeZone: options.timeZone() });
  const t = () => translator(languageOf(options.locale()));
  const size = (bytes: number) => formatSize(bytes, options.locale());
  const storage = () => health.track('storage', () => ensureOpen(db));
  // Reminders and the evidence menu follow the stored data; one run at a time keeps them whole.
  // A worker's first run also looks for orders an older version or a stopped run left
  // unsummarized; later runs plan only what writes name and what time brings.
  let everyOrder = true;
  const syncEvidenceMenu = evidenceMenuSyncer(api.contextMenus);
  const reconcile = serialReconciler(async (touched) => {
    await storage();
    await health.track('reminders', async () => {
      await reconcileReminders(
        {
          db,
          version: options.version,
          api: {
            alarms: api.alarms,
            notifications: api.notifications,
            setBadge: options.setBadge,
            iconUrl: api.runtime.getURL('/icon/128.png'),
            notificationSupport: options.notificationSupport,
          },
          clock,
          locale: options.locale,
        },
        touched,
        { everyOrder },
      );
      everyOrder = false;
      await syncEvidenceMenu(db, t());
    });
  });

  /** Tells the buyer, in a notification, what CaseClock could not do. */
  const notice = async (title: MessageKey, refusal: Refusal) => {
    const words = t();
    await api.notifications
      .create(`${NOTICE_PREFIX}${crypto.randomUUID()}`, {
        type: 'basic',
        iconUrl: api.runtime.getURL('/icon/128.png'),
        title: words(title),
        message: refusalText(words, refusal, { limit: size(EVIDENCE_SIZE_LIMIT) }),
      })
      .catch((failure: unknown) => {
        console.error('CaseClock could not show a notification', failure);
      });
  };
  /** Runs a write the buyer asked for outside CaseClock's pages; a failure becomes a notice. */
  const writeOrTell = async (title: MessageKey, write: () => Promise<unknown>) => {
    try {
      await storage();
      await write();
    } catch (error) {
      console.error('CaseClock could not save', error);
      await notice(title, refusalOf(error));
    }
  };

  /** Housekeeping nobody asked for: a failure is kept for the popup, never thrown. */
  const tidy = async (work: () => Promise<unknown>) => {
    await health
      .track('storage', async () => {
        await ensureOpen(db);
        await work();
      })
      .catch((error: unknown) => {
        console.error('CaseClock could not tidy its storage', error);
      });
  };
  const scheduleTrashEmptying = async () => {
    const next = await nextTrashEmptying(db);
    if (next !== undefined) await api.alarms.create(EMPTY_TRASH_ALARM, { when: next });
  };
  const emptyTrashNow = () =>
    tidy(async () => {
      await emptyTrash(db, now());
      await scheduleTrashEmptying();
    });
  let lastContentNotice = Number.NEGATIVE_INFINITY;
  const tabs: TabAccess = {
    get: (tabId) => api.tabs.get(tabId),
    captureVisibleTab: (windowId) => api.tabs.captureVisibleTab(windowId, { format: 'png' }),
    create: (properties) => api.tabs.create(properties),
    query: (filter) => api.tabs.query(filter),
    update: (tabId, properties) => api.tabs.update(tabId, properties),
    focusWindow: (windowId) => api.windows.update(windowId, { focused: true }),
  };
  const handleMessage = createMessageHandler({
    db,
    extensionId: api.runtime.id,
    extensionOrigin: api.runtime.getURL('/'),
    now: options.now,
    timeZone: options.timeZone,
    locale: options.locale,
    afterWrite: reconcile,
    tabs,
    caseUrl: (orderId) => caseUrl(api, orderId),
    openStorage: storage,
    status: () => health.current(),
    afterDeletion() {
      // The worker may be stopped before the timer: the alarm empties the trash then.
      setTimeout(() => void emptyTrashNow(), UNDO_WINDOW_MS + 6_000);
      void tidy(scheduleTrashEmptying);
    },
    onContentRefusal(refusal) {
      if (refusal.code !== 'quota' && refusal.code !== 'storage') return;
      const at = options.now().getTime();
      if (at - lastContentNotice < CONTENT_NOTICE_INTERVAL) return;
      lastContentNotice = at;
      void notice('notice.pageNotStored', refusal);
    },
    ownFiles: options.ownFiles,
  });

  async function openOrderPage(orderId: string): Promise<void> {
    const order = await db.orders.get(orderId);
    const url = order && orderPageUrl(order);
    await api.tabs.create({ url: url ?? caseUrl(api, orderId) });
  }

  api.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === EMPTY_TRASH_ALARM) void emptyTrashNow();
    else void reconcile();
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    const caseId = caseOfMenuItem(info.menuItemId);
    const text = info.selectionText?.trim();
    if (!caseId || !text) return;
    const url = tab?.url ?? info.pageUrl;
    void writeOrTell('notice.selection', () =>
      saveSelection(
        db,
        caseId,
        { text, ...(url ? { url } : {}), ...(tab?.title ? { title: tab.title } : {}) },
        now(),
      ),
    );
  });
  /** The popup where it can open by itself; else the same page in a tab. */
  const showOrders = async () => {
    try {
      await options.openPopup();
    } catch {
      await api.tabs.create({ url: api.runtime.getURL('/popup.html') });
    }
  };
  // A click on a reminder shows its case, which offers what its buttons do (Firefox has none);
  // a click on a summary of many shows them all, in the popup.
  api.notifications.onClicked.addListener((id) => {
    if (id.startsWith(SUMMARY_PREFIX)) void showOrders();
    else if (!id.startsWith(NOTICE_PREFIX)) {
      void showWorkspace(tabs, caseUrl(api, orderIdOfReminder(id), id));
    }
    void api.notifications.clear(id);
  });
  api.notifications.onButtonClicked.addListener((id, button) => {
    void api.notifications.clear(id);
    if (id.startsWith(NOTICE_PREFIX)) return;
    if (button === 0) {
      void openOrderPage(orderIdOfReminder(id));
    } else {
      void writeOrTell('notice.snooze', () => remindTomorrow(db, id, clock())).then(() =>
        reconcile([orderIdOfReminder(id)]),
      );
    }
  });
  // What a closed page or an expired undo left behind only takes space.
  const started = (async () => {
    await reconcile();
    await tidy(() => discardAbandonedUploads(db, now()));
    await emptyTrashNow();
  })();
  return { handleMessage, reconcile, started, status: () => health.current() };
}

/** A failure as a refusal, for the buyer's words: storage space, or the error as it came. */
function refusalOf(error: unknown): Refusal {
  if (error instanceof RecordError) return recordRefusal(error);
  if (isQuotaError(error)) return { ok: false, error: 'quota', code: 'quota' };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
