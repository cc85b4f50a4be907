import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseWorkspace } from '@/components/CaseWorkspace';
import { NewOrderPage } from '@/components/NewOrderPage';
import { SettingsApp } from '@/components/SettingsApp';
import {
  DHGATE_ORDER_ID,
  DHGATE_ORDER_URL,
  dhgatePageRead,
  tab,
  type TestBackground,
} from '../background/harness';
import { downloads, renderPage } from './harness';
import { readSettings } from '@/lib/db/settings';

const NOW = '2026-11-16T09:00:00.000Z';

/** A downloaded calendar's events, as an independent parser reads them. */
async function calendarEvents(file: Blob | undefined) {
  expect(file?.type).toBe('text/calendar;charset=utf-8');
  const calendar = ICAL.Component.fromString((await file?.text()) ?? '');
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    url: String(vevent.getFirstPropertyValue('url')),
  }));
}

/** The DHgate order's case, with a refund asked for on the 14th at 10:00 UTC. */
async function askedForRefund(background: TestBackground) {
  await background.startCase();
  await background.send({
    type: 'event-record',
    orderId: DHGATE_ORDER_ID,
    event: 'refund-requested',
    at: '2026-11-14T10:00:00.000Z',
  });
}

/** Five days after the refund request, the seller's time is up: 19 November, 10:00 UTC. */
const SELLER_ANSWER = {
  uid: 'seller-response-due.opens.dhgate%3A1043587216@caseclock.app',
  start: '2026-11-19T10:00:00Z',
  summary: "DHgate order 1043587216: Seller's time to answer ends",
  url: DHGATE_ORDER_URL,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function workspace(locale = 'en-GB') {
  const page = await renderPage(
    (background) => <CaseWorkspace db={background.db} orderId={DHGATE_ORDER_ID} />,
    { locale, now: NOW },
  );
  await page.background.send(
    dhgatePageRead({
      orders: [
        {
          orderNumber: '1043587216',
          status: 'shipped',
          items: [{ title: 'Wireless Earbuds', quantity: 2 }],
          total: { minor: 4155, currency: 'USD' },
          seller: { name: 'Shenzhen Audio Store' },
          placedAt: '2026-10-28T13:05:00.000Z',
          detailUrl: DHGATE_ORDER_URL,
        },
      ],
    }),
    tab(DHGATE_ORDER_URL),
  );
  await screen.findByRole('heading', { level: 1, name: /1043587216/ });
  return page;
}

describe('the case workspace', () => {
  it('shows the order and starts a case with a reason', async () => {
    const user = userEvent.setup();
    const { db } = await workspace();
    expect(screen.getByText('Shenzhen Audio Store')).toBeTruthy();
    expect(screen.getByText('US$41.55')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Evidence' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Reason'), 'not-received');
    await user.click(screen.getByRole('button', { name: 'Start the case' }));
    expect(await screen.findByRole('heading', { name: 'Evidence' })).toBeTruthy();
    expect(await db.cases.toArray()).toMatchObject([{ reason: 'not-received', status: 'open' }]);
    expect(screen.getByText('Ask the seller for a refund on DHgate')).toBeTruthy();
  });

  it('records a step at the time the buyer gives, and the clock follows', async () => {
    const user = userEvent.setup();
    await workspace();
    await user.click(screen.getByRole('button', { name: 'Start the case' }));
    await user.click(await screen.findByRole('button', { name: 'I asked for a refund' }));
    const when = screen.getByLabelText('When: I asked for a refund');
    await user.clear(when);
    await user.type(when, '2026-11-10T10:00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Five days after the 10th: escalation is open on the 16th.
    expect(await screen.findByText('Escalate the case to DHgate')).toBeTruthy();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByText('You asked for a refund')).toBeTruthy();
  });

  it('shows why a write was refused, and keeps what the buyer typed', async () => {
    const user = userEvent.setup();
    const { db } = await workspace();
    await user.click(screen.getByRole('button', { name: 'Start the case' }));
    const note = await screen.findByLabelText<HTMLTextAreaElement>('Add a note');
    // Longer than a note may be: the background refuses it, and the buyer is told.
    const tooLong = 'x'.repeat(5001);
    await user.click(note);
    await user.paste(tooLong);
    await user.click(screen.getByRole('button', { name: 'Save the note' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^CaseClock could not do it: /);
    expect(note.value).toBe(tooLong);
    expect(await db.evidence.count()).toBe(0);
  });

  it('ticks the checklist as evidence is tagged, keeps notes and drafts the message', async () => {
    const user = userEvent.setup();
    const { db } = await workspace();
    await user.click(screen.getByRole('button', { name: 'Start the case' }));
    await user.type(
      await screen.findByLabelText('Add a note'),
      'The tracking page has shown nothing since 30 October.',
    );
    await user.click(screen.getByRole('button', { name: 'Save the note' }));
    const list = await screen.findByRole('list', { name: 'Evidence' });
    expect(list.querySelector('.evidence-text')?.textContent).toBe(
      'The tracking page has shown nothing since 30 October.',
    );
    expect(screen.getByLabelText<HTMLTextAreaElement>('Add a note').value).toBe('');

    await db.evidence.add({
      id: 'chat',
      caseId: (await db.cases.toArray())[0]?.id ?? '',
      orderId: DHGATE_ORDER_ID,
      kind: 'text',
      shows: [],
      name: 'Messages - DHgate',
      capturedAt: NOW,
      text: 'Seller: please wait 10 more days.',
    });
    const chat = (await within(list).findByText(/Messages - DHgate/)).closest('li');
    await user.click(
      within(chat as HTMLElement).getByRole('checkbox', { name: 'Chat with the seller' }),
    );
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: 'Checklist 1 of 3 collected' })).toBeTruthy();
    });
    const draft = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message to send' });
    expect(draft.value).toContain('1043587216');
    expect(draft.value).toContain('Messages - DHgate');
    await user.selectOptions(screen.getByLabelText('Language'), 'fr');
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message to send' }).value,
    ).toContain('Bonjour');
  });

  it('edits the order by hand and archives it', async () => {
    const user = userEvent.setup();
    const { db } = await workspace();
    await user.click(screen.getByRole('button', { name: 'Edit the order' }));
    await user.type(screen.getByLabelText('Tracking number'), 'LZ492186534CN');
    await user.click(screen.getByRole('button', { name: 'Save the order' }));
    await waitFor(async () => {
      expect((await db.orders.get(DHGATE_ORDER_ID))?.edits).toEqual({
        trackingNumber: 'LZ492186534CN',
      });
    });
    expect(await screen.findByText('LZ492186534CN')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeTruthy();
    expect((await db.orders.get(DHGATE_ORDER_ID))?.archived).toBe(true);
  });

  it('adds the order’s deadlines ahead to the buyer’s calendar, or says there are none', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const { background } = await workspace();
    // Shipped without a tracking number, no case: no clock runs yet.
    await user.click(screen.getByRole('button', { name: 'Add to calendar' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'This order has no deadline ahead: there is nothing to add to a calendar.',
    );
    expect(saved.map((made) => made.name)).toEqual([]);

    await askedForRefund(background);
    await screen.findByText("Wait for the seller's answer until you can escalate");
    await user.click(screen.getByRole('button', { name: 'Add to calendar' }));
    await waitFor(() => {
      expect(saved.map((made) => made.name)).toEqual([
        'caseclock-dhgate-1043587216-2026-11-16.ics',
      ]);
    });
    expect(screen.queryByRole('status')).toBeNull();
    expect(await calendarEvents(saved[0]?.file)).toEqual([SELLER_ANSWER]);

    // Put away, the order reminds of nothing, and the page says why there is no calendar.
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await screen.findByRole('button', { name: 'Restore' });
    await user.click(screen.getByRole('button', { name: 'Add to calendar' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'This order is archived, so CaseClock does not remind you of its deadlines. Restore it to add them to a calendar.',
    );
    expect(saved.map((made) => made.name)).toHaveLength(1);
  });

  it('speaks French', async () => {
    await workspace('fr-FR');
    expect(screen.getByRole('button', { name: 'Ajouter à l’agenda' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Commande 1043587216' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ouvrir le dossier' })).toBeTruthy();
    expect(screen.getByText('Attendez le colis')).toBeTruthy();
  });
});

describe('an order added by hand', () => {
  it('refuses what cannot be right, then tracks the order and opens its case', async () => {
    const user = userEvent.setup();
    const { db, actions } = await renderPage(() => <NewOrderPage />, { now: NOW });
    await user.click(screen.getByRole('button', { name: 'Save the order' }));
    expect(screen.getByRole('alert').textContent).toBe('Check the fields marked in red.');
    expect(screen.getByLabelText('Order number').getAttribute('aria-invalid')).toBe('true');

    await user.selectOptions(screen.getByLabelText('Marketplace'), 'aliexpress');
    await user.type(screen.getByLabelText('Order number'), '8212313961591322');
    await user.type(screen.getByLabelText('Total'), '31,93');
    await user.clear(screen.getByLabelText('Currency'));
    await user.type(screen.getByLabelText('Currency'), 'brl');
    await user.type(screen.getByLabelText('Buyer protection ends'), '2026-12-20T23:00');
    await user.click(screen.getByRole('button', { name: 'Save the order' }));
    await waitFor(() => {
      expect(actions.openCase).toHaveBeenCalledWith('aliexpress:8212313961591322');
    });
    expect(await db.orders.get('aliexpress:8212313961591322')).toMatchObject({
      edits: {
        total: { minor: 3193, currency: 'BRL' },
        protectionEndsAt: '2026-12-20T22:00:00.000Z',
      },
    });
  });
});

describe('the settings', () => {
  it('shows the space the evidence and all the data take, and that the browser keeps them', async () => {
    // As in a browser: once granted, the data stays kept.
    let granted = false;
    const persist = vi.fn(() => {
      granted = true;
      return Promise.resolve(true);
    });
    const storage = {
      manager: {
        persisted: () => Promise.resolve(granted),
        persist,
        estimate: () => Promise.resolve({ usage: 5 * 1024 * 1024 }),
      },
      unlimited: () => Promise.resolve(false),
    };
    await renderPage((background) => <SettingsApp db={background.db} storage={storage} />, {
      before: async (background) => {
        const evidence = { caseId: 'case-1', orderId: 'dhgate:1', kind: 'file' as const };
        await background.db.evidence.bulkAdd([
          { ...evidence, id: 'a', shows: [], name: 'a.mp4', size: 1024 * 1024, capturedAt: '' },
          { ...evidence, id: 'b', shows: [], name: 'b.jpg', size: 512 * 1024, capturedAt: '' },
        ]);
      },
    });
    expect(await screen.findByText('Evidence files: 1.5 MB')).toBeTruthy();
    expect(await screen.findByText('All of CaseClock’s data: 5 MB')).toBeTruthy();
    expect(
      await screen.findByText('Your browser keeps this data until you remove CaseClock.'),
    ).toBeTruthy();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('exports the orders as a spreadsheet the buyer downloads', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    await renderPage((background) => <SettingsApp db={background.db} />, {
      before: async (background) => {
        await background.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Export orders (CSV)' }));
    await waitFor(() => {
      // Named after the day it was made, 16 November.
      expect(saved.map((made) => made.name)).toEqual(['caseclock-orders-2026-11-16.csv']);
    });
    const file = saved[0]?.file;
    expect(file?.type).toBe('text/csv;charset=utf-8');
    const rows = Papa.parse<string[]>((await file?.text())?.replace(/^\uFEFF/, '') ?? '', {
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['Marketplace', 'Order number'],
      ['DHgate', '1043587216'],
    ]);
  });

  it('exports every deadline ahead as a calendar, or says there is none', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const { background } = await renderPage((page) => <SettingsApp db={page.db} />, {
      before: async (page) => {
        await page.send(dhgatePageRead(), tab(DHGATE_ORDER_URL));
      },
    });
    expect(
      await screen.findByRole('heading', { name: 'Your orders in a spreadsheet or calendar' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export all deadlines' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'None of your orders has a deadline ahead: there is nothing to put in a calendar.',
    );
    expect(saved.map((made) => made.name)).toEqual([]);

    await askedForRefund(background);
    await user.click(screen.getByRole('button', { name: 'Export all deadlines' }));
    await waitFor(() => {
      expect(saved.map((made) => made.name)).toEqual(['caseclock-deadlines-2026-11-16.ics']);
    });
    expect(await calendarEvents(saved[0]?.file)).toEqual([SELLER_ANSWER]);
  });

  it('says in words why the calendar could not be made', async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const { db } = await renderPage((page) => <SettingsApp db={page.db} />);
    const exportAll = await screen.findByRole('button', { name: 'Export all deadlines' });
    // The database goes away under the page, as when the browser clears it.
    db.close();
    await user.click(exportAll);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^CaseClock could not make the calendar file: ./,
    );
    expect(saved.map((made) => made.name)).toEqual([]);
  });

  it('says when the browser may clear the data', async () => {
    const storage = {
      manager: { persisted: () => Promise.resolve(false), persist: () => Promise.resolve(false) },
      unlimited: () => Promise.resolve(false),
    };
    await renderPage((background) => <SettingsApp db={background.db} storage={storage} />);
    expect(await screen.findByText('Evidence files: none yet')).toBeTruthy();
    expect(
      await screen.findByText(
        'Your browser may delete this data when the disk runs short of space.',
      ),
    ).toBeTruthy();
  });

  it('saves the DHgate tier, the lead time, PayPal and the buyer’s own rule values', async () => {
    const user = userEvent.setup();
    const { db } = await renderPage((background) => <SettingsApp db={background.db} />);
    await user.selectOptions(await screen.findByLabelText('Your DHgate membership'), 'gold');
    await user.click(screen.getByRole('checkbox', { name: 'AliExpress' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Show the CaseClock panel on order pages' }),
    );
    const seller = screen.getByLabelText(
      'After a refund request the seller has 5 days to respond; then you may escalate.',
    );
    expect(seller.getAttribute('placeholder')).toBe('policy: 5');
    expect(seller.closest('[data-rule]')?.textContent).toContain(
      'Source: Buyer’s guide “How to file a dispute on DHgate” · third party, not the site’s own terms · last checked 30 November 2026 · confidence: stated in the guide',
    );
    expect(
      screen
        .getByLabelText('A PayPal dispute can be opened within 180 days of payment.')
        .closest('[data-rule]')?.textContent,
    ).toContain(
      'Source: PayPal Help Center on disputes and claims · from the site itself · last checked 22 November 2026 · confidence: high',
    );
    await user.type(seller, '3');
    await waitFor(async () => {
      expect((await db.settings.get('settings'))?.value).toMatchObject({
        membership: { dhgate: 'gold' },
        paypal: { aliexpress: true },
        showPanel: false,
        overrides: { dhgate: { sellerResponse: 3 } },
      });
    });
    await user.clear(seller);
    await waitFor(async () => {
      expect((await readSettings(db)).overrides).toEqual({ dhgate: {} });
    });
    expect((await screen.findByRole('status')).textContent).toBe('Saved');
  });
});
