import { useEffect, useState } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import type { EvidenceRecord } from '@/lib/db/schema';
import {
  isEvidenceSubject,
  type ChecklistItem,
  type EvidenceSubject,
} from '@/lib/evidence/checklist';
import { useI18n } from './I18n';

/** A small preview of a picture, read from the database only when shown. */
function Thumbnail({ db, record }: { db: CaseClockDatabase; record: EvidenceRecord }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    db.evidenceBlobs.get(record.id).then(
      (stored) => {
        if (cancelled || !stored) return;
        objectUrl = URL.createObjectURL(stored.blob);
        setUrl(objectUrl);
      },
      // A picture that cannot be read stays an empty frame; its row still names the file.
      () => undefined,
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [db, record.id]);
  return url ? <img className="thumbnail" src={url} alt="" /> : <span className="thumbnail" />;
}

function EvidenceItem({
  db,
  record,
  subjects,
  onTag,
  onRemove,
}: {
  db: CaseClockDatabase;
  record: EvidenceRecord;
  subjects: readonly ChecklistItem[];
  onTag: (evidenceId: string, shows: EvidenceSubject[]) => void;
  onRemove: (evidenceId: string) => void;
}) {
  const { t, dateTime, size } = useI18n();
  const [removing, setRemoving] = useState(false);
  const picture = record.mimeType?.startsWith('image/') === true;
  const toggle = (subject: EvidenceSubject, checked: boolean) => {
    const kept = record.shows.filter(isEvidenceSubject).filter((shown) => shown !== subject);
    onTag(record.id, checked ? [...kept, subject] : kept);
  };
  return (
    <li className="evidence-item" data-evidence-id={record.id}>
      {picture ? <Thumbnail db={db} record={record} /> : null}
      <div className="evidence-body">
        <p className="evidence-name">
          <span className={`kind kind-${record.kind}`}>{t(`evidence.kind.${record.kind}`)}</span>{' '}
          {record.name}
        </p>
        <p className="entry-meta">
          {t('evidence.captured', { date: dateTime(record.capturedAt) })}
          {record.size !== undefined && <> · {size(record.size)}</>}
          {record.sha256 && (
            <>
              {' '}
              · <abbr title={record.sha256}>SHA-256 {record.sha256.slice(0, 12)}…</abbr>
            </>
          )}
        </p>
        {record.url && (
          <p className="entry-meta evidence-url">
            <a href={record.url} target="_blank" rel="noreferrer noopener">
              {record.title ?? record.url}
            </a>
          </p>
        )}
        {record.text && <blockquote className="evidence-text">{record.text}</blockquote>}
        {record.kind !== 'note' && subjects.length > 0 && (
          <fieldset className="shows">
            <legend>{t('evidence.shows')}</legend>
            {subjects.map(({ subject }) => (
              <label key={subject}>
                <input
                  type="checkbox"
                  checked={record.shows.includes(subject)}
                  onChange={(event) => {
                    toggle(subject, event.target.checked);
                  }}
                />{' '}
                {t(`subject.${subject}`)}
              </label>
            ))}
          </fieldset>
        )}
        <button
          type="button"
          className={removing ? 'link danger' : 'link'}
          onClick={() => {
            if (removing) onRemove(record.id);
            else setRemoving(true);
          }}
        >
          {removing ? t('case.confirmRemove') : t('case.remove')}
        </button>
      </div>
    </li>
  );
}

/** Every piece of evidence of the case, newest first, each saying what it shows. */
export function EvidenceList({
  db,
  evidence,
  subjects,
  onTag,
  onRemove,
}: {
  db: CaseClockDatabase;
  evidence: readonly EvidenceRecord[];
  subjects: readonly ChecklistItem[];
  onTag: (evidenceId: string, shows: EvidenceSubject[]) => void;
  onRemove: (evidenceId: string) => void;
}) {
  const { t } = useI18n();
  if (evidence.length === 0) return <p className="quiet">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-list" aria-label={t('evidence.title')}>
      {[...evidence]
        .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))
        .map((record) => (
          <EvidenceItem
            key={record.id}
            db={db}
            record={record}
            subjects={subjects}
            onTag={onTag}
            onRemove={onRemove}
          />
        ))}
    </ul>
  );
}
