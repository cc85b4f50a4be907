import { PARIS } from '../zones';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground, type ExtensionApi } from '@/lib/background';
import type { MenuApi } from '@/lib/background/evidence-menu';
import {
  NOTIFICATION_SUPPORT,
  type NotificationCreator,
  type NotificationOptions,
} from '@/lib/background/notifications';
import { CaseClockDatabase } from '@/lib/db/database';
import type { StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { MemoryFiles } from '../../own-files';
import type { SenderInfo } from '@/lib/messaging/protocol';

export const EXTENSION_PAGE: SenderInfo = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

export function tab(url: string): SenderInfo {
  return { id: fakeBrowser.runtime.id, url, tab: { id: 9 } };
}

type MenuItem = Parameters<MenuApi['create']>[0];
type MenuClick = Parameters<
  Parameters<ExtensionApi['contextMenus']['onClicked']['addListener']>[0]
>;

/** `contextMenus`, which WXT's fake browser leaves out: keeps the items, replays clicks. */
export class FakeMenus {
  items: MenuItem[] = [];
  private listeners: ((...click: MenuClick) => void)[] = [];
  readonly onClicked = {
    addListener: (listener: (...click: MenuClick) => void) => {
      this.listeners.push(listener);
    },
  };

  removeAll(): Promise<void> {
    this.items = [];
    return Promise.resolve();
  }

  create(item: MenuItem): void {
    if (this.items.some((existing) => existing.id === item.id)) {
      throw new Error(`duplicate menu id ${item.id}`);
    }
    this.items.push(item);
  }

  click(...click: MenuClick): void {
    for (const listener of this.listeners) listener(...click);
  }
}

export type BrowserName = keyof typeof NOTIFICATION_SUPPORT;

/**
 * The options real Firefox 153 keeps for a notification (what its `notifications.getAll()`
 * lists); it refuses the whole notification for any other, and for `buttons`, which its schema
 * marks unsupported. Chrome takes what the fake browser takes.
 */
const FIREFOX_NOTIFICATION_OPTIONS = new Set([
  'type',
  'iconUrl',
  'appIconMaskUrl',
  'title',
  'message',
  'contextMessage',
  'priority',
  'eventTime',
  'imageUrl',
  'items',
  'progress',
  'isClickable',
]);

/** Why Firefox refuses these options, in its own words; undefined when it takes them. */
function firefoxRefusal(options: NotificationOptions): string | undefined {
  const refusal = (problem: string) =>
    `Type error for parameter options (${problem}) for notifications.create.`;
  for (const option of Object.keys(options)) {
    if (option === 'buttons') return refusal('Property "buttons" is unsupported by Firefox');
    if (!FIREFOX_NOTIFICATION_OPTIONS.has(option))
      return refusal(`Unexpected property "${option}"`);
  }
  return undefined;
}

/**
 * `notifications.create` as the browser checks it, then the fake browser's; `unavailable` holds
 * the ids it will not show for now, with its reason. Refusals are kept.
 */
function notificationsOf(
  browser: BrowserName,
  unavailable: ReadonlyMap<string, string>,
  refusals: string[],
): NotificationCreator {
  return {
    create(id, options) {
      const refusal =
        unavailable.get(id) ?? (browser === 'firefox' ? firefoxRefusal(options) : undefined);
      if (refusal) {
        refusals.push(refusal);
        throw new Error(refusal);
      }
      return fakeBrowser.notifications.create(id, options);
    },
  };
}

/** How many alarms Chrome keeps for one extension. */
export const CHROME_ALARM_LIMIT = 500;

/** A 1×1 PNG: what the fake browser "sees" in a tab. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The background on WXT's fake browser and fake-indexeddb, with a clock the test moves. */
export class TestBackground {
  now: Date;
  badge = '';
  /** CaseClock's version, and the buyer's time zone, as the worker starts with them. */
  version = '1.0.0';
  timeZone = PARIS;
  /** The browser's language, as the worker reads it. */
  locale = 'en-US';
  /** How often the background opened the toolbar popup. */
  popupsOpened = 0;
  /** Why the browser will not open the popup for now, if it will not. */
  popupRefused: string | undefined;
  readonly db: CaseClockDatabase;
  background!: ReturnType<typeof startBackground>;
  readonly menus = new FakeMenus();
  /** Windows whose visible tab was captured. */
  readonly captures: number[] = [];
  /** The tabs of window 1, the last one shown; and what the background opened. */
  readonly tabs: { id: number; url: string; title: string; active: boolean }[] = [];
  readonly opened: string[] = [];
  /** Windows the background brought to the front. */
  readonly focusedWindows: number[] = [];
  /** Why the browser refused to show notifications it was asked for. */
  readonly refusedNotifications: string[] = [];
  /** Notifications the browser will not show for now, by id, with its reason. */
  readonly unavailableNotifications = new Map<string, string>();
  /** Why the browser will not set alarms for now, if it will not. */
  alarmsRefused: string | undefined;
  /** CaseClock's own files on disk, shared by its pages and the background. */
  readonly files = new MemoryFiles();

  constructor(
    start: string,
    db?: CaseClockDatabase,
    /** The browser whose notifications it has: Chrome's unless said. */
    readonly browser: BrowserName = 'chrome',
  ) {
    this.now = new Date(start);
    this.db = db ?? new CaseClockDatabase(`background-${crypto.randomUUID()}`);
  }

  /** Starts the worker, as the browser does on install, on start and on every wake-up. */
  async start(): Promise<this> {
    const api: ExtensionApi = {
      ...fakeBrowser,
      // Each call goes to the fake browser's own function, which a test may have replaced.
      alarms: {
        onAlarm: fakeBrowser.alarms.onAlarm,
        getAll: () => fakeBrowser.alarms.getAll(),
        clear: (name) => fakeBrowser.alarms.clear(name),
        create: async (name, info) => {
          const alarms = await fakeBrowser.alarms.getAll();
          const added = !alarms.some((alarm) => alarm.name === name);
          // Chrome refuses an extension's 501st alarm, in these words.
          if (added && alarms.length >= CHROME_ALARM_LIMIT) {
            throw new Error('Maximum number of alarms reached.');
          }
          if (this.alarmsRefused !== undefined) throw new Error(this.alarmsRefused);
          await fakeBrowser.alarms.create(name, info);
        },
      },
      notifications: {
        ...fakeBrowser.notifications,
        ...notificationsOf(this.browser, this.unavailableNotifications, this.refusedNotifications),
      },
      contextMenus: this.menus,
      tabs: {
        create: (properties) => {
          this.opened.push(properties.url);
          this.showTab(properties.url);
          return Promise.resolve({});
        },
        // Exact addresses only: the patterns the background passes hold no wildcard. As in
        // the browsers, a match pattern leaves out the `#` part of a tab's address.
        query: ({ url }) =>
          Promise.resolve(
            this.tabs
              .filter((shown) => shown.url.split('#', 1)[0] === url)
              .map((shown) => ({ ...shown, windowId: 1 })),
          ),
        update: (tabId, properties) => {
          for (const shown of this.tabs) {
            shown.active = shown.id === tabId;
            if (shown.active && properties.url !== undefined) shown.url = properties.url;
          }
          return Promise.resolve({});
        },
        get: (tabId) => {
          const found = this.tabs.find((shown) => shown.id === tabId);
          return found
            ? Promise.resolve({ ...found, windowId: 1 })
            : Promise.reject(new Error(`No tab with id: ${String(tabId)}.`));
        },
        captureVisibleTab: (windowId) => {
          this.captures.push(windowId);
          return Promise.resolve(`data:image/png;base64,${TINY_PNG}`);
        },
      },
      windows: {
        update: (windowId) => {
          this.focusedWindows.push(windowId);
          return Promise.resolve({});
        },
      },
    };
    this.background = startBackground(api, {
      db: this.db,
      now: () => this.now,
      timeZone: () => this.timeZone,
      locale: () => this.locale,
      setBadge: (text) => {
        this.badge = text;
        return Promise.resolve();
      },
      notificationSupport: NOTIFICATION_SUPPORT[this.browser],
      version: this.version,
      ownFiles: () => Promise.resolve(this.files),
      openPopup: () => {
        if (this.popupRefused !== undefined) return Promise.reject(new Error(this.popupRefused));
        this.popupsOpened += 1;
        return Promise.resolve();
      },
    });
    await this.background.started;
    return this;
  }

  /** Shows a page in a new tab of window 1, in front of the others. */
  showTab(url: string, title = ''): { tabId: number; windowId: number } {
    for (const shown of this.tabs) shown.active = false;
    const id = this.tabs.length + 1;
    this.tabs.push({ id, url, title, active: true });
    return { tabId: id, windowId: 1 };
  }

  async send(message: unknown, sender: SenderInfo = EXTENSION_PAGE) {
    return this.background.handleMessage(message, sender);
  }

  /** Starts a case on an order (the DHgate one unless said), as the workspace does. */
  async startCase(reason = 'not-received', orderId = DHGATE_ORDER_ID): Promise<string> {
    const reply = await this.send({ type: 'case-start', orderId, reason });
    if (!reply.ok || !('caseId' in reply)) throw new Error(`no case: ${JSON.stringify(reply)}`);
    return reply.caseId;
  }

  /** Moves the clock on and rings the alarms whose time has come, as Chrome would. */
  async advanceTo(instant: string): Promise<void> {
    this.now = new Date(instant);
    const due = (await fakeBrowser.alarms.getAll()).filter(
      (alarm) => alarm.scheduledTime <= this.now.getTime(),
    );
    for (const alarm of due) {
      await fakeBrowser.alarms.clear(alarm.name);
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
    }
    await this.background.reconcile();
  }

  async notifications() {
    return Object.entries(await fakeBrowser.notifications.getAll()).map(([id, options]) => ({
      id,
      ...(options as { title: string; message: string; buttons?: { title: string }[] }),
    }));
  }

  async alarms() {
    return (await fakeBrowser.alarms.getAll())
      .map((alarm) => ({ name: alarm.name, at: new Date(alarm.scheduledTime).toISOString() }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}

/** The DHgate order the background tests follow, as its detail page reads. */
export const DHGATE_ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
export const DHGATE_ORDER_ID = 'dhgate:1043587216';

/** What the content script sends from that page; `overrides` replace whole fields. */
export function dhgatePageRead(overrides: Record<string, unknown> = {}) {
  return {
    type: 'page-read',
    url: DHGATE_ORDER_URL,
    marketplace: 'dhgate',
    pageKind: 'order-detail',
    orders: [
      {
        orderNumber: '1043587216',
        status: 'shipped',
        statusText: 'Shipped',
        items: [],
        total: { minor: 4155, currency: 'USD' },
        detailUrl: DHGATE_ORDER_URL,
      },
    ],
    ...overrides,
  };
}

const MINUTE = 60_000;
/** The first refund request; the others follow a minute apart. */
const FIRST_REQUEST = Date.parse('2026-11-10T09:00:00.000Z');

export function orderNumber(index: number): string {
  return String(1_043_600_000 + index);
}

/**
 * `count` DHgate orders, each with a case whose refund was asked for a minute after the one
 * before: the seller's 5 days end, and escalation opens, a minute apart.
 */
export async function refundsRequested(count: number): Promise<CaseClockDatabase> {
  const db = new CaseClockDatabase(`many-${crypto.randomUUID()}`);
  const orders: StoredOrder[] = [];
  const cases: StoredCase[] = [];
  const events: StoredEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `dhgate:${orderNumber(index)}`;
    const at = new Date(FIRST_REQUEST + index * MINUTE).toISOString();
    const seen = '2026-11-10T08:00:00.000Z';
    orders.push({
      id,
      marketplace: 'dhgate',
      orderNumber: orderNumber(index),
      items: [],
      firstSeenAt: seen,
      lastSeenAt: seen,
    });
    cases.push({
      id: `case-${String(index)}`,
      orderId: id,
      reason: 'damaged',
      openedAt: seen,
      status: 'open',
    });
    events.push({
      id: `event-${String(index)}`,
      orderId: id,
      caseId: `case-${String(index)}`,
      type: 'refund-requested',
      at,
      recordedAt: at,
      source: 'buyer',
    });
  }
  await db.orders.bulkAdd(orders);
  await db.cases.bulkAdd(cases);
  await db.events.bulkAdd(events);
  return db;
}

/** Escalation opening for order `index`: 5 days after its refund request. */
export function escalationOpens(index: number): string {
  return new Date(FIRST_REQUEST + 5 * 86_400_000 + index * MINUTE).toISOString();
}
