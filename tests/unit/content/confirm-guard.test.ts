import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installConfirmGuard, ordersFor } from '@/lib/content/confirm-guard';
import { showGuardDialog } from '@/lib/content/guard-dialog';
import type { GuardDecision } from '@/lib/guard';
import { translator } from '@/lib/i18n';

const HELD: GuardDecision = {
  guard: true,
  reasons: ['case-open', 'evidence-incomplete', 'not-inspected'],
  endsAllDisputes: true,
  losses: [{ kind: 'dispute-window-closes', dueAt: '2027-01-28T09:12:00.000Z' }],
};
const FREE: GuardDecision = { guard: false, reasons: [], endsAllDisputes: true, losses: [] };

const LIST = `
  <div class="card"><p>Order Number ：1043587216</p><a id="first" href="javascript:;">Order Has Been Received</a></div>
  <div class="card"><p>Order Number ：1041209953</p><a id="second" href="javascript:;">Order Has Been Received</a>
    <a id="track" href="javascript:;">Track Items</a></div>`;

let decisions: Record<string, GuardDecision>;
let siteClicks: string[];
let markInspected: ReturnType<typeof vi.fn<(orderNumber: string) => Promise<void>>>;

function install() {
  return installConfirmGuard({
    doc: document,
    confirmLabel: /order has been received/i,
    orderNumbers: () => ['1043587216', '1041209953'],
    decision: (number) => decisions[number],
    markInspected,
    showDialog: (button, decision, actions) => {
      showGuardDialog(
        {
          doc: document,
          t: translator('en'),
          locale: 'en-US',
          now: () => '2026-11-22T12:00:00.000Z',
        },
        button,
        decision,
        actions,
      );
    },
  });
}

function dialog(): ShadowRoot | null {
  return document.querySelector('caseclock-guard')?.shadowRoot ?? null;
}

function click(id: string): void {
  document.getElementById(id)?.click();
}

beforeEach(() => {
  document.body.innerHTML = LIST;
  decisions = { '1043587216': HELD, '1041209953': FREE };
  siteClicks = [];
  markInspected = vi.fn((orderNumber: string) => {
    decisions[orderNumber] = FREE;
    return Promise.resolve();
  });
  for (const link of document.querySelectorAll('a')) {
    link.addEventListener('click', () => siteClicks.push(link.id));
  }
});

describe('the confirm-receipt guard', () => {
  it('holds the click and explains what confirming would cost', () => {
    const uninstall = install();
    click('first');
    expect(siteClicks).toEqual([]);
    const shown = dialog();
    expect(shown?.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect([...(shown?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'You have a dispute case open on this order.',
      'Your evidence checklist is not complete yet.',
      'You have not marked the items as inspected.',
      'After confirming, no dispute can be opened for this order.',
      'Last day to open a dispute would have been Thu, Jan 28, 10:12 AM (in 67 days).',
    ]);
    uninstall();
  });

  it('lets the original click through, once, with "Confirm anyway"', () => {
    const uninstall = install();
    click('first');
    dialog()?.querySelector<HTMLButtonElement>('button.confirm')?.click();
    expect(siteClicks).toEqual(['first']);
    expect(dialog()).toBeNull();
    click('first');
    expect(siteClicks).toEqual(['first']);
    uninstall();
  });

  it('keeps the protection when asked, and closes', () => {
    const uninstall = install();
    click('first');
    dialog()?.querySelector<HTMLButtonElement>('button.keep')?.click();
    expect(dialog()).toBeNull();
    expect(siteClicks).toEqual([]);
    uninstall();
  });

  it('records the inspection and goes on once nothing else holds the order', async () => {
    const uninstall = install();
    click('first');
    dialog()?.querySelector<HTMLButtonElement>('button.inspected')?.click();
    await vi.waitFor(() => {
      expect(siteClicks).toEqual(['first']);
    });
    expect(markInspected).toHaveBeenCalledWith('1043587216');
    uninstall();
  });

  it('leaves the click untouched when nothing would be lost, or for other buttons', () => {
    const uninstall = install();
    click('second');
    click('track');
    expect(siteClicks).toEqual(['second', 'track']);
    expect(dialog()).toBeNull();
    uninstall();
  });

  it('leaves orders it knows nothing about alone', () => {
    decisions = {};
    const uninstall = install();
    click('first');
    expect(siteClicks).toEqual(['first']);
    uninstall();
  });
});

describe('ordersFor', () => {
  const numbers = ['1043587216', '1041209953'];

  it('finds the order of a button in a list', () => {
    const first = document.getElementById('first');
    expect(first && ordersFor(first, numbers)).toEqual(['1043587216']);
  });

  it('finds every order of a parcel, and holds the click if any of them would lose out', () => {
    document.body.innerHTML =
      '<div>Order No: 1043587216 · Order No: 1041209953 <a id="parcel">Order Has Been Received</a></div>';
    const parcel = document.getElementById('parcel');
    expect(parcel && ordersFor(parcel, numbers)).toEqual(numbers);
    parcel?.addEventListener('click', () => siteClicks.push('parcel'));
    const uninstall = install();
    click('parcel');
    expect(siteClicks).toEqual([]);
    expect(dialog()).not.toBeNull();
    uninstall();
  });
});
