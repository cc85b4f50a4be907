import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { database } from '@/lib/db/database';
import { createMessageHandler } from '@/lib/messaging/background';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    db: database(),
    extensionId: browser.runtime.id,
    now: () => new Date(),
  });
  // Registered synchronously so a message that wakes the worker is not lost. The polyfill sends
  // the listener's resolved value as the reply (WXT's types describe plain `chrome` here).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
