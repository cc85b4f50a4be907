import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_WAIT_MS, installConfirmGuard, ordersFor } from '@/lib/content/confirm-guard';
import { showGuardDialog } from '@/lib/content/guard-dialog';
import { uncheckedDecision, type GuardDecision } from '@/lib/guard';
import { translator } from '@/lib/i18n';
import { buyerClick, buyerKey, scriptedKey, watchShadowRoots } from './buyer-events';

const HELD: GuardDecision = {
  guard: true,
  reasons: ['case-open', 'evidence-incomplete', 'not-inspected'],
  endsAllDisputes: true,
  losses: [{ kind: 'dispute-window-closes', dueAt: '2027-01-28T09:12:00.000Z' }],
};
const FREE: GuardDecision = { guard: false, reasons: [], endsAllDisputes: true, losses: [] };
const NOT_INSPECTED: GuardDecision = { ...FREE, guard: true, reasons: ['not-inspected'] };

const FIRST = '1043587216';
const SECOND = '1041209953';
const LIST = `
  <div class="card"><p>Order Number ：${FIRST}</p><a id="first" href="javascript:;">Order Has Been Received</a></div>
  <div class="card"><p>Order Number ：${SECOND}</p><a id="second" href="javascript:;">Order Has Been Received</a>
    <a id="track" href="javascript:;">Track Items</a></div>`;

/** The orders the page showed at its last reading, and what the content script knows of them. */
let readNumbers: string[];
let decisions: Record<string, GuardDecision>;
/** What the background says about each order once it answers, and the gate for its answer. */
let backgroundSays: Record<string, GuardDecision>;
let answer: () => void;
let answered: Promise<void>;
let siteClicks: string[];
let readPage: ReturnType<typeof vi.fn<() => Promise<void>>>;
let query: ReturnType<typeof vi.fn<(orderNumbers: readonly string[]) => Promise<void>>>;
let markInspected: ReturnType<typeof vi.fn<(orderNumber: string) => Promise<void>>>;
let rootOf: ReturnType<typeof watchShadowRoots>;

function learn(numbers: readonly string[]): void {
  for (const number of numbers) {
    const said = backgroundSays[number];
    if (said) decisions[number] = said;
  }
}

function install() {
  return installConfirmGuard({
    doc: document,
    confirmLabel: /order has been received/i,
    orderNumbers: () => readNumbers,
    decision: (number) => decisions[number],
    unchecked: uncheckedDecision('dhgate'),
    readPage,
    query,
    markInspected,
    showDialog: (button, decision, actions, problem) => {
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
        problem,
      );
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
  });
}

function dialog(): ShadowRoot | undefined {
  const host = document.querySelector('caseclock-guard');
  return host ? rootOf(host) : undefined;
}

function dialogButton(className: string): HTMLButtonElement {
  const found = dialog()?.querySelector<HTMLButtonElement>(`button.${className}`);
  if (!found) throw new Error(`no ${className} button in the dialog`);
  return found;
}

function reasons(): (string | null)[] {
  return [...(dialog()?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
}

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

/** The buyer clicks one of the page's own links. */
function buyerClicks(id: string): void {
  buyerClick(byId(id));
}

beforeEach(() => {
  rootOf = watchShadowRoots();
  document.body.innerHTML = LIST;
  readNumbers = [FIRST, SECOND];
  decisions = { [FIRST]: HELD, [SECOND]: FREE };
  backgroundSays = {};
  answered = new Promise((resolve) => {
    answer = resolve;
  });
  siteClicks = [];
  readPage = vi.fn(() => {
    readNumbers = [FIRST, SECOND];
    return answered.then(() => {
      learn(readNumbers);
    });
  });
  query = vi.fn(async (numbers: readonly string[]) => {
    await answered;
    learn(numbers);
  });
  markInspected = vi.fn((orderNumber: string) => {
    decisions[orderNumber] = FREE;
    return Promise.resolve();
  });
  for (const link of document.querySelectorAll('a')) {
    link.addEventListener('click', () => siteClicks.push(link.id));
  }
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the confirm-receipt guard', () => {
  it('holds the click and explains, in a root the page cannot open, what confirming would cost', () => {
    const uninstall = install();
    buyerClicks('first');
    expect(siteClicks).toEqual([]);
    expect(document.querySelector('caseclock-guard')?.shadowRoot).toBeNull();
    expect(dialog()?.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(reasons()).toEqual([
      'You have a dispute case open on this order.',
      'Your evidence checklist is not complete yet.',
      'You have not marked the items as inspected.',
      'After confirming, no dispute can be opened for this order.',
      'Last day to open a dispute would have been Thu, Jan 28, 10:12 AM (in 67 days).',
    ]);
    uninstall();
  });

  it('lets the original click through, once, when the buyer clicks "Confirm anyway"', () => {
    const uninstall = install();
    buyerClicks('first');
    buyerClick(dialogButton('confirm'));
    expect(siteClicks).toEqual(['first']);
    expect(document.querySelector('caseclock-guard')).toBeNull();
    buyerClicks('first');
    expect(siteClicks).toEqual(['first']);
    uninstall();
  });

  it('keeps the protection when the buyer asks, by button or Escape, and closes', () => {
    const uninstall = install();
    buyerClicks('first');
    buyerClick(dialogButton('keep'));
    expect(document.querySelector('caseclock-guard')).toBeNull();
    buyerClicks('first');
    buyerKey(dialogButton('keep'), 'Escape');
    expect(document.querySelector('caseclock-guard')).toBeNull();
    expect(siteClicks).toEqual([]);
    uninstall();
  });

  it('records the inspection and goes on once nothing else holds the order', async () => {
    decisions[FIRST] = NOT_INSPECTED;
    const uninstall = install();
    buyerClicks('first');
    buyerClick(dialogButton('inspected'));
    await vi.waitFor(() => {
      expect(siteClicks).toEqual(['first']);
    });
    expect(markInspected).toHaveBeenCalledWith(FIRST);
    uninstall();
  });

  it('says so when the inspection could not be recorded, and keeps holding', async () => {
    decisions[FIRST] = NOT_INSPECTED;
    markInspected.mockRejectedValueOnce(
      new Error('There is not enough storage space left: nothing was saved.'),
    );
    const uninstall = install();
    buyerClicks('first');
    buyerClick(dialogButton('inspected'));
    await vi.waitFor(() => {
      expect(dialog()?.querySelector('[role=alert]')?.textContent).toBe(
        'There is not enough storage space left: nothing was saved.',
      );
    });
    expect(reasons()).toContain('You have not marked the items as inspected.');
    expect(siteClicks).toEqual([]);
    uninstall();
  });

  it('does nothing for clicks and keys a page’s script sends to the dialog', async () => {
    const uninstall = install();
    buyerClicks('first');
    for (const name of ['inspected', 'confirm', 'keep']) {
      dialogButton(name).click();
      dialogButton(name).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    scriptedKey(dialogButton('keep'), 'Escape');
    await Promise.resolve();
    expect(markInspected).not.toHaveBeenCalled();
    expect(siteClicks).toEqual([]);
    expect(reasons()).toContain('You have not marked the items as inspected.');
    uninstall();
  });

  it('leaves the click untouched when nothing would be lost, or for other buttons', () => {
    const uninstall = install();
    buyerClicks('second');
    buyerClicks('track');
    expect(siteClicks).toEqual(['second', 'track']);
    expect(document.querySelector('caseclock-guard')).toBeNull();
    expect(readPage).not.toHaveBeenCalled();
    uninstall();
  });
});

describe('a click the guard cannot decide yet', () => {
  beforeEach(() => {
    readNumbers = [];
    decisions = {};
  });

  it('is held while the page is read and the background asked, then explained', async () => {
    backgroundSays = { [FIRST]: NOT_INSPECTED };
    const uninstall = install();
    buyerClicks('first');
    expect(readPage).toHaveBeenCalledTimes(1);
    expect(siteClicks).toEqual([]);
    expect(document.querySelector('caseclock-guard')).toBeNull();
    answer();
    await vi.waitFor(() => {
      expect(reasons()).toEqual([
        'You have not marked the items as inspected.',
        'After confirming, no dispute can be opened for this order.',
      ]);
    });
    expect(siteClicks).toEqual([]);
    uninstall();
  });

  it('goes through, once, when the answer says nothing would be lost', async () => {
    backgroundSays = { [FIRST]: FREE };
    const uninstall = install();
    buyerClicks('first');
    buyerClicks('first');
    expect(siteClicks).toEqual([]);
    answer();
    await vi.waitFor(() => {
      expect(siteClicks).toEqual(['first']);
    });
    expect(readPage).toHaveBeenCalledTimes(1);
    expect(document.querySelector('caseclock-guard')).toBeNull();
    uninstall();
  });

  it('asks the background about orders read earlier whose answer is missing', async () => {
    readNumbers = [FIRST, SECOND];
    decisions = { [SECOND]: FREE };
    backgroundSays = { [FIRST]: FREE };
    // This reading changes nothing, so it sends nothing: the background's answer is asked for.
    readPage.mockImplementation(() => Promise.resolve());
    const uninstall = install();
    buyerClicks('first');
    answer();
    await vi.waitFor(() => {
      expect(siteClicks).toEqual(['first']);
    });
    expect(query).toHaveBeenCalledWith([FIRST]);
    uninstall();
  });

  it('lets the buyer decide after half a second without an answer', async () => {
    vi.useFakeTimers();
    const uninstall = install();
    buyerClicks('first');
    await vi.advanceTimersByTimeAsync(ANSWER_WAIT_MS - 1);
    expect(document.querySelector('caseclock-guard')).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(reasons()).toEqual([
      'CaseClock could not check this order yet, so it cannot tell what confirming would cost.',
      'After confirming, no dispute can be opened for this order.',
    ]);
    expect(dialog()?.querySelector('button.inspected')).toBeNull();
    buyerClick(dialogButton('confirm'));
    expect(siteClicks).toEqual(['first']);
    uninstall();
  });

  it('leaves the click alone on a page where no order can be read', () => {
    readPage.mockImplementation(() => Promise.resolve());
    const uninstall = install();
    buyerClicks('first');
    expect(readPage).toHaveBeenCalledTimes(1);
    expect(siteClicks).toEqual(['first']);
    uninstall();
  });
});

describe('ordersFor', () => {
  const numbers = [FIRST, SECOND];

  it('finds the order of a button in a list', () => {
    expect(ordersFor(byId('first'), numbers)).toEqual([FIRST]);
  });

  it('finds every order of a parcel, and holds the click if any of them would lose out', () => {
    document.body.innerHTML = `<div>Order No: ${FIRST} · Order No: ${SECOND} <a id="parcel">Order Has Been Received</a></div>`;
    const parcel = byId('parcel');
    expect(ordersFor(parcel, numbers)).toEqual(numbers);
    parcel.addEventListener('click', () => siteClicks.push('parcel'));
    const uninstall = install();
    buyerClicks('parcel');
    expect(siteClicks).toEqual([]);
    expect(dialog()).toBeDefined();
    uninstall();
  });
});
