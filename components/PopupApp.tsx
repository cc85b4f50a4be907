import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseClockDatabase } from '@/lib/db/database';
import { newestFirst } from '@/lib/db/orders';
import { EmptyState } from './EmptyState';
import { useI18n } from './I18n';
import { OrderList } from './OrderList';

export function PopupApp({ db }: { db: CaseClockDatabase }) {
  const { t } = useI18n();
  const orders = useLiveQuery(async () => newestFirst(await db.orders.toArray()), [db]);
  return (
    <main className="popup">
      <header className="popup-header">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </header>
      {orders === undefined ? null : orders.length === 0 ? (
        <EmptyState />
      ) : (
        <section>
          <h2 className="list-heading">
            {t('orders.heading')} <span className="count">{orders.length}</span>
          </h2>
          <OrderList orders={orders} />
        </section>
      )}
    </main>
  );
}
