/** A value no real credential has; it must never appear in any output. */
export const CANARY = 'aos-canary-3f9c1e7b5d2a4c68';
