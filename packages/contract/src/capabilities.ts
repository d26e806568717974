import * as z from 'zod';
import { manifestCommandSchema, manifestSchema, modeSchema } from './manifest.js';

/** `capabilities` data (CONTRACT §5): the manifest plus version, modes, and per-command path and input schema. */
export const capabilitiesSchema = manifestSchema.omit({ $schema: true, commands: true }).extend({
  version: z.string().min(1),
  modes: z.array(modeSchema),
  commands: z.array(
    manifestCommandSchema.required({ path: true, input_schema: true }),
  ),
});

export type Capabilities = z.infer<typeof capabilitiesSchema>;
