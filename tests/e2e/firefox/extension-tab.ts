import type { Page } from 'puppeteer-core';
import type { ReminderRecord, StoredOrder } from '../../../lib/db/schema';
import { recordsInExtension } from '../harness/stored';
import { contextOf, type FirefoxExtension } from './firefox';

/** The bits of Firefox's `browser` an extension page uses here, typed for the code run in it. */
interface BrowserInPage {
  runtime: { sendMessage(message: unknown): Promise<unknown>; reload(): void };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  notifications: {
    getAll(): Promise<Record<string, unknown>>;
    create(id: string, options: unknown): Promise<string>;
  };
  tabs: { query(filter: object): Promise<{ url?: string; active: boolean }[]> };
  extension: { getViews(filter: { type: 'popup' }): { document: Document }[] };
}

declare const browser: BrowserInPage;

export type Reply = { ok: boolean } & Record<string, unknown>;

/**
 * One of CaseClock's own pages in Firefox, to act as its pages do, to look at notifications and
 * tabs, and to drive the toolbar popup (whose document it can reach, as an extension page).
 */
export class ExtensionTab {
  private constructor(
    private readonly firefox: FirefoxExtension,
    readonly page: Page,
  ) {}

  static async open(firefox: FirefoxExtension): Promise<ExtensionTab> {
    return new ExtensionTab(firefox, await firefox.extensionPage('/popup.html', '.popup'));
  }

  async send(message: unknown): Promise<Reply> {
    return this.page.evaluate(
      (sent) => browser.runtime.sendMessage(sent) as Promise<Reply>,
      message,
    );
  }

  async notificationIds(): Promise<string[]> {
    return this.page.evaluate(async () => Object.keys(await browser.notifications.getAll()));
  }

  /** Asks Firefox to show a notification: why it refused, or undefined once it is listed. */
  async notificationRefusal(id: string, options: unknown): Promise<string | undefined> {
    return this.page.evaluate(
      async (shown, given) => {
        try {
          await browser.notifications.create(shown, given);
        } catch (error) {
          return String(error);
        }
        return shown in (await browser.notifications.getAll()) ? undefined : 'not listed';
      },
      id,
      options,
    );
  }

  /** When each of CaseClock's alarms rings, by name. */
  async alarms(): Promise<Record<string, number>> {
    return this.page.evaluate(async () =>
      Object.fromEntries(
        (await browser.alarms.getAll()).map((alarm) => [alarm.name, alarm.scheduledTime]),
      ),
    );
  }

  /** A reminder's record as CaseClock stored it: when it was shown, and put off until. */
  /** An order as CaseClock stored it, if it did. */
  async storedOrder(id: string): Promise<StoredOrder | undefined> {
    const [order] = await this.page.evaluate(recordsInExtension<StoredOrder>, {
      store: 'orders',
      key: id,
    });
    return order;
  }

  async reminderRecord(key: string): Promise<ReminderRecord | undefined> {
    const [record] = await this.page.evaluate(recordsInExtension<ReminderRecord>, {
      store: 'reminders',
      key,
    });
    return record;
  }

  /** CaseClock's own tabs: their addresses, and whether each is the one shown. */
  async ownTabs(): Promise<{ url?: string; active: boolean }[]> {
    return this.page.evaluate(async () =>
      (await browser.tabs.query({})).map(({ url, active }) => ({
        ...(url?.startsWith('moz-extension:') ? { url } : {}),
        active,
      })),
    );
  }

  /**
   * Reloads the add-on, as about:debugging's "Reload" does, and waits until Firefox closed this
   * tab with it (puppeteer is not told).
   */
  async reloadExtension(): Promise<void> {
    await this.page.evaluate(() => {
      setTimeout(() => {
        browser.runtime.reload();
      });
    });
    const context = contextOf(this.page);
    const until = Date.now() + 10_000;
    for (;;) {
      const { contexts } = await this.firefox.bidi<{ contexts: { context: string }[] }>(
        'browsingContext.getTree',
        {},
      );
      if (!contexts.some((shown) => shown.context === context)) return;
      if (Date.now() > until) throw new Error('the add-on did not reload');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the open toolbar popup shows an element matching `selector` holding `text`. */
  async waitInPopup(selector: string, text = '', timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted, holding) => {
        const popup = browser.extension.getViews({ type: 'popup' })[0]?.document;
        return [...(popup?.querySelectorAll(wanted) ?? [])].some(
          (element) => element.getClientRects().length > 0 && element.textContent.includes(holding),
        );
      },
      { timeout, polling: 100 },
      selector,
      text,
    );
  }

  /** Clicks the popup's element holding `text`, as a click there does for its handlers. */
  async clickInPopup(selector: string, text = ''): Promise<void> {
    await this.waitInPopup(selector, text);
    await this.page.evaluate(
      (wanted, holding) => {
        const popup = browser.extension.getViews({ type: 'popup' })[0]?.document;
        const element = [...(popup?.querySelectorAll<HTMLElement>(wanted) ?? [])].find(
          (candidate) => candidate.textContent.includes(holding),
        );
        element?.click();
      },
      selector,
      text,
    );
  }

  /** Chooses an option of a popup's <select>, as picking it from the list does. */
  async selectInPopup(selector: string, value: string): Promise<void> {
    await this.waitInPopup(selector);
    await this.page.evaluate(
      (wanted, chosen) => {
        const select = browser.extension
          .getViews({ type: 'popup' })[0]
          ?.document.querySelector<HTMLSelectElement>(wanted);
        if (!select) return;
        select.value = chosen;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      },
      selector,
      value,
    );
  }
}
