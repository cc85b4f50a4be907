import type { ChecklistProgress } from '@/lib/evidence/checklist';
import { sourceLine, sourceName } from '@/lib/i18n/phrases';
import { useI18n } from './I18n';

/** What proof the case needs; each item ticks itself once evidence showing it is attached. */
export function Checklist({ progress }: { progress: readonly ChecklistProgress[] }) {
  const { t, language, locale } = useI18n();
  const done = progress.filter((entry) => entry.done).length;
  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h3 id="checklist-heading">
        {t('evidence.checklist')}{' '}
        <span className="count">{t('evidence.done', { done, total: progress.length })}</span>
      </h3>
      <ul>
        {progress.map(({ item, done: collected }) => (
          <li
            key={item.subject}
            className={collected ? 'done' : undefined}
            data-subject={item.subject}
          >
            <span className="tick" aria-hidden="true">
              {collected ? '✓' : ''}
            </span>
            <span>
              <span className="item-label">
                {t(`subject.${item.subject}`)}
                <span className="visually-hidden">
                  {' '}
                  ({collected ? t('evidence.collected') : t('evidence.missing')})
                </span>
              </span>
              <span className="item-source">{t(`why.${item.subject}`)}</span>
              {item.sources.map((source) => (
                <span key={sourceName(t, source, language)} className="item-source">
                  {sourceLine(t, source, language, locale)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
