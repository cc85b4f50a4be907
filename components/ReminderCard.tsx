import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { comesBackAt, reminderText, shownReminder } from '@/lib/background/reminders';
import type { CaseClockDatabase } from '@/lib/db/database';
import type { OrderPlan } from '@/lib/db/plans';
import { useI18n } from './I18n';
import { useWrite, WriteProblem } from './Write';

/**
 * The reminder the buyer clicked, atop its case: what it said, worded from the order's plan
 * (the address only names it), and "Remind me tomorrow", which Firefox's notifications cannot
 * offer. Shows nothing for a reminder that is not, or not yet, one of the order's shown ones.
 */
export function ReminderCard({
  db,
  reminderKey,
  planned,
  leadHours,
  now,
}: {
  db: CaseClockDatabase;
  reminderKey: string;
  planned: OrderPlan;
  leadHours: number;
  now: Date;
}) {
  const { t, locale, countdown } = useI18n();
  const { problem, write } = useWrite();
  // Dismissed until it rings again: a new showing brings the card back.
  const [dismissedShowing, setDismissedShowing] = useState<string>();
  const record = useLiveQuery(() => db.reminders.get(reminderKey), [db, reminderKey]);
  const reminder = shownReminder(planned, leadHours, reminderKey, record);
  if (!reminder || !record || record.notifiedAt === dismissedShowing) return null;
  const { message } = reminderText(reminder, planned, now.toISOString(), locale, t);
  const back = comesBackAt(record);
  const snooze = () => {
    void write({ type: 'reminder-snooze', orderId: planned.order.id, key: reminderKey });
  };
  const dismiss = () => {
    setDismissedShowing(record.notifiedAt);
  };
  return (
    <section className="card reminder-card" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">{t('reminder.card')}</h2>
      <p>{message}</p>
      {back && (
        <p className="notice ok" role="status">
          {t('reminder.snoozed', { when: countdown(back, now) })}
        </p>
      )}
      <WriteProblem problem={problem} />
      <div className="button-row">
        {!back && (
          <button type="button" className="primary" onClick={snooze}>
            {t('reminder.snooze')}
          </button>
        )}
        <button type="button" onClick={dismiss}>
          {t('reminder.dismiss')}
        </button>
      </div>
    </section>
  );
}
