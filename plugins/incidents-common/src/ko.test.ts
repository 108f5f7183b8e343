import { DEFAULT_LEVELS } from './levels';
import { SEED_TEXTS_KO } from './ko';
import { STAGES } from './stages';

describe('Korean texts of the operations manual', () => {
  it('name every default level and every stage the procedure names', () => {
    expect(Object.keys(SEED_TEXTS_KO.levels)).toEqual(
      DEFAULT_LEVELS.map(l => l.id),
    );
    expect(STAGES.filter(s => !(s in SEED_TEXTS_KO.stages))).toEqual([
      'responding',
      'closed',
    ]);
  });

  it('are the manual’s words for P1', () => {
    expect(SEED_TEXTS_KO.levels.P1).toEqual({
      description: '서비스 완전 중단',
      action: '긴급 대응팀 소집',
      response: '15분 이내',
      resolution: '2시간 이내',
    });
  });
});
