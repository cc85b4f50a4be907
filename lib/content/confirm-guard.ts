import type { GuardDecision } from '../guard';
import { textOf } from '../marketplaces/dom';

const CLICKABLE = 'a, button, [role="button"], input[type="button"], input[type="submit"]';

export interface GuardActions {
  /** Lets the buyer's original click go through. */
  confirm: () => void;
  /** Records that the items were inspected, then decides again. */
  inspected: () => Promise<void>;
}

export interface ConfirmGuardDeps {
  doc: Document;
  /** The label of the marketplace's confirm-receipt button. */
  confirmLabel: RegExp;
  /** The order numbers the page showed at its last reading. */
  orderNumbers: () => readonly string[];
  /** The background's latest word on each order; unknown orders are not held. */
  decision: (orderNumber: string) => GuardDecision | undefined;
  /** Records the inspection; the decision is updated through `decision` afterwards. */
  markInspected: (orderNumber: string) => Promise<void>;
  showDialog: (button: Element, decision: GuardDecision, actions: GuardActions) => void;
}

/**
 * The orders a button acts on: those named by the nearest block around it that names any. A
 * card in a list names one; an Allchinabuy parcel may hold several orders.
 */
export function ordersFor(button: Element, orderNumbers: readonly string[]): string[] {
  if (orderNumbers.length === 1) return [...orderNumbers];
  for (let block = button.parentElement; block; block = block.parentElement) {
    const text = block.textContent;
    const named = orderNumbers.filter((number) => text.includes(number));
    if (named.length > 0) return named;
  }
  return [];
}

/** One decision for several orders: hold if any would lose something, and say all of it. */
function combineDecisions(decisions: readonly GuardDecision[]): GuardDecision | undefined {
  if (decisions.length === 0) return undefined;
  return {
    guard: decisions.some((decision) => decision.guard),
    reasons: [...new Set(decisions.flatMap((decision) => decision.reasons))],
    endsAllDisputes: decisions.some((decision) => decision.endsAllDisputes),
    losses: decisions.flatMap((decision) => decision.losses),
  };
}

/**
 * Holds a click on "confirm receipt" when confirming would forfeit a dispute, and lets it
 * through, untouched, otherwise or once the buyer chooses to confirm anyway.
 */
export function installConfirmGuard(deps: ConfirmGuardDeps): () => void {
  const letThrough = new WeakSet<Element>();

  function onClick(event: Event): void {
    const target = event.target;
    // A click lands on an element; anything else (a text node, the window) is not a button.
    const button = target && 'closest' in target ? (target as Element).closest(CLICKABLE) : null;
    if (
      !button ||
      !deps.confirmLabel.test(textOf(button) || (button.getAttribute('value') ?? ''))
    ) {
      return;
    }
    if (letThrough.has(button)) {
      letThrough.delete(button);
      return;
    }
    const orders = ordersFor(button, deps.orderNumbers());
    const decide = () => combineDecisions(orders.flatMap((number) => deps.decision(number) ?? []));
    const decision = decide();
    if (!decision?.guard) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const confirm = () => {
      letThrough.add(button);
      (button as HTMLElement).click();
    };
    deps.showDialog(button, decision, {
      confirm,
      async inspected() {
        for (const number of orders) await deps.markInspected(number);
        const updated = decide();
        if (!updated?.guard) confirm();
        else deps.showDialog(button, updated, { confirm, inspected: this.inspected });
      },
    });
  }

  deps.doc.addEventListener('click', onClick, true);
  return () => {
    deps.doc.removeEventListener('click', onClick, true);
  };
}
