import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionsProvider } from '@/components/Actions';
import { I18nProvider } from '@/components/I18n';
import { SettingsApp } from '@/components/SettingsApp';
import { StorageGate } from '@/components/StorageGate';
import { database } from '@/lib/db/database';
import { extensionPageActions, extensionPageStorage } from '@/lib/messaging/send';
import '@/components/workspace.css';

const root = document.getElementById('root');
// The popup's "Back up everything" opens this page at #backup; a reload must not start another.
const startBackup = location.hash === '#backup';
if (startBackup) history.replaceState(null, '', location.pathname);
if (root) {
  document.documentElement.lang = navigator.language;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider
        locale={navigator.language}
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      >
        <ActionsProvider actions={extensionPageActions()}>
          <StorageGate db={database()}>
            <SettingsApp
              db={database()}
              storage={extensionPageStorage()}
              startBackup={startBackup}
            />
          </StorageGate>
        </ActionsProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
