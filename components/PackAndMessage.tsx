import { useId, useMemo, useState } from 'react';
import type { EvidenceRecord, StoredCase, StoredEvent, StoredOrder } from '@/lib/db/schema';
import { draftMessage } from '@/lib/evidence/draft';
import type { PackProgress } from '@/lib/evidence/pack';
import { LANGUAGES, type Language } from '@/lib/i18n';
import type { CasePlan } from '@/lib/timeline/types';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { download } from './download';

interface CaseMaterial {
  order: StoredOrder;
  openCase: StoredCase;
  plan: CasePlan;
  events: readonly StoredEvent[];
  evidence: readonly EvidenceRecord[];
}

/** The end of the road: the message to send, in English or French, and the evidence pack. */
export function PackAndMessage({ material, now }: { material: CaseMaterial; now: Date }) {
  const { t, language: uiLanguage, timeZone } = useI18n();
  const { makePack } = useActions();
  const languageId = useId();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [copied, setCopied] = useState(false);
  /** How far the pack being made is; undefined when none is. */
  const [progress, setProgress] = useState<PackProgress>();
  const [failed, setFailed] = useState(false);
  const draft = useMemo(
    () => draftMessage({ ...material, language, timeZone }),
    [material, language, timeZone],
  );
  const text = `${draft.subject}\n\n${draft.body}`;

  const buildPack = async () => {
    setProgress({ done: 0, total: 0 });
    setFailed(false);
    try {
      const { pack, name } = await makePack(
        {
          orderId: material.order.id,
          language: uiLanguage,
          timeZone,
          generatedAt: now.toISOString(),
        },
        setProgress,
      );
      download(pack, name);
    } catch {
      setFailed(true);
    } finally {
      setProgress(undefined);
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
        disabled={progress !== undefined}
        onClick={() => void buildPack()}
      >
        {progress ? t('pack.building') : t('pack.download')}
      </button>
      {progress && (
        // Without a value, until the size of the evidence is known, it shows work going on.
        <progress
          aria-label={t('pack.progress')}
          {...(progress.total > 0 ? { max: progress.total, value: progress.done } : {})}
        />
      )}
      {failed && (
        <p className="notice error" role="alert">
          {t('pack.failed')}
        </p>
      )}
    </section>
  );
}
