import { expect } from 'vitest';

/** The DHgate order whose seller's window the reminder journeys let run out. */
export const ORDER_URL =
  'https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=ff80808193a1c4e50193b27c4f6d2a11&rft=4';
export const ORDER_ID = 'dhgate:1043587216';
/** The start of the ids of the reminders that escalation opens on that order. */
const ESCALATION = `${ORDER_ID}|seller-response-due|opens|`;
const DAY = 86_400_000;

/** A message to the background from one of CaseClock's pages, in either browser. */
export type Send = (message: unknown) => Promise<{ ok: boolean }>;

/**
 * Opens a case on the DHgate order, once its page's content script has stored it, and records
 * a refund request made five days ago less `secondsLeft`: the seller's window then ends that
 * many seconds from now.
 */
export async function refundRequestedEndingIn(send: Send, secondsLeft: number): Promise<void> {
  await expect
    .poll(
      async () => (await send({ type: 'case-start', orderId: ORDER_ID, reason: 'damaged' })).ok,
      { timeout: 10_000 },
    )
    .toBe(true);
  const requestedAt = new Date(Date.now() - 5 * DAY + secondsLeft * 1000).toISOString();
  expect(
    await send({
      type: 'event-record',
      orderId: ORDER_ID,
      event: 'refund-requested',
      at: requestedAt,
    }),
  ).toMatchObject({ ok: true });
}

/** The escalation reminders among the notifications shown. */
export function escalationsAmong(notificationIds: readonly string[]): string[] {
  return notificationIds.filter((id) => id.startsWith(ESCALATION));
}
