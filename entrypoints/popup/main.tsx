import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/I18n';
import { PopupApp } from '@/components/PopupApp';
import { database } from '@/lib/db/database';
import '@/components/popup.css';

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = navigator.language;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider locale={navigator.language}>
        <PopupApp db={database()} />
      </I18nProvider>
    </StrictMode>,
  );
}
