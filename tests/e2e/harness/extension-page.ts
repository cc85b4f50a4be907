import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { stopServiceWorkers } from './service-worker';

/** The bits of `chrome` an extension page uses here, typed for the code run inside it. */
interface ChromeInPage {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    create(id: string, options: unknown): Promise<string>;
  };
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<unknown>;
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  };
}

declare const chrome: ChromeInPage;

/** One of CaseClock's own pages, to act as the popup would and to look at notifications. */
export class ExtensionPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<ExtensionPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new ExtensionPage(page);
  }

  async send(message: unknown): Promise<{ ok: boolean } & Record<string, unknown>> {
    return this.page.evaluate(
      (sent) =>
        chrome.runtime.sendMessage(sent) as Promise<{ ok: boolean } & Record<string, unknown>>,
      message,
    );
  }

  async notificationIds(): Promise<string[]> {
    return this.page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  }

  /** Asks Chromium to show a notification: why it refused, or undefined once it is listed. */
  async notificationRefusal(id: string, options: unknown): Promise<string | undefined> {
    return this.page.evaluate(
      async ({ shown, given }) => {
        try {
          await chrome.notifications.create(shown, given);
        } catch (error) {
          return String(error);
        }
        return shown in (await chrome.notifications.getAll()) ? undefined : 'not listed';
      },
      { shown: id, given: options },
    );
  }

  /** The alarms set by CaseClock, by name, with when each rings: the reminders to come. */
  async alarms(): Promise<{ name: string; scheduledTime: number }[]> {
    const alarms = await this.page.evaluate(() => chrome.alarms.getAll());
    return alarms
      .map(({ name, scheduledTime }) => ({ name, scheduledTime }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Stops every service worker, as Chrome does to an idle one, and waits until CaseClock's
   * is reported stopped (Playwright's own close event comes late after a CDP stop).
   */
  async stopServiceWorker(): Promise<void> {
    await stopServiceWorkers(this.page);
  }

  /**
   * Wakes CaseClock's worker as one of its own alarms would: an alarm rings, which brings the
   * reminders in line. Returns once it has rung.
   */
  async wakeByAlarm(): Promise<void> {
    const name = `wake-up-${Date.now()}`;
    await this.page.evaluate(
      (alarm) => chrome.alarms.create(alarm, { when: Date.now() + 500 }),
      name,
    );
    await expect
      .poll(() => this.page.evaluate((alarm) => chrome.alarms.get(alarm), name), {
        timeout: 10_000,
      })
      .toBeUndefined();
  }
}
