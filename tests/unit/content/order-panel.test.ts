import { PARIS } from '../zones';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeOrderPanel, showOrderPanel, type PanelContext } from '@/lib/content/order-panel';
import { translator } from '@/lib/i18n';
import type { OrderSummary } from '@/lib/messaging/protocol';
import { buyerClick, watchShadowRoots } from './buyer-events';

const SUMMARY: OrderSummary = {
  orderId: 'dhgate:1043587216',
  stage: 'escalation-available',
  caseReason: 'not-received',
  nextStep: { action: 'escalate', message: 'next.escalate', dueNow: true },
  nextDeadline: {
    kind: 'dispute-window-closes',
    dueAt: '2027-01-28T09:12:00.000Z',
    edge: 'closes',
  },
};

let openCase: ReturnType<typeof vi.fn<(orderNumber: string) => void>>;
let onDismiss: ReturnType<typeof vi.fn<(orderId: string) => void>>;
let rootOf: ReturnType<typeof watchShadowRoots>;

function context(language: 'en' | 'fr' = 'en'): PanelContext {
  return {
    doc: document,
    t: translator(language),
    locale: language === 'en' ? 'en-GB' : 'fr-FR',
    timeZone: PARIS,
    now: () => '2026-11-20T09:00:00.000Z',
    marketplace: 'dhgate',
    openCase,
    onDismiss,
  };
}

function panel(): HTMLElement {
  const found = rootOf(document.querySelector('caseclock-panel')).querySelector('section');
  if (!found) throw new Error('no panel');
  return found;
}

function panelButton(className: string): HTMLButtonElement {
  const found = panel().querySelector<HTMLButtonElement>(`button.${className}`);
  if (!found) throw new Error(`no ${className} button`);
  return found;
}

beforeEach(() => {
  rootOf = watchShadowRoots();
  document.body.innerHTML = '<header><a href="/">Back</a></header><main>Order detail</main>';
  openCase = vi.fn();
  onDismiss = vi.fn();
});

afterEach(() => {
  removeOrderPanel(document);
  vi.restoreAllMocks();
});

describe('the in-page panel', () => {
  it('shows the stage, the next deadline and the next step before the page’s own content', () => {
    showOrderPanel(context(), '1043587216', SUMMARY);
    expect(document.body.firstElementChild?.tagName).toBe('CASECLOCK-PANEL');
    expect(document.querySelector('caseclock-panel')?.shadowRoot).toBeNull();
    expect(panel().getAttribute('aria-label')).toBe('CaseClock for this order');
    expect(panel().className).toBe('panel due');
    const facts = [...panel().querySelectorAll('.fact')].map((fact) => fact.textContent);
    expect(facts).toEqual([
      'StageEscalation available',
      'Next deadlinedispute window closes in 69 days',
      'NextEscalate the case to DHgate',
    ]);
  });

  it('opens the case, or hides for this order, when the buyer clicks', () => {
    showOrderPanel(context(), '1043587216', SUMMARY);
    buyerClick(panelButton('open'));
    expect(openCase).toHaveBeenCalledWith('1043587216');
    buyerClick(panelButton('dismiss'));
    expect(onDismiss).toHaveBeenCalledWith('dhgate:1043587216');
    expect(document.querySelector('caseclock-panel')).toBeNull();
  });

  it('ignores the clicks a page’s script sends', () => {
    showOrderPanel(context(), '1043587216', SUMMARY);
    for (let times = 0; times < 50; times += 1) {
      panelButton('open').click();
      panelButton('dismiss').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(openCase).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(document.querySelector('caseclock-panel')).not.toBeNull();
  });

  it('updates in place, shows page text as text only, and goes when asked', () => {
    showOrderPanel(context(), '1043587216', SUMMARY);
    showOrderPanel(context('fr'), '1043587216', {
      ...SUMMARY,
      stage: 'awaiting-seller',
      nextStep: {
        action: 'wait',
        message: 'next.await-seller-status',
        values: { status: '<img src=x onerror=alert(1)>' },
        dueNow: false,
      },
    });
    expect(document.querySelectorAll('caseclock-panel')).toHaveLength(1);
    const step = panel().querySelector('.step .value');
    expect(step?.textContent).toBe('Attendez le vendeur : « <img src=x onerror=alert(1)> »');
    expect(panel().querySelector('img')).toBeNull();
    removeOrderPanel(document);
    expect(document.querySelector('caseclock-panel')).toBeNull();
  });
});
