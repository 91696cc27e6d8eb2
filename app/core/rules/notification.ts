import { cleanLine, cleanText } from '../../shared/clean-text';
import type { HomeEvent, Severity } from '../../shared/home-event';
import type { Notification, Rule, RuleAction } from '../../shared/rules';
import { renderTemplate } from './template';

type NotifyAction = Extract<RuleAction, { type: 'notify' }>;

/**
 * Urgency when the rule does not set one. Info maps to `normal`, not `low`: the user wrote a rule to be
 * told, and several Linux desktops hide low-urgency notifications from the screen.
 */
export function urgencyFor(severity: Severity): Notification['urgency'] {
  return severity === 'critical' ? 'critical' : 'normal';
}

function extraView(rule: Rule): Record<string, unknown> {
  return { rule: { id: rule.id, name: rule.name } };
}

/**
 * Notification text comes from the server (the event's own words, or a template over its fields), so it
 * is cleaned here, once, for every sink (desktop, CLI, UI): escape sequences, controls and bidi overrides
 * are neutralised (app/shared/clean-text.ts). A title is one line; a body keeps its line breaks and tabs.
 */
type Cleaner = (text: string) => string;

function render(
  template: string | undefined,
  fallback: string,
  event: HomeEvent,
  rule: Rule,
  clean: Cleaner,
): string {
  if (template === undefined) return clean(fallback);
  const text = clean(renderTemplate(template, event, extraView(rule)));
  // An empty render (all fields missing, or only escape codes) would raise a blank bubble; the event's
  // own text is better.
  return text === '' ? clean(fallback) : text;
}

function timeoutOf(event: HomeEvent): number | undefined {
  const value = event.data?.['timeoutMs'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function finish(base: Omit<Notification, 'url' | 'timeoutMs'>, event: HomeEvent): Notification {
  const notification: Notification = { ...base };
  if (event.url) notification.url = event.url;
  const timeoutMs = timeoutOf(event);
  if (timeoutMs !== undefined) notification.timeoutMs = timeoutMs;
  return notification;
}

export function buildNotification(rule: Rule, action: NotifyAction, event: HomeEvent): Notification {
  return finish(
    {
      title: render(action.title, event.title, event, rule, cleanLine),
      body: render(action.body, event.body, event, rule, cleanText),
      severity: event.severity,
      urgency: action.urgency ?? urgencyFor(event.severity),
      silent: action.silent ?? false,
    },
    event,
  );
}

/** "Resolved: <title>" unless the rule's hysteresis gives its own templates; always info severity. */
export function buildResolvedNotification(rule: Rule, action: NotifyAction, event: HomeEvent): Notification {
  const active = buildNotification(rule, action, event);
  const h = rule.hysteresis;
  return finish(
    {
      title: render(h?.resolvedTitle, `Resolved: ${active.title}`, event, rule, cleanLine),
      body: render(h?.resolvedBody, active.body, event, rule, cleanText),
      severity: 'info',
      urgency: urgencyFor('info'),
      silent: action.silent ?? false,
    },
    event,
  );
}
