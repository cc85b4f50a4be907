/**
 * Reader fixes a hand-written fixture expectation showed were needed, each on the smallest page
 * that shows the value: what the test expects is what the page prints.
 */
import { describe, expect, it } from 'vitest';
import { ordersOf } from './pages';

describe('Allchinabuy after-sale cases', () => {
  it('give the case its item number, printed beside the order number', () => {
    const orders = ordersOf(
      'https://www.allchinabuy.com/en/page/account/aftersale/',
      `<html lang="en"><div class="aftersale-item">
        <p>After-sale No.: AS26111500999</p><p>Awaiting seller response</p>
        <p>Order No: DO26730000001</p><p>Item No: DI26730000002</p>
        <div><img src="https://img.alicdn.com/a.jpg"><a href="https://item.taobao.com/item.htm?id=1">Wool scarf</a></div>
      </div></html>`,
    );
    expect(orders.map((order) => order.items.map((item) => item.itemNumber))).toEqual([
      ['DI26730000002'],
    ]);
  });
});

describe('AliExpress order pages', () => {
  it('read the carrier and tracking number from the legacy logistics table', () => {
    const [order] = ordersOf(
      'https://trade.aliexpress.com/order_detail.htm?orderId=8014700000000001',
      `<div>Order Number: 8014700000000001</div><div><span>Status:</span> <span>Awaiting delivery</span></div>
      <table><tr><th>Logistics company</th><th>Tracking number</th><th>Remarks</th></tr>
      <tr><td>Cainiao Super Economy</td><td>RB123456785CN</td><td>Shipped</td></tr></table>
      <p>Order placed <span>2026-10-19 08:41:33</span></p><p>Total amount US $ 3.00</p>`,
    );
    expect(order).toMatchObject({
      carrier: 'Cainiao Super Economy',
      trackingNumber: 'RB123456785CN',
    });
  });

  it('read a labelled carrier and tracking number', () => {
    const [order] = ordersOf(
      'https://www.aliexpress.com/p/order/detail.html?orderId=8014700000000002',
      `<div>Order ID: 8014700000000002</div><div>Status: Awaiting delivery</div>
      <p>Carrier: YunExpress</p><p>Tracking number: YT2612345678901</p>
      <p>Order date: Oct 19, 2026</p><p>Total: US $3.00</p>`,
    );
    expect(order).toMatchObject({ carrier: 'YunExpress', trackingNumber: 'YT2612345678901' });
  });
});
