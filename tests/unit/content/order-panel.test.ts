import { PARIS } from '../zones';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeOrderPanel, showOrderPanel, type PanelContext } from '@/lib/content/order-panel';
import { pageTranslator } from '@/lib/i18n/page';
import type { PanelView } from '@/lib/messaging/protocol';
import { buyerClick, watchShadowRoots } from './buyer-events';

/** As the background words it for an English-speaking buyer. */
const VIEW: PanelView = {
  orderId: 'dhgate:1043587216',
  stage: 'Escalation available',
  step: 'Escalate the case to DHgate',
  dueNow: true,
  nextDeadline: { what: 'dispute window closes', dueAt: '2027-01-28T09:12:00.000Z' },
};

let openCase: ReturnType<typeof vi.fn<(orderNumber: string) => void>>;
let onDismiss: ReturnType<typeof vi.fn<(orderId: string) => void>>;
let rootOf: ReturnType<typeof watchShadowRoots>;

function context(language: 'en' | 'fr' = 'en'): PanelContext {
  return {
    doc: document,
    t: pageTranslator(language),
    locale: language === 'en' ? 'en-GB' : 'fr-FR',
    timeZone: PARIS,
    now: () => '2026-11-20T09:00:00.000Z',
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
    showOrderPanel(context(), '1043587216', VIEW);
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

  it('keeps the buttons the buyer may be on when the same words come again, and redraws new ones', () => {
    showOrderPanel(context(), '1043587216', VIEW);
    const open = panelButton('open');
    open.focus();
    showOrderPanel(context(), '1043587216', { ...VIEW });
    expect(panelButton('open')).toBe(open);
    expect(rootOf(document.querySelector('caseclock-panel')).activeElement).toBe(open);
    showOrderPanel(context(), '1043587216', { ...VIEW, step: 'Send the seller your photos' });
    expect(panelButton('open')).not.toBe(open);
    expect(panel().querySelector('.step .value')?.textContent).toBe('Send the seller your photos');
  });

  it('opens the case, or hides for this order, when the buyer clicks', () => {
    showOrderPanel(context(), '1043587216', VIEW);
    buyerClick(panelButton('open'));
    expect(openCase).toHaveBeenCalledWith('1043587216');
    buyerClick(panelButton('dismiss'));
    expect(onDismiss).toHaveBeenCalledWith('dhgate:1043587216');
    expect(document.querySelector('caseclock-panel')).toBeNull();
  });

  it('ignores the clicks a page’s script sends', () => {
    showOrderPanel(context(), '1043587216', VIEW);
    for (let times = 0; times < 50; times += 1) {
      panelButton('open').click();
      panelButton('dismiss').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(openCase).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(document.querySelector('caseclock-panel')).not.toBeNull();
  });

  it('updates in place, shows page text as text only, and goes when asked', () => {
    showOrderPanel(context(), '1043587216', VIEW);
    showOrderPanel(context('fr'), '1043587216', {
      ...VIEW,
      stage: 'En attente du vendeur',
      step: 'Attendez le vendeur : « <img src=x onerror=alert(1)> »',
      dueNow: false,
    });
    expect(document.querySelectorAll('caseclock-panel')).toHaveLength(1);
    const step = panel().querySelector('.step .value');
    expect(step?.textContent).toBe('Attendez le vendeur : « <img src=x onerror=alert(1)> »');
    expect(panel().querySelector('img')).toBeNull();
    expect(panel().querySelector('.deadline .label')?.textContent).toBe('Prochaine échéance');
    expect(panel().className).toBe('panel');
    removeOrderPanel(document);
    expect(document.querySelector('caseclock-panel')).toBeNull();
  });
});
