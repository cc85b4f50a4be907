import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { planOrder } from '@/lib/db/plans';
import { ordersCsv } from '@/lib/export/orders-csv';
import { translator } from '@/lib/i18n';
import { trackedOrder } from '@/lib/tracked-orders';
import { DEFAULT_SETTINGS } from '@/lib/timeline/types';
import { NEW_YORK, PARIS } from '../zones';

const NOW = '2026-11-12T12:00:00.000Z';
const SEEN = '2026-11-08T10:00:00.000Z';

/** What both orders' pages showed alike: shipped, seen on 8 November. */
const SHIPPED: Pick<StoredOrder, 'status' | 'statusText' | 'items' | 'firstSeenAt' | 'lastSeenAt'> =
  { status: 'shipped', statusText: 'Shipped', items: [], firstSeenAt: SEEN, lastSeenAt: SEEN };

/** An AliExpress order whose 16-digit number a spreadsheet would round, paid in reais. */
const ALIEXPRESS: StoredOrder = {
  ...SHIPPED,
  id: 'aliexpress:3041234567890123',
  marketplace: 'aliexpress',
  orderNumber: '3041234567890123',
  placedAt: '2026-11-07T08:12:00.000Z',
  seller: { name: 'Shenzhen "Best", Ltd.' },
  total: { minor: 3193, currency: 'BRL' },
  trackingNumber: 'LZ492186534CN',
  carrier: 'Cainiao',
  seenOnUrl: 'https://www.aliexpress.com/p/order/detail.html?orderId=3041234567890123',
};

/** A DHgate order in dispute, whose seller's name a page made into a formula. */
const DHGATE: StoredOrder = {
  ...SHIPPED,
  id: 'dhgate:1043587216',
  marketplace: 'dhgate',
  orderNumber: '1043587216',
  seller: { name: '=HYPERLINK("https://example.com","Électronique")' },
  total: { minor: 12500, currency: 'JPY' },
};
const CASE: StoredCase = {
  id: 'case-1',
  orderId: DHGATE.id,
  reason: 'not-received',
  openedAt: '2026-11-10T08:00:00.000Z',
  status: 'open',
};
const REFUND: StoredEvent = {
  id: 'refund-1',
  orderId: DHGATE.id,
  caseId: CASE.id,
  type: 'refund-requested',
  at: '2026-11-10T09:00:00.000Z',
  recordedAt: '2026-11-10T09:00:00.000Z',
  source: 'buyer',
};

function exported(language: 'en' | 'fr', timeZone: string) {
  const clock = { now: NOW, timeZone };
  const orders = [
    trackedOrder(planOrder(ALIEXPRESS, [], [], DEFAULT_SETTINGS, clock)),
    trackedOrder(planOrder(DHGATE, [CASE], [REFUND], DEFAULT_SETTINGS, clock)),
  ];
  return ordersCsv(orders, { t: translator(language), timeZone });
}

/** The cells as an independent CSV parser reads them. */
function parsed(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** What a spreadsheet shows for a cell: a formula of one string is that string. */
function shown(cell: string | undefined): string | undefined {
  return cell?.match(/^="(.*)"$/)?.[1] ?? cell;
}

describe('the orders as a spreadsheet (CSV)', () => {
  it('has a byte-order mark, CRLF line ends and one row per order under headings', () => {
    const csv = exported('en', PARIS);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const [headings, ...rows] = parsed(csv);
    expect(headings).toEqual([
      'Marketplace',
      'Order number',
      'Placed',
      'Status',
      'Seller',
      'Total',
      'Currency',
      'Tracking number',
      'Carrier',
      'Open case',
      'Next deadline',
      'Next deadline on',
      'Order page',
    ]);
    expect(rows).toHaveLength(2);
  });

  it('keeps every field of an order as the page showed it, the long number as text', () => {
    const [, aliexpress] = parsed(exported('en', PARIS));
    expect(aliexpress?.slice(0, 9)).toEqual([
      'AliExpress',
      '="3041234567890123"',
      // 08:12 UTC is 09:12 in Paris.
      '2026-11-07 09:12',
      'Shipped',
      'Shenzhen "Best", Ltd.',
      '31.93',
      'BRL',
      'LZ492186534CN',
      'Cainiao',
    ]);
    expect(shown(aliexpress?.[1])).toBe('3041234567890123');
    expect(aliexpress?.[9]).toBe('');
    expect(aliexpress?.[12]).toBe(ALIEXPRESS.seenOnUrl);
  });

  it('names the open case and its next deadline, and never lets page text act as a formula', () => {
    const [, , dhgate] = parsed(exported('en', PARIS));
    expect(dhgate?.[1]).toBe('1043587216');
    expect(dhgate?.[4]).toBe('\'=HYPERLINK("https://example.com","Électronique")');
    // Yen have no minor unit.
    expect(dhgate?.slice(5, 7)).toEqual(['12500', 'JPY']);
    expect(dhgate?.[9]).toBe('Not received');
    // The seller has 5 days from the refund request, 10 November 09:00 UTC: escalation opens
    // on the 15th at 10:00 in Paris.
    expect(dhgate?.slice(10, 12)).toEqual(['escalation opens', '2026-11-15 10:00']);
  });

  it('speaks the buyer’s language and keeps their time zone', () => {
    const [headings, aliexpress, dhgate] = parsed(exported('fr', NEW_YORK));
    expect(headings?.slice(0, 4)).toEqual(['Site', 'Numéro de commande', 'Passée le', 'Statut']);
    expect(aliexpress?.[2]).toBe('2026-11-07 03:12');
    expect(aliexpress?.[3]).toBe('Expédiée');
    expect(dhgate?.[9]).toBe('Non reçue');
    expect(dhgate?.[11]).toBe('2026-11-15 04:00');
  });
});
