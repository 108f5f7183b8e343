import { parseManifests } from './parseManifests';

describe('parseManifests', () => {
  it('returns every non-empty document with the line it starts on', () => {
    const text = 'a: 1\n---\n---\n# comment\nb: 2\n...\n';
    expect(parseManifests(text)).toEqual([
      { object: { a: 1 }, line: 1 },
      { object: { b: 2 }, line: 5 },
    ]);
  });

  it('refuses bad YAML with an InputError naming the source and line', () => {
    expect(() => parseManifests('a: 1\n---\nb: [1, 2\n', 'k8s/x.yaml')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/^k8s\/x\.yaml: line \d+: /),
      }),
    );
  });
});
