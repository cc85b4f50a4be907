import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { translator } from '../../lib/i18n';
import { fixtureHtml, loadFixtures } from '../fixtures/catalogue';
import { artifactsDir } from './artifacts';
import { launch, type ExtensionBrowser } from './harness/chromium';
import { serveFixtures } from './harness/marketplace-routes';
import { storedOrder, storedOrders } from './harness/stored';
import { ToolbarPopup } from './harness/toolbar';

const t = translator('en');
const fixtures = loadFixtures();
const screenshots = artifactsDir('e2e');

/** DHgate's French order list, as a careless or hostile page could make it. */
const LIST = fixtures.find((page) => page.name === 'desktop-order-list-fr');
if (!LIST) throw new Error('no DHgate French list fixture');
const OTHER_SITE = 'https://orders.example.net/buyerordmng/orderdetail/orderdetail.do?id=1';
const LONG_TITLE = `Casque Bluetooth ${'très '.repeat(120)}confortable`;
const HUGE_NUMBER = '9'.repeat(120);

function hostileList(): string {
  const changes: [string, string][] = [
    // One item title longer than a message carries.
    ['>Casque Bluetooth sans fil à réduction de bruit<', `>${LONG_TITLE}<`],
    // One "order number" no order of DHgate has.
    ['1049981207', HUGE_NUMBER],
    // One order linked to another site.
    [
      'href="/buyerordmng/orderdetail/orderdetail.do?rfxId=ff8080819420bb1c01942c55e04b7a18"',
      `href="${OTHER_SITE}"`,
    ],
  ];
  let html = fixtureHtml(LIST as NonNullable<typeof LIST>);
  for (const [from, to] of changes) {
    if (!html.includes(from)) throw new Error(`the fixture no longer holds ${from}`);
    html = html.split(from).join(to);
  }
  return html;
}

/** A DHgate mobile list of `count` shipped orders: more than one message carries. */
const LONG_LIST_URL = 'https://m.dhgate.com/mydhgate/order/orderlist.html?rft=5';
function longList(count: number): string {
  const cards = Array.from({ length: count }, (_unused, index) => {
    const number = String(2_000_000_000 + index);
    return `<div class="awaiting_list">
<p class="pa_order">Order Number ：<span class="pa_number">${number}</span><span class="pa_time">Oct 28, 2026 14:05</span></p>
<p class="pa_order"><span class="detail_name">Order Status ：</span><span class="pa_red">Shipped</span></p>
<p class="pa_order pa_right">Total : <span class="pay_price">US $ 12.00</span></p></div>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>My Orders</title></head>
<body><div class="j-order-list">${cards.join('\n')}</div></body></html>`;
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launch();
  await serveFixtures(browser.context, fixtures, {
    [LIST.url]: hostileList(),
    [LONG_LIST_URL]: longList(1200),
  });
});

afterAll(async () => {
  await browser.close();
});

describe('a page with one bad field or one bad order', () => {
  it('keeps every good order, and the popup says what it left out', async () => {
    const page = await browser.context.newPage();
    await page.goto(LIST.url);
    const worker = browser.serviceWorker;
    await expect
      .poll(async () => (await storedOrder(worker, 'dhgate:1047760033'))?.orderNumber, {
        timeout: 15_000,
      })
      .toBe('1047760033');
    const first = await storedOrder(worker, 'dhgate:1051238874');
    // Clipped to the limit with an ellipsis, not refused with the page.
    expect(first?.items[0]?.title).toBe(`${LONG_TITLE.slice(0, 499)}…`);
    // The link to another site was left out; the order itself stays.
    expect(first?.detailUrl).toBeUndefined();
    expect((await storedOrders(worker, 'dhgate')).map((order) => order.orderNumber).sort()).toEqual(
      ['1047760033', '1051238874'],
    );

    const popup = await ToolbarPopup.open(browser, page);
    await popup.waitFor('.page-report', en['page.problems']);
    const lines = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('.page-report li')].map((item) => item.textContent)`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        t('problem.field-clipped', { order: '1051238874', field: t('field.itemTitle') }),
        t('problem.order-number-refused', {
          shown: HUGE_NUMBER.slice(0, 60),
          marketplace: 'DHgate',
        }),
        t('problem.link-refused', {
          order: '1051238874',
          field: t('field.detailUrl'),
          shown: OTHER_SITE.slice(0, 60),
          marketplace: 'DHgate',
        }),
      ]),
    );
    await popup.screenshot(join(screenshots, 'popup-page-report.png'));
    await popup.close();
    await page.close();
  });
});

describe('a page with more orders than one message carries', () => {
  it('is stored whole, in parts', async () => {
    const page = await browser.context.newPage();
    await page.goto(LONG_LIST_URL);
    await expect
      .poll(async () => (await storedOrders(browser.serviceWorker, 'dhgate')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1200 + 2);
    const last = await storedOrder(browser.serviceWorker, 'dhgate:2000001199');
    expect(last).toMatchObject({ status: 'shipped', total: { minor: 1200, currency: 'USD' } });
    await page.close();
  });
});
