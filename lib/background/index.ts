import type { CaseClockDatabase } from '../db/database';
import { discardUploadsStartedBefore } from '../db/evidence';
import { effectiveOrder } from '../db/schema';
import { languageOf, translator } from '../i18n';
import { createMessageHandler, type TabAccess } from '../messaging/background';
import type { SenderInfo } from '../messaging/protocol';
import { workspaceUrl } from '../workspace-url';
import {
  orderIdOfReminder,
  reconcileReminders,
  serialReconciler,
  snoozeReminder,
  type ReminderApi,
} from './reminders';
import { caseOfMenuItem, saveSelection, syncEvidenceMenu, type MenuApi } from './evidence-menu';

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
    update(tabId: number, properties: { active: true }): Promise<unknown>;
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
  notificationButtons: boolean;
}

const DAY = 86_400_000;

/** The page where the buyer works on an order's case. */
function caseUrl(api: Pick<ExtensionApi, 'runtime'>, orderId: string): string {
  return workspaceUrl((path) => api.runtime.getURL(path), { order: orderId });
}

/**
 * Wires the background: every listener is registered at once (a message or an alarm may be
 * what woke the worker), then reminders are brought in line with the stored deadlines, as on
 * every start.
 */
export function startBackground(api: ExtensionApi, options: BackgroundOptions) {
  const { db } = options;
  // Reminders and the evidence menu follow the stored data; one run at a time keeps them whole.
  const reconcile = serialReconciler(async () => {
    await reconcileReminders({
      db,
      api: {
        alarms: api.alarms,
        notifications: api.notifications,
        setBadge: options.setBadge,
        iconUrl: api.runtime.getURL('/icon/128.png'),
        notificationButtons: options.notificationButtons,
      },
      clock: () => ({ now: options.now().toISOString(), timeZone: options.timeZone() }),
      locale: options.locale,
    });
    await syncEvidenceMenu(db, api.contextMenus, translator(languageOf(options.locale())));
  });
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
    afterWrite: reconcile,
    tabs,
    caseUrl: (orderId) => caseUrl(api, orderId),
  });

  async function openOrderPage(orderId: string): Promise<void> {
    const order = await db.orders.get(orderId);
    const url = order && (effectiveOrder(order).detailUrl ?? order.seenOnUrl);
    await api.tabs.create({ url: url ?? caseUrl(api, orderId) });
  }

  api.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  api.alarms.onAlarm.addListener(() => void reconcile());
  api.contextMenus.onClicked.addListener((info, tab) => {
    const caseId = caseOfMenuItem(info.menuItemId);
    const text = info.selectionText?.trim();
    if (!caseId || !text) return;
    const url = tab?.url ?? info.pageUrl;
    void saveSelection(
      db,
      caseId,
      { text, ...(url ? { url } : {}), ...(tab?.title ? { title: tab.title } : {}) },
      options.now().toISOString(),
    ).catch((error: unknown) => {
      console.error('CaseClock could not save the selection', error);
    });
  });
  api.notifications.onClicked.addListener((id) => {
    void api.tabs.create({ url: caseUrl(api, orderIdOfReminder(id)) });
    void api.notifications.clear(id);
  });
  api.notifications.onButtonClicked.addListener((id, button) => {
    void api.notifications.clear(id);
    if (button === 0) {
      void openOrderPage(orderIdOfReminder(id));
    } else {
      const until = new Date(options.now().getTime() + DAY).toISOString();
      void snoozeReminder(db, id, until).then(reconcile);
    }
  });
  // A page closed mid-upload leaves chunks behind; a day later they are surely abandoned.
  const started = Promise.all([
    reconcile(),
    discardUploadsStartedBefore(db, new Date(options.now().getTime() - DAY).toISOString()),
  ]).then(() => undefined);
  return { handleMessage, reconcile, started };
}
