import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type PageUpdate } from '@/lib/content/page-watcher';
import { readPage, type ReadingProblem } from '@/lib/marketplaces';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351';

function card(id: string, status = 'Awaiting delivery'): string {
  return `<div class="order-item">
    <span class="order-item-header-status-text">${status}</span>
    <div class="order-item-header-right-info"><div>Order date: Sep 1, 2026</div><div>Order ID: ${id}</div></div>
    <span class="order-item-content-opt-price-total">Total: R$31,93</span></div>`;
}

/** A page in the making: the test changes it as the site's own script would. */
class FakePage {
  doc = new DOMParser().parseFromString('<div id="root"></div>', 'text/html');
  url = LIST_URL;
  onMutation: (() => void) | undefined;
  onActivity: (() => void) | undefined;
  observing = false;
  reads = 0;
  sent: PageUpdate[] = [];
  failNextSend = false;
  /** Until it resolves, the background has not answered. */
  answered: Promise<void> = Promise.resolve();
  gaveUp: [string, ReadingProblem[]][] = [];

  render(html: string): void {
    const root = this.doc.getElementById('root');
    if (root) root.innerHTML = html;
    if (this.observing) this.onMutation?.();
  }

  start() {
    return watchPage({
      currentUrl: () => this.url,
      read: (url) => {
        this.reads += 1;
        return readPage(this.doc, url);
      },
      send: async (update) => {
        if (this.failNextSend) {
          this.failNextSend = false;
          throw new Error('background not reachable');
        }
        this.sent.push(update);
        await this.answered;
      },
      observeMutations: (onChange) => {
        this.onMutation = onChange;
        this.observing = true;
        return () => {
          this.observing = false;
        };
      },
      onActivity: (onActivity) => {
        this.onActivity = onActivity;
        return () => undefined;
      },
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => {
        clearTimeout(timer as ReturnType<typeof setTimeout>);
      },
      onGiveUp: (url, problems) => this.gaveUp.push([url, problems]),
    });
  }

  sentNumbers(): string[][] {
    return this.sent.map((update) => update.reading.orders.map((order) => order.orderNumber));
  }
}

let page: FakePage;

beforeEach(() => {
  vi.useFakeTimers();
  page = new FakePage();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('reads a page that is already there at once', async () => {
    page.render(card('8214398062177351'));
    page.start();
    await vi.runOnlyPendingTimersAsync();
    expect(page.sentNumbers()).toEqual([['8214398062177351']]);
    expect(page.sent[0]?.url).toBe(LIST_URL);
  });

  it('waits for a page that renders late, then reads it once it settles', async () => {
    page.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(page.sent).toEqual([]);
    page.render('<p>Loading…</p>');
    page.render(card('8214398062177351'));
    await vi.advanceTimersByTimeAsync(399);
    expect(page.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.sentNumbers()).toEqual([['8214398062177351']]);
  });

  it('sends only the orders a longer list adds, and nothing when a re-render changes nothing', async () => {
    page.render(card('8214398062177351'));
    page.start();
    await vi.advanceTimersByTimeAsync(500);
    page.render(card('8214398062177351') + card('8212313961591322', 'Completed'));
    await vi.advanceTimersByTimeAsync(500);
    page.render(card('8214398062177351') + card('8212313961591322', 'Completed'));
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sentNumbers()).toEqual([['8214398062177351'], ['8212313961591322']]);
  });

  it('sends an order again when what the page says about it changes', async () => {
    page.render(card('8214398062177351'));
    page.start();
    await vi.advanceTimersByTimeAsync(500);
    page.render(card('8214398062177351', 'Completed'));
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sent.map((update) => update.reading.orders[0]?.statusText)).toEqual([
      'Awaiting delivery',
      'Completed',
    ]);
  });

  it('reads a page that keeps changing at least every two seconds, not after every change', async () => {
    page.start();
    for (let ms = 0; ms < 6_000; ms += 100) {
      page.render(card('8214398062177351', `Awaiting delivery${'.'.repeat(ms / 100)}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(page.reads).toBeGreaterThanOrEqual(3);
    expect(page.reads).toBeLessThanOrEqual(5);
  });

  it('stops watching a while after the last activity, and starts again when the buyer acts', async () => {
    page.start();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(page.observing).toBe(false);
    page.onActivity?.();
    expect(page.observing).toBe(true);
    page.render(card('8214398062177351'));
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sentNumbers()).toEqual([['8214398062177351']]);
  });

  it('reads again after navigation within the page', async () => {
    page.render(card('8214398062177351'));
    page.start();
    await vi.advanceTimersByTimeAsync(500);
    page.url = DETAIL_URL;
    page.render(`<div class="order-block-title">Awaiting delivery</div>
      <div><span>Order ID:&nbsp;</span>8214398062177351</div>
      <div><span>Order placed on:&nbsp;</span>Sep 1, 2026</div>
      <div><span>Total</span><span>R$31,93</span></div>`);
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sent.map((update) => update.url)).toEqual([LIST_URL, DETAIL_URL]);
    expect(page.sent[1]?.reading.pageKind).toBe('order-detail');
  });

  it('gives up, once, on a page whose orders never appear', async () => {
    page.start();
    page.render('<p>Something went wrong. Please refresh.</p>');
    await vi.advanceTimersByTimeAsync(60_000);
    page.onActivity?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(page.sent).toEqual([]);
    expect(page.gaveUp).toEqual([[LIST_URL, [{ kind: 'no-order' }]]]);
  });

  it('sends again what the background could not store', async () => {
    page.render(card('8214398062177351'));
    page.failNextSend = true;
    page.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sent).toEqual([]);
    page.render(card('8214398062177351'));
    await vi.advanceTimersByTimeAsync(500);
    expect(page.sentNumbers()).toEqual([['8214398062177351']]);
  });

  it('reads at once when asked, and resolves once the background has what changed', async () => {
    let answer: () => void = () => undefined;
    page.answered = new Promise((resolve) => {
      answer = resolve;
    });
    page.render(card('8214398062177351'));
    const watcher = page.start();
    page.render(card('8214398062177351') + card('8212313961591322', 'Completed'));
    const readsBefore = page.reads;
    let reported = false;
    const asked = watcher.readNow().then(() => {
      reported = true;
    });
    expect(page.reads).toBe(readsBefore + 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(reported).toBe(false);
    answer();
    await asked;
    // What was on its way when asked counts as sent: only the new order goes.
    expect(page.sentNumbers()).toEqual([['8214398062177351'], ['8212313961591322']]);
  });

  it('does nothing more once stopped', async () => {
    const watcher = page.start();
    watcher.stop();
    page.render(card('8214398062177351'));
    page.onMutation?.();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(page.sent).toEqual([]);
    expect(page.observing).toBe(false);
  });
});
