import { HomeEventSchema } from '../../shared/home-event';
import type { z } from 'zod';

/**
 * What a session produces: an event without `sourceId` / `sourceKind`. The runner stamps both once, on
 * the way out, so no normaliser has to carry them.
 */
export const SourceEventSchema = HomeEventSchema.omit({ sourceId: true, sourceKind: true });
export type SourceEvent = z.infer<typeof SourceEventSchema>;
