import type { OrderStatus } from '../marketplaces/types';
import type { EventType, OrderFacts, TimelineEvent } from './types';

/** What happened to an order, each at its time, from the page and the buyer's own records. */
export interface Facts {
  status?: OrderStatus;
  paidAt?: string;
  /** When the seller uploaded a tracking number (or, lacking that, shipped). */
  trackingUploadedAt?: string;
  shippedAt?: string;
  trackingNumber?: string;
  carrier?: string;
  stockedInAt?: string;
  deliveredAt?: string;
  confirmedAt?: string;
  inspectedAt?: string;
  contactedSellerAt?: string;
  refundRequestedAt?: string;
  disputeOpenedAt?: string;
  sellerRepliedAt?: string;
  escalatedAt?: string;
  platformContactedAt?: string;
  resolvedAt?: string;
  paypalDisputeOpenedAt?: string;
  /** What the marketplace's own pages last said about a dispute on this order. */
  disputeOnPage?: { status: string; canEscalate: boolean; at: string };
  cancelledByBuyer: boolean;
  /** Cancelled or refunded: the order is over, and no window is left to watch. */
  closed: boolean;
}

/** The facts of an order from its usable steps, which come oldest first (see usableEvents). */
export function factsOf(order: OrderFacts, sorted: readonly TimelineEvent[]): Facts {
  // Stryker disable next-line ConditionalExpression: steps looked up by kind alone never carry a status
  const first = (type: EventType, to?: OrderStatus) =>
    sorted.find((event) => event.type === type && (to === undefined || event.details?.to === to));
  const last = (type: EventType) => sorted.findLast((event) => event.type === type);

  const tracking = last('tracking-uploaded');
  const cancellation = last('order-cancelled');
  const completedOnPage = first('status-changed', 'completed')?.at;
  // A case reopened after (or at the moment of) its last resolution is not resolved.
  const lastResolved = last('resolved');
  const reopened = last('case-reopened');
  const resolved =
    lastResolved && !(reopened && Date.parse(reopened.at) >= Date.parse(lastResolved.at))
      ? lastResolved
      : undefined;
  const disputeUpdate = last('dispute-updated');
  const trackingUploadedAt = first('tracking-uploaded')?.at ?? order.shippedAt;
  // Optional fields come last: V8 builds a literal that opens with a spread on a slow path,
  // and this runs for every order each time the list is planned.
  return {
    paidAt: order.paidAt ?? order.placedAt,
    trackingUploadedAt,
    shippedAt: order.shippedAt ?? first('status-changed', 'shipped')?.at ?? trackingUploadedAt,
    trackingNumber: tracking?.details?.trackingNumber ?? order.trackingNumber,
    carrier: tracking?.details?.carrier ?? order.carrier,
    stockedInAt: first('status-changed', 'in-warehouse')?.at,
    // What the buyer says wins over what a page suggested.
    deliveredAt: last('received')?.at ?? first('delivered')?.at ?? order.receivedAt,
    confirmedAt:
      last('receipt-confirmed')?.at ??
      completedOnPage ??
      (order.status === 'completed' ? order.receivedAt : undefined),
    inspectedAt: last('items-inspected')?.at,
    contactedSellerAt: last('contacted-seller')?.at,
    refundRequestedAt: last('refund-requested')?.at,
    disputeOpenedAt: last('dispute-opened')?.at,
    sellerRepliedAt: last('seller-replied')?.at,
    escalatedAt: last('escalated')?.at,
    platformContactedAt: last('platform-contacted')?.at,
    resolvedAt: resolved?.at,
    paypalDisputeOpenedAt: last('paypal-dispute-opened')?.at,
    cancelledByBuyer:
      (cancellation?.details?.cancelledBy ?? 'buyer') === 'buyer' && cancellation !== undefined,
    closed:
      order.status === 'cancelled' || order.status === 'refunded' || cancellation !== undefined,
    ...(order.status ? { status: order.status } : {}),
    ...(disputeUpdate?.details?.disputeStatus
      ? {
          disputeOnPage: {
            status: disputeUpdate.details.disputeStatus,
            at: disputeUpdate.at,
            // Escalation is offered only when the page says so.
            canEscalate: disputeUpdate.details.canEscalate === true,
          },
        }
      : {}),
  };
}
