/** Verbs that name an irreversible action (CONTRACT §4): such commands need mode admin. */
export const DESTRUCTIVE_VERBS = ['delete', 'cancel', 'merge', 'revoke', 'refund', 'remove', 'execute', 'destroy', 'purge'] as const;

/** The destructive verb a command id contains as a word (`pr.merge`, `file.remove_all`), if any. */
export function destructiveVerb(id: string): string | undefined {
  const words = id.split(/[._-]/);
  return DESTRUCTIVE_VERBS.find((verb) => words.includes(verb));
}
