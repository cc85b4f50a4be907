import { useState } from 'react';
import type { Message, Reply } from '@/lib/messaging/protocol';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { refusalText } from './refusal';

type Accepted<M extends Message> = Extract<Reply<M>, { ok: true }>;

/**
 * Sends writes to the background and keeps why the last one was refused, in the buyer's words,
 * to show: a refusal is never swallowed. `request` resolves to the reply when it was stored,
 * `write` to whether it was.
 */
export function useWrite() {
  const { send } = useActions();
  const i18n = useI18n();
  const { t } = i18n;
  const [problem, setProblem] = useState<string>();
  const request = async <M extends Message>(message: M): Promise<Accepted<M> | undefined> => {
    try {
      const reply = await send(message);
      setProblem(reply.ok ? undefined : refusalText(i18n, reply));
      return reply.ok ? reply : undefined;
    } catch (error) {
      setProblem(t('error.refused', { error: String(error) }));
      return undefined;
    }
  };
  const write = async (message: Message): Promise<boolean> =>
    (await request(message)) !== undefined;
  return { problem, request, write };
}

/** Why the last write was refused, announced as it appears. */
export function WriteProblem({ problem }: { problem: string | undefined }) {
  return problem ? (
    <p className="notice error" role="alert">
      {problem}
    </p>
  ) : null;
}
