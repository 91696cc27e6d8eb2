import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { WebSocket } from 'ws';
import type { FakeUser } from './fake-auth';

/**
 * Comet mailboxes as src/webui/comet.c keeps them: one per `boxid`, queueing while no socket is attached,
 * flushed at most once per batch window (1 s on the real server) into one frame; the first frame of a
 * connection carries the boxid. Restricted (non-admin) mailboxes never get admin-only messages.
 */

export interface Message {
  notificationClass: string;
  [key: string]: unknown;
}

interface Mailbox {
  boxid: string;
  user: FakeUser;
  messages: Message[];
  ws?: WebSocket;
  firstSent: boolean;
  lastUsed: number;
}

const samples = JSON.parse(
  readFileSync(new URL('../../fixtures/tvheadend-samples.json', import.meta.url), 'utf8'),
) as { first_frame_admin: { frame: { messages: Message[] } }[] };

/** The recorded admin accessUpdate, with the fields that depend on who connected replaced. */
function accessUpdate(user: FakeUser, disk: { free: number; used: number; total: number }): Message {
  const template = { ...samples.first_frame_admin[0]!.frame.messages[0]! };
  if (!user.admin) {
    delete template.wizard;
    template.uilevel = 'basic';
  }
  return {
    ...template,
    username: user.username === '*' ? '' : user.username,
    address: '127.0.0.1',
    admin: user.admin ? 1 : 0,
    time: Math.floor(Date.now() / 1000),
    freediskspace: disk.free,
    useddiskspace: disk.used,
    totaldiskspace: disk.total,
  };
}

export class CometHub {
  private readonly boxes = new Map<string, Mailbox>();
  private timer: NodeJS.Timeout | undefined;
  /** Frames sent, per boxid, for tests that look at batching. */
  readonly sent: { boxid: string; frame: { boxid?: string; messages: Message[] } }[] = [];

  constructor(
    private readonly batchMs: number,
    private readonly mailboxTtlMs: number,
    private readonly port: () => number,
    private readonly disk: () => { free: number; used: number; total: number },
    /** Per flush tick, before sending: the per-second admin-only subscription objects. */
    private readonly tick: () => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.flushAll(), this.batchMs);
  }

  /** Server shutdown: every socket dropped without a close frame, every mailbox gone. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const box of this.boxes.values()) box.ws?.terminate();
    this.boxes.clear();
  }

  get openSockets(): number {
    return [...this.boxes.values()].filter((b) => b.ws).length;
  }

  attach(ws: WebSocket, user: FakeUser, requested: string | null): void {
    this.expire();
    let box = requested ? this.boxes.get(requested) : undefined;
    if (!box || box.user.username !== user.username) {
      const boxid = createHash('sha1').update(randomBytes(20)).digest('hex');
      box = { boxid, user, messages: [], firstSent: false, lastUsed: Date.now() };
      this.boxes.set(boxid, box);
      box.messages.push(accessUpdate(user, this.disk()), {
        notificationClass: 'setServerIpPort',
        ip: '127.0.0.1',
        port: this.port(),
      });
      if (!user.admin)
        this.broadcast(
          { notificationClass: 'logmessage', logtxt: 'Restricted log mode (no administrator)' },
          true,
        );
    }
    box.ws?.terminate();
    // A client close frame makes Tvheadend drop TCP without answering, so clients see 1006.
    ws.close = () => ws.terminate();
    box.ws = ws;
    box.firstSent = false;
    const attached = box;
    // Any client frame just triggers a flush; its content is ignored.
    ws.on('message', () => this.flush(attached));
    ws.on('close', () => {
      if (attached.ws === ws) attached.ws = undefined;
      attached.lastUsed = Date.now();
    });
  }

  /** `notify_by_msg`: to every mailbox, or only to admin ones when `restricted`. */
  broadcast(message: Message, restricted = false): void {
    this.expire();
    for (const box of this.boxes.values()) {
      if (restricted && !box.user.admin) continue;
      box.messages.push({ ...message });
    }
  }

  /** Only to admin mailboxes that have a socket right now (the per-second status objects). */
  toAttachedAdmins(message: Message): void {
    for (const box of this.boxes.values()) if (box.ws && box.user.admin) box.messages.push({ ...message });
  }

  /** Bypass the mailbox: a raw text frame to every attached socket (for bad-frame tests). */
  sendRaw(text: string): void {
    for (const box of this.boxes.values()) box.ws?.send(text);
  }

  private flushAll(): void {
    this.tick();
    for (const box of this.boxes.values()) this.flush(box);
  }

  private flush(box: Mailbox): void {
    if (!box.ws || box.messages.length === 0 || box.ws.readyState !== box.ws.OPEN) return;
    const frame: { boxid?: string; messages: Message[] } = box.firstSent
      ? { messages: box.messages }
      : { boxid: box.boxid, messages: box.messages };
    box.firstSent = true;
    box.messages = [];
    box.lastUsed = Date.now();
    this.sent.push({ boxid: box.boxid, frame });
    box.ws.send(JSON.stringify(frame));
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, box] of this.boxes)
      if (!box.ws && now - box.lastUsed > this.mailboxTtlMs) this.boxes.delete(id);
  }
}
