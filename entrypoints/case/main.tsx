import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CaseApp } from '@/components/CaseApp';
import { I18nProvider } from '@/components/I18n';
import { database } from '@/lib/db/database';
import '@/components/popup.css';

const root = document.getElementById('root');
const orderId = new URLSearchParams(location.search).get('order') ?? '';
if (root) {
  document.documentElement.lang = navigator.language;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider locale={navigator.language}>
        <CaseApp
          db={database()}
          orderId={orderId}
          timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        />
      </I18nProvider>
    </StrictMode>,
  );
}
