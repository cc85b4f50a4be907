import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import { PopupApp } from '@/components/PopupApp';
import { StorageGate } from '@/components/StorageGate';
import { CaseClockDatabase } from '@/lib/db/database';
import { DHGATE_ORDER_ID, DHGATE_ORDER_URL, dhgatePageRead, tab } from '../background/harness';
import { renderPage } from './harness';

const NOW = '2026-11-16T09:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The DHgate order's workspace, with a "not received" case: a refund asked, a note, a photo. */
async function workspaceWithCase(locale = 'en-GB') {
  const page = await renderPage(
    (background) => <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} />,
    { locale, now: NOW },
  );
  const { background, db } = page;
  await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
  const caseId = await background.startCase();
  await background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-10T10:00:00.000Z',
  });
  await background.send({ type: 'evidence-note', caseId, text: 'Seller silent.' });
  await db.evidence.add({
    id: 'photo',
    caseId,
    orderId: DHGATE_ORDER_ID,
    kind: 'photo',
    shows: [],
    name: 'parcel.jpg',
    size: 2.5 * 1024 * 1024,
    capturedAt: '2026-11-12T10:00:00.000Z',
  });
  await screen.findByRole('heading', { level: 1, name: /1043587216/ });
  return { ...page, caseId };
}

describe('deleting from the workspace', () => {
  it('says exactly what the order takes with it, deletes it, and Undo brings it back', async () => {
    const user = userEvent.setup();
    const { db } = await workspaceWithCase();
    await user.click(screen.getByRole('button', { name: 'Delete the order' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete order 1043587216?' });
    const lines = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'the order and 1 entry read on DHgate’s pages',
      '1 case, with 1 step you recorded',
      '2 pieces of evidence: 1 photo and 1 note (2.5 MB)',
    ]);
    // The safe choice has the focus.
    expect(document.activeElement?.textContent).toBe('Keep it');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('This order was deleted from CaseClock.')).toBeTruthy();
    expect(await db.orders.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: /^Undo \(\d+ s\)$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /1043587216/ })).toBeTruthy();
    expect(await screen.findByText('Restored: nothing was lost.')).toBeTruthy();
    expect(await db.evidence.count()).toBe(2);
  });

  it('keeps everything when the buyer changes their mind', async () => {
    const user = userEvent.setup();
    const { db } = await workspaceWithCase();
    await user.click(screen.getByRole('button', { name: 'Delete the order' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.orders.count()).toBe(1);
  });

  it('deletes one case and keeps the order, in French too', async () => {
    const user = userEvent.setup();
    const { db } = await workspaceWithCase('fr-FR');
    await user.click(screen.getByRole('button', { name: 'Supprimer ce dossier' }));
    const dialog = screen.getByRole('alertdialog', {
      name: 'Supprimer le dossier « Non reçue » ?',
    });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'le dossier, avec 1 étape notée par vous',
      // French writes a narrow non-breaking space between a number and its unit.
      '2 preuves : 1 photo et 1 note (2,5\u202fMo)',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText('Dossier « Non reçue » supprimé.')).toBeTruthy();
    expect(await db.cases.count()).toBe(0);
    expect(await db.orders.count()).toBe(1);
    expect(await screen.findByRole('button', { name: 'Ouvrir le dossier' })).toBeTruthy();
  });
});

describe('a resolved case in the workspace', () => {
  it('shows its outcome, keeps its evidence and pack, and can be reopened', async () => {
    const user = userEvent.setup();
    const { db, caseId } = await workspaceWithCase();
    await user.click(screen.getByRole('button', { name: 'Resolved: partial refund' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Resolved on 16 Nov 2026: partial refund.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Evidence' })).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Evidence' })).getByText('parcel.jpg'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the evidence pack (ZIP)' })).toBeTruthy();
    expect(await db.cases.get(caseId)).toMatchObject({ status: 'closed' });

    await user.click(screen.getByRole('button', { name: 'Reopen the case' }));
    expect(await screen.findByRole('button', { name: 'I escalated' })).toBeTruthy();
    expect(screen.queryByText(/^Resolved on/)).toBeNull();
    expect(await db.cases.get(caseId)).toMatchObject({ status: 'open' });
  });
});

describe('the popup', () => {
  it('lists resolved cases under "Closed cases"', async () => {
    const user = userEvent.setup();
    const page = await renderPage((background) => <PopupApp db={background.db} />, { now: NOW });
    await page.background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
    await page.background.send({
      type: 'case-start',
      orderId: DHGATE_ORDER_ID,
      reason: 'damaged',
    });
    await page.background.send({
      type: 'event-record',
      orderId: DHGATE_ORDER_ID,
      event: 'resolved',
      at: '2026-11-15T10:00:00.000Z',
      details: { outcome: 'full' },
    });
    // The tab shows before the live query has counted; wait for the count itself.
    const closed = await screen.findByRole('radio', { name: 'Closed cases 1' });
    await user.click(closed);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Damaged');
    expect(rows[0]?.textContent).toContain('Resolved');
    await user.click(screen.getByRole('radio', { name: /^Open cases/ }));
    expect(await screen.findByText('No order matches.')).toBeTruthy();
  });

  it('says, for the page in the tab, what could not be read or kept', async () => {
    const current = { id: 1, windowId: 1, url: `${DHGATE_ORDER_URL}#top` };
    await renderPage((background) => <PopupApp db={background.db} tab={current} />, {
      now: NOW,
      async before(background) {
        const read = dhgatePageRead();
        await background.send(
          {
            ...read,
            orders: [
              ...read.orders,
              { orderNumber: '1041209953', items: [], detailUrl: 'https://x.example/' },
            ],
            problems: [{ kind: 'field-clipped', order: '1043587216', field: 'itemTitle' }],
          },
          tab(DHGATE_ORDER_URL),
        );
      },
    });
    const report = await screen.findByText('CaseClock could not read all of this page:');
    const lines = within(report.closest('section') as HTMLElement)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'Order 1043587216: an item’s title was too long; CaseClock kept its beginning.',
      'Order 1041209953 carried a link off DHgate: it was not stored.',
    ]);
  });

  it('says when the background cannot set its reminders', async () => {
    await renderPage((background) => <PopupApp db={background.db} />, {
      now: NOW,
      async before(background) {
        vi.spyOn(fakeBrowser.alarms, 'getAll').mockRejectedValue(new Error('Too many alarms'));
        await background.background.reconcile();
      },
    });
    expect(
      await screen.findByText(
        'CaseClock could not update its reminders: the browser would not set the alarm for the next reminder: Too many alarms',
      ),
    ).toBeTruthy();
  });

  it('says when its storage cannot be opened, and tries again on request', async () => {
    const user = userEvent.setup();
    const db = new CaseClockDatabase(`broken-${crypto.randomUUID()}`);
    const open = vi
      .spyOn(db, 'open')
      .mockRejectedValueOnce(new Error('Internal error opening backing store'));
    await renderPage(() => (
      <StorageGate db={db}>
        <PopupApp db={db} />
      </StorageGate>
    ));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'CaseClock cannot open its storage: Internal error opening backing store',
    );
    open.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { name: /Nothing tracked yet|CaseClock/ }),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
