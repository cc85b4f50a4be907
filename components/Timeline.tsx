import { useState } from 'react';
import type { ReminderLogEntry, StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { ruleTiming, sourceLine } from '@/lib/i18n/phrases';
import type { Translate } from '@/lib/i18n';
import type { Deadline } from '@/lib/timeline/types';
import { useI18n } from './I18n';
import { TimeForm } from './TimeForm';

/** An event in a few words: "Status on the page: Shipped", "Resolved: partial refund". */
function eventText(event: StoredEvent, t: Translate): string {
  const details = event.details ?? {};
  switch (event.type) {
    case 'status-changed':
      return t('event.status-changed', {
        status: details.to ? t(`status.${details.to}`) : (details.statusText ?? '?'),
      });
    case 'tracking-uploaded':
      return t('event.tracking-uploaded', { number: details.trackingNumber ?? '?' });
    case 'dispute-updated':
      return t('event.dispute-updated', { status: details.disputeStatus ?? '?' });
    case 'resolved':
      return details.outcome
        ? t('event.resolvedWith', { outcome: t(`outcome.${details.outcome}`) })
        : t('event.resolved');
    default:
      return t(`event.${event.type}`);
  }
}

function EventEntry({
  event,
  onCorrect,
  onRemove,
}: {
  event: StoredEvent;
  onCorrect: (eventId: string, at: string) => void;
  onRemove: (eventId: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const byBuyer = event.source === 'buyer';
  return (
    <li className={`entry event source-${event.source}`}>
      <time dateTime={event.at}>{dateTime(event.at)}</time>
      <div className="entry-body">
        <p className="entry-title">{eventText(event, t)}</p>
        {event.details?.note && <p className="entry-note">{event.details.note}</p>}
        <p className="entry-meta">
          {byBuyer ? t('event.byYou') : t('event.fromPage')}
          {event.originalAt && <> · {t('event.corrected', { date: dateTime(event.originalAt) })}</>}
        </p>
        {editing ? (
          <TimeForm
            label={t('case.changeTime')}
            initial={event.at}
            onCancel={() => {
              setEditing(false);
            }}
            onSave={(at) => {
              onCorrect(event.id, at);
              setEditing(false);
            }}
          />
        ) : (
          <div className="entry-actions">
            <button
              type="button"
              className="link"
              onClick={() => {
                setEditing(true);
              }}
            >
              {t('case.changeTime')}
            </button>
            {byBuyer &&
              (removing ? (
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    onRemove(event.id);
                  }}
                >
                  {t('case.confirmRemove')}
                </button>
              ) : (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setRemoving(true);
                  }}
                >
                  {t('case.remove')}
                </button>
              ))}
          </div>
        )}
      </div>
    </li>
  );
}

function DeadlineEntry({ deadline, now }: { deadline: Deadline; now: Date }) {
  const { t, language, locale, dateTime, countdown } = useI18n();
  const { after, source, override } = deadline;
  const timing = after && ruleTiming(t, after, language, dateTime);
  return (
    <li
      className={`entry deadline edge-${deadline.edge}${deadline.passed ? ' passed' : ''}`}
      data-kind={deadline.kind}
    >
      <time dateTime={deadline.dueAt}>{dateTime(deadline.dueAt)}</time>
      <div className="entry-body">
        <p className="entry-title">
          {t(`deadline.${deadline.kind}`)}
          {!deadline.passed && (
            <span className="countdown"> · {countdown(deadline.dueAt, now)}</span>
          )}
        </p>
        {timing && <p className="entry-meta">{timing}</p>}
        {override && (
          <p className="entry-meta override">
            {t('case.override', { value: override.to, policy: override.from })}
          </p>
        )}
        <details className="source">
          <summary>{sourceLine(t, source, language, locale)}</summary>
          {source.quote && <blockquote>{source.quote}</blockquote>}
          {source.url && (
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              {source.url}
            </a>
          )}
        </details>
      </div>
    </li>
  );
}

/** A dated fact of the order or the case itself, such as when it was placed or a reminder went up. */
interface Milestone {
  id: string;
  at: string;
  title: string;
  meta: string;
}

const ORDER_DATES = [
  ['placedAt', 'timeline.placed'],
  ['paidAt', 'timeline.paid'],
  ['shippedAt', 'timeline.shipped'],
  ['receivedAt', 'timeline.received'],
] as const;

function milestonesOf(order: StoredOrder, openCase: StoredCase | undefined, t: Translate) {
  const milestones: Milestone[] = [];
  for (const [field, key] of ORDER_DATES) {
    const at = order[field];
    // Paying at once is one moment, not two.
    if (!at || (field === 'paidAt' && at === order.placedAt)) continue;
    const meta = order.edits?.[field] ? t('timeline.enteredByYou') : t('event.fromPage');
    milestones.push({ id: field, at, title: t(key), meta });
  }
  // Each item's own warehouse windows start here.
  order.items.forEach((item, at) => {
    if (!item.stockedInAt) return;
    milestones.push({
      id: `stocked-in-${String(at)}`,
      at: item.stockedInAt,
      title: t('timeline.stockedIn', { title: item.title }),
      meta: t('event.fromPage'),
    });
  });
  if (openCase) {
    milestones.push({
      id: 'case',
      at: openCase.openedAt,
      title: t('timeline.caseOpened', { reason: t(`reason.${openCase.reason}`) }),
      meta: t('event.byYou'),
    });
  }
  return milestones;
}

/** Each reminder shown: a snoozed one shown again is there twice, as the buyer saw it twice. */
function remindersSent(reminders: readonly ReminderLogEntry[], t: Translate): Milestone[] {
  return reminders.map((reminder) => ({
    id: reminder.id,
    at: reminder.shownAt,
    title: t('timeline.reminderSent', { deadline: t(`deadline.${reminder.kind}`) }),
    meta: t('timeline.byCaseClock'),
  }));
}

function MilestoneEntry({ milestone }: { milestone: Milestone }) {
  const { dateTime } = useI18n();
  return (
    <li className="entry milestone">
      <time dateTime={milestone.at}>{dateTime(milestone.at)}</time>
      <div className="entry-body">
        <p className="entry-title">{milestone.title}</p>
        <p className="entry-meta">{milestone.meta}</p>
      </div>
    </li>
  );
}

type Entry =
  | { kind: 'milestone'; at: string; milestone: Milestone }
  | { kind: 'event'; at: string; event: StoredEvent }
  | { kind: 'deadline'; at: string; deadline: Deadline };

/**
 * The case on one line of time: the order's own dates, what happened (read on pages or recorded
 * by the buyer), the reminders CaseClock showed, the present moment, and the deadlines ahead, each with the rule and source it
 * comes from.
 */
export function Timeline({
  order,
  openCase,
  events,
  reminders,
  deadlines,
  now,
  onCorrect,
  onRemove,
}: {
  /** With the buyer's own entries on top. */
  order: StoredOrder;
  openCase?: StoredCase | undefined;
  events: readonly StoredEvent[];
  /** The reminders shown about the order. */
  reminders: readonly ReminderLogEntry[];
  deadlines: readonly Deadline[];
  now: Date;
  onCorrect: (eventId: string, at: string) => void;
  onRemove: (eventId: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const entries: Entry[] = [
    ...[...milestonesOf(order, openCase, t), ...remindersSent(reminders, t)].map((milestone) => ({
      kind: 'milestone' as const,
      at: milestone.at,
      milestone,
    })),
    ...events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
    ...deadlines.map((deadline) => ({ kind: 'deadline' as const, at: deadline.dueAt, deadline })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const nowIso = now.toISOString();
  // `now` ticks every half minute: what was recorded since has happened all the same, so the
  // present moment is drawn after it.
  const aMinuteOn = new Date(now.getTime() + 60_000).toISOString();
  const present = entries.reduce(
    (latest, entry) =>
      entry.kind !== 'deadline' && entry.at <= aMinuteOn && entry.at > latest ? entry.at : latest,
    nowIso,
  );
  const past = entries.filter((entry) => entry.at <= present);
  const ahead = entries.filter((entry) => entry.at > present);
  const render = (entry: Entry) =>
    entry.kind === 'milestone' ? (
      <MilestoneEntry key={entry.milestone.id} milestone={entry.milestone} />
    ) : entry.kind === 'event' ? (
      <EventEntry
        key={entry.event.id}
        event={entry.event}
        onCorrect={onCorrect}
        onRemove={onRemove}
      />
    ) : (
      <DeadlineEntry
        key={`${entry.deadline.kind}-${entry.deadline.dueAt}`}
        deadline={entry.deadline}
        now={now}
      />
    );
  return (
    <ol className="timeline" aria-label={t('case.timeline')}>
      {past.map(render)}
      <li className="entry now" aria-current="time">
        <time dateTime={nowIso}>{dateTime(nowIso)}</time>
        <div className="entry-body">
          <p className="entry-title">{t('case.now')}</p>
        </div>
      </li>
      {ahead.map(render)}
    </ol>
  );
}
