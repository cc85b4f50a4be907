import { Component, useEffect, useState, type ReactNode } from 'react';
import { ensureOpen, type CaseClockDatabase } from '@/lib/db/database';
import { useI18n } from './I18n';

/** Why CaseClock's storage cannot be used, with a way to try again. */
function StorageProblem({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice error storage-problem" role="alert">
      <p>{t('error.storage', { error: detail })}</p>
      <button type="button" onClick={onRetry}>
        {t('popup.retry')}
      </button>
    </div>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Catches what fails while a page reads the database, so the page says it, not goes blank. */
class ReadFailure extends Component<
  { children: ReactNode; onRetry: () => void },
  { error?: unknown }
> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <StorageProblem
        detail={describe(error)}
        onRetry={() => {
          this.setState({ error: undefined });
          this.props.onRetry();
        }}
      />
    );
  }
}

/**
 * Shows its page once the database is open. A database that cannot be opened, or a read that
 * fails later, is said in words with a "Try again", which opens the database anew.
 */
export function StorageGate({ db, children }: { db: CaseClockDatabase; children: ReactNode }) {
  const [state, setState] = useState<'opening' | 'open' | { error: string }>('opening');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    ensureOpen(db).then(
      () => {
        if (current) setState('open');
      },
      (error: unknown) => {
        if (current) setState({ error: describe(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [db, attempt]);
  const retry = () => {
    setState('opening');
    setAttempt(attempt + 1);
  };
  if (state === 'opening') return null;
  if (state !== 'open') return <StorageProblem detail={state.error} onRetry={retry} />;
  return <ReadFailure onRetry={retry}>{children}</ReadFailure>;
}
