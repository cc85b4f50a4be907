import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseClockDatabase } from '@/lib/db/database';
import { planOrder } from '@/lib/db/plans';
import { readSettings } from '@/lib/db/settings';
import type { MessageKey } from '@/lib/i18n';
import { adapterById } from '@/lib/marketplaces';
import { useI18n } from './I18n';
import { useNow } from './useNow';

export function CaseApp({
  db,
  orderId,
  timeZone,
}: {
  db: CaseClockDatabase;
  orderId: string;
  timeZone: string;
}) {
  const { t, money, dateTime } = useI18n();
  const now = useNow();
  const data = useLiveQuery(async () => {
    const order = await db.orders.get(orderId);
    if (!order) return null;
    const [cases, events, settings] = await Promise.all([
      db.cases.where('orderId').equals(orderId).toArray(),
      db.events.where('orderId').equals(orderId).toArray(),
      readSettings(db),
    ]);
    return { order, cases, events, settings };
  }, [db, orderId]);
  if (data === undefined) return null;
  if (data === null) return <main className="case">{t('case.notFound')}</main>;
  const planned = planOrder(data.order, data.cases, data.events, data.settings, {
    now: now.toISOString(),
    timeZone,
  });
  const { order, plan } = planned;
  return (
    <main className="case">
      <header className="case-header">
        <span className={`marketplace marketplace-${order.marketplace}`}>
          {adapterById(order.marketplace)?.name ?? order.marketplace}
        </span>
        <h1>{t('order.number', { number: order.orderNumber })}</h1>
        {order.total && <span className="total">{money(order.total)}</span>}
      </header>
      <section className="next-step" aria-label={t('case.nextStep')}>
        <h2>{t('case.nextStep')}</h2>
        <p className={plan.nextStep.dueNow ? 'due-now' : undefined}>{plan.nextStep.label}</p>
        {plan.nextStep.instructions.length > 0 && (
          <ol>
            {plan.nextStep.instructions.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label={t('case.deadlines')}>
        <h2>{t('case.deadlines')}</h2>
        <ul className="deadlines">
          {plan.deadlines.map((deadline) => (
            <li
              key={`${deadline.kind}${deadline.dueAt}`}
              className={deadline.passed ? 'passed' : undefined}
            >
              <strong>{t(`deadline.${deadline.kind}` as MessageKey)}</strong> ·{' '}
              {dateTime(deadline.dueAt)}
              {deadline.override && (
                <div className="override">
                  {t('case.override', {
                    value: deadline.override.to,
                    policy: deadline.override.from,
                  })}
                </div>
              )}
              <div className="source">{deadline.source.title}</div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('case.history')}>
        <h2>{t('case.history')}</h2>
        <ul className="history">
          {[...planned.events]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((event) => (
              <li key={event.id}>
                {dateTime(event.at)} · {event.type}
              </li>
            ))}
        </ul>
      </section>
    </main>
  );
}
