import { IncidentStage } from './stages';

/**
 * The operations manual's own (Korean) words for the levels and the steps of
 * the response procedure (its section "장애 대응"), the source of the
 * incidents plugin's Korean messages for them. Only what the manual says:
 * `closed` and a generic `responding` have no Korean original there.
 */
export const SEED_TEXTS_KO = {
  title: '장애 대응',
  levelsTitle: '장애 레벨 정의',
  procedureTitle: '장애 대응 절차',
  levels: {
    P1: {
      description: '서비스 완전 중단',
      action: '긴급 대응팀 소집',
      response: '15분 이내',
      resolution: '2시간 이내',
    },
    P2: {
      description: '주요 기능 장애',
      action: '담당자 할당',
      response: '30분 이내',
      resolution: '4시간 이내',
    },
    P3: {
      description: '부분 기능 장애',
      action: '일반 처리',
      response: '2시간 이내',
      resolution: '8시간 이내',
    },
  },
  stages: {
    detected: '장애 감지',
    triaged: '심각도 판단',
    reported: '상황 보고',
    investigating: '원인 분석',
    mitigating: '해결 방안 실행',
    resolved: '복구 확인',
    postmortem: '사후 분석',
  } satisfies Partial<Record<IncidentStage, string>>,
} as const;
