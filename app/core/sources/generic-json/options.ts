import { z } from 'zod';
import { SeveritySchema } from '../../../shared/home-event';

/** How to read a server's JSON messages. Paths are dotted (`data.level`, `items[0].id`, optional leading `$.`). */
export const GenericJsonOptionsSchema = z.object({
  /** WebSocket subprotocol to request, if the server insists on one. */
  subprotocol: z.string().optional(),
  /** Extra upgrade headers (not secrets: put an Authorization value in the `authorization` secret). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Text sent after every (re)connect, e.g. a subscribe message. */
  onConnect: z.string().optional(),
  /** Messages are taken from this array field instead of the frame itself (frames that are arrays are split anyway). */
  itemsPath: z.string().optional(),
  typePath: z.string().default('type'),
  /** Prefix of the event type: `<prefix>.<type>`. */
  typePrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('json'),
  idPath: z.string().optional(),
  timePath: z.string().optional(),
  entityIdPath: z.string().optional(),
  entityNamePath: z.string().optional(),
  severityPath: z.string().optional(),
  /** Server severity words → Herald severity; common words (error, warn, critical…) are understood without it. */
  severityMap: z.record(z.string(), SeveritySchema).default({}),
  urlPath: z.string().optional(),
  /** Mustache templates over the event (`{{raw.message}}`, `{{entity.name}}`, `{{type}}`). */
  title: z.string().optional(),
  body: z.string().optional(),
});
export type GenericJsonOptions = z.infer<typeof GenericJsonOptionsSchema>;
