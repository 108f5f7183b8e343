import { milestonesAfterMove, milestonesOf, StageMove } from './milestones';

const at = (minutes: number) =>
  new Date(Date.UTC(2026, 10, 30) + minutes * 60_000).toISOString();

describe('milestones', () => {
  it('acknowledges on reaching responding and resolves on reaching resolved', () => {
    const moves: StageMove[] = [
      { from: 'detected', to: 'triaged', at: at(2) },
      { from: 'triaged', to: 'responding', at: at(10) },
      { from: 'responding', to: 'mitigating', at: at(40) },
      { from: 'mitigating', to: 'resolved', at: at(90) },
      { from: 'resolved', to: 'postmortem', at: at(200) },
      { from: 'postmortem', to: 'closed', at: at(300) },
    ];
    expect(milestonesOf(moves.slice(0, 1))).toEqual({});
    expect(milestonesOf(moves.slice(0, 2))).toEqual({ acknowledgedAt: at(10) });
    expect(milestonesOf(moves)).toEqual({
      acknowledgedAt: at(10),
      resolvedAt: at(90),
    });
  });

  it('counts a skipped responding or resolved stage as reached', () => {
    expect(
      milestonesOf([{ from: 'detected', to: 'investigating', at: at(5) }]),
    ).toEqual({ acknowledgedAt: at(5) });
    expect(
      milestonesOf([{ from: 'triaged', to: 'closed', at: at(7) }]),
    ).toEqual({ acknowledgedAt: at(7), resolvedAt: at(7) });
  });

  it('clears resolvedAt on reopening and takes the last resolution', () => {
    const resolved = { acknowledgedAt: at(10), resolvedAt: at(60) };
    const reopened = milestonesAfterMove(resolved, {
      from: 'resolved',
      to: 'mitigating',
      at: at(70),
    });
    expect(reopened).toEqual({ acknowledgedAt: at(10) });
    expect(
      milestonesAfterMove(reopened, {
        from: 'mitigating',
        to: 'resolved',
        at: at(130),
      }),
    ).toEqual({ acknowledgedAt: at(10), resolvedAt: at(130) });
  });

  it('keeps the resolution time through postmortem and closed', () => {
    expect(
      milestonesAfterMove(
        { acknowledgedAt: at(10), resolvedAt: at(60) },
        { from: 'resolved', to: 'closed', at: at(500) },
      ),
    ).toEqual({ acknowledgedAt: at(10), resolvedAt: at(60) });
  });

  it('does not change its input', () => {
    const current = { acknowledgedAt: at(10), resolvedAt: at(60) };
    milestonesAfterMove(current, {
      from: 'resolved',
      to: 'mitigating',
      at: at(61),
    });
    expect(current).toEqual({ acknowledgedAt: at(10), resolvedAt: at(60) });
  });
});
