import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background';
import { NOTIFICATION_SUPPORT } from '@/lib/background/notifications';
import { database } from '@/lib/db/database';

export default defineBackground(() => {
  // Firefox's Manifest V2 build calls the toolbar button browserAction.
  const button = import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;
  startBackground(browser, {
    db: database(),
    now: () => new Date(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: () => navigator.language,
    async setBadge(text) {
      await button.setBadgeBackgroundColor({ color: '#b45309' });
      await button.setBadgeText({ text });
    },
    notificationSupport: NOTIFICATION_SUPPORT[import.meta.env.FIREFOX ? 'firefox' : 'chrome'],
    version: browser.runtime.getManifest().version,
    async openPopup() {
      // Firefox's browserAction opens its popup too, though its types leave it out.
      const { openPopup } = button as { openPopup?: () => Promise<void> };
      if (!openPopup) throw new Error('this browser cannot open the popup');
      await openPopup.call(button);
    },
    ownFiles: () => navigator.storage.getDirectory(),
  });
});
