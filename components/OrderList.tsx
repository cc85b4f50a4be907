import { deadlinePhrase, marketplaceName, stepText } from '@/lib/i18n/phrases';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import type { TrackedOrder } from '@/lib/tracked-orders';

/** One tracked order: where it stands, and the clock that matters most for it now. */
function OrderRow({ tracked, now }: { tracked: TrackedOrder; now: Date }) {
  const { t, money, countdown } = useI18n();
  const { openCase } = useActions();
  const { order, plan, urgency } = tracked;
  const next = urgency.nextDeadline;
  return (
    <li className="order" data-order-id={order.id}>
      <button
        type="button"
        className={urgency.actionNow ? 'order-row action-now' : 'order-row'}
        onClick={() => {
          openCase(order.id);
        }}
      >
        <span className="order-line">
          <span className={`marketplace marketplace-${order.marketplace}`}>
            {marketplaceName(order.marketplace)}
          </span>
          <span className="order-number">{t('order.number', { number: order.orderNumber })}</span>
          {order.total && (
            <span className="total" aria-label={t('order.total')}>
              {money(order.total)}
            </span>
          )}
        </span>
        <span className="order-line secondary">
          <span className={`stage stage-${plan.stage}`}>{t(`stage.${plan.stage}`)}</span>
          {tracked.shownCase && (
            <span className="case-reason">{t(`reason.${tracked.shownCase.reason}`)}</span>
          )}
          {order.seller && <span className="seller">{order.seller.name}</span>}
        </span>
        {urgency.actionNow ? (
          <span className="clock due">
            <strong>{t('popup.actionDue')}</strong> {stepText(t, plan.nextStep, order.marketplace)}
          </span>
        ) : next ? (
          <span className={next.edge === 'closes' ? 'clock closes' : 'clock'}>
            {deadlinePhrase(t, next.kind, countdown(next.dueAt, now))}
          </span>
        ) : (
          <span className="clock quiet">{stepText(t, plan.nextStep, order.marketplace)}</span>
        )}
      </button>
    </li>
  );
}

export function OrderList({ orders, now }: { orders: readonly TrackedOrder[]; now: Date }) {
  const { t } = useI18n();
  return (
    <ul className="order-list" aria-label={t('orders.heading')}>
      {orders.map((tracked) => (
        <OrderRow key={tracked.order.id} tracked={tracked} now={now} />
      ))}
    </ul>
  );
}
