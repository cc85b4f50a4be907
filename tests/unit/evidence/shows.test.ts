// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checklistFor, checklistProgress } from '@/lib/evidence/checklist';
import { evidenceAddress, likelySubjectsOfFile, subjectsOfPage } from '@/lib/evidence/shows';

describe('what a page shows', () => {
  it.each([
    ['https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff8080&rft=4', ['order-details']],
    ['https://dg.dhgate.com/buyerordmng/orderList/list.do?page=1', ['order-details']],
    ['https://m.dhgate.com/mydhgate/order/trackinfo.html?rfx_id=ff8080', ['tracking-page']],
    ['https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212', ['tracking-page']],
    ['https://www.aliexpress.com/p/refund-dispute/detail.html?id=1', ['seller-chat']],
    ['https://www.allchinabuy.com/en/page/account/myparcel/', ['tracking-page']],
    ['https://www.superbuy.com/en/page/account/myparcel/', ['tracking-page']],
    ['https://www.wegobuy.com/en/page/account/order/detail?orderId=1', ['order-details']],
    ['https://www.superbuy.com/en/page/account/qc/?itemNo=DI26741200301', ['qc-photos']],
    ['https://img.superbuy.com/qc/2026/11/DI26741200301_1.jpg', ['qc-photos']],
    ['https://www.dhgate.com/message/detail.html?id=88', ['seller-chat']],
    ['https://www.aliexpress.com/item/1005006123456789.html', ['listing-screenshot']],
    ['https://item.taobao.com/item.htm?id=6543', ['listing-screenshot']],
    ['https://weidian.com/item.html?itemID=6543', ['listing-screenshot']],
    ['https://item.taobao.com.example.net/item.htm?id=6543', []],
    ['https://www.dhgate.com/product/wireless-earbuds/879145512.html', ['listing-screenshot']],
    ['http://www.dhgate.com/message/detail.html?id=88', ['seller-chat']],
    ['ftp://t.17track.net/LZ492186534CN', []],
    ['https://t.17track.net/en#nums=LZ492186534CN', ['carrier-page']],
    ['https://www.laposte.fr/outils/suivre-vos-envois?code=LZ492186534CN', ['carrier-page']],
    ['https://www.dhgate.com/', []],
    ['https://example.com/blog', []],
    ['file:///home/buyer/track.html', []],
    ['not a url', []],
  ])('%s shows %j', (url, subjects) => {
    expect(subjectsOfPage(url)).toEqual(subjects);
  });
});

describe('a page showing one of the order’s QC photos', () => {
  const qcPhotos = ['https://cdn.example-photos.net/inspection/8812.jpg'];

  it('shows the QC photos, wherever the agent keeps them', () => {
    expect(subjectsOfPage(qcPhotos[0] ?? '', qcPhotos)).toEqual(['qc-photos']);
  });

  it('is that photo only: another picture on the same host shows nothing yet', () => {
    expect(subjectsOfPage('https://cdn.example-photos.net/inspection/9999.jpg', qcPhotos)).toEqual(
      [],
    );
  });
});

describe('what a file the buyer adds likely shows', () => {
  const damaged = checklistFor('dhgate', 'damaged');

  it('is the first photo the checklist still misses', () => {
    expect(likelySubjectsOfFile('image/jpeg', checklistProgress(damaged, []))).toEqual([
      'item-photos',
    ]);
    const withItem = checklistProgress(damaged, [{ shows: ['item-photos'] }]);
    expect(likelySubjectsOfFile('image/png', withItem)).toEqual(['package-photos']);
  });

  it('is the unboxing for a video, and nothing for other files', () => {
    expect(likelySubjectsOfFile('video/mp4', checklistProgress(damaged, []))).toEqual([
      'unboxing-video',
    ]);
    expect(likelySubjectsOfFile('application/pdf', checklistProgress(damaged, []))).toEqual([]);
  });

  it('falls back to the first photo item once all are collected, and to none when none is asked', () => {
    const all = checklistProgress(damaged, [
      { shows: ['item-photos', 'package-photos', 'label-photo'] },
    ]);
    expect(likelySubjectsOfFile('image/png', all)).toEqual(['item-photos']);
    const notReceived = checklistProgress(checklistFor('dhgate', 'not-received'), []);
    expect(likelySubjectsOfFile('image/png', notReceived)).toEqual([]);
  });
});

describe('the address evidence keeps of a page', () => {
  const longest = (length: number) => {
    const start = 'https://www.dhgate.com/?q=';
    return start + 'a'.repeat(length - start.length);
  };

  it.each([
    ['https://www.dhgate.com/', 'https://www.dhgate.com/'],
    ['http://t.17track.net/en', 'http://t.17track.net/en'],
    ['https://WWW.DHGATE.COM', 'https://www.dhgate.com/'],
  ])('of %s is %s', (address, kept) => {
    expect(evidenceAddress(address)).toBe(kept);
  });

  it('is kept up to the longest a browser and the messages allow, and not one more', () => {
    expect(evidenceAddress(longest(2048))).toBe(longest(2048));
    expect(evidenceAddress(longest(2049))).toBeUndefined();
  });

  it.each([
    undefined,
    '',
    'not an address',
    'chrome-extension://abcdefghijklmnop/workspace.html',
    'file:///home/buyer/photo.jpg',
    'data:text/html,<p>hi</p>',
  ])('of %j is none', (address) => {
    expect(evidenceAddress(address)).toBeUndefined();
  });
});
