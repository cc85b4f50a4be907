import type { GuardDecision } from '../guard';
import { formatWhen } from '../i18n/format';
import type { PageMessageKey, PageTranslate } from '../i18n/page';
import type { GuardActions } from './confirm-guard';
import { element, onBuyerEvent } from './element';

const HOST_TAG = 'caseclock-guard';
const WIDTH = 340;

const STYLE = `
:host { all: initial; }
.dialog {
  box-sizing: border-box; width: ${WIDTH}px; padding: 14px 16px; border-radius: 10px;
  background: #ffffff; color: #17202a; border: 1px solid #d7dee6;
  box-shadow: 0 8px 28px rgba(15, 30, 45, 0.22);
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
.brand { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 700;
  letter-spacing: .05em; text-transform: uppercase; color: #0f6e6e; margin-bottom: 4px; }
h2 { font-size: 15px; margin: 0 0 8px; }
ul { margin: 0 0 10px; padding-left: 18px; }
li { margin: 2px 0; }
.losses li { color: #8a2a1d; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 10px; }
button { font: inherit; border-radius: 6px; padding: 6px 12px; cursor: pointer;
  border: 1px solid #c5ced8; background: #ffffff; color: #17202a; }
button.keep { background: #0f6e6e; border-color: #0f6e6e; color: #ffffff; font-weight: 600; }
button.inspected { margin-right: auto; }
.problem { margin: 0 0 8px; padding: 6px 8px; border-radius: 6px; background: #fde7e9; color: #a4262c; }
button:focus-visible { outline: 3px solid #f29e38; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .dialog { background: #1e242b; color: #e7ecf1; border-color: #323b45; }
  .brand { color: #5cc8bf; }
  .losses li { color: #f08a8f; }
  .problem { background: #3d1c1f; color: #f08a8f; }
  button { background: #15191e; color: #e7ecf1; border-color: #3d4753; }
  button.keep { background: #5cc8bf; border-color: #5cc8bf; color: #0b1f1e; }
}
`;

export interface DialogContext {
  doc: Document;
  t: PageTranslate;
  locale: string;
  now: () => string;
}

/** The dialog shown in each document: only this module holds it, never the page. */
const shownDialogs = new WeakMap<Document, HTMLElement>();

/** Closes the guard dialog on the page, if one is shown. */
function closeGuardDialog(doc: Document): void {
  shownDialogs.get(doc)?.remove();
  shownDialogs.delete(doc);
}

/**
 * Shows, next to the confirm button and without covering the page, what confirming receipt
 * would cost. The dialog lives in a closed shadow root, safe from the page's styles and out of
 * its scripts' reach, and acts only on the buyer's own clicks and keys: a page's script cannot
 * record a step or confirm for the buyer.
 */
export function showGuardDialog(
  context: DialogContext,
  anchor: Element,
  decision: GuardDecision,
  actions: GuardActions,
  /** Why the buyer's last choice could not be carried out. */
  problem?: string,
): void {
  const { doc, t } = context;
  closeGuardDialog(doc);
  const host = element(doc, HOST_TAG as 'div');
  const rect = anchor.getBoundingClientRect();
  const view = doc.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  const viewportWidth = view?.innerWidth ?? WIDTH;
  const left = Math.max(8, Math.min(rect.left + scrollX, scrollX + viewportWidth - WIDTH - 8));
  host.style.cssText = `position:absolute;z-index:2147483647;left:${left}px;top:${rect.bottom + scrollY + 8}px;`;
  const root = host.attachShadow({ mode: 'closed' });
  root.append(element(doc, 'style', STYLE));

  const dialog = element(doc, 'div', undefined, 'dialog');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'caseclock-guard-title');
  dialog.setAttribute('aria-describedby', 'caseclock-guard-reasons');
  dialog.append(element(doc, 'div', 'CaseClock', 'brand'));
  const title = element(
    doc,
    'h2',
    t(decision.endsAllDisputes ? 'guard.title' : 'guard.title.weakens'),
  );
  title.id = 'caseclock-guard-title';
  dialog.append(title);

  const reasons = element(doc, 'ul');
  reasons.id = 'caseclock-guard-reasons';
  for (const reason of decision.reasons) {
    reasons.append(element(doc, 'li', t(`guard.reason.${reason}` as PageMessageKey)));
  }
  dialog.append(reasons);

  const losses = element(doc, 'ul', undefined, 'losses');
  if (decision.endsAllDisputes) losses.append(element(doc, 'li', t('guard.loss.all-disputes')));
  for (const loss of decision.losses) {
    const when = formatWhen(loss.dueAt, context.now(), context.locale);
    const deadline = t(`deadline.${loss.kind}` as PageMessageKey);
    losses.append(element(doc, 'li', t('guard.loss.deadline', { deadline, when })));
  }
  if (losses.childElementCount > 0) dialog.append(losses);
  if (problem) {
    const said = element(doc, 'p', problem, 'problem');
    said.setAttribute('role', 'alert');
    dialog.append(said);
  }

  const close = () => {
    closeGuardDialog(doc);
  };
  const button = (label: string, className: string, act: () => void) => {
    const created = element(doc, 'button', label, className);
    created.type = 'button';
    onBuyerEvent(created, 'click', () => {
      close();
      act();
    });
    return created;
  };
  const buttons = element(doc, 'div', undefined, 'actions');
  if (decision.reasons.includes('not-inspected')) {
    buttons.append(
      button(t('guard.inspected'), 'inspected', () => {
        void actions.inspected();
      }),
    );
  }
  const keep = button(t('guard.keep'), 'keep', () => undefined);
  buttons.append(button(t('guard.confirm'), 'confirm', actions.confirm), keep);
  dialog.append(buttons);
  onBuyerEvent(dialog, 'keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  root.append(dialog);
  doc.body.append(host);
  shownDialogs.set(doc, host);
  keep.focus();
}
