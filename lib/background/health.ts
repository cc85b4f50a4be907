import type { BackgroundProblem } from '../messaging/protocol';

/** What went wrong lately in the background, kept until the same work next succeeds. */
export class BackgroundHealth {
  private readonly problems = new Map<BackgroundProblem['kind'], string>();

  /** Runs `work`, remembering its failure under `kind` (and forgetting it on success). */
  async track<T>(kind: BackgroundProblem['kind'], work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.problems.delete(kind);
      return result;
    } catch (error) {
      this.problems.set(kind, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** The problem the buyer should hear of first: without storage nothing else works. */
  current(): BackgroundProblem | undefined {
    for (const kind of ['storage', 'reminders'] as const) {
      const detail = this.problems.get(kind);
      if (detail !== undefined) return { kind, detail };
    }
    return undefined;
  }
}
