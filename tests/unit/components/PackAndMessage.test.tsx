import { screen, waitFor } from '@testing-library/react';
import { Blob as NodeBlob } from 'node:buffer';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import { packFromDatabase } from '@/lib/evidence/pack-job';
import { DHGATE_ORDER_ID, DHGATE_ORDER_URL, dhgatePageRead, tab } from '../background/harness';
import { downloads, renderPage } from './harness';

const NOW = '2026-11-16T09:00:00.000Z';
const PHOTO = Uint8Array.from({ length: 3000 }, (_, index) => index % 256);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * The DHgate order's workspace with a case and a photo, its pack made on the test's thread by
 * the worker's own function; `hold` keeps a made pack from the page until it settles.
 */
async function workspaceWithPhoto(options: { locale?: string; hold?: Promise<void> } = {}) {
  const page = await renderPage(
    (background) => <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} />,
    {
      locale: options.locale ?? 'en-GB',
      now: NOW,
      actions: (background) => ({
        makePack: async (request, onProgress) => {
          const made = await packFromDatabase(background.db, request, onProgress);
          await options.hold;
          return made;
        },
      }),
    },
  );
  const { background, db } = page;
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  const caseId = await background.startCase();
  await db.evidence.add({
    id: 'photo',
    caseId,
    orderId: DHGATE_ORDER_ID,
    kind: 'photo',
    shows: [],
    name: 'parcel.jpg',
    mimeType: 'image/jpeg',
    size: PHOTO.length,
    capturedAt: '2026-11-12T10:00:00.000Z',
  });
  // Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
  await db.evidenceBlobs.add({ id: 'photo', blob: new NodeBlob([PHOTO]) as unknown as Blob });
  await screen.findByText('parcel.jpg');
  return page;
}

describe('downloading the evidence pack', () => {
  it('shows how far the pack is while it is made, then saves it', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    await workspaceWithPhoto({ hold });

    await user.click(screen.getByRole('button', { name: 'Download the evidence pack (ZIP)' }));
    const bar = await screen.findByRole<HTMLProgressElement>('progressbar', {
      name: 'Evidence pack being prepared',
    });
    // Once all of the photo is in: its size, as recorded, out of the same.
    await waitFor(() => {
      expect(bar.value).toBe(PHOTO.length);
    });
    expect(bar.max).toBe(PHOTO.length);
    expect(screen.getByRole('button', { name: 'Preparing the pack…' })).toHaveProperty(
      'disabled',
      true,
    );

    release();
    expect(
      await screen.findByRole('button', { name: 'Download the evidence pack (ZIP)' }),
    ).toHaveProperty('disabled', false);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(saved.map((made) => made.name)).toEqual(['caseclock-dhgate-1043587216-2026-11-16.zip']);
    const files = unzipSync(new Uint8Array(await (saved[0]?.file ?? new Blob()).arrayBuffer()));
    expect(files['evidence/01-parcel.jpg']).toEqual(PHOTO);
    expect(strFromU8(files['manifest.json'] ?? new Uint8Array())).toContain('"parcel.jpg"');
  });

  it.each([
    [
      'en-GB',
      'Download the evidence pack (ZIP)',
      'The evidence pack could not be made. Please try again.',
    ],
    [
      'fr-FR',
      'Télécharger le dossier de preuves (ZIP)',
      'Le dossier de preuves n’a pas pu être créé. Veuillez réessayer.',
    ],
  ])('says so in %s when the pack cannot be made', async (locale, button, problem) => {
    const user = userEvent.setup();
    const saved = downloads();
    const { db } = await workspaceWithPhoto({ locale });
    vi.spyOn(db.evidenceBlobs, 'get').mockRejectedValue(new Error('The disk is gone'));

    await user.click(screen.getByRole('button', { name: button }));
    expect((await screen.findByRole('alert')).textContent).toBe(problem);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: button })).toHaveProperty('disabled', false);
    expect(saved).toEqual([]);
  });
});
