import type { SourceAdapter } from '../types';
import { normaliseFrame } from './normalise';
import { GenericJsonOptionsSchema } from './options';
import type { GenericJsonOptions } from './options';
import { genericJsonPresets } from './presets';

/** Any server that pushes JSON over a WebSocket, read through a user-defined field mapping. */
export const genericJsonAdapter: SourceAdapter<GenericJsonOptions, 'generic-json'> = {
  kind: 'generic-json',
  displayName: 'JSON WebSocket',
  description: 'Any server that pushes JSON messages over a WebSocket; you map the fields.',
  defaultUrl: 'ws://localhost:8080/events',
  optionsSchema: GenericJsonOptionsSchema,
  secretFields: ['authorization'],
  presets: genericJsonPresets,
  fields: [
    {
      key: 'typePath',
      label: 'Type field',
      type: 'string',
      default: 'type',
      help: 'Path of the message type, e.g. event or data.kind',
    },
    {
      key: 'typePrefix',
      label: 'Type prefix',
      type: 'string',
      default: 'json',
      help: 'Events are typed <prefix>.<type>',
    },
    { key: 'idPath', label: 'Id field', type: 'string', help: 'Path of a unique id (used to drop replays)' },
    { key: 'entityNamePath', label: 'Entity name field', type: 'string' },
    { key: 'entityIdPath', label: 'Entity id field', type: 'string' },
    {
      key: 'severityPath',
      label: 'Severity field',
      type: 'string',
      help: 'Values like info, warning, error, critical',
    },
    { key: 'timePath', label: 'Time field', type: 'string', help: 'ISO date or epoch seconds/milliseconds' },
    {
      key: 'urlPath',
      label: 'Link field',
      type: 'string',
      help: 'An http(s) URL to open from the notification',
    },
    {
      key: 'itemsPath',
      label: 'Messages array field',
      type: 'string',
      help: 'When one frame carries a list',
    },
    { key: 'title', label: 'Title template', type: 'string', placeholder: '{{entity.name}}: {{raw.status}}' },
    { key: 'body', label: 'Body template', type: 'string', placeholder: '{{raw.message}}' },
    { key: 'subprotocol', label: 'Subprotocol', type: 'string' },
    { key: 'onConnect', label: 'Send after connecting', type: 'string', help: 'e.g. a subscribe message' },
    {
      key: 'authorization',
      label: 'Authorization header',
      type: 'password',
      secret: true,
      placeholder: 'Bearer …',
    },
  ],
  createSession(ctx) {
    const { options, config } = ctx;
    return {
      connect: {
        async prepare() {
          const headers: Record<string, string> = { ...options.headers };
          if (ctx.secrets.authorization) headers.Authorization = ctx.secrets.authorization;
          return {
            url: config.url,
            headers,
            protocols: options.subprotocol ? [options.subprotocol] : undefined,
          };
        },
        onOpen(link) {
          if (options.onConnect) link.send(options.onConnect);
        },
      },
      frames: {
        handle: (frame) =>
          normaliseFrame(frame, options, { sourceId: config.id, sourceName: config.name, now: ctx.now() }),
      },
    };
  },
};
