import {
  canTransition,
  isAcknowledgedStage,
  isResolvedStage,
  STAGES,
  stagesOfStatus,
  transitionError,
  TransitionRefusalCode,
} from './stages';

// The stage transition rules as a matrix, row = from, column = to, in procedure
// order: `.` allowed, S same stage, B backward move, C closed.
//            det tri rsp rep inv mit rsd pm  clo
const RULES = [
  /* detected      */ 'S . . . . . . . .',
  /* triaged       */ 'B S . . . . . . .',
  /* responding    */ 'B B S . . . . . .',
  /* reported      */ 'B B B S . . . . .',
  /* investigating */ 'B B B B S . . . .',
  /* mitigating    */ 'B B B B B S . . .',
  /* resolved      */ 'B B B B B . S . .',
  /* postmortem    */ 'B B B B B B B S .',
  /* closed        */ 'C C C C C C C C S',
].map(row => row.split(' '));

const CODES: Record<string, TransitionRefusalCode | undefined> = {
  '.': undefined,
  S: 'SAME_STAGE',
  B: 'BACKWARD_MOVE',
  C: 'INCIDENT_CLOSED',
};

const PAIRS = STAGES.flatMap((from, i) =>
  STAGES.map((to, j) => [from, to, RULES[i][j]] as const),
);

describe('stage moves', () => {
  it('covers all 81 pairs', () => {
    expect(PAIRS).toHaveLength(81);
  });

  it.each(PAIRS)('%s → %s: %s', (from, to, rule) => {
    expect(transitionError(from, to)?.code).toBe(CODES[rule]);
    expect(canTransition(from, to)).toBe(rule === '.');
  });

  it.each(PAIRS.filter(([, , rule]) => rule !== '.'))(
    '%s → %s is refused with a message naming the target',
    (from, to) => {
      expect(transitionError(from, to)?.message).toContain(to);
    },
  );

  it('explains the one way back', () => {
    expect(transitionError('postmortem', 'mitigating')?.message).toBe(
      'Cannot move back from postmortem to mitigating; only resolved → mitigating reopens an incident',
    );
  });
});

describe('stage groups', () => {
  it('acknowledges from responding on and resolves from resolved on', () => {
    expect(STAGES.filter(isAcknowledgedStage)).toEqual([
      'responding',
      'reported',
      'investigating',
      'mitigating',
      'resolved',
      'postmortem',
      'closed',
    ]);
    expect(STAGES.filter(isResolvedStage)).toEqual([
      'resolved',
      'postmortem',
      'closed',
    ]);
  });

  it('selects the stages of a status filter', () => {
    expect(stagesOfStatus('open')).toEqual([
      'detected',
      'triaged',
      'responding',
      'reported',
      'investigating',
      'mitigating',
    ]);
    expect(stagesOfStatus('resolved')).toEqual(['resolved', 'postmortem']);
    expect(stagesOfStatus('closed')).toEqual(['closed']);
    expect(stagesOfStatus('reported')).toEqual(['reported']);
  });
});
