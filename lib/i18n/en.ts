/** English UI text: the reference every other language must match key for key. */
export const en = {
  'app.name': 'CaseClock',
  'app.tagline': 'Dispute clocks for your marketplace orders',
  'orders.heading': 'Tracked orders',
  'orders.empty.title': 'No orders tracked yet',
  'orders.empty.body':
    'Open one of your orders on {sites} and CaseClock will start keeping its dispute clock. Everything stays on this computer.',
  'order.number': 'Order {number}',
  'order.total': 'Total',
  'order.status.unknown': 'Status not read yet',
  'order.lastSeen': 'Seen {date}',
  'status.awaiting-payment': 'Awaiting payment',
  'status.awaiting-shipment': 'Awaiting shipment',
  'status.shipped': 'Shipped',
  'status.delivered': 'Delivered',
  'status.completed': 'Completed',
  'status.cancelled': 'Cancelled',
  'status.in-dispute': 'In dispute',
  'status.refunded': 'Refunded',
  'status.in-warehouse': 'In the warehouse',
} as const;

export type MessageKey = keyof typeof en;
