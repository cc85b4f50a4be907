import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { ClosedShadow } from './harness/closed-shadow';
import { ExtensionPage } from './harness/extension-page';
import { serveFixtures } from './harness/marketplace-routes';
import { clicksSeenBySite, CONFIRM_RECEIPT_PAGES, listenAsTheSite } from './harness/site-clicks';
import { storedEvents } from './harness/stored';
import { shownTabs } from './harness/tabs';

const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
const ORDER_ID = 'dhgate:1043587216';
const CONFIRM = 'Order Has Been Received';
const NOT_INSPECTED = 'You have not marked the items as inspected.';
const screenshots = artifactsDir('e2e');

let browser: ExtensionBrowser;

beforeEach(async () => {
  browser = await launch();
  await serveFixtures(browser.context, loadFixtures());
});

afterEach(async () => {
  await browser.close();
});

/**
 * An order page, with the site's own handler on its confirm button: it records each click that
 * reaches it, and whether the browser marked it as the buyer's own (`isTrusted`).
 */
async function orderPage(
  url: string,
  buttonText: string,
  waitUntil: 'load' | 'commit' = 'load',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil });
  await page.getByText(buttonText, { exact: true }).first().evaluate(listenAsTheSite);
  return page;
}

const siteClicks = (page: Page) => page.evaluate(clicksSeenBySite);

/** The dialog's text once it is shown. */
async function dialogText(page: Page): Promise<string> {
  const dialog = await ClosedShadow.of(page, 'caseclock-guard');
  return (await dialog.waitFor('[role="alertdialog"]')).text;
}

/** The buyer marks the items inspected in CaseClock's own page, once the order is stored. */
async function inspectedInCaseClock(): Promise<void> {
  const extension = await ExtensionPage.open(browser.context, browser.extensionId);
  await expect
    .poll(
      async () =>
        (
          await extension.send({
            type: 'event-record',
            orderId: ORDER_ID,
            event: 'items-inspected',
            at: new Date().toISOString(),
          })
        ).ok,
    )
    .toBe(true);
}

describe.each(CONFIRM_RECEIPT_PAGES)('confirming receipt on %s', (_name, url, buttonText, id) => {
  it('first shows what would be lost, then "Confirm anyway" lets the click through', async () => {
    const page = await orderPage(url, buttonText);
    await page.getByText(buttonText, { exact: true }).first().click();
    await expect(dialogText(page)).resolves.toContain(NOT_INSPECTED);
    expect(await siteClicks(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, `guard-${id}.png`) });

    const dialog = await ClosedShadow.of(page, 'caseclock-guard');
    await dialog.click('button', 'Confirm anyway');
    // CaseClock sends the held click on: the site gets it once.
    expect(await siteClicks(page)).toEqual([false]);
    expect(await dialog.drawn()).toBe(false);
  });
});

describe('"Order Has Been Received" on DHgate', () => {
  it('says that confirming ends every dispute there', async () => {
    const page = await orderPage(ORDER_URL, CONFIRM);
    await page.getByText(CONFIRM).click();
    await expect(dialogText(page)).resolves.toContain('no dispute can be opened');
  });

  it('leaves the click untouched once the buyer has inspected the items and no case is open', async () => {
    const page = await orderPage(ORDER_URL, CONFIRM);
    await inspectedInCaseClock();
    await page.bringToFront();
    // The tab asks again when it comes back; until the answer, the earlier one holds the click.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const dialog = await ClosedShadow.of(page, 'caseclock-guard');
    await expect
      .poll(
        async () => {
          if (await dialog.drawn()) await dialog.click('button', 'Keep my protection');
          await page.getByText(CONFIRM).click();
          return (await siteClicks(page)).length;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    // The buyer's own click, untouched.
    expect(await siteClicks(page)).toEqual([true]);
    expect(await dialog.drawn()).toBe(false);
  });
});

describe('a page’s own script', () => {
  it('cannot record a step, confirm or open tabs for the buyer; the buyer can', async () => {
    const page = await orderPage(ORDER_URL, CONFIRM);
    const panel = await ClosedShadow.of(page, 'caseclock-panel');
    const openCase = await panel.box('button', 'Open the case');
    await page.screenshot({
      path: join(screenshots, 'panel-dhgate.png'),
      clip: { x: 0, y: 0, width: 1280, height: 200 },
    });
    const pagesBefore = browser.context.pages().length;

    // 50 scripted clicks on everything of the panel the page can reach.
    const onPanel = await page.evaluate(
      ({ x, y }) => {
        const host = document.querySelector('caseclock-panel');
        if (!host) throw new Error('no panel');
        const atPoint = document.elementFromPoint(x, y);
        const buttons = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].filter(
          (button) => button.textContent === 'Open the case',
        );
        const reachable = [host, ...(atPoint ? [atPoint] : []), ...buttons];
        for (let times = 0; times < 50; times += 1) {
          for (const target of reachable) {
            (target as HTMLElement).click();
            target.dispatchEvent(
              new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }),
            );
          }
        }
        return { shadowRoot: host.shadowRoot !== null, atPoint: atPoint?.tagName };
      },
      { x: openCase.x + openCase.width / 2, y: openCase.y + openCase.height / 2 },
    );

    // The page clicks its own confirm button: CaseClock holds that click too, and explains.
    await page.evaluate((label) => {
      const confirm = [...document.querySelectorAll('a')].find(
        (link) => link.textContent === label,
      );
      confirm?.click();
    }, CONFIRM);
    await expect(dialogText(page)).resolves.toContain(NOT_INSPECTED);
    const dialog = await ClosedShadow.of(page, 'caseclock-guard');
    const points = [];
    for (const label of ['I inspected the items', 'Confirm anyway', 'Keep my protection']) {
      const box = await dialog.box('button', label);
      points.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }
    // Then everything it can reach of the dialog: its root, its host, what lies under each
    // button, and keys.
    const onDialog = await page.evaluate((centres) => {
      const host = document.querySelector('caseclock-guard');
      if (!host) throw new Error('no dialog');
      const atPoints = centres.map(({ x, y }) => document.elementFromPoint(x, y));
      const inside = [...(host.shadowRoot?.querySelectorAll('button') ?? [])];
      for (const target of [...inside, ...atPoints, host]) {
        if (!target) continue;
        (target as HTMLElement).click();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          target.dispatchEvent(
            new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }),
          );
        }
      }
      for (const target of [document.activeElement, host, document.body]) {
        for (const key of ['Enter', ' ', 'Escape']) {
          for (const type of ['keydown', 'keypress', 'keyup']) {
            target?.dispatchEvent(
              new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }),
            );
          }
        }
      }
      return {
        shadowRoot: host.shadowRoot !== null,
        atPoints: atPoints.map((found) => found?.tagName),
        focused: document.activeElement?.tagName,
      };
    }, points);

    // Whatever those clicks could have sent has long been handled.
    await page.waitForTimeout(1_000);
    const events = await storedEvents(browser.serviceWorker, ORDER_ID);
    expect(events.filter((event) => event.type === 'items-inspected')).toEqual([]);
    expect(await siteClicks(page)).toEqual([]);
    expect(browser.context.pages()).toHaveLength(pagesBefore);
    expect(await dialog.drawn()).toBe(true);
    // All the page could reach of CaseClock was the hosts.
    expect(onPanel).toEqual({ shadowRoot: false, atPoint: 'CASECLOCK-PANEL' });
    expect(onDialog).toEqual({
      shadowRoot: false,
      atPoints: ['CASECLOCK-GUARD', 'CASECLOCK-GUARD', 'CASECLOCK-GUARD'],
      focused: 'CASECLOCK-GUARD',
    });

    // The buyer's own clicks act: one workspace tab, brought back the second time.
    await dialog.click('button', 'Keep my protection');
    const opened = browser.context.waitForEvent('page');
    await panel.click('button', 'Open the case');
    const workspace = await opened;
    const workspaceUrl = `chrome-extension://${browser.extensionId}/case.html?order=dhgate%3A1043587216`;
    expect(workspace.url()).toBe(workspaceUrl);
    await page.bringToFront();
    const activeUrl = async () =>
      (await shownTabs(browser.serviceWorker)).find((tab) => tab.active && tab.inFocusedWindow)
        ?.url;
    await expect.poll(activeUrl).toBe(ORDER_URL);
    await panel.click('button', 'Open the case');
    await expect.poll(activeUrl).toBe(workspaceUrl);
    expect(browser.context.pages()).toHaveLength(pagesBefore + 1);
    const workspaces = (await shownTabs(browser.serviceWorker)).filter(
      (tab) => tab.url === workspaceUrl,
    );
    expect(workspaces).toHaveLength(1);
  });
});

describe('a click before CaseClock has checked the order', () => {
  /** Lets the site's own script load, which the page waits for before its DOM is ready. */
  let releaseSiteScript: () => void = () => undefined;

  afterEach(() => {
    releaseSiteScript();
  });

  /**
   * Opens the order page, its own script held back, and clicks its confirm button with the
   * mouse as soon as it shows: the page's DOM is not ready and it has not painted yet (so the
   * mouse goes to the button's box: Playwright's own click waits for a painted frame).
   */
  async function clickAtOnce(): Promise<Page> {
    const released = new Promise<void>((resolve) => {
      releaseSiteScript = resolve;
    });
    await browser.context.route('https://js.dhresource.com/**', async (route) => {
      await released;
      await route.fulfill({ contentType: 'text/javascript', body: '' }).catch(() => undefined);
    });
    const page = await orderPage(ORDER_URL, CONFIRM, 'commit');
    const box = await page.getByText(CONFIRM).boundingBox();
    if (!box) throw new Error('the confirm button is not laid out');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    return page;
  }

  it('is held on a first visit, and the buyer sees what confirming would cost', async () => {
    const page = await clickAtOnce();
    await expect(dialogText(page)).resolves.toContain(NOT_INSPECTED);
    expect(await siteClicks(page)).toEqual([]);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
  });

  it('goes through after the check on an order that needs no guard', async () => {
    const first = await orderPage(ORDER_URL, CONFIRM);
    await inspectedInCaseClock();
    await first.close();

    const page = await clickAtOnce();
    // The click CaseClock held, sent on once the background said nothing would be lost.
    await expect.poll(() => siteClicks(page)).toEqual([false]);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await (await ClosedShadow.of(page, 'caseclock-guard')).drawn()).toBe(false);
  });
});
