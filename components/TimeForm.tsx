import { useId, useState } from 'react';
import { fromLocalInput, toLocalInput } from './datetime';
import { useI18n } from './I18n';

/** Asks when something happened, now by default; the buyer can set any earlier time. */
export function TimeForm({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave: (at: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const shown = toLocalInput(initial);
  const [value, setValue] = useState(shown);
  // Left as it was, the time keeps its seconds: a step recorded "now" stays after what came
  // earlier in the same minute.
  const at = value === shown ? initial : fromLocalInput(value);
  return (
    <form
      className="time-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (at) onSave(at);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        required
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
        }}
      />
      <button type="submit" className="primary" disabled={!at}>
        {t('case.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('case.cancel')}
      </button>
    </form>
  );
}
