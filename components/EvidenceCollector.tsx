import { useId, useState, type DragEvent } from 'react';
import type { ChecklistProgress } from '@/lib/evidence/checklist';
import { likelySubjectsOfFile } from '@/lib/evidence/shows';
import { uploadEvidenceFile } from '@/lib/messaging/upload';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { refusalText } from './refusal';
import { useWrite, WriteProblem } from './Write';

interface FileStatus {
  name: string;
  state: 'saving' | 'saved' | 'failed';
  text: string;
}

/**
 * Adds evidence by hand: photos and videos picked or dropped, and notes. Each file says when
 * it is saved, or why it was not; a refused file leaves nothing behind.
 */
export function EvidenceCollector({
  caseId,
  checklist,
}: {
  caseId: string;
  checklist: readonly ChecklistProgress[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const actions = useActions();
  const { problem, write } = useWrite();
  const fileId = useId();
  const noteId = useId();
  const [statuses, setStatuses] = useState<FileStatus[]>([]);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState('');

  const setStatus = (status: FileStatus) => {
    setStatuses((current) => [...current.filter((shown) => shown.name !== status.name), status]);
  };

  const addFiles = async (files: readonly File[]) => {
    let done = [...checklist];
    for (const file of files) {
      setStatus({
        name: file.name,
        state: 'saving',
        text: t('evidence.saving', { name: file.name }),
      });
      const shows = likelySubjectsOfFile(file.type, done);
      const result = await uploadEvidenceFile(
        file,
        { caseId, shows },
        { send: actions.send, ...(actions.freeSpace ? { freeSpace: actions.freeSpace } : {}) },
      );
      // The next file of a batch goes to the next missing item (photo 1 the item, 2 the box…).
      done = done.map((entry) =>
        shows.includes(entry.item.subject) ? { ...entry, done: true } : entry,
      );
      setStatus(
        result.ok
          ? { name: file.name, state: 'saved', text: t('evidence.saved', { name: file.name }) }
          : { name: file.name, state: 'failed', text: refusalText(i18n, result, file.name) },
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  };

  return (
    <section className="collector" aria-label={t('evidence.add')}>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
      >
        <label htmlFor={fileId} className="button primary">
          {t('evidence.add')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          multiple
          accept="image/*,video/*,application/pdf"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void addFiles(files);
          }}
        />
        <span className="quiet">{t('evidence.drop')}</span>
      </div>
      {statuses.length > 0 && (
        <ul className="file-statuses" aria-live="polite">
          {statuses.map((status) => (
            <li
              key={status.name}
              className={`notice ${status.state === 'failed' ? 'error' : status.state === 'saved' ? 'ok' : ''}`}
            >
              {status.text}
            </li>
          ))}
        </ul>
      )}
      <form
        className="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          const text = note.trim();
          if (!text) return;
          void write({ type: 'evidence-note', caseId, text }).then((stored) => {
            if (stored) setNote('');
          });
        }}
      >
        <label htmlFor={noteId}>{t('evidence.note')}</label>
        <textarea
          id={noteId}
          rows={3}
          placeholder={t('evidence.notePlaceholder')}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
        <button type="submit" disabled={!note.trim()}>
          {t('evidence.saveNote')}
        </button>
        <WriteProblem problem={problem} />
      </form>
    </section>
  );
}
