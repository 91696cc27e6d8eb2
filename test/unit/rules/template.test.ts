import { describe, expect, it } from 'vitest';
import { renderTemplate, validateRules } from '../../../app/core/rules/template';
import { ev, rule } from './make';

describe('renderTemplate', () => {
  it('renders event fields, nested data and raw paths with [n] indexes', () => {
    const event = ev({
      entity: { id: 'c1', name: 'plex' },
      data: { cpu: 93.5 },
      raw: { Items: [{ Name: 'Film' }] },
    });
    expect(renderTemplate('{{entity.name}} at {{data.cpu}}%: {{raw.Items[0].Name}}', event)).toBe(
      'plex at 93.5%: Film',
    );
  });

  it('renders missing fields as empty text', () => {
    expect(renderTemplate('[{{entity.name}}][{{data.nope.deeper}}]', ev())).toBe('[][]');
  });

  it('does not HTML-escape <&> or quotes', () => {
    const event = ev({ title: 'Tom & Jerry <HD> "live" \'now\'' });
    expect(renderTemplate('{{title}}', event)).toBe('Tom & Jerry <HD> "live" \'now\'');
  });

  it('renders objects as JSON rather than [object Object]', () => {
    expect(renderTemplate('{{data}}', ev({ data: { a: 1 } }))).toBe('{"a":1}');
  });

  it('lets extra values win over event fields', () => {
    expect(renderTemplate('{{title}} / {{rule.name}}', ev(), { title: 'T', rule: { name: 'R' } })).toBe(
      'T / R',
    );
  });

  it('falls back to the raw template text when it does not parse', () => {
    expect(renderTemplate('Hello {{#data}} unclosed', ev({ data: {} }))).toBe('Hello {{#data}} unclosed');
    expect(renderTemplate('Hello {{title', ev())).toBe('Hello {{title');
  });
});

describe('validateRules', () => {
  it('accepts good rules', () => {
    const rules = [
      rule({
        id: 'ok',
        conditions: [{ field: 'raw.A[0]', op: 'regex', value: '^a+$', flags: 'i' }],
        key: '{{sourceId}}',
        action: { type: 'notify', title: '{{title}}', body: '{{body}}' },
      }),
    ];
    expect(validateRules(rules)).toEqual([]);
  });

  it('names rule and field for an invalid regex, flags and a bad field path', () => {
    const errors = validateRules([
      rule({
        id: 'r1',
        name: 'Bad regex',
        conditions: [
          { field: 'title', op: 'regex', value: '(' },
          { field: 'title', op: 'regex', value: 'a', flags: 'q' },
          { field: 'data..x', op: 'exists' },
        ],
      }),
    ]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/rule 'Bad regex' \(r1\) conditions\[0\] \(title\): invalid regex \/\(\//);
    expect(errors[1]).toMatch(/conditions\[1\].*invalid regex \/a\/q/);
    expect(errors[2]).toMatch(/conditions\[2\] \(data\.\.x\).*empty segment/);
  });

  it('names unparsable templates in title, body, key and resolved texts', () => {
    const errors = validateRules([
      rule({
        id: 'r2',
        name: 'Bad templates',
        key: '{{#x}}',
        hysteresis: {
          on: { field: 'data.cpu', op: 'gt', value: 90 },
          off: { field: 'data.cpu', op: 'regex', value: '[' },
          resolvedTitle: '{{oops',
        },
        action: { type: 'notify', title: '{{/x}}', body: 'fine {{title}}' },
      }),
    ]);
    expect(errors.join('\n')).toMatch(/rule 'Bad templates' \(r2\) key: template does not parse/);
    expect(errors.join('\n')).toMatch(/hysteresis\.resolvedTitle: template does not parse/);
    expect(errors.join('\n')).toMatch(/action\.title: template does not parse/);
    expect(errors.join('\n')).toMatch(/hysteresis\.off \(data\.cpu\): invalid regex/);
    expect(errors.join('\n')).not.toMatch(/action\.body/);
  });

  it('reports duplicate rule ids and empty globs', () => {
    const errors = validateRules([rule({ id: 'same' }), rule({ id: 'same', name: 'Second', types: [''] })]);
    expect(errors.join('\n')).toMatch(/rule 'Second' \(same\) id: "same" is already used/);
    expect(errors.join('\n')).toMatch(/rule 'Second' \(same\) types\[0\]/);
  });
});

describe('renderTemplate: more', () => {
  it('renders triple mustaches and sections', () => {
    const event = ev({ data: { items: [{ n: 'a' }, { n: 'b' }] }, raw: { x: ['<y>'] } });
    expect(renderTemplate('{{{raw.x[0]}}} {{#data.items}}{{n}};{{/data.items}}', event)).toBe('<y> a;b;');
  });

  it('validates plain rule inputs as well as parsed rules', () => {
    expect(
      validateRules([{ id: 'i', name: 'Input', for: '5m', action: { type: 'notify', title: '{{' } }]),
    ).toEqual([expect.stringMatching(/rule 'Input' \(i\) action\.title: template does not parse/)]);
  });
});
