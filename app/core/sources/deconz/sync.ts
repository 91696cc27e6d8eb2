import type { SourceContext } from '../types';
import type { GatewayKey } from './connection';
import type { NormaliserDeps } from './normalise';
import type { DeconzOptions } from './options';
import { errorText } from './pairing';
import type { GatewayRest, RevokedKeyError } from './rest';
import { applySnapshot } from './resync';

/**
 * REST snapshots of the gateway, always in frame order (the cache diff depends on it): the one after
 * every open (names, and the level states that changed while we were away) and the periodic name refresh.
 */
export class DeconzSync {
  /** From open until the snapshot is applied: frames received now are live, whatever the snapshot says. */
  syncing = false;
  private synced = false;
  /** A refresh is queued or running: a gateway slower than the period must not stack them up. */
  private refreshing = false;

  constructor(
    private readonly ctx: SourceContext<DeconzOptions>,
    private readonly deps: NormaliserDeps,
    private readonly rest: GatewayRest,
    private readonly key: GatewayKey,
  ) {}

  /** The snapshot after an open; resolves with the refusal it met, if the key was revoked. */
  async afterOpen(): Promise<RevokedKeyError | undefined> {
    let refused: RevokedKeyError | undefined;
    this.syncing = true;
    await this.ctx.inOrder(async () => {
      try {
        const snapshot = await this.rest.snapshot();
        const events = applySnapshot(this.deps, snapshot, this.synced);
        this.synced = true;
        this.ctx.emit(events);
      } catch (err) {
        if (this.key.noteRevoked(err)) refused = err as RevokedKeyError;
        else this.ctx.log.warn(`deCONZ resync failed: ${errorText(err)}`);
      } finally {
        this.syncing = false;
      }
    });
    return refused;
  }

  /** Names change in Phoscon without an event: read them all again now and then. */
  refreshNames(): void {
    if (!this.key.usable || this.refreshing) return;
    this.refreshing = true;
    void this.ctx.inOrder(async () => {
      try {
        const snapshot = await this.rest.snapshot();
        for (const [r, resources] of Object.entries(snapshot)) this.deps.names.replaceAll(r, resources);
      } catch (err) {
        if (!this.key.noteRevoked(err)) this.ctx.log.debug(`deCONZ name refresh failed: ${errorText(err)}`);
      } finally {
        this.refreshing = false;
      }
    });
  }
}
