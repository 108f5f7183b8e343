import { InputError } from '@backstage/errors';
import { parseTargetsQuery } from './parseTargetsQuery';

describe('parseTargetsQuery', () => {
  it.each([
    [{}, undefined],
    [{ status: '' }, undefined],
    [{ status: 'critical' }, ['critical']],
    [{ status: 'warning, critical' }, ['warning', 'critical']],
    [{ status: ['ok', 'warning'] }, ['ok', 'warning']],
  ])('%j → %j', (query, status) => {
    expect(parseTargetsQuery(query).status).toEqual(status);
  });

  it.each([
    [{ status: 'bad' }, /status/],
    [{ status: ['ok', 'ok', 'ok', 'ok'] }, /status/],
    [{ limit: '5' }, /Unrecognized key.*limit/],
  ])('refuses %j with a 400 naming it', (query, message) => {
    expect(() => parseTargetsQuery(query)).toThrow(InputError);
    expect(() => parseTargetsQuery(query)).toThrow(message);
  });
});
