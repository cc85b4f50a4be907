/**
 * Reader fixes a hand-written fixture expectation showed were needed, each on the smallest page
 * that shows the value: what the test expects is what the page prints.
 */
import { describe, expect, it } from 'vitest';
import { readPage, type OrderReading } from '@/lib/marketplaces';

function ordersOf(html: string, url: string): OrderReading[] {
  const reading = readPage(new DOMParser().parseFromString(html, 'text/html'), url);
  if (reading.status !== 'read') throw new Error(`page not read: ${JSON.stringify(reading)}`);
  return reading.orders;
}

describe('Allchinabuy after-sale cases', () => {
  it('give the case its item number, printed beside the order number', () => {
    const orders = ordersOf(
      `<html lang="en"><div class="aftersale-item">
        <p>After-sale No.: AS26111500999</p><p>Awaiting seller response</p>
        <p>Order No: DO26730000001</p><p>Item No: DI26730000002</p>
        <div><img src="https://img.alicdn.com/a.jpg"><a href="https://item.taobao.com/item.htm?id=1">Wool scarf</a></div>
      </div></html>`,
      'https://www.allchinabuy.com/en/page/account/aftersale/',
    );
    expect(orders.map((order) => order.items.map((item) => item.itemNumber))).toEqual([
      ['DI26730000002'],
    ]);
  });
});
