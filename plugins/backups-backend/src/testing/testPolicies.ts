/**
 * A database policy a freshly made test repository can satisfy: hourly
 * fulls kept 2 hours, half-hourly incrementals kept 1 hour, a 1-day grace
 * period (so the retention's oldest run is "not yet due" and a backup made
 * now serves the last due run), WAL lag warning after 5 seconds. The
 * documented policy (weekly fulls kept 4 weeks) would rightly call a
 * minutes-old repository short of its retention.
 */
export const TEST_DATABASE_POLICY = {
  kind: 'database',
  timeZone: 'UTC',
  gracePeriod: '1d',
  full: { schedule: '0 * * * *', retention: '2h' },
  incremental: { schedule: '*/30 * * * *', retention: '1h' },
  walArchive: { retention: '2h', lag: { warning: '5s', critical: '1h' } },
};
