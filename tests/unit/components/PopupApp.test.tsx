import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/I18n';
import { PopupApp } from '@/components/PopupApp';
import { CaseClockDatabase } from '@/lib/db/database';
import type { StoredOrder } from '@/lib/db/schema';

let db: CaseClockDatabase;

beforeEach(() => {
  db = new CaseClockDatabase(`popup-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

function order(overrides: Partial<StoredOrder> & Pick<StoredOrder, 'orderNumber'>): StoredOrder {
  return {
    id: `dhgate:${overrides.orderNumber}`,
    marketplace: 'dhgate',
    items: [],
    firstSeenAt: '2026-11-02T09:30:00.000Z',
    lastSeenAt: '2026-11-02T09:30:00.000Z',
    seenOnUrl: 'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=1',
    ...overrides,
  };
}

function renderPopup(locale = 'en-US') {
  return render(
    <I18nProvider locale={locale}>
      <PopupApp db={db} />
    </I18nProvider>,
  );
}

describe('PopupApp', () => {
  it('explains where to start when nothing is tracked, naming every supported site', async () => {
    renderPopup();
    expect(await screen.findByText('No orders tracked yet')).toBeTruthy();
    expect(
      screen.getByText(/Open one of your orders on DHgate, Allchinabuy, and AliExpress/),
    ).toBeTruthy();
  });

  it('lists tracked orders newest first with their number, status and total', async () => {
    await db.orders.bulkPut([
      order({
        orderNumber: '1000000001',
        placedAt: '2026-09-01T08:00:00.000Z',
        status: 'completed',
      }),
      order({
        orderNumber: '1043587216',
        placedAt: '2026-10-28T13:05:00.000Z',
        status: 'shipped',
        statusText: 'Shipped',
        total: { minor: 4155, currency: 'USD' },
      }),
    ]);
    renderPopup();
    const list = await screen.findByRole('list', { name: 'Tracked orders' });
    const [newest, oldest, ...others] = within(list).getAllByRole('listitem');
    if (!newest || !oldest) throw new Error('expected two rows');
    expect(others).toEqual([]);
    expect(within(newest).getByText('Order 1043587216')).toBeTruthy();
    expect(within(newest).getByText('Shipped')).toBeTruthy();
    expect(within(newest).getByText('$41.55')).toBeTruthy();
    expect(within(oldest).getByText('Order 1000000001')).toBeTruthy();
    expect(within(oldest).getByText('Completed')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tracked orders 2' })).toBeTruthy();
  });

  it('shows an order stored while it is open', async () => {
    renderPopup();
    await screen.findByText('No orders tracked yet');
    await db.orders.put(order({ orderNumber: '1043587216', status: 'shipped' }));
    expect(await screen.findByText('Order 1043587216')).toBeTruthy();
  });

  it('speaks French to a French buyer, with French amounts', async () => {
    await db.orders.put(
      order({
        orderNumber: '1043587216',
        status: 'shipped',
        total: { minor: 4155, currency: 'USD' },
      }),
    );
    renderPopup('fr-FR');
    expect(await screen.findByText('Commande 1043587216')).toBeTruthy();
    expect(screen.getByText('Expédiée')).toBeTruthy();
    expect(screen.getByText(/^41,55\s\$US$/)).toBeTruthy();
  });
});
