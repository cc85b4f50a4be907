import { formatCountdown } from '../i18n/format';
import type { PageTranslate } from '../i18n/page';
import type { PanelView } from '../messaging/protocol';
import { element, onBuyerEvent } from './element';

const HOST_TAG = 'caseclock-panel';

const STYLE = `
:host { all: initial; display: block; }
.panel {
  box-sizing: border-box; margin: 8px auto; max-width: 1200px; padding: 10px 14px;
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px;
  border: 1px solid #9fd3ce; border-left: 4px solid #0f6e6e; border-radius: 8px;
  background: #f2fbfa; color: #17202a;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
.panel.due { border-color: #e7b96a; border-left-color: #b45309; background: #fff8eb; }
.brand { font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase;
  color: #0f6e6e; }
.fact { display: flex; flex-direction: column; min-width: 0; }
.label { font-size: 11px; color: #5b6876; }
.value { font-weight: 600; }
.due .step .value { color: #8a4100; }
.actions { margin-left: auto; display: flex; gap: 8px; }
button { font: inherit; border-radius: 6px; padding: 4px 10px; cursor: pointer;
  border: 1px solid #c5ced8; background: #ffffff; color: #17202a; }
button.open { background: #0f6e6e; border-color: #0f6e6e; color: #ffffff; font-weight: 600; }
button:focus-visible { outline: 3px solid #f29e38; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #15292a; color: #e7ecf1; border-color: #2b5452; border-left-color: #5cc8bf; }
  .panel.due { background: #2d2412; border-color: #6b5121; border-left-color: #f0b95a; }
  .brand { color: #5cc8bf; }
  .label { color: #9aa7b4; }
  .due .step .value { color: #f0b95a; }
  button { background: #15191e; color: #e7ecf1; border-color: #3d4753; }
  button.open { background: #5cc8bf; border-color: #5cc8bf; color: #0b1f1e; }
}
`;

export interface PanelContext {
  doc: Document;
  t: PageTranslate;
  locale: string;
  timeZone: string;
  now: () => string;
  openCase: (orderNumber: string) => void;
  /** The buyer hid the panel for this order. */
  onDismiss: (orderId: string) => void;
}

function fact(doc: Document, label: string, value: string, className: string): HTMLElement {
  const box = element(doc, 'div', undefined, `fact ${className}`);
  box.append(element(doc, 'span', label, 'label'), element(doc, 'span', value, 'value'));
  return box;
}

/** The panel drawn in each document: only this module holds its closed root, never the page. */
const panels = new WeakMap<Document, { host: HTMLElement; root: ShadowRoot; shown?: string }>();

export function removeOrderPanel(doc: Document): void {
  panels.get(doc)?.host.remove();
  panels.delete(doc);
}

/**
 * A small strip at the top of an order page: the order's stage, its next deadline and next
 * step, and a way to its case. It sits in the page's flow, so it pushes content down rather
 * than covering any control; its closed shadow root keeps the page's styles and scripts out,
 * and its buttons answer only the buyer's own clicks.
 */
export function showOrderPanel(context: PanelContext, orderNumber: string, view: PanelView): void {
  const { doc, t } = context;
  const body = doc.body as HTMLElement | null;
  if (!body) return;
  let drawn = panels.get(doc);
  if (!drawn) {
    const host = element(doc, HOST_TAG as 'div');
    drawn = { host, root: host.attachShadow({ mode: 'closed' }) };
    panels.set(doc, drawn);
  }
  // Back at the top if the page removed it.
  if (!drawn.host.isConnected) body.prepend(drawn.host);
  const next = view.nextDeadline;
  const phrase = next
    ? t('countdown.phrase', {
        what: next.what,
        when: formatCountdown(next.dueAt, context.now(), context.locale, t, context.timeZone),
      })
    : undefined;
  // The same words again leave the panel as it is, so a button the buyer is on stays theirs.
  const shown = JSON.stringify([orderNumber, view.stage, view.step, view.dueNow, phrase]);
  if (drawn.shown === shown) return;
  drawn.shown = shown;
  const panel = element(doc, 'section', undefined, view.dueNow ? 'panel due' : 'panel');
  panel.setAttribute('aria-label', t('panel.label'));
  panel.append(
    element(doc, 'span', 'CaseClock', 'brand'),
    fact(doc, t('case.stage'), view.stage, 'stage'),
  );
  if (phrase !== undefined) {
    panel.append(fact(doc, t('panel.deadline'), phrase, 'deadline'));
  }
  panel.append(fact(doc, t('panel.next'), view.step, 'step'));
  const actions = element(doc, 'div', undefined, 'actions');
  const open = element(doc, 'button', t('panel.open'), 'open');
  open.type = 'button';
  onBuyerEvent(open, 'click', () => {
    context.openCase(orderNumber);
  });
  const dismiss = element(doc, 'button', t('panel.dismiss'), 'dismiss');
  dismiss.type = 'button';
  onBuyerEvent(dismiss, 'click', () => {
    context.onDismiss(view.orderId);
    removeOrderPanel(doc);
  });
  actions.append(open, dismiss);
  panel.append(actions);
  drawn.root.replaceChildren(element(doc, 'style', STYLE), panel);
}
