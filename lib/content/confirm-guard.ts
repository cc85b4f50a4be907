import type { GuardDecision } from '../guard';
import { textOf } from '../marketplaces/dom';

const CLICKABLE = 'a, button, [role="button"], input[type="button"], input[type="submit"]';

/** What the dialog's buttons do; it calls them only for the buyer's own (trusted) events. */
export interface GuardActions {
  /** Lets the buyer's original click go through. */
  confirm: () => void;
  /** Records that the items were inspected, then decides again. */
  inspected: () => Promise<void>;
}

/** How long a held click waits for the background's answer before the buyer decides. */
export const ANSWER_WAIT_MS = 500;

export interface ConfirmGuardDeps {
  doc: Document;
  /** The label of the marketplace's confirm-receipt button. */
  confirmLabel: RegExp;
  /** The order numbers the page showed at its last reading. */
  orderNumbers: () => readonly string[];
  /** The background's latest word on each order. */
  decision: (orderNumber: string) => GuardDecision | undefined;
  /** What to say about an order the background did not answer for in time. */
  unchecked: GuardDecision;
  /**
   * Reads the page now, so `orderNumbers` is up to date on return, and reports it to the
   * background; resolves once the background answered about what changed.
   */
  readPage: () => Promise<void>;
  /** Asks the background about orders already reported; `decision` follows its answer. */
  query: (orderNumbers: readonly string[]) => Promise<void>;
  /**
   * Records the inspection; the decision is updated through `decision` afterwards. Rejects,
   * with why in the buyer's words, when it could not be recorded.
   */
  markInspected: (orderNumber: string) => Promise<void>;
  /** `problem`: what went wrong with the buyer's last choice, said in the dialog. */
  showDialog: (
    button: Element,
    decision: GuardDecision,
    actions: GuardActions,
    problem?: string,
  ) => void;
  setTimer: (callback: () => void, ms: number) => unknown;
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
function combineDecisions(decisions: readonly GuardDecision[]): GuardDecision {
  return {
    guard: decisions.some((decision) => decision.guard),
    reasons: [...new Set(decisions.flatMap((decision) => decision.reasons))],
    endsAllDisputes: decisions.some((decision) => decision.endsAllDisputes),
    losses: decisions.flatMap((decision) => decision.losses),
  };
}

function hold(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/**
 * Holds a click on "confirm receipt" when confirming would forfeit a dispute, and lets it
 * through, untouched, otherwise or once the buyer chooses to confirm anyway. A click it cannot
 * decide yet (page not read, no answer from the background) is held while CaseClock reads the
 * page and asks; after at most `ANSWER_WAIT_MS` the buyer decides. It listens on the window,
 * in the capture phase, so it sees the click before any of the page's own listeners.
 */
export function installConfirmGuard(deps: ConfirmGuardDeps): () => void {
  const target = deps.doc.defaultView ?? deps.doc;
  const letThrough = new WeakSet<Element>();
  /** Buttons whose held click waits for an answer: more clicks on them are held too. */
  const waiting = new WeakSet<Element>();

  const known = (number: string) => deps.decision(number) !== undefined;
  const decide = (orders: readonly string[]) =>
    combineDecisions(orders.map((number) => deps.decision(number) ?? deps.unchecked));

  /** Sends the click on again, past the guard: the page acts on it as on the buyer's own. */
  function clickThrough(button: Element): void {
    letThrough.add(button);
    (button as HTMLElement).click();
  }

  function explain(button: Element, orders: readonly string[], decision: GuardDecision): void {
    const actions: GuardActions = {
      confirm: () => {
        clickThrough(button);
      },
      async inspected() {
        try {
          for (const number of orders) await deps.markInspected(number);
        } catch (error) {
          // Not recorded: the buyer is told why, and still decides.
          const problem = error instanceof Error ? error.message : String(error);
          deps.showDialog(button, decide(orders), actions, problem);
          return;
        }
        const updated = decide(orders);
        if (updated.guard) deps.showDialog(button, updated, actions);
        else clickThrough(button);
      },
    };
    deps.showDialog(button, decision, actions);
  }

  /** Decides at once if every order's answer is in: holds and explains, or leaves the click. */
  function decideKnown(event: Event, button: Element, orders: readonly string[]): boolean {
    if (!orders.every(known)) return false;
    const decision = decide(orders);
    if (decision.guard) {
      hold(event);
      explain(button, orders, decision);
    }
    return true;
  }

  async function decideOnAnswer(
    button: Element,
    orders: readonly string[],
    answered: Promise<void>,
  ): Promise<void> {
    const timeUp = new Promise<void>((resolve) => deps.setTimer(resolve, ANSWER_WAIT_MS));
    await Promise.race([answered.catch(() => undefined), timeUp]);
    waiting.delete(button);
    const decision = decide(orders);
    if (decision.guard) explain(button, orders, decision);
    else clickThrough(button);
  }

  function onClick(event: Event): void {
    const clicked = event.target;
    // A click lands on an element; anything else (a text node, the window) is not a button.
    const button = clicked && 'closest' in clicked ? (clicked as Element).closest(CLICKABLE) : null;
    if (
      !button ||
      !deps.confirmLabel.test(textOf(button) || (button.getAttribute('value') ?? ''))
    ) {
      return;
    }
    if (letThrough.delete(button)) return;
    if (waiting.has(button)) {
      hold(event);
      return;
    }
    const lastRead = ordersFor(button, deps.orderNumbers());
    if (lastRead.length > 0 && decideKnown(event, button, lastRead)) return;
    // Not decidable from what is known: read the page now, and ask the background.
    const reported = deps.readPage();
    const orders = ordersFor(button, deps.orderNumbers());
    // A page with no order CaseClock can read: the click is none of its business.
    if (orders.length === 0 || decideKnown(event, button, orders)) return;
    hold(event);
    waiting.add(button);
    const answered = reported.then(async () => {
      const unknown = orders.filter((number) => !known(number));
      if (unknown.length > 0) await deps.query(unknown);
    });
    void decideOnAnswer(button, orders, answered);
  }

  target.addEventListener('click', onClick, true);
  return () => {
    target.removeEventListener('click', onClick, true);
  };
}
