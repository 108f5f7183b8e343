import { decodeCursor, encodeCursor } from './cursor';

describe('list cursor', () => {
  const cursor = {
    open: true,
    detectedMs: Date.parse('2026-11-30T00:15:00Z'),
    id: '0b6f3a52-5d0c-4d8e-9a43-0d2f4bb0c1aa',
  };

  it('round-trips and is URL safe', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, open: false }))).toEqual({
      ...cursor,
      open: false,
    });
  });

  it.each([
    ['not base64', '!!!'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['another shape', Buffer.from('{"o":1}').toString('base64url')],
    [
      'an extra field',
      Buffer.from(JSON.stringify({ o: 1, d: 1, i: cursor.id, x: 1 })).toString(
        'base64url',
      ),
    ],
    [
      'a negative time',
      Buffer.from(JSON.stringify({ o: 0, d: -5, i: cursor.id })).toString(
        'base64url',
      ),
    ],
  ])('refuses %s with a 400 naming the cursor', (_, value) => {
    expect(() => decodeCursor(value)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'Invalid cursor: pass the nextCursor of a previous page unchanged',
      }),
    );
  });
});
