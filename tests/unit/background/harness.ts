import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { CaseClockDatabase } from '@/lib/db/database';
import type { SenderInfo } from '@/lib/messaging/protocol';

export const EXTENSION_PAGE: SenderInfo = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

export function tab(url: string): SenderInfo {
  return { id: fakeBrowser.runtime.id, url, tab: { id: 9 } };
}

/** The background on WXT's fake browser and fake-indexeddb, with a clock the test moves. */
export class TestBackground {
  now: Date;
  badge = '';
  readonly db: CaseClockDatabase;
  background!: ReturnType<typeof startBackground>;

  constructor(start: string, db?: CaseClockDatabase) {
    this.now = new Date(start);
    this.db = db ?? new CaseClockDatabase(`background-${crypto.randomUUID()}`);
  }

  /** Starts the worker, as the browser does on install, on start and on every wake-up. */
  async start(): Promise<this> {
    this.background = startBackground(fakeBrowser, {
      db: this.db,
      now: () => this.now,
      timeZone: () => 'Europe/Paris',
      locale: () => 'en-US',
      setBadge: (text) => {
        this.badge = text;
        return Promise.resolve();
      },
      notificationButtons: true,
    });
    await this.background.started;
    return this;
  }

  async send(message: unknown, sender: SenderInfo = EXTENSION_PAGE) {
    return this.background.handleMessage(message, sender);
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
