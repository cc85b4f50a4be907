import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionsProvider } from '@/components/Actions';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import { I18nProvider } from '@/components/I18n';
import { NewOrderPage } from '@/components/NewOrderPage';
import { StorageGate } from '@/components/StorageGate';
import { database } from '@/lib/db/database';
import { extensionPageActions, workspacePage } from '@/lib/messaging/send';
import { reminderInAddress } from '@/lib/workspace-url';
import '@/components/workspace.css';

const root = document.getElementById('root');
const query = new URLSearchParams(location.search);
const orderId = query.get('order');
if (root) {
  document.documentElement.lang = navigator.language;
  // The workspace is a tab of its own: moving to another order stays in it.
  const actions = {
    ...extensionPageActions(),
    openCase: (id: string) => {
      location.assign(workspacePage({ order: id }));
    },
  };
  const page = createRoot(root);
  // A reminder clicked while this workspace is open changes only the address's `#` part.
  const render = () => {
    page.render(
      <StrictMode>
        <I18nProvider
          locale={navigator.language}
          timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        >
          <ActionsProvider actions={actions}>
            <StorageGate db={database()}>
              {orderId ? (
                <CaseWorkspace
                  db={database()}
                  orderId={orderId}
                  reminderKey={reminderInAddress(location.hash)}
                />
              ) : (
                <NewOrderPage />
              )}
            </StorageGate>
          </ActionsProvider>
        </I18nProvider>
      </StrictMode>,
    );
  };
  render();
  addEventListener('hashchange', render);
}
