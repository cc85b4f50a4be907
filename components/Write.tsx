import { useState } from 'react';
import type { Message } from '@/lib/messaging/protocol';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { refusalText } from './refusal';

/**
 * Sends a write to the background and keeps why it was refused, in the buyer's words, to show:
 * a refusal is never swallowed. `write` resolves to whether it was stored.
 */
export function useWrite() {
  const { send } = useActions();
  const i18n = useI18n();
  const { t } = i18n;
  const [problem, setProblem] = useState<string>();
  const write = async (message: Message): Promise<boolean> => {
    try {
      const reply = await send(message);
      setProblem(reply.ok ? undefined : refusalText(i18n, reply));
      return reply.ok;
    } catch (error) {
      setProblem(t('error.refused', { error: String(error) }));
      return false;
    }
  };
  return { problem, write };
}

/** Why the last write was refused, announced as it appears. */
export function WriteProblem({ problem }: { problem: string | undefined }) {
  return problem ? (
    <p className="notice error" role="alert">
      {problem}
    </p>
  ) : null;
}
