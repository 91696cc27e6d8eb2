import { z } from 'zod';

/**
 * Wire shapes of the deCONZ REST API and its WebSocket push (see docs/protocols/deconz.md). Parsing is
 * loose on purpose: gateways of many versions send extra or missing keys, and one odd frame must never
 * stop the stream.
 */

/** REST error types we act on (`rest_api.h`). */
export const ERR_UNAUTHORIZED_USER = 1;
export const ERR_LINK_BUTTON_NOT_PRESSED = 101;

export const resourceKinds = ['sensors', 'lights', 'groups', 'alarmsystems'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

const Values = z.record(z.string(), z.unknown());
export type Values = z.infer<typeof Values>;

/** One push frame. `r` may also be "scenes" (scene-called only). */
export const FrameSchema = z.looseObject({
  t: z.string().optional(),
  e: z.string(),
  r: z.string(),
  id: z.string().optional(),
  uniqueid: z.string().optional(),
  gid: z.string().optional(),
  scid: z.string().optional(),
  name: z.string().optional(),
  state: Values.optional(),
  config: Values.optional(),
  attr: Values.optional(),
  sensor: Values.optional(),
  light: Values.optional(),
  group: Values.optional(),
});
export type Frame = z.infer<typeof FrameSchema>;

/** A sensor, light, group or alarm system as REST returns it (only the parts we read). */
export const RestResourceSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  modelid: z.string().optional(),
  manufacturername: z.string().optional(),
  uniqueid: z.string().optional(),
  state: Values.optional(),
  config: Values.optional(),
  scenes: z.array(z.looseObject({ id: z.coerce.string(), name: z.string().optional() })).optional(),
});
export type RestResource = z.infer<typeof RestResourceSchema>;

export const ResourceMapSchema = z.record(z.string(), RestResourceSchema);

export const ConfigSchema = z.looseObject({
  name: z.string().optional(),
  bridgeid: z.string().optional(),
  swversion: z.string().optional(),
  websocketport: z.number().int().min(1).max(65535).optional(),
  websocketport_wss: z.number().int().min(1).max(65535).optional(),
  websocketnotifyall: z.boolean().optional(),
  /** The gateway's API keys: only in the full config, which only a valid key gets. */
  whitelist: z.record(z.string(), z.unknown()).optional(),
});
export type GatewayConfig = z.infer<typeof ConfigSchema>;

/**
 * deCONZ answers `GET /api/<key>/config` for a key it does not know with HTTP 200 and only the public
 * subset (`basicConfigToMap`: name, bridgeid, swversion, modelid…), not an error. The full config always
 * carries `whitelist` and `websocketport` (`configToMap`); an answer with neither means the key was refused.
 */
export function isPublicConfigOnly(config: GatewayConfig): boolean {
  return config.whitelist === undefined && config.websocketport === undefined;
}

const RestErrorItem = z.object({
  error: z.looseObject({
    type: z.number(),
    address: z.string().optional(),
    description: z.string().optional(),
  }),
});
const RestSuccessItem = z.object({ success: z.record(z.string(), z.unknown()) });

export interface RestError {
  type: number;
  description: string;
}

/** deCONZ answers errors as `[{"error":{type,address,description}}]`, whatever the HTTP status. */
export function restErrorOf(body: unknown): RestError | undefined {
  if (!Array.isArray(body)) return undefined;
  for (const item of body) {
    const parsed = RestErrorItem.safeParse(item);
    if (parsed.success) {
      return { type: parsed.data.error.type, description: parsed.data.error.description ?? 'error' };
    }
  }
  return undefined;
}

/** The `username` of a successful `POST /api`: that is the new API key. */
export function createdKeyOf(body: unknown): string | undefined {
  if (!Array.isArray(body)) return undefined;
  for (const item of body) {
    const parsed = RestSuccessItem.safeParse(item);
    const username = parsed.success ? parsed.data.success.username : undefined;
    if (typeof username === 'string' && username.length > 0) return username;
  }
  return undefined;
}

/** The MAC part of a uniqueid: one physical device may expose several resources. */
export function deviceOf(uniqueid: string | undefined): string | undefined {
  if (!uniqueid) return undefined;
  const mac = uniqueid.split('-')[0];
  return mac && mac.length > 0 ? mac : undefined;
}

/**
 * `lastupdated` is the gateway's UTC time without a zone ("2020-03-03T18:13:21" or with ".702"), or
 * "none". Returns epoch ms, or undefined when absent or unparseable.
 */
export function parseLastUpdated(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return undefined;
  const zoned = /Z$|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}

export function isResourceKind(value: string): value is ResourceKind {
  return (resourceKinds as readonly string[]).includes(value);
}
