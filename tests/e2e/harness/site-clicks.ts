/** A confirm-receipt button on each marketplace: its name, page, label and marketplace id. */
export const CONFIRM_RECEIPT_PAGES = [
  [
    'DHgate',
    'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4',
    'Order Has Been Received',
    'dhgate',
  ],
  ['AliExpress', 'https://www.aliexpress.com/p/order/index.html', 'Confirm received', 'aliexpress'],
  [
    'Allchinabuy',
    'https://www.allchinabuy.com/en/page/account/myparcel/',
    'Confirm Receipt',
    'allchinabuy',
  ],
] as const;

/**
 * Run in a marketplace page on its confirm button's label: the site's own handler, which records
 * each click that reaches the button and whether the browser marked it as the buyer's own
 * (`isTrusted`). It listens on the button itself (or above it), not on the text inside it.
 */
export function listenAsTheSite(label: Element): void {
  const record = window as unknown as { siteClicks: boolean[] };
  record.siteClicks = [];
  const button = label.closest('a, button') ?? label;
  button.addEventListener('click', (event) => {
    record.siteClicks.push(event.isTrusted);
  });
}

/** Run in that page: the clicks its handler saw, as `isTrusted` of each. */
export function clicksSeenBySite(): boolean[] {
  return (window as unknown as { siteClicks: boolean[] }).siteClicks;
}
