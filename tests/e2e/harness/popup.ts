import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface PopupOrderRow {
  marketplace: string;
  number: string;
  stage: string;
  total: string;
}

/** The popup, opened as a tab at its own URL: what the toolbar button shows. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.locator('.popup').waitFor();
    return new PopupPage(page);
  }

  emptyState() {
    return this.page.locator('.empty-state');
  }

  order(orderNumber: string) {
    return this.page.locator('.order').filter({ hasText: orderNumber });
  }

  async orders(): Promise<PopupOrderRow[]> {
    const text = async (row: Locator, selector: string) =>
      (await row.locator(selector).allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
    const rows = await this.page.locator('.order').all();
    return Promise.all(
      rows.map(async (row) => ({
        marketplace: await text(row, '.marketplace'),
        number: await text(row, '.order-number'),
        stage: await text(row, '.stage'),
        total: await text(row, '.total'),
      })),
    );
  }

  /** The text of each row as the buyer reads it, in the order shown. */
  async rowTexts(): Promise<string[]> {
    const texts = await this.page.locator('.order').allInnerTexts();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The rows once every one of these orders is listed (the popup updates itself live). */
  async waitForOrders(orderNumbers: readonly string[]): Promise<PopupOrderRow[]> {
    await this.page.waitForFunction(
      (numbers) => {
        const shown = [...document.querySelectorAll('.order-number')].map((el) => el.textContent);
        return numbers.every((number) => shown.some((text) => text.endsWith(` ${number}`)));
      },
      orderNumbers,
      { timeout: 10_000 },
    );
    return this.orders();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.locator('.popup').screenshot({ path });
  }
}
