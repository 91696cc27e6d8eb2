import Mustache from 'mustache';
import type { HomeEvent } from '../../shared/home-event';
import type { Rule, RuleInput, Condition } from '../../shared/rules';
import { fieldPathError } from './field-path';
import { compileGlobs } from './scope';

/**
 * Notifications are plain text, so values are never HTML-escaped; objects and arrays render as JSON
 * rather than "[object Object]".
 */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

// Let templates use the same `raw.Items[0].Name` syntax as conditions: Mustache itself wants `Items.0`.
const TAG = /\{\{(\{?[^{}]*?\}?)\}\}/g;
const INDEX = /\[(\d+)\]/g;
const rewritten = new Map<string, string>();

function normalise(template: string): string {
  if (!template.includes('[')) return template;
  const hit = rewritten.get(template);
  if (hit !== undefined) return hit;
  const out = template.replace(TAG, (tag: string) => tag.replace(INDEX, '.$1'));
  if (rewritten.size >= 1000) rewritten.clear();
  rewritten.set(template, out);
  return out;
}

/**
 * Renders a Mustache template over the event (plus `extra`, whose keys win). Never throws: a template
 * that does not parse renders as its own text, so a typo shows up in the notification instead of losing it.
 */
export function renderTemplate(template: string, event: HomeEvent, extra?: Record<string, unknown>): string {
  const view = extra ? { ...event, ...extra } : event;
  try {
    return Mustache.render(normalise(template), view, undefined, { escape: plainText });
  } catch {
    return template;
  }
}

/** The parse error of a template, or undefined when it is fine. */
export function templateError(template: string): string | undefined {
  try {
    Mustache.parse(normalise(template));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function regexError(pattern: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function conditionErrors(condition: Condition, where: string): string[] {
  const errors: string[] = [];
  const pathError = fieldPathError(condition.field);
  if (pathError) errors.push(`${where}: ${pathError}`);
  if (condition.op === 'regex') {
    const problem = regexError(condition.value, condition.flags);
    if (problem)
      errors.push(`${where}: invalid regex /${condition.value}/${condition.flags ?? ''}: ${problem}`);
  }
  return errors;
}

/**
 * Problems the schema cannot see: regexes that do not compile, templates that do not parse, field paths
 * that are malformed. Each message names the rule and the field so the settings window can point at it.
 */
export function validateRules(rules: ReadonlyArray<Rule | RuleInput>): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const label = `rule '${rule.name || rule.id || `#${index + 1}`}'${rule.id ? ` (${rule.id})` : ''}`;
    // Held/cooldown/hysteresis state is kept per rule id, so two rules sharing one would disturb each other.
    if (seen.has(rule.id)) errors.push(`${label} id: "${rule.id}" is already used by an earlier rule`);
    seen.add(rule.id);
    for (const [field, dotted] of [
      ['sources', false],
      ['kinds', false],
      ['types', true],
    ] as const) {
      (rule[field] ?? []).forEach((glob, i) => {
        try {
          compileGlobs([glob], dotted);
        } catch (error) {
          errors.push(`${label} ${field}[${i}]: glob ${JSON.stringify(glob)}: ${(error as Error).message}`);
        }
      });
    }
    (rule.conditions ?? []).forEach((condition, i) => {
      errors.push(...conditionErrors(condition, `${label} conditions[${i}] (${condition.field})`));
    });
    if (rule.hysteresis) {
      errors.push(
        ...conditionErrors(rule.hysteresis.on, `${label} hysteresis.on (${rule.hysteresis.on.field})`),
      );
      errors.push(
        ...conditionErrors(rule.hysteresis.off, `${label} hysteresis.off (${rule.hysteresis.off.field})`),
      );
    }
    const templates: [string, string | undefined][] = [
      ['key', rule.key],
      ['hysteresis.resolvedTitle', rule.hysteresis?.resolvedTitle],
      ['hysteresis.resolvedBody', rule.hysteresis?.resolvedBody],
    ];
    if (rule.action.type === 'notify') {
      templates.push(['action.title', rule.action.title], ['action.body', rule.action.body]);
    }
    for (const [field, template] of templates) {
      if (template === undefined) continue;
      const problem = templateError(template);
      if (problem) errors.push(`${label} ${field}: template does not parse: ${problem}`);
    }
  });
  return errors;
}
