import { defineContentScript } from 'wxt/utils/define-content-script';
import { marketplaceMatchPatterns, readPage } from '@/lib/marketplaces';
import { sendToBackground } from '@/lib/messaging/send';

export default defineContentScript({
  matches: marketplaceMatchPatterns(),
  runAt: 'document_idle',
  async main() {
    const reading = readPage(document, location.href);
    if (reading.status !== 'read' || reading.orders.length === 0) return;
    try {
      const reply = await sendToBackground({
        type: 'page-read',
        url: location.href,
        marketplace: reading.marketplace,
        pageKind: reading.pageKind,
        orders: reading.orders,
        ...(reading.trackingNumbers ? { trackingNumbers: reading.trackingNumbers } : {}),
      });
      if (!reply.ok) console.warn('CaseClock could not store this page:', reply.error);
    } catch (error) {
      // The extension was updated or removed while the page was open: nothing to report to.
      console.warn('CaseClock is not reachable from this page:', error);
    }
  },
});
