import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { ActionsProvider } from '@/components/Actions';
import type { CurrentTab } from '@/components/CurrentTabCard';
import { I18nProvider } from '@/components/I18n';
import { PopupApp } from '@/components/PopupApp';
import { StorageGate } from '@/components/StorageGate';
import { database } from '@/lib/db/database';
import { extensionPageActions, extensionPageStorage } from '@/lib/messaging/send';
import { keepStorage } from '@/lib/storage-space';
import '@/components/popup.css';

/** The tab the buyer opened CaseClock on; its address is known thanks to activeTab. */
async function currentTab(): Promise<CurrentTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return undefined;
  return { id: tab.id, windowId: tab.windowId, url: tab.url };
}

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = navigator.language;
  // The list shows at once; what the tab offers follows when the browser names it.
  createRoot(root).render(
    <StrictMode>
      <I18nProvider
        locale={navigator.language}
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      >
        <ActionsProvider
          actions={extensionPageActions(() => {
            window.close();
          })}
        >
          <StorageGate db={database()}>
            <PopupApp db={database()} findTab={currentTab} />
          </StorageGate>
        </ActionsProvider>
      </I18nProvider>
    </StrictMode>,
  );
  // The buyer opens the popup most: the first opening asks the browser to keep the data.
  void keepStorage(extensionPageStorage());
}
