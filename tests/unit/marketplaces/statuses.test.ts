import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/lib/marketplaces';
import { readHtml } from './pages';

function statusOn(url: string, html: string): OrderStatus | undefined {
  const reading = readHtml(url, html);
  return reading.status === 'read' ? reading.orders[0]?.status : undefined;
}

describe('DHgate statuses, every tab in English and French', () => {
  const page = (status: string) => `<p>Order Number ：1043587216</p>
    <p><span>Order Status ：</span><span>${status}</span></p>`;
  it.each<[string, OrderStatus]>([
    ['Awaiting Payment', 'awaiting-payment'],
    ['Bank Payment Unconfirmed', 'awaiting-payment'],
    ['Pending Confirmation', 'awaiting-shipment'],
    ['Awaiting Shipment', 'awaiting-shipment'],
    ['Shipped', 'shipped'],
    ['Partially Shipped', 'shipped'],
    ['Delivered', 'delivered'],
    ['Completed', 'completed'],
    ['Refund &amp; Dispute', 'in-dispute'],
    ['Awaiting Seller Response', 'in-dispute'],
    ['Refund Completed', 'refunded'],
    ['Canceled', 'cancelled'],
    ['Closed', 'cancelled'],
    ['En attente de paiement', 'awaiting-payment'],
    ['En attente de confirmation', 'awaiting-shipment'],
    ["En attente d'expédition", 'awaiting-shipment'],
    ['Expédiée', 'shipped'],
    ['Livrée', 'delivered'],
    ['Terminée', 'completed'],
    ['Réclamation et Contestation', 'in-dispute'],
    ['Remboursée', 'refunded'],
    ['Annulée', 'cancelled'],
  ])('%s is %s', (shown, status) => {
    expect(
      statusOn('https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=a', page(shown)),
    ).toBe(status);
  });
});

describe('AliExpress statuses', () => {
  const page = (status: string) => `<div class="order-block-title">${status}</div>
    <div><span>Order ID:&nbsp;</span>8212313961591322</div>`;
  it.each<[string, OrderStatus]>([
    ['Awaiting payment', 'awaiting-payment'],
    ['To pay', 'awaiting-payment'],
    ['Unpaid', 'awaiting-payment'],
    ['À payer', 'awaiting-payment'],
    // "to pay" and "to ship" name a status only at the start of one.
    ['Closed, nothing to pay', 'cancelled'],
    ['Fermée, rien à payer', 'cancelled'],
    ['Completed, nothing left to ship', 'completed'],
    ['Awaiting shipment', 'awaiting-shipment'],
    ['To ship', 'awaiting-shipment'],
    ['Processing', 'awaiting-shipment'],
    ['Awaiting delivery', 'shipped'],
    ['Delivered', 'delivered'],
    ['Completed', 'completed'],
    ['Finished', 'completed'],
    ['Closed', 'cancelled'],
    ['Expired', 'cancelled'],
    ['Refund completed', 'refunded'],
    ['En attente de paiement', 'awaiting-payment'],
    ["En attente d'expédition", 'awaiting-shipment'],
    ['En attente de livraison', 'shipped'],
    ['Terminée', 'completed'],
    ['Annulée', 'cancelled'],
  ])('%s is %s', (shown, status) => {
    expect(statusOn('https://www.aliexpress.com/p/order/detail.html?orderId=1', page(shown))).toBe(
      status,
    );
  });
});

describe('Allchinabuy statuses, order by order and item by item', () => {
  const orderPage = (status: string) =>
    `<p>Order No：DO26730512874</p><p>Order Status：${status}</p>`;
  it.each<[string, OrderStatus]>([
    ['Payment Pending', 'awaiting-payment'],
    ['Unprocessed', 'awaiting-shipment'],
    ['Order Processing', 'awaiting-shipment'],
    ['Purchased', 'awaiting-shipment'],
    ['Shipped (Chinese)', 'awaiting-shipment'],
    ['Received', 'in-warehouse'],
    ['Stock Arrived', 'in-warehouse'],
    ['Stored in Warehouse', 'in-warehouse'],
    ['Shipped', 'shipped'],
    ['Completed', 'completed'],
    ['Order withdrawn', 'cancelled'],
    ['Return &amp; Exchange', 'in-dispute'],
    ['Stocké à l’entrepôt', 'in-warehouse'],
    ['Expédié', 'shipped'],
    ['Terminé', 'completed'],
  ])('%s is %s', (shown, status) => {
    expect(
      statusOn(
        'https://www.allchinabuy.com/en/page/account/order/detail?orderId=1',
        orderPage(shown),
      ),
    ).toBe(status);
  });

  /** An item status followed by "+QC" is shown beside the item's QC photo. */
  const listPage = (...statuses: string[]) => `<div id="div1"><table class="user_orderlist">
    <thead><tr><td>Order No：DO26730512874 2026-10-30 21:48:02</td></tr></thead><tbody>
    ${statuses
      .map(
        (
          status,
          i,
        ) => `<tr><td><a class="js-item-title" href="https://item.taobao.com/item.htm?id=${i}">Item ${i}</a></td>
        <td>US $ 1.00</td><td>1</td><td><span class="show_status">${status.replace(' +QC', '')}</span></td>
        <td>${status.endsWith(' +QC') ? `<a class="lookPic" href="//img.allchinabuy.com/qc/${i}.jpg">QC</a>` : ''}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
  it.each<[string[], OrderStatus]>([
    [['Stored in Warehouse', 'Purchased'], 'awaiting-shipment'],
    // "Shipped" before any QC photo is the seller's parcel to the warehouse.
    [['Shipped', 'Order withdrawn'], 'awaiting-shipment'],
    [['Shipped +QC', 'Order withdrawn'], 'shipped'],
    [['Stored in Warehouse', 'Return &amp; Exchange'], 'in-dispute'],
    [['Order withdrawn', 'Order withdrawn'], 'cancelled'],
    [['Completed', 'Shipped +QC'], 'shipped'],
    [['Completed', 'Shipped'], 'awaiting-shipment'],
  ])('an order whose items are %j is %s', (items, status) => {
    expect(statusOn('https://www.allchinabuy.com/order', listPage(...items))).toBe(status);
  });
});
