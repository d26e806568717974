/**
 * Subjects of recently received threads, so a reply the agent sends with a thread_id reads
 * "Re: <subject>". Held in memory only (bounded): after a restart, replies to older threads get
 * the fallback subject, while In-Reply-To/References still thread them.
 */
export class SubjectMemory {
  readonly #subjects = new Map<string, string>();
  readonly #limit: number;

  constructor(limit = 500) {
    this.#limit = limit;
  }

  remember(threadId: string, subject: string): void {
    this.#subjects.delete(threadId);
    this.#subjects.set(threadId, subject);
    if (this.#subjects.size > this.#limit) this.#subjects.delete(this.#subjects.keys().next().value!);
  }

  get(threadId: string): string | undefined {
    return this.#subjects.get(threadId);
  }
}

export const replySubject = (subject: string) => (/^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`);
