import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/marketplaces';
import { documentOf } from './pages';

/** A document that fails the test if anything reads it: pages that hold no orders cost nothing. */
const untouchable = new Proxy({} as Document, {
  get(_target, property) {
    throw new Error(`the document was read (${String(property)})`);
  },
});

describe('pages that hold no orders', () => {
  it.each([
    ['dhgate', 'https://www.dhgate.com/'],
    ['dhgate', 'https://www.dhgate.com/product/wireless-earbuds/879145512.html'],
    ['dhgate', 'https://www.dhgate.com/wholesale/search.do?act=search&searchkey=earbuds'],
    ['dhgate', 'https://dg.dhgate.com/mydhgate/index.html'],
    ['dhgate', 'https://fr.dhgate.com/product/casque-bluetooth/905513377.html'],
    ['dhgate', 'https://m.dhgate.com/'],
    ['allchinabuy', 'https://www.allchinabuy.com/en/page/index/'],
    ['allchinabuy', 'https://www.allchinabuy.com/en/page/buy/?url=https%3A%2F%2Fitem.taobao.com'],
    ['allchinabuy', 'https://www.allchinabuy.com/en/page/account/aftersale/apply?itemNo=DI1'],
    ['allchinabuy', 'https://www.allchinabuy.com/en/page/login/'],
    ['aliexpress', 'https://www.aliexpress.com/'],
    ['aliexpress', 'https://www.aliexpress.com/item/1005745176332016.html'],
    ['aliexpress', 'https://fr.aliexpress.com/w/wholesale-cable-usb.html'],
    ['aliexpress', 'https://www.aliexpress.com/p/shoppingcart/index.html'],
    ['aliexpress', 'https://www.aliexpress.us/item/3256805541234567.html'],
  ])('%s: %s is not an order page, decided without reading it', (marketplace, url) => {
    expect(readPage(untouchable, url)).toEqual({ status: 'not-an-order-page', marketplace });
  });

  it.each([
    'http://www.dhgate.com/mydhgate/order/orderlist.html',
    'https://dhgate.com.example.net/mydhgate/order/orderlist.html',
    'https://example.net/?next=https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.ru/order-list',
    'about:blank',
  ])('%s is not a supported marketplace', (url) => {
    expect(readPage(untouchable, url)).toEqual({ status: 'unsupported' });
  });
});

describe('order pages', () => {
  it.each([
    ['https://m.dhgate.com/mydhgate/order/orderlist.html?rft=6', 'order-list'],
    ['https://dg.dhgate.com/buyerordmng/orderList/list.do?params.linkType=100', 'order-list'],
    [
      'https://dg.dhgate.com/buyerordmng/orderList/disputeOrderList.do?params.linkType=200',
      'order-list',
    ],
    ['https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ab12&rft=4', 'order-detail'],
    ['https://m.dhgate.com/mydhgate/order/trackinfo.html?rfx_id=ab12&rft=4', 'tracking'],
    ['https://dg.dhgate.com/buyerordmng/dispute/disputeDetail.do?disputeId=RD1', 'dispute'],
    ['https://www.allchinabuy.com/order?page=3', 'order-list'],
    ['https://www.allchinabuy.com/en/page/account/order/detail?orderId=1', 'order-detail'],
    ['https://www.allchinabuy.com/en/page/account/myparcel/', 'parcel-list'],
    ['https://www.allchinabuy.com/fr/page/account/aftersale/', 'dispute'],
    ['https://www.aliexpress.com/p/order/index.html', 'order-list'],
    ['https://de.aliexpress.com/p/order/detail.html?orderId=8212313961591322', 'order-detail'],
    ['https://www.aliexpress.us/p/order/index.html', 'order-list'],
    ['https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=1', 'tracking'],
    ['https://m.aliexpress.com/p/refund-dispute/list.html', 'dispute'],
    ['https://trade.aliexpress.com/orderList.htm', 'order-list'],
    ['https://trade.aliexpress.com/order_detail.htm?orderId=1', 'order-detail'],
    ['https://trade.aliexpress.com/order_list.htm', 'order-list'],
    ['https://trade.aliexpress.com/logisticsDetail.htm?tradeId=1', 'tracking'],
    ['https://trade.aliexpress.com/issue/issueList.htm', 'dispute'],
  ])('%s is a page of kind %s', (url, pageKind) => {
    const doc = documentOf('<p>nothing here yet</p>');
    const reading = readPage(doc, url);
    expect(reading.status).toBe('failed');
    expect(reading).toMatchObject({ pageKind });
  });
});
