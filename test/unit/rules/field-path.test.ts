import { describe, expect, it } from 'vitest';
import { fieldPathError, getFieldPath, getPath, parseFieldPath } from '../../../app/core/rules/field-path';

const doc = {
  type: 'x',
  entity: { name: 'Front door' },
  data: { cpu: { load: 42 }, 'a.b': 1 },
  raw: { A: { B: [{ C: 'first' }, { C: 'second' }] } },
};

describe('field paths', () => {
  it('reads top-level and nested fields', () => {
    expect(getFieldPath(doc, 'type')).toBe('x');
    expect(getFieldPath(doc, 'entity.name')).toBe('Front door');
    expect(getFieldPath(doc, 'data.cpu.load')).toBe(42);
  });

  it('reads array indexes in brackets', () => {
    expect(getFieldPath(doc, 'raw.A.B[0].C')).toBe('first');
    expect(getFieldPath(doc, 'raw.A.B[1].C')).toBe('second');
    expect(getFieldPath(doc, 'raw.A.B.1.C')).toBe('second');
  });

  it('accepts a leading $. and $ alone as the root', () => {
    expect(getFieldPath(doc, '$.raw.A.B[0].C')).toBe('first');
    expect(getFieldPath(doc, '$')).toBe(doc);
    expect(getPath([{ x: 1 }], '$[0].x')).toBe(1);
  });

  it('reads quoted keys that contain dots', () => {
    expect(getFieldPath(doc, 'data["a.b"]')).toBe(1);
    expect(getFieldPath(doc, "data['a.b']")).toBe(1);
  });

  it('gives undefined for missing steps, out-of-range indexes and non-objects', () => {
    expect(getFieldPath(doc, 'data.nope.deeper')).toBeUndefined();
    expect(getFieldPath(doc, 'raw.A.B[5].C')).toBeUndefined();
    expect(getFieldPath(doc, 'type.length')).toBeUndefined();
    expect(getFieldPath(null, 'a')).toBeUndefined();
  });

  it('does not follow inherited properties', () => {
    expect(getFieldPath(doc, 'data.constructor')).toBeUndefined();
    expect(getFieldPath(doc, '__proto__')).toBeUndefined();
  });

  it('reports malformed paths and never throws from the getter', () => {
    expect(fieldPathError('a..b')).toMatch(/empty segment/);
    expect(fieldPathError('a[x]')).toMatch(/not an index/);
    expect(fieldPathError('a[0')).toMatch(/unclosed/);
    expect(fieldPathError('a.')).toMatch(/ends with/);
    expect(fieldPathError('data.x[2].y')).toBeUndefined();
    expect(getFieldPath(doc, 'a..b')).toBeUndefined();
    expect(() => parseFieldPath('a..b')).toThrow(/a\.\.b/);
  });
});
