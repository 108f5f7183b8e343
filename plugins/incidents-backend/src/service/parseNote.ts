import { noteRequestSchema } from '@fdp/plugin-incidents-common';
import { parseInput } from '@fdp/platform-node';

/** The POST /incidents/:id/notes body: the note's text, trimmed. */
export function parseNote(body: unknown): string {
  return parseInput(noteRequestSchema, body, 'note').text;
}
