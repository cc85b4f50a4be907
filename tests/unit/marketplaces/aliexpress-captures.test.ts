/**
 * Checks the AliExpress fixtures against the real (anonymised) data behind those pages, kept in
 * ../shared/real-captures/aliexpress outside this repository. Skipped where that folder is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '@/lib/money';
import { parsePageDate } from '@/lib/dates';
import { readPage, type OrderReading } from '@/lib/marketplaces';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';

// happy-dom replaces the global URL, so the path is built from the file's own location.
const CAPTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/real-captures/aliexpress',
);
const available = existsSync(CAPTURES);

function capture(prefix: string): unknown {
  const file = readdirSync(CAPTURES).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no capture named ${prefix}…`);
  return JSON.parse(readFileSync(join(CAPTURES, file), 'utf8'));
}

function readFixture(name: string): OrderReading[] {
  const fixture = loadFixtures().find((f) => f.marketplace === 'aliexpress' && f.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  const reading = readPage(
    new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html'),
    fixture.url,
  );
  return reading.status === 'read' ? reading.orders : [];
}

interface UltronComponent {
  tag?: string;
  fields: Record<string, unknown>;
}

describe.skipIf(!available)('the AliExpress fixtures carry what the real pages carry', () => {
  it('order list: every order, in order, with its status, date, store and total', () => {
    const { data } = capture('order-list') as {
      data: {
        data: Record<string, UltronComponent>;
        hierarchy: { structure: Record<string, string[]> };
      };
    };
    const keys = Object.values(data.hierarchy.structure)
      .flat()
      .filter((key) => key.startsWith('pc_om_list_order_'));
    const expected = keys.map((key) => {
      const fields = data.data[key]?.fields as {
        orderId: string;
        statusText: string;
        orderDateText: string;
        storeName: string;
        totalPriceText: string;
        orderLines: { quantity: number; itemPriceText: string }[];
      };
      return {
        orderNumber: fields.orderId,
        statusText: fields.statusText,
        placedAt: parsePageDate(fields.orderDateText),
        seller: fields.storeName,
        total: parseMoney(fields.totalPriceText),
        items: fields.orderLines.map((line) => [line.quantity, parseMoney(line.itemPriceText)]),
      };
    });
    const read = readFixture('order-list').map((order) => ({
      orderNumber: order.orderNumber,
      statusText: order.statusText,
      placedAt: order.placedAt,
      seller: order.seller?.name,
      total: order.total,
      items: order.items.map((item) => [item.quantity, item.unitPrice]),
    }));
    expect(read).toEqual(expected);
  });

  it('order detail: the dates, the total and the end of buyer protection', () => {
    const { data } = capture('order-detail') as { data: { data: Record<string, UltronComponent> } };
    const find = (prefix: string) =>
      Object.entries(data.data).find(([key]) => key.startsWith(prefix))?.[1].fields ?? {};
    const info = find('detail_simple_order_info_component') as Record<string, string | number>;
    const price = find('detail_order_price_block') as { totalPrice: { value: string } };
    const services = find('detail_order_services') as { data: { content: string }[] };
    const protection = /Refund if no delivery before ([^·]+)/.exec(
      services.data[0]?.content ?? '',
    )?.[1];
    const [order] = readFixture('order-detail-completed');
    expect(order).toMatchObject({
      orderNumber: String(info.tradeOrderId),
      placedAt: parsePageDate(String(info.orderCreatTime)),
      paidAt: parsePageDate(String(info.payTime)),
      shippedAt: parsePageDate(String(info.orderShipTime)),
      receivedAt: parsePageDate(String(info.orderEndTime)),
      total: parseMoney(price.totalPrice.value),
      protectionEndsAt: parsePageDate(protection ?? ''),
    });
  });

  it('tracking: the tracking number, the carrier and the guarantee date', () => {
    const { data } = capture('tracking') as {
      data: {
        module: {
          trackingDetailLineList: { mailNo: string; logisticsCpInfo: { cpName: string } }[];
          fastDeliveryInfoDTO: { fdContentList: string[] };
        };
      };
    };
    const line = data.module.trackingDetailLineList[0];
    const guarantee = data.module.fastDeliveryInfoDTO.fdContentList.find((text) =>
      text.startsWith('Refund if no delivery'),
    );
    const [order] = readFixture('tracking-delivered');
    expect(order).toMatchObject({
      trackingNumber: line?.mailNo,
      carrier: line?.logisticsCpInfo.cpName,
      protectionEndsAt: parsePageDate(guarantee ?? ''),
    });
  });

  it('returns and refunds: every case, with its order and its number', () => {
    const { data } = capture('refund-dispute-list') as {
      data: {
        module: {
          items: {
            reverseOrderLines: { tradeOrderId: string | number; reverseOrderId: string | number }[];
          }[];
        };
      };
    };
    const expected = data.module.items.flatMap((item) =>
      item.reverseOrderLines.map((line) => [
        String(line.tradeOrderId),
        String(line.reverseOrderId),
      ]),
    );
    const read = readFixture('refund-dispute-list').map((order) => [
      order.orderNumber,
      order.dispute?.caseNumber,
    ]);
    expect(read).toEqual(expected);
  });
});
