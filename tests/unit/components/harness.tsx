import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { ActionsProvider, type Actions } from '@/components/Actions';
import { I18nProvider } from '@/components/I18n';
import { backupFromDatabase } from '@/lib/backup/job';
import { packFromDatabase } from '@/lib/evidence/pack-job';
import type { Message, Reply } from '@/lib/messaging/protocol';
import { TestBackground } from '../background/harness';
import { PARIS } from '../zones';

/**
 * A CaseClock page as the buyer has it: their language, and a real background behind the
 * messages (WXT's fake browser, fake-indexeddb), so what a click sends is what gets stored.
 */
export async function renderPage(
  ui: (background: TestBackground) => ReactNode,
  options: {
    locale?: string;
    now?: string;
    /** Runs once the background is up, before the page shows. */
    before?: (background: TestBackground) => Promise<void>;
    /** Actions that stand in for the usual ones. */
    actions?: (background: TestBackground) => Partial<Actions>;
  } = {},
) {
  const background = await new TestBackground(options.now ?? new Date().toISOString()).start();
  await options.before?.(background);
  const sent: Message[] = [];
  const actions: Actions = {
    send: <M extends Message>(message: M): Promise<Reply<M>> => {
      sent.push(message);
      return background.send(message);
    },
    openCase: vi.fn<(orderId: string) => void>(),
    openNewOrder: vi.fn<() => void>(),
    openSettings: vi.fn<(section?: 'backup') => void>(),
    openPage: vi.fn<(url: string) => void>(),
    // The worker's own work, on the test's thread: happy-dom has no real Worker.
    makePack: (request, onProgress) => packFromDatabase(background.db, request, onProgress),
    makeBackup: (request, onProgress, signal) =>
      backupFromDatabase(background.db, request, onProgress, signal),
    appVersion: '0.1.0',
    ownFiles: () => Promise.resolve(background.files),
    ...options.actions?.(background),
  };
  const view = render(
    <I18nProvider locale={options.locale ?? 'en-GB'} timeZone={PARIS}>
      <ActionsProvider actions={actions}>{ui(background)}</ActionsProvider>
    </I18nProvider>,
  );
  return { ...view, background, db: background.db, sent, actions };
}

/** What a page hands the browser's downloads, in order: each file and the name to save it as. */
export function downloads(): { file: Blob; name: string }[] {
  const saved: { file: Blob; name: string }[] = [];
  let file: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    file = object as Blob;
    return 'blob:download';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (file) saved.push({ file, name: this.download });
  });
  return saved;
}
