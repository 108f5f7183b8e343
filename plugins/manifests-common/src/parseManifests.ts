import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';

/** One YAML document of a manifest file, with where it starts. */
export interface ManifestDocument {
  object: unknown;
  /** 1-based line of the document's first character */
  line: number;
}

/**
 * The documents of a (multi-document) YAML text, empty documents left out.
 * Bad YAML is an InputError naming the source and line.
 */
export function parseManifests(
  text: string,
  source = 'input',
): ManifestDocument[] {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return parseAllDocuments(text).flatMap(doc => {
    if ('errors' in doc && doc.errors.length > 0) {
      const e = doc.errors[0];
      throw new InputError(
        `${source}: line ${e.linePos?.[0].line ?? lineOf(e.pos[0])}: ${e.message
          .split('\n')[0]
          .replace(/ at line \d+, column \d+:?$/, '')}`,
      );
    }
    const object = doc.toJS();
    if (object === null || object === undefined) {
      return [];
    }
    return [{ object, line: lineOf(doc.contents?.range?.[0] ?? 0) }];
  });
}
