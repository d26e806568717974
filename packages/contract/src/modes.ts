/** Permission modes, lowest first (CONTRACT §4). Dependency-free: the fast path loads it. */
export const MODES = ['readonly', 'write', 'full', 'admin'] as const;
export type Mode = (typeof MODES)[number];

export const ACTION_CLASSES = ['read', 'write', 'bulk', 'destructive'] as const;
export type ActionClass = (typeof ACTION_CLASSES)[number];

export const RISK_TIERS = [1, 2, 3, 4] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

/** True when `actual` is at least as permissive as `required`. */
export function modeAllows(actual: Mode, required: Mode): boolean {
  return MODES.indexOf(actual) >= MODES.indexOf(required);
}

/** The mode an action class needs by default (CONTRACT §4). */
export const MODE_FOR_ACTION: Record<ActionClass, Mode> = {
  read: 'readonly',
  write: 'write',
  bulk: 'full',
  destructive: 'admin',
};
