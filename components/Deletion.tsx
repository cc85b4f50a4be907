import { useEffect, useId, useRef, useState } from 'react';
import { deletionSummary, UNDO_WINDOW_MS, type DeletionSummary } from '@/lib/db/deletion';
import { EVIDENCE_KINDS, type StoredCase } from '@/lib/db/schema';
import { joinList } from '@/lib/i18n';
import { countText, marketplaceName } from '@/lib/i18n/phrases';
import type { MarketplaceId } from '@/lib/marketplaces/types';
import { useI18n, type I18n } from './I18n';
import { useNow } from './useNow';
import { useWrite, WriteProblem } from './Write';

/** What the buyer is about to delete: the whole order, or one of its cases. */
export type DeletionChoice =
  | { kind: 'order'; orderId: string; orderNumber: string; marketplace: MarketplaceId }
  | { kind: 'case'; found: StoredCase };

/** The lines of "This deletes from this computer:", from what the order holds. */
function lossLines(
  { t, language, size }: I18n,
  choice: DeletionChoice,
  summary: DeletionSummary,
): string[] {
  const count = (thing: Parameters<typeof countText>[2], value: number) =>
    countText(t, language, thing, value);
  const steps = count('step', summary.buyerSteps);
  const lines: string[] = [];
  if (choice.kind === 'order') {
    lines.push(
      summary.pageEntries > 0
        ? t('delete.lose.orderWithEntries', {
            entries: count('entry', summary.pageEntries),
            marketplace: marketplaceName(choice.marketplace),
          })
        : t('delete.lose.order'),
    );
    if (summary.cases > 0) {
      const cases = count('case', summary.cases);
      lines.push(
        summary.buyerSteps > 0
          ? t('delete.lose.casesWithSteps', { cases, steps })
          : t('delete.lose.cases', { cases }),
      );
    }
  } else {
    lines.push(
      summary.buyerSteps > 0 ? t('delete.lose.caseWithSteps', { steps }) : t('delete.lose.case'),
    );
  }
  if (summary.evidence > 0) {
    const kinds = joinList(
      EVIDENCE_KINDS.flatMap((kind) => {
        const number = summary.evidenceByKind[kind] ?? 0;
        return number > 0 ? [count(`kind.${kind}`, number)] : [];
      }),
      language,
    );
    const evidence = count('evidence', summary.evidence);
    lines.push(
      summary.bytes > 0
        ? t('delete.lose.evidenceWithSize', { evidence, kinds, size: size(summary.bytes) })
        : t('delete.lose.evidence', { evidence, kinds }),
    );
  }
  return lines;
}

/**
 * Asks before deleting, saying exactly what will be lost; the safe choice has the focus, so
 * a stray Enter keeps everything.
 */
export function DeleteConfirm({
  choice,
  records,
  onDelete,
  onKeep,
}: {
  choice: DeletionChoice;
  records: Parameters<typeof deletionSummary>[1];
  onDelete: () => void;
  onKeep: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  const summary = deletionSummary(
    choice.kind === 'order'
      ? { kind: 'order', id: choice.orderId }
      : { kind: 'case', id: choice.found.id },
    records,
  );
  return (
    <section
      className="card confirm-delete"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onKeep();
      }}
    >
      <h2 id={`${id}-title`}>
        {choice.kind === 'order'
          ? t('delete.order.title', { number: choice.orderNumber })
          : t('delete.case.title', { reason: t(`reason.${choice.found.reason}`) })}
      </h2>
      <div id={`${id}-body`}>
        <p>{t('delete.lose')}</p>
        <ul>
          {lossLines(i18n, choice, summary).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="quiet">
          {choice.kind === 'order'
            ? t('delete.order.keeps', { marketplace: marketplaceName(choice.marketplace) })
            : t('delete.case.keeps')}
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="danger" onClick={onDelete}>
          {t('delete.confirm')}
        </button>
        <button type="button" ref={keep} onClick={onKeep}>
          {t('delete.keep')}
        </button>
      </div>
    </section>
  );
}

interface PendingUndo {
  undoId: string;
  /** "Order 1043587216 deleted." */
  done: string;
  until: number;
}

/**
 * Deletions with their "Undo": `remove` sends the deletion, and `UndoBar` offers to take it
 * back for as long as the background keeps it in its trash.
 */
export function useDeletion() {
  const { problem, request, write } = useWrite();
  const { t } = useI18n();
  const [pending, setPending] = useState<PendingUndo>();
  const [restored, setRestored] = useState(false);

  const remove = async (choice: DeletionChoice): Promise<boolean> => {
    const message =
      choice.kind === 'order'
        ? ({ type: 'order-delete', orderId: choice.orderId } as const)
        : ({ type: 'case-delete', caseId: choice.found.id } as const);
    const done =
      choice.kind === 'order'
        ? t('delete.done.order', { number: choice.orderNumber })
        : t('delete.done.case', { reason: t(`reason.${choice.found.reason}`) });
    const reply = await request(message);
    if (!reply) return false;
    setRestored(false);
    setPending({ undoId: reply.undoId, done, until: Date.now() + UNDO_WINDOW_MS });
    return true;
  };

  const undo = async () => {
    if (!pending) return;
    if (await write({ type: 'deletion-undo', undoId: pending.undoId })) {
      setPending(undefined);
      setRestored(true);
    }
  };
  return { pending, restored, problem, remove, undo };
}

/** "Order 1043587216 deleted. [Undo (7 s)]", for ten seconds. */
export function UndoBar({ deletion }: { deletion: ReturnType<typeof useDeletion> }) {
  const { t } = useI18n();
  const now = useNow(1000).getTime();
  const { pending, restored, problem } = deletion;
  if (restored) {
    return (
      <p className="notice ok" role="status">
        {t('delete.undone')}
      </p>
    );
  }
  if (!pending) return <WriteProblem problem={problem} />;
  const seconds = Math.ceil((pending.until - now) / 1000);
  return (
    <div className="notice undo-bar" role="status">
      <span>{pending.done}</span>
      {seconds > 0 && (
        <button type="button" onClick={() => void deletion.undo()}>
          {t('delete.undo', { seconds })}
        </button>
      )}
      <WriteProblem problem={problem} />
    </div>
  );
}
