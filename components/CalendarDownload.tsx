import { useState } from 'react';
import { localDateTime } from '@/lib/i18n/format';
import { download } from './download';
import { useI18n } from './I18n';

type Outcome = { kind: 'none' } | { kind: 'failed'; error: string };

/**
 * A button that downloads deadlines as a calendar file, made at the moment of the click; or
 * says in words why there is none, or why it failed.
 */
export function CalendarDownload({
  label,
  calendarAt,
  fileName,
  none,
}: {
  label: string;
  /** The calendar as of `now`; undefined when no deadline is ahead. */
  calendarAt: (now: string) => Promise<string | undefined> | string | undefined;
  /** The file's name, given the day it is made in the buyer's time zone. */
  fileName: (day: string) => string;
  /** Why there is no calendar to download. */
  none: string;
}) {
  const { t, timeZone } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>();
  const downloadCalendar = async () => {
    setOutcome(undefined);
    const now = new Date().toISOString();
    const ics = await calendarAt(now);
    if (ics === undefined) {
      setOutcome({ kind: 'none' });
      return;
    }
    const day = localDateTime(now, timeZone).slice(0, 10);
    download(new Blob([ics], { type: 'text/calendar;charset=utf-8' }), fileName(day));
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          downloadCalendar().catch((error: unknown) => {
            setOutcome({
              kind: 'failed',
              error: error instanceof Error ? error.message : String(error),
            });
          });
        }}
      >
        {label}
      </button>
      {outcome?.kind === 'none' && (
        <p className="notice" role="status">
          {none}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="notice error" role="alert">
          {t('calendar.failed', { error: outcome.error })}
        </p>
      )}
    </>
  );
}
