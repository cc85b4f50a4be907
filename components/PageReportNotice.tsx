import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseClockDatabase } from '@/lib/db/database';
import { pageKey } from '@/lib/db/page-reports';
import { pageReportLines } from '@/lib/i18n/phrases';
import { useI18n } from './I18n';

/** Lines shown at once: the rest is counted, not listed. */
const LINES_SHOWN = 5;

/**
 * What CaseClock could not read or keep of the page in this tab, so a buyer never believes a
 * page was read whole when it was not.
 */
export function PageReportNotice({ db, url }: { db: CaseClockDatabase; url: string }) {
  const { t } = useI18n();
  const report = useLiveQuery(() => db.pageReports.get(pageKey(url)), [db, url]);
  if (!report) return null;
  const lines = pageReportLines(t, report);
  return (
    <section className="this-page page-report" aria-label={t('popup.thisPage')}>
      <p className="page-report-title">{t('page.problems')}</p>
      <ul>
        {lines.slice(0, LINES_SHOWN).map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {lines.length > LINES_SHOWN && (
        <p className="quiet">{t('page.problems.more', { count: lines.length - LINES_SHOWN })}</p>
      )}
    </section>
  );
}
