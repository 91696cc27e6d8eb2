import type { HomeEvent } from '../../shared/home-event';
import type { Decision, Notification } from '../../shared/rules';
import type { Settings, SourceConfig } from '../../shared/settings';

/** `sources` is optional and only lends human names to snooze reasons and burst summaries. */
export type PolicySettings = Pick<Settings, 'quietHours' | 'policy' | 'snoozes'> & {
  sources?: ReadonlyArray<Pick<SourceConfig, 'id' | 'name'>>;
};

/** A summary raised when a burst was coalesced. */
export interface SummaryNotification {
  notification: Notification;
  /** The sources whose held-back notifications it stands for. */
  sourceIds: string[];
  count: number;
  /**
   * Set when the summary came due while the user asked for silence (quiet hours, or every source in it
   * snoozed): record it with this reason instead of showing it.
   */
  heldBack?: string;
}

export interface Policy {
  /**
   * Takes the rules' decision and returns the final one: a `notify` may become `record` with the policy's
   * reason (quiet hours, snoozed, duplicate, coalesced, rate cap). Other decisions pass unchanged.
   */
  apply(event: HomeEvent, decision: Decision, now: number): Decision;
  /** Summaries of coalesced bursts whose window closed by `now`. */
  flush(now: number): SummaryNotification[];
  /** When `flush` next has something to say, so the host can set one timer. */
  nextFlushAt(): number | undefined;
  update(settings: PolicySettings): void;
}
