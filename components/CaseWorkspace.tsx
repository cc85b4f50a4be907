import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import { planOrder } from '@/lib/db/plans';
import {
  effectiveOrder,
  orderPageUrl,
  type StoredCase,
  type StoredEvent,
  type StoredOrder,
} from '@/lib/db/schema';
import { readSettings } from '@/lib/db/settings';
import { checklistFor, checklistProgress } from '@/lib/evidence/checklist';
import { deadlinesCalendar } from '@/lib/export/calendar';
import { compensationText, marketplaceName, sourceLine } from '@/lib/i18n/phrases';
import type { CaseReason } from '@/lib/timeline/types';
import { useActions } from './Actions';
import { BackupReminder } from './Backup';
import { CalendarDownload } from './CalendarDownload';
import { Checklist } from './Checklist';
import { DeleteConfirm, UndoBar, useDeletion, type DeletionChoice } from './Deletion';
import { EvidenceCollector } from './EvidenceCollector';
import { EvidenceList } from './EvidenceList';
import { useI18n } from './I18n';
import { NextStepCard, type RecordChoice } from './NextStepCard';
import { OrderForm } from './OrderForm';
import { PackAndMessage } from './PackAndMessage';
import { ReasonPicker } from './ReasonPicker';
import { ReminderCard } from './ReminderCard';
import { Timeline } from './Timeline';
import { useNow } from './useNow';
import { useWrite, WriteProblem } from './Write';

function OrderHeader({
  order,
  onEdit,
  onArchive,
  onDelete,
}: {
  order: StoredOrder;
  onEdit: () => void;
  onArchive: () => void;
  onDelete: () => void;
}) {
  const { t, money, date } = useI18n();
  const { openPage } = useActions();
  const page = orderPageUrl(order);
  return (
    <header className="case-header">
      <div className="case-title">
        <span className={`marketplace marketplace-${order.marketplace}`}>
          {marketplaceName(order.marketplace)}
        </span>
        <h1>{t('order.number', { number: order.orderNumber })}</h1>
        {order.archived && <span className="badge">{t('popup.filter.archived')}</span>}
      </div>
      <dl className="facts">
        {order.seller && (
          <div>
            <dt>{t('case.seller')}</dt>
            <dd>{order.seller.name}</dd>
          </div>
        )}
        {order.total && (
          <div>
            <dt>{t('case.total')}</dt>
            <dd>{money(order.total)}</dd>
          </div>
        )}
        {order.placedAt && (
          <div>
            <dt>{t('case.placed')}</dt>
            <dd>{date(order.placedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('case.status')}</dt>
          <dd>{order.status ? t(`status.${order.status}`) : t('order.status.unknown')}</dd>
        </div>
        {order.trackingNumber && (
          <div>
            <dt>{t('form.trackingNumber')}</dt>
            <dd>
              {order.trackingNumber}
              {order.carrier && ` · ${order.carrier}`}
            </dd>
          </div>
        )}
      </dl>
      <div className="button-row">
        {page && (
          <button
            type="button"
            onClick={() => {
              openPage(page);
            }}
          >
            {t('case.openPage')}
          </button>
        )}
        <button type="button" onClick={onEdit}>
          {t('case.edit')}
        </button>
        <button type="button" onClick={onArchive}>
          {order.archived ? t('case.unarchive') : t('case.archive')}
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          {t('delete.order.button')}
        </button>
      </div>
    </header>
  );
}

/** How a closed case ended: "Resolved on 12 Nov 2026: partial refund." */
function ClosedCaseLine({ found, events }: { found: StoredCase; events: readonly StoredEvent[] }) {
  const { t, date } = useI18n();
  if (found.status !== 'closed' || !found.closedAt) return null;
  const outcome = events.findLast((event) => event.caseId === found.id && event.type === 'resolved')
    ?.details?.outcome;
  return (
    <p className="closed-case">
      {outcome
        ? t('case.closedWith', { date: date(found.closedAt), outcome: t(`outcome.${outcome}`) })
        : t('case.closedOn', { date: date(found.closedAt) })}
    </p>
  );
}

/**
 * Everything about one order's dispute, in one place, from first doubt to evidence pack; atop
 * it, the reminder that opened it, if one did.
 */
export function CaseWorkspace({
  db,
  orderId,
  reminderKey,
}: {
  db: CaseClockDatabase;
  orderId: string;
  reminderKey?: string | undefined;
}) {
  const { t, language, locale, money, timeZone } = useI18n();
  const { problem, write } = useWrite();
  const { openSettings } = useActions();
  const deletion = useDeletion();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<DeletionChoice>();
  const data = useLiveQuery(async () => {
    const stored = await db.orders.get(orderId);
    if (!stored) return null;
    const [cases, events, evidence, reminders, settings] = await Promise.all([
      db.cases.where('orderId').equals(orderId).toArray(),
      db.events.where('orderId').equals(orderId).toArray(),
      db.evidence.where('orderId').equals(orderId).toArray(),
      db.reminderLog.where('orderId').equals(orderId).toArray(),
      readSettings(db),
    ]);
    return { stored, cases, events, evidence, reminders, settings };
  }, [db, orderId]);

  const orderNumber = data ? data.stored.orderNumber : undefined;
  useEffect(() => {
    if (orderNumber) document.title = `${orderNumber} · CaseClock`;
  }, [orderNumber]);

  if (data === undefined) return null;
  if (data === null) {
    return (
      <main className="workspace">
        <UndoBar deletion={deletion} />
        <p className="card">{deletion.pending ? t('case.deleted') : t('case.notFound')}</p>
      </main>
    );
  }
  const planned = planOrder(data.stored, data.cases, data.events, data.settings, {
    now: now.toISOString(),
    timeZone,
  });
  const order = effectiveOrder(data.stored);
  const { plan, openCase, shownCase } = planned;
  const caseEvidence = shownCase
    ? data.evidence.filter((record) => record.caseId === shownCase.id)
    : [];
  const subjects = shownCase ? checklistFor(order.marketplace, shownCase.reason) : [];
  const progress = checklistProgress(subjects, caseEvidence);

  const record = (choice: RecordChoice, at: string) => {
    void write({
      type: 'event-record',
      orderId: order.id,
      event: choice.event,
      at,
      ...(choice.details ? { details: choice.details } : {}),
    });
  };
  const start = (reason: CaseReason) => {
    void write({ type: 'case-start', orderId: order.id, reason });
  };
  // Planned again at the click: the page's plan may be a minute old.
  const calendarAt = (at: string) =>
    deadlinesCalendar(
      [planOrder(data.stored, data.cases, data.events, data.settings, { now: at, timeZone })],
      { t, language, timeZone, now: at, leadHours: data.settings.reminderLeadHours },
    );
  const confirmDeletion = (choice: DeletionChoice) => {
    setConfirming(undefined);
    void deletion.remove(choice);
  };

  return (
    <main className="workspace">
      {reminderKey && (
        <ReminderCard
          key={reminderKey}
          db={db}
          reminderKey={reminderKey}
          planned={planned}
          leadHours={data.settings.reminderLeadHours}
          now={now}
        />
      )}
      <OrderHeader
        order={order}
        onEdit={() => {
          setEditing(!editing);
        }}
        onArchive={() => {
          void write({ type: 'order-archive', orderId: order.id, archived: !order.archived });
        }}
        onDelete={() => {
          setConfirming({
            kind: 'order',
            orderId: order.id,
            orderNumber: order.orderNumber,
            marketplace: order.marketplace,
          });
        }}
      />
      {confirming && (
        <DeleteConfirm
          choice={confirming}
          records={data}
          onDelete={() => {
            confirmDeletion(confirming);
          }}
          onKeep={() => {
            setConfirming(undefined);
          }}
        />
      )}
      <UndoBar deletion={deletion} />
      {editing && (
        <OrderForm
          order={order}
          onSaved={() => {
            setEditing(false);
          }}
          onCancel={() => {
            setEditing(false);
          }}
        />
      )}
      <WriteProblem problem={problem} />
      <BackupReminder
        db={db}
        settings={data.settings}
        onBackUp={() => {
          openSettings('backup');
        }}
      />
      <div className="columns">
        <div className="column">
          <section className="card stage-card">
            <p className="stage-line">
              <span className="quiet">{t('case.stage')}</span>{' '}
              <span className={`stage stage-${plan.stage}`}>{t(`stage.${plan.stage}`)}</span>
              {shownCase && <span className="case-reason">{t(`reason.${shownCase.reason}`)}</span>}
            </p>
            {shownCase && <ClosedCaseLine found={shownCase} events={planned.events} />}
            {shownCase && (
              <div className="button-row">
                {shownCase.status === 'closed' && (
                  <button
                    type="button"
                    onClick={() => {
                      void write({
                        type: 'event-record',
                        orderId: order.id,
                        event: 'case-reopened',
                        at: new Date().toISOString(),
                      });
                    }}
                  >
                    {t('case.reopen')}
                  </button>
                )}
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    setConfirming({ kind: 'case', found: shownCase });
                  }}
                >
                  {t('delete.case.button')}
                </button>
              </div>
            )}
            {!shownCase && (
              <>
                <h2>{t('case.start')}</h2>
                <p className="quiet">{t('case.startExplain')}</p>
                <ReasonPicker onStart={start} />
              </>
            )}
          </section>
          <NextStepCard
            marketplace={order.marketplace}
            plan={plan}
            hasCase={openCase !== undefined}
            paypal={data.settings.paypal[order.marketplace] === true}
            now={now}
            onRecord={record}
          />
          {plan.compensation.length > 0 && (
            <section className="card compensation">
              <h2>{t('case.compensation')}</h2>
              <ul>
                {plan.compensation.map((item) => (
                  <li key={item.kind}>
                    {compensationText(t, item, money)}{' '}
                    <span className="quiet">({sourceLine(t, item.source, language, locale)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('case.timeline')}</h2>
            <Timeline
              order={order}
              openCase={shownCase}
              events={planned.events}
              reminders={data.reminders}
              deadlines={plan.deadlines}
              now={now}
              onCorrect={(eventId, at) => {
                void write({ type: 'event-correct', eventId, at });
              }}
              onRemove={(eventId) => {
                void write({ type: 'event-remove', eventId });
              }}
            />
            <CalendarDownload
              label={t('calendar.addOrder')}
              calendarAt={calendarAt}
              fileName={(day) => `caseclock-${order.marketplace}-${order.orderNumber}-${day}.ics`}
              none={order.archived ? t('calendar.archived') : t('calendar.noneForOrder')}
            />
          </section>
        </div>
        {shownCase && (
          <div className="column">
            <section className="card evidence" aria-labelledby="evidence-heading">
              <h2 id="evidence-heading">{t('evidence.title')}</h2>
              <Checklist progress={progress} />
              <EvidenceCollector caseId={shownCase.id} checklist={progress} />
              <EvidenceList
                db={db}
                evidence={caseEvidence}
                subjects={subjects}
                onTag={(evidenceId, shows) => {
                  void write({ type: 'evidence-tag', evidenceId, shows });
                }}
                onRemove={(evidenceId) => {
                  void write({ type: 'evidence-remove', evidenceId });
                }}
              />
            </section>
            <PackAndMessage
              material={{
                order,
                openCase: shownCase,
                plan,
                events: planned.events,
                evidence: caseEvidence,
              }}
              now={now}
            />
          </div>
        )}
      </div>
    </main>
  );
}
