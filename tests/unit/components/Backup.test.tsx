import { Blob as NodeBlob } from 'node:buffer';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import { PopupApp } from '@/components/PopupApp';
import { SettingsApp } from '@/components/SettingsApp';
import { backupFromDatabase } from '@/lib/backup/job';
import type { BackupManifest } from '@/lib/backup/format';
import { lastBackupAt, readSettings } from '@/lib/db/settings';
import type { Message, Reply } from '@/lib/messaging/protocol';
import { JobCancelled } from '@/lib/worker-jobs';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  tab,
  type TestBackground,
} from '../background/harness';
import { downloads, renderPage } from './harness';

/** 16 November 2026, 10:00 in Paris. */
const NOW = '2026-11-16T09:00:00.000Z';
const PHOTO = Uint8Array.from({ length: 2048 }, (_, index) => index % 251);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

/** An order with a case and a photo added on `addedAt`. */
async function orderWithPhoto(background: TestBackground, addedAt = NOW) {
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  const caseId = await background.startCase();
  await background.db.evidence.add({
    id: 'photo',
    caseId,
    orderId: DHGATE_ORDER_ID,
    kind: 'photo',
    shows: [],
    name: 'parcel.jpg',
    mimeType: 'image/jpeg',
    size: PHOTO.length,
    capturedAt: addedAt,
  });
  // Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
  await background.db.evidenceBlobs.add({ id: 'photo', blob: new NodeBlob([PHOTO]) as never });
}

describe('backing up from the settings page', () => {
  it('saves one file with everything, then says when the last backup was made', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />, {
      before: (background) => orderWithPhoto(background),
    });
    const heading = await screen.findByRole('heading', { name: 'Back up everything' });
    const card = within(heading.closest('section') ?? document.body);
    expect(await card.findByText('You have not made a backup yet.')).toBeTruthy();
    await user.click(card.getByRole('button', { name: 'Back up (ZIP)' }));

    await waitFor(() => {
      expect(saved.map((made) => made.name)).toEqual(['caseclock-backup-2026-11-16.zip']);
    });
    expect(
      await card.findByText(
        'Backup saved as caseclock-backup-2026-11-16.zip. Keep it somewhere safe.',
      ),
    ).toBeTruthy();
    const files = unzipSync(new Uint8Array(await (saved[0]?.file ?? new Blob()).arrayBuffer()));
    const manifest = JSON.parse(
      strFromU8(files['backup.json'] ?? new Uint8Array()),
    ) as BackupManifest;
    expect(manifest.counts).toMatchObject({ orders: 1, cases: 1, evidence: 1, files: 1 });
    // The background noted it, and the page says so in the buyer's time.
    await waitFor(async () => {
      expect(await lastBackupAt(db)).toBe(NOW);
    });
    expect(await card.findByText('Last backup: 16 Nov 2026, 10:00')).toBeTruthy();
  });

  it('shows how far the backup is, and stops it when the buyer cancels', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    await renderPage((background) => <SettingsApp db={background.db} />, {
      before: (background) => orderWithPhoto(background),
      // A backup that reports half its work, then waits for the cancel, as a worker would.
      actions: () => ({
        makeBackup: (_request, onProgress, signal) =>
          new Promise((_resolve, reject) => {
            onProgress({ done: 1024 * 1024, total: 2 * 1024 * 1024 });
            signal?.addEventListener('abort', () => {
              reject(new JobCancelled());
            });
          }),
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Back up (ZIP)' }));
    const bar = await screen.findByRole<HTMLProgressElement>('progressbar', {
      name: 'Backup being made',
    });
    expect([bar.value, bar.max]).toEqual([1024 * 1024, 2 * 1024 * 1024]);
    expect(screen.getByText('Backing up: 1 MB of 2 MB')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Backup cancelled. No file was saved.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(saved).toEqual([]);
  });

  it('says in words when the backup could not be made, and notes no backup', async () => {
    const user = userEvent.setup();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />, {
      actions: () => ({
        makeBackup: () => Promise.reject(new Error('The disk is full')),
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Back up (ZIP)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The backup could not be made: The disk is full',
    );
    expect(await lastBackupAt(db)).toBeUndefined();
  });

  it('starts at once when the buyer asked for it from the popup', async () => {
    const saved = downloads();
    await renderPage((background) => <SettingsApp db={background.db} startBackup />, {
      actions: (background) => ({
        makeBackup: (request, onProgress, signal) =>
          backupFromDatabase(background.db, request, onProgress, signal),
      }),
    });
    await waitFor(() => {
      expect(saved.map((made) => made.name)).toEqual(['caseclock-backup-2026-11-16.zip']);
    });
  });
});

describe('the reminder to back up', () => {
  const FIFTEEN_DAYS_AGO = '2026-11-01T09:00:00.000Z';

  it('shows on the settings page once new evidence has gone 14 days without a backup', async () => {
    const user = userEvent.setup();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />, {
      before: (background) => orderWithPhoto(background, FIFTEEN_DAYS_AGO),
    });
    const line =
      'Evidence added since 1 Nov 2026 is in no backup. Back it up, so you keep it if this browser loses its data.';
    expect(await screen.findByText(line)).toBeTruthy();

    // The buyer turns it off.
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Tell me when new evidence has gone 14 days without a backup',
      }),
    );
    await waitFor(async () => {
      expect((await readSettings(db)).backupReminder).toBe(false);
    });
    await waitFor(() => {
      expect(screen.queryByText(line)).toBeNull();
    });
  });

  it('is gone once a backup holds the evidence', async () => {
    const { background } = await renderPage((shown) => <SettingsApp db={shown.db} />, {
      before: (shown) => orderWithPhoto(shown, FIFTEEN_DAYS_AGO),
    });
    expect(await screen.findByText(/is in no backup/)).toBeTruthy();
    await background.send({ type: 'backup-made' });
    await waitFor(() => {
      expect(screen.queryByText(/is in no backup/)).toBeNull();
    });
  });

  it('shows on the case page, with a button that backs up from the settings page', async () => {
    const user = userEvent.setup();
    const { actions } = await renderPage(
      (background) => <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} />,
      { before: (background) => orderWithPhoto(background, FIFTEEN_DAYS_AGO) },
    );
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect(actions.openSettings).toHaveBeenCalledWith('backup');
  });

  it('waits while the evidence is under 14 days old', async () => {
    await renderPage(
      (background) => <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} />,
      { before: (background) => orderWithPhoto(background, '2026-11-03T09:00:00.000Z') },
    );
    await screen.findByRole('heading', { level: 1, name: /1043587216/ });
    expect(screen.queryByText(/is in no backup/)).toBeNull();
  });
});

describe('the popup', () => {
  it('offers to back up everything, on the settings page', async () => {
    const user = userEvent.setup();
    const { actions } = await renderPage((background) => <PopupApp db={background.db} />);
    await user.click(await screen.findByRole('button', { name: 'Back up everything' }));
    expect(actions.openSettings).toHaveBeenCalledWith('backup');
  });
});

describe('restoring from the settings page', () => {
  // The background keeps what arrives in Blobs; Node's own survive fake-indexeddb's structured
  // clone, happy-dom's do not. The buyer's file stays happy-dom's File.
  beforeEach(() => {
    vi.stubGlobal('Blob', NodeBlob);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A backup of a profile with the DHgate order, its case and a photo, as a picked file. */
  async function backupFile(): Promise<File> {
    const { background } = await renderPage(() => null, {
      before: (source) => orderWithPhoto(source),
    });
    const { backup, name } = await backupFromDatabase(
      background.db,
      { createdAt: NOW, timeZone: 'Europe/Paris', appVersion: '0.1.0' },
      () => undefined,
    );
    return new File([new Uint8Array(await backup.arrayBuffer())], name, {
      type: 'application/zip',
    });
  }

  it('shows what the backup holds and changes, then restores it', async () => {
    const user = userEvent.setup();
    const file = await backupFile();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />);
    await user.upload(await screen.findByLabelText('Choose a backup file'), file);
    expect(
      await screen.findByText(
        'caseclock-backup-2026-11-16.zip: a backup made on 16 Nov 2026, 10:00. Restoring it here:',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Orders: 1 in the backup, 1 new, 0 newer than yours')).toBeTruthy();
    expect(screen.getByText('Cases: 1 in the backup, 1 new')).toBeTruthy();
    expect(
      screen.getByText('Evidence: 1 in the backup, 1 new, 1 files to copy (2 kB)'),
    ).toBeTruthy();
    // Nothing changes before the buyer says so.
    expect(await db.orders.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText(
        'Restored: 1 orders added, 0 updated, 1 cases and 1 pieces of evidence added.',
      ),
    ).toBeTruthy();
    expect(await db.orders.count()).toBe(1);
    expect((await db.evidenceBlobs.get('photo'))?.blob.size).toBe(PHOTO.length);
  });

  it('once copied, says the background is checking and saving, with no cancel button', async () => {
    const user = userEvent.setup();
    const file = await backupFile();
    let answer: () => void = () => undefined;
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />, {
      actions: (background) => ({
        send: async <M extends Message>(message: M): Promise<Reply<M>> => {
          // The background's answer waits until the test has looked at the page.
          if (message.type === 'restore-apply') {
            await new Promise<void>((resolve) => (answer = resolve));
          }
          return background.send(message);
        },
      }),
    });
    await user.upload(await screen.findByLabelText('Choose a backup file'), file);
    await user.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText('Checking every file of the backup and saving what it adds…'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(await db.orders.count()).toBe(0);
    answer();
    expect(await screen.findByText(/^Restored: 1 orders added/)).toBeTruthy();
  });

  it('refuses a file that is not a backup, in words, and changes nothing', async () => {
    const user = userEvent.setup();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />);
    await user.upload(
      await screen.findByLabelText('Choose a backup file'),
      new File(['Dear seller, …'], 'letter.zip', { type: 'application/zip' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is not a backup: it is not a ZIP file. Nothing was changed.',
    );
    expect(await db.orders.count()).toBe(0);
  });
});
