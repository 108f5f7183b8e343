import { parseIncidentId } from './parseIncidentId';

describe('parseIncidentId', () => {
  it('takes a UUID', () => {
    expect(
      parseIncidentId({ id: '0B6F3A52-5D0C-4D8E-9A43-0D2F4BB0C1AA' }),
    ).toBe('0b6f3a52-5d0c-4d8e-9a43-0d2f4bb0c1aa');
  });

  it.each(['42', "1' or '1'='1", ''])('answers 404 for %j', id => {
    expect(() => parseIncidentId({ id })).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
  });
});
