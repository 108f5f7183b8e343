import {
  createIncidentRequestSchema,
  listIncidentsQuerySchema,
  noteRequestSchema,
  statsQuerySchema,
  transitionRequestSchema,
  updateIncidentRequestSchema,
} from './requests';

/** The path and message of the first issue, as the backend turns it into a 400. */
function issue(result: { success: boolean; error?: { issues: any[] } }) {
  const first = result.error?.issues[0];
  return first && `${first.path.join('.')}: ${first.message}`;
}

describe('POST /incidents body', () => {
  it('accepts a complete body and trims the title', () => {
    const parsed = createIncidentRequestSchema.parse({
      title: '  trading-api down ',
      description: 'All pods crash-looping',
      level: 'P1',
      entityRef: 'component:default/trading-api',
      owner: 'user:default/devops-lead',
      responders: ['user:default/system-architect'],
      detectedAt: '2026-11-30T00:00:00Z',
    });
    expect(parsed.title).toBe('trading-api down');
  });

  it.each([
    [{ level: 'P1' }, 'title: Required'],
    [{ title: '   ', level: 'P1' }, 'title: String must contain at least 1'],
    [
      { title: 'x'.repeat(201), level: 'P1' },
      'title: String must contain at most 200',
    ],
    [
      { title: 'x', level: 'critical' },
      'level: a level id is P followed by a number',
    ],
    [
      { title: 'x', level: 'P1', description: 'x'.repeat(10_001) },
      'description: String must contain at most 10000',
    ],
    [
      { title: 'x', level: 'P1', entityRef: 'x'.repeat(256) },
      'entityRef: String must contain at most 255',
    ],
    [
      { title: 'x', level: 'P1', responders: Array(51).fill('user:default/a') },
      'responders: Array must contain at most 50',
    ],
    [
      { title: 'x', level: 'P1', detectedAt: 'yesterday' },
      'detectedAt: Invalid datetime',
    ],
    [
      { title: 'x', level: 'P1', stage: 'closed' },
      ": Unrecognized key(s) in object: 'stage'",
    ],
    [{ title: 42, level: 'P1' }, 'title: Expected string, received number'],
  ])('refuses %j', (body, message) => {
    expect(issue(createIncidentRequestSchema.safeParse(body))).toContain(
      message,
    );
  });

  it('accepts a title of exactly 200 characters', () => {
    expect(
      createIncidentRequestSchema.safeParse({
        title: 'x'.repeat(200),
        level: 'P1',
      }).success,
    ).toBe(true);
  });
});

describe('PATCH /incidents/:id body', () => {
  it('accepts a level change with its reason and an unassignment', () => {
    expect(
      updateIncidentRequestSchema.parse({
        version: 3,
        level: 'P1',
        levelReason: 'all pods down',
        owner: null,
      }),
    ).toEqual({
      version: 3,
      level: 'P1',
      levelReason: 'all pods down',
      owner: null,
    });
  });

  it.each([
    [{ title: 'x' }, 'version: Required'],
    [{ version: 0, title: 'x' }, 'version: Number must be greater than 0'],
    [{ version: 1.5, title: 'x' }, 'version: Expected integer'],
    [{ version: '2', title: 'x' }, 'version: Expected number, received string'],
    [{ version: 2 }, ': Nothing to change'],
    [
      { version: 2, levelReason: 'why' },
      'levelReason: levelReason is only meaningful with level',
    ],
    [
      { version: 2, postmortem: 'x'.repeat(100_001) },
      'postmortem: String must contain at most 100000',
    ],
    [{ version: 2, stage: 'closed' }, "Unrecognized key(s) in object: 'stage'"],
  ])('refuses %j', (body, message) => {
    expect(issue(updateIncidentRequestSchema.safeParse(body))).toContain(
      message,
    );
  });
});

describe('POST /incidents/:id/transitions body', () => {
  it('accepts a stage and a note', () => {
    expect(
      transitionRequestSchema.parse({
        to: 'responding',
        note: 'team assembled',
      }),
    ).toEqual({ to: 'responding', note: 'team assembled' });
  });

  it.each([
    [{}, 'to: Required'],
    [{ to: 'done' }, "to: Invalid enum value. Expected 'detected' | 'triaged'"],
    [
      { to: 'closed', note: 'x'.repeat(10_001) },
      'note: String must contain at most 10000',
    ],
    [{ to: 'closed', version: 1 }, "Unrecognized key(s) in object: 'version'"],
  ])('refuses %j', (body, message) => {
    expect(issue(transitionRequestSchema.safeParse(body))).toContain(message);
  });
});

describe('POST /incidents/:id/notes body', () => {
  it('takes 1 to 10,000 characters', () => {
    expect(noteRequestSchema.parse({ text: ' checked the pods ' })).toEqual({
      text: 'checked the pods',
    });
    expect(
      noteRequestSchema.safeParse({ text: 'x'.repeat(10_000) }).success,
    ).toBe(true);
    expect(
      issue(noteRequestSchema.safeParse({ text: 'x'.repeat(10_001) })),
    ).toContain('text: String must contain at most 10000');
    expect(issue(noteRequestSchema.safeParse({ text: ' ' }))).toContain(
      'text: String must contain at least 1',
    );
  });
});

describe('GET /incidents query', () => {
  it('reads the filters and defaults the page size', () => {
    expect(
      listIncidentsQuerySchema.parse({
        status: 'open',
        level: 'P1',
        entityRef: 'component:default/trading-api',
        q: 'latency',
      }),
    ).toEqual({
      status: 'open',
      level: 'P1',
      entityRef: 'component:default/trading-api',
      q: 'latency',
      limit: 50,
    });
    expect(
      listIncidentsQuerySchema.parse({ status: 'mitigating', limit: '10' }),
    ).toEqual({ status: 'mitigating', limit: 10 });
  });

  it.each([
    [{ status: 'pending' }, 'status: Invalid enum value'],
    [{ limit: '0' }, 'limit: Number must be greater than or equal to 1'],
    [{ limit: '101' }, 'limit: Number must be less than or equal to 100'],
    [{ limit: 'many' }, 'limit: Expected number, received nan'],
    [{ level: ['P1', 'P2'] }, 'level: Expected string, received array'],
    [{ q: 'x'.repeat(201) }, 'q: String must contain at most 200'],
    [{ sort: 'title' }, "Unrecognized key(s) in object: 'sort'"],
  ])('refuses %j', (query, message) => {
    expect(issue(listIncidentsQuerySchema.safeParse(query))).toContain(message);
  });
});

describe('GET /stats query', () => {
  it('defaults to 30 days and takes 7, 30 or 90', () => {
    expect(statsQuerySchema.parse({})).toEqual({ window: '30d' });
    expect(statsQuerySchema.parse({ window: '90d' })).toEqual({
      window: '90d',
    });
    expect(issue(statsQuerySchema.safeParse({ window: '1y' }))).toContain(
      "window: Invalid enum value. Expected '7d' | '30d' | '90d'",
    );
  });
});
