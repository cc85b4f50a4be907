import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/PopupApp';
import type { StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import type { TestBackground } from '../background/harness';
import { renderPage } from './harness';

const NOW = '2026-11-20T09:00:00.000Z';
const DETAIL_URL = 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff8080&rft=4';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function order(number: string, overrides: Partial<StoredOrder> = {}): StoredOrder {
  return {
    id: `dhgate:${number}`,
    marketplace: 'dhgate',
    orderNumber: number,
    items: [],
    firstSeenAt: '2026-10-02T09:30:00.000Z',
    lastSeenAt: '2026-11-02T09:30:00.000Z',
    ...overrides,
  };
}

function openCase(orderId: string, reason: StoredCase['reason'] = 'not-received'): StoredCase {
  return {
    id: `case-${orderId}`,
    orderId,
    reason,
    openedAt: '2026-11-10T08:00:00.000Z',
    status: 'open',
  };
}

function buyerEvent(orderId: string, type: StoredEvent['type'], at: string): StoredEvent {
  return {
    id: `${orderId}-${type}`,
    orderId,
    caseId: `case-${orderId}`,
    type,
    at,
    recordedAt: at,
    source: 'buyer',
  };
}

function trackingUploaded(orderId: string, at: string): StoredEvent {
  return {
    id: `${orderId}-tracking`,
    orderId,
    type: 'tracking-uploaded',
    at,
    recordedAt: at,
    source: 'page',
    details: { trackingNumber: 'LZ492186534CN' },
  };
}

/** The background takes in orders written straight to the database, as after its own writes. */
async function takeIn(background: TestBackground): Promise<void> {
  await background.background.reconcile(await background.db.orders.toCollection().primaryKeys());
}

function rows() {
  const list = screen.getByRole('list', { name: 'Tracked orders' });
  return within(list).getAllByRole('listitem');
}

describe('the popup', () => {
  it('explains where to start when nothing is tracked, naming every supported site', async () => {
    await renderPage((background) => <PopupApp db={background.db} />);
    expect(await screen.findByText('No orders tracked yet')).toBeTruthy();
    expect(
      screen.getByText(
        /Open one of your orders on DHgate, Allchinabuy, Superbuy, Wegobuy,? and AliExpress/,
      ),
    ).toBeTruthy();
  });

  it('ranks orders by urgency, each with its seller, total, stage and live countdown', async () => {
    const { db, background } = await renderPage((shown) => <PopupApp db={shown.db} />);
    // One transaction: the live list sees all of it at once.
    await db.transaction('rw', [db.orders, db.cases, db.events], async () => {
      await db.orders.bulkPut([
        order('1000000001', { status: 'awaiting-shipment', placedAt: '2026-11-18T08:00:00.000Z' }),
        order('1000000002', {
          status: 'shipped',
          seller: { name: 'Shenzhen Audio Store' },
          total: { minor: 4155, currency: 'USD' },
        }),
        order('1000000003', { status: 'shipped', total: { minor: 1999, currency: 'USD' } }),
      ]);
      await db.cases.bulkPut([openCase('dhgate:1000000003')]);
      await db.events.bulkPut([
        trackingUploaded('dhgate:1000000002', '2026-11-17T09:00:00.000Z'),
        buyerEvent('dhgate:1000000003', 'refund-requested', '2026-11-10T09:00:00.000Z'),
      ]);
    });
    await takeIn(background);
    await screen.findByText('Order 1000000003');
    const [first, second, third] = rows();
    // The seller's 5 days are over: escalating is possible now.
    expect(first?.textContent).toContain('Order 1000000003');
    expect(first?.textContent).toContain('Action due');
    expect(first?.textContent).toContain('Escalate the case to DHgate');
    expect(within(first as HTMLElement).getByText('Not received')).toBeTruthy();
    // "Open Dispute" appears 4 days after the tracking upload of the 17th.
    expect(second?.textContent).toContain('Order 1000000002');
    expect(second?.textContent).toContain('Shenzhen Audio Store');
    expect(second?.textContent).toContain('$41.55');
    expect(second?.textContent).toContain('On its way');
    expect(second?.textContent).toContain('dispute opens tomorrow at 10:00');
    expect(third?.textContent).toContain('Wait for the seller to ship');
  });

  it('finds orders by number, seller or item, and filters open cases and archived orders', async () => {
    const user = userEvent.setup();
    const { db, background } = await renderPage((shown) => <PopupApp db={shown.db} />);
    await db.transaction('rw', [db.orders, db.cases], async () => {
      await db.orders.bulkPut([
        order('1000000001', { items: [{ title: 'Wireless Earbuds' }] }),
        order('1000000002', { seller: { name: 'Lamp Factory' } }),
        order('1000000003', { archived: true }),
      ]);
      await db.cases.put(openCase('dhgate:1000000002', 'damaged'));
    });
    await takeIn(background);
    await screen.findByText('Order 1000000001');
    expect(rows()).toHaveLength(2);

    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'earbuds');
    await waitFor(() => {
      expect(rows().map((row) => row.dataset.orderId)).toEqual(['dhgate:1000000001']);
    });
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'dhgate lamp');
    await waitFor(() => {
      expect(rows().map((row) => row.dataset.orderId)).toEqual(['dhgate:1000000002']);
    });
    await user.clear(screen.getByRole('searchbox'));

    await user.click(screen.getByRole('radio', { name: /Open cases/ }));
    await waitFor(() => {
      expect(rows().map((row) => row.dataset.orderId)).toEqual(['dhgate:1000000002']);
    });
    await user.click(screen.getByRole('radio', { name: /Archived/ }));
    await waitFor(() => {
      expect(rows().map((row) => row.dataset.orderId)).toEqual(['dhgate:1000000003']);
    });
    expect(screen.getByRole('radio', { name: /Archived/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await user.type(screen.getByRole('searchbox'), 'nothing like this');
    expect(await screen.findByText('No order matches.')).toBeTruthy();
  });

  it('shows a long list a page at a time', async () => {
    const user = userEvent.setup();
    const { db, background } = await renderPage((shown) => <PopupApp db={shown.db} />);
    await db.orders.bulkPut(
      Array.from({ length: 120 }, (_, index) => order(String(2000000000 + index))),
    );
    await takeIn(background);
    await waitFor(() => {
      expect(rows()).toHaveLength(50);
    });
    expect(screen.getByRole('heading', { name: 'Tracked orders 120' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    await waitFor(() => {
      expect(rows()).toHaveLength(100);
    });
    await user.click(screen.getByRole('button', { name: 'Show 20 more' }));
    await waitFor(() => {
      expect(rows()).toHaveLength(120);
    });
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('opens an order’s case in its workspace', async () => {
    const user = userEvent.setup();
    const { db, actions, background } = await renderPage((shown) => <PopupApp db={shown.db} />);
    await db.orders.put(order('1043587216'));
    await takeIn(background);
    await user.click(await screen.findByRole('button', { name: /Order 1043587216/ }));
    expect(actions.openCase).toHaveBeenCalledWith('dhgate:1043587216');
  });

  it('starts a case on the order of the current tab, then captures the tab into it', async () => {
    const user = userEvent.setup();
    const tab = { id: 1, windowId: 1, url: DETAIL_URL };
    const { db, sent, background } = await renderPage((shown) => (
      <PopupApp db={shown.db} tab={tab} />
    ));
    background.showTab(DETAIL_URL);
    await db.orders.put(order('1043587216', { seenOnUrl: DETAIL_URL }));
    await takeIn(background);
    const card = await screen.findByRole('region', { name: 'On this page' });
    expect(within(card).getByText('On this page: DHgate 1043587216')).toBeTruthy();
    await user.selectOptions(within(card).getByLabelText('Reason'), 'damaged');
    await user.click(within(card).getByRole('button', { name: 'Start the case' }));
    await user.click(await within(card).findByRole('button', { name: 'Capture this tab' }));
    expect(await within(card).findByRole('status')).toHaveProperty(
      'textContent',
      'Screenshot saved to the case',
    );
    const started = await db.cases.toArray();
    expect(started).toMatchObject([{ orderId: 'dhgate:1043587216', reason: 'damaged' }]);
    expect(sent.at(-1)).toEqual({
      type: 'evidence-capture',
      caseId: started[0]?.id,
      tabId: 1,
      windowId: 1,
    });
    expect(await db.evidence.toArray()).toMatchObject([
      { kind: 'screenshot', url: DETAIL_URL, shows: ['order-details'] },
    ]);
  });

  it('speaks French to a French buyer, with French amounts', async () => {
    const { db, background } = await renderPage((shown) => <PopupApp db={shown.db} />, {
      locale: 'fr-FR',
    });
    await db.orders.put(
      order('1043587216', { status: 'shipped', total: { minor: 4155, currency: 'USD' } }),
    );
    await takeIn(background);
    expect(await screen.findByText('Commande 1043587216')).toBeTruthy();
    expect(screen.getByText('En route')).toBeTruthy();
    expect(screen.getByText(/^41,55\s\$US$/)).toBeTruthy();
  });

  it('shows its list at once, and what the tab offers once the browser names the tab', async () => {
    let nameTab: (tab: { id: number; windowId: number; url: string }) => void = () => undefined;
    const tabNamed = new Promise<{ id: number; windowId: number; url: string }>((resolve) => {
      nameTab = resolve;
    });
    const { background } = await renderPage((shown) => (
      <PopupApp db={shown.db} findTab={() => tabNamed} />
    ));
    await background.db.orders.put(order('1043587216', { seenOnUrl: DETAIL_URL }));
    await takeIn(background);
    expect(await screen.findByText('Order 1043587216')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'On this page' })).toBeNull();
    nameTab({ id: 1, windowId: 1, url: DETAIL_URL });
    expect(await screen.findByRole('region', { name: 'On this page' })).toBeTruthy();
  });
});
