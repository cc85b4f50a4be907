import { useId, useMemo, useState } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import type { EvidenceRecord, StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { draftMessage } from '@/lib/evidence/draft';
import { LANGUAGES, type Language } from '@/lib/i18n';
import type { CasePlan } from '@/lib/timeline/types';
import { useI18n } from './I18n';

interface CaseMaterial {
  order: StoredOrder;
  openCase: StoredCase;
  plan: CasePlan;
  events: readonly StoredEvent[];
  evidence: readonly EvidenceRecord[];
}

/** Every evidence file's bytes, read when the pack is built (they can be large). */
async function evidenceFiles(
  db: CaseClockDatabase,
  evidence: readonly EvidenceRecord[],
): Promise<Map<string, Uint8Array>> {
  const blobs = await db.evidenceBlobs.bulkGet(evidence.map((record) => record.id));
  const files = new Map<string, Uint8Array>();
  for (const stored of blobs) {
    if (stored) files.set(stored.id, new Uint8Array(await stored.blob.arrayBuffer()));
  }
  return files;
}

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the URL by now; give it a moment before letting it go.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** The end of the road: the message to send, in English or French, and the evidence pack. */
export function PackAndMessage({
  db,
  material,
  now,
}: {
  db: CaseClockDatabase;
  material: CaseMaterial;
  now: Date;
}) {
  const { t, language: uiLanguage, timeZone } = useI18n();
  const languageId = useId();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [copied, setCopied] = useState(false);
  const [building, setBuilding] = useState(false);
  const draft = useMemo(
    () => draftMessage({ ...material, language, timeZone }),
    [material, language, timeZone],
  );
  const text = `${draft.subject}\n\n${draft.body}`;

  const buildPack = async () => {
    setBuilding(true);
    try {
      const generatedAt = now.toISOString();
      // The pack's code (ZIP, page rendering) loads only when a pack is made.
      const { buildEvidencePack, packFileName } = await import('@/lib/evidence/pack');
      const bytes = await buildEvidencePack({
        ...material,
        language: uiLanguage,
        timeZone,
        evidenceFiles: await evidenceFiles(db, material.evidence),
        generatedAt,
      });
      download(bytes, packFileName(material.order, generatedAt));
    } finally {
      setBuilding(false);
    }
  };

  return (
    <section className="card pack" aria-labelledby="pack-heading">
      <h2 id="pack-heading">{t('draft.title')}</h2>
      <p className="quiet">{t(`draft.where.${material.order.marketplace}`)}</p>
      <div className="draft-tools">
        <label htmlFor={languageId}>{t('draft.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => {
            setLanguage(event.target.value as Language);
            setCopied(false);
          }}
        >
          {LANGUAGES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`language.${choice}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard.writeText(text).then(() => {
              setCopied(true);
            });
          }}
        >
          {copied ? t('draft.copied') : t('draft.copy')}
        </button>
      </div>
      <textarea
        className="draft"
        readOnly
        value={text}
        rows={14}
        aria-label={t('draft.title')}
        lang={language}
      />
      <h2>{t('pack.title')}</h2>
      <p className="quiet">{t('pack.explain')}</p>
      <button
        type="button"
        className="primary"
        disabled={building}
        onClick={() => void buildPack()}
      >
        {building ? t('pack.building') : t('pack.download')}
      </button>
    </section>
  );
}
