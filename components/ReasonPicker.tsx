import { useId, useState } from 'react';
import { CASE_REASONS, type CaseReason } from '@/lib/timeline/types';
import { useI18n } from './I18n';

/** Choose why a case is opened, then start it. */
export function ReasonPicker({
  onStart,
  busy = false,
  compact = false,
}: {
  onStart: (reason: CaseReason) => void;
  busy?: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState<CaseReason>('not-received');
  return (
    <form
      className={compact ? 'reason-picker compact' : 'reason-picker'}
      onSubmit={(event) => {
        event.preventDefault();
        onStart(reason);
      }}
    >
      <label htmlFor={id}>{t('case.reason')}</label>
      <select
        id={id}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value as CaseReason);
        }}
      >
        {CASE_REASONS.map((choice) => (
          <option key={choice} value={choice}>
            {t(`reason.${choice}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy}>
        {t('case.startButton')}
      </button>
    </form>
  );
}
