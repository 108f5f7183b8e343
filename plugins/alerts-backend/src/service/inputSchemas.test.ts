import { z } from 'zod';
import { parseInput, text } from './inputSchemas';

describe('text', () => {
  it('bounds the length and refuses control characters', () => {
    expect(text(3).safeParse('abc').success).toBe(true);
    expect(text(3).safeParse('abcd').success).toBe(false);
    expect(text(9).safeParse('a\u0000b').success).toBe(false);
    expect(text(9).safeParse('a\nb').success).toBe(false);
    expect(text(9, { multiline: true }).safeParse('a\n\tb').success).toBe(true);
    expect(text(9, { multiline: true }).safeParse('a\u0000b').success).toBe(
      false,
    );
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: text(5) }).strict();
  it('returns the data', () => {
    expect(parseInput(schema, { name: 'ok' }, 'thing')).toEqual({
      name: 'ok',
    });
  });

  it('throws an InputError naming every bad field, at most five', () => {
    expect(() => parseInput(schema, { name: 7, nmae: 'x' }, 'thing')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'Invalid thing: Expected string, received number at "name"; ' +
          "Unrecognized key(s) in object: 'nmae'",
      }),
    );
    const many = z.array(z.string());
    const error = (() => {
      try {
        parseInput(many, Array(100).fill(1), 'list');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message.split('; ')).toHaveLength(5);
  });
});
