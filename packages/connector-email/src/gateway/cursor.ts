import * as z from 'zod';

/**
 * The gateway's persisted position in the mailbox. UIDs only grow within one UIDVALIDITY, so
 * "everything above last_uid" is exactly the mail not yet delivered, across restarts.
 */
export const emailCursorSchema = z.object({ uidvalidity: z.string(), last_uid: z.number().int().nonnegative() });
export type EmailCursor = z.infer<typeof emailCursorSchema>;
