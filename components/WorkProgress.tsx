import { useI18n } from './I18n';

/**
 * Long work (a backup, a restore): its bar, how far it is in bytes, and a cancel button while
 * the buyer may still stop it. Without a total, the bar shows work going on.
 */
export function WorkProgress({
  progress,
  label,
  status,
  cancel,
}: {
  progress: { done: number; total: number };
  /** Names the bar for screen readers. */
  label: string;
  /** Says how far it is, given the bytes done and all there are, as the buyer reads sizes. */
  status: (sizes: { done: string; total: string }) => string;
  /** The cancel button's words and what it does; none once the work can no longer stop. */
  cancel?: { label: string; onCancel: () => void };
}) {
  const { size } = useI18n();
  return (
    <div className="backup-progress">
      <progress
        aria-label={label}
        {...(progress.total > 0 ? { max: progress.total, value: progress.done } : {})}
      />
      <span role="status">
        {status({ done: size(progress.done), total: size(progress.total) })}
      </span>
      {cancel && (
        <button type="button" onClick={cancel.onCancel}>
          {cancel.label}
        </button>
      )}
    </div>
  );
}
