import type { StoredOrder } from '@/lib/db/schema';
import { adapterById } from '@/lib/marketplaces';
import { useI18n } from './I18n';

export function OrderList({ orders }: { orders: readonly StoredOrder[] }) {
  const { t, money, dateTime } = useI18n();
  return (
    <ul className="order-list" aria-label={t('orders.heading')}>
      {orders.map((order) => (
        <li key={order.id} className="order" data-order-id={order.id}>
          <div className="order-line">
            <span className={`marketplace marketplace-${order.marketplace}`}>
              {adapterById(order.marketplace)?.name ?? order.marketplace}
            </span>
            <span className="order-number">{t('order.number', { number: order.orderNumber })}</span>
          </div>
          <div className="order-line">
            <span className={`status status-${order.status ?? 'unknown'}`} title={order.statusText}>
              {order.status ? t(`status.${order.status}`) : t('order.status.unknown')}
            </span>
            {order.total && (
              <span className="total" aria-label={t('order.total')}>
                {money(order.total)}
              </span>
            )}
          </div>
          <div className="order-seen">
            {t('order.lastSeen', { date: dateTime(order.lastSeenAt) })}
          </div>
        </li>
      ))}
    </ul>
  );
}
