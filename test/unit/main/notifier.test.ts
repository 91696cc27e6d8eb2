import { beforeEach, describe, expect, it } from 'vitest';
import { Notification } from '../../fakes/electron';
import { createNotifier } from '../../../app/main/notifier';
import type { NotificationCtor } from '../../../app/main/notifier';
import type { Notification as Content } from '../../../app/shared/rules';

const content = (over: Partial<Content> = {}): Content => ({
  title: 'Front door',
  body: 'opened',
  severity: 'info',
  urgency: 'normal',
  silent: false,
  ...over,
});

function setup(platform: NodeJS.Platform = 'linux') {
  const opened: string[] = [];
  const history: (number | undefined)[] = [];
  const failures: string[] = [];
  const notifier = createNotifier({
    Notification: Notification as unknown as NotificationCtor,
    platform,
    openExternal: (url) => opened.push(url),
    showHistory: (seq) => history.push(seq),
    onFailed: (m) => failures.push(m),
  });
  return { notifier, opened, history, failures };
}

beforeEach(() => {
  Notification.shown.length = 0;
  Notification.supported = true;
});

describe('notifier', () => {
  it('keeps a reference until the notification is clicked, then opens its http(s) link', () => {
    const { notifier, opened } = setup();
    notifier.show(content({ url: 'https://emby.local/item/1' }), 7);
    expect(notifier.pending()).toBe(1);
    Notification.shown[0]!.emit('click');
    expect(opened).toEqual(['https://emby.local/item/1']);
    expect(notifier.pending()).toBe(0);
  });

  it('opens the history at the entry when there is no link, and never opens other schemes', () => {
    const { notifier, opened, history } = setup();
    notifier.show(content({ url: 'javascript:alert(1)' }), 42);
    Notification.shown[0]!.emit('click');
    expect(opened).toEqual([]);
    expect(history).toEqual([42]);
  });

  it('keeps critical alerts on screen and passes silent and urgency through', () => {
    const { notifier } = setup('win32');
    notifier.show(content({ urgency: 'critical', silent: true }));
    expect(Notification.shown[0]!.options).toMatchObject({
      urgency: 'critical',
      silent: true,
      timeoutType: 'never',
    });
    notifier.show(content());
    expect(Notification.shown[1]!.options.timeoutType).toBeUndefined();
  });

  it('releases and reports a notification the OS refused', () => {
    const { notifier, failures } = setup('darwin');
    notifier.show(content());
    Notification.shown[0]!.emit('failed', {}, 'app is not signed');
    expect(failures).toEqual(['app is not signed']);
    expect(notifier.pending()).toBe(0);
  });

  it('shows nothing where notifications are unsupported', () => {
    Notification.supported = false;
    expect(setup().notifier.show(content())).toBe(false);
  });
});
