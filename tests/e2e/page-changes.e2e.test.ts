import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, fixtureHtml, type Fixture } from '../fixtures/catalogue';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { serveFixtures } from './harness/marketplace-routes';
import { PopupPage } from './harness/popup';
import { storedOrder } from './harness/stored';

const SHELL_URL = 'https://www.aliexpress.com/p/order/index.html?spm=late-render';
const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orders</title></head>
<body><div id="root"><div class="comet-loading-wrap">Loading…</div></div></body></html>`;

function fixture(name: string): Fixture {
  const found = loadFixtures().find((f) => f.marketplace === 'aliexpress' && f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

function bodyOf(page: Fixture): string {
  return /<body>([\s\S]*)<\/body>/.exec(fixtureHtml(page))?.[1] ?? '';
}

/** The order cards of the real list, to hand out a few at a time as "View orders" does. */
function cards(page: Fixture): string[] {
  return bodyOf(page)
    .split(/(?=<div class="order-item">)/)
    .slice(1)
    .map((part) => part.replace(/<\/div><\/div>\s*<div class="order-more">[\s\S]*$/, ''));
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launch();
  await serveFixtures(browser.context, loadFixtures(), { [SHELL_URL]: SHELL });
});

afterAll(async () => {
  await browser.close();
});

describe('an AliExpress order list drawn by the page script, as the real one is', () => {
  it('is read once it renders, more of it when the list grows, and a detail page reached without reloading', async () => {
    const list = fixture('order-list');
    const [first, second, ...rest] = cards(list);
    const tab = await browser.context.newPage();
    await tab.goto(SHELL_URL);
    await tab.waitForTimeout(1_000); // the content script finds no orders yet

    await tab.evaluate(
      (html) => {
        const root = document.getElementById('root');
        if (root) root.innerHTML = `<div class="order-wrap">${html}</div>`;
      },
      `${first ?? ''}${second ?? ''}`,
    );
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    await popup.waitForOrders(['8214398062177351', '8214779947343229']);

    // "View orders" appends the next page of the list.
    await tab.evaluate((html) => {
      document.querySelector('.order-wrap')?.insertAdjacentHTML('beforeend', html);
    }, rest.join(''));
    const rows = await popup.waitForOrders(['8212313961591322', '8210505692320516']);
    expect(rows.filter((row) => row.marketplace === 'AliExpress')).toHaveLength(10);

    // The site's router opens an order without loading a new page.
    const detail = fixture('order-detail-completed');
    await tab.evaluate(
      ({ url, html }) => {
        history.pushState({}, '', url);
        const root = document.getElementById('root');
        if (root) root.innerHTML = html;
      },
      { url: detail.url, html: bodyOf(detail) },
    );
    await expect
      .poll(
        async () =>
          (await storedOrder(browser.serviceWorker, 'aliexpress:8212313961591322'))
            ?.protectionEndsAt,
        {
          timeout: 10_000,
        },
      )
      .toBe('2026-09-03T22:00:00.000Z');
    const stored = await storedOrder(browser.serviceWorker, 'aliexpress:8212313961591322');
    expect(stored).toMatchObject({
      receivedAt: '2026-07-27T22:00:00.000Z',
      seenOnUrl: detail.url,
      total: { minor: 13274, currency: 'BRL' },
    });
  });
});
