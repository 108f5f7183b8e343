/**
 * Egress the documented security groups imply for application pods: the
 * database group admits 5432 (PostgreSQL/TimescaleDB) and 6379 (Redis) from
 * the application group, and every pod resolves names through DNS.
 */
export const PLATFORM_EGRESS: Array<{
  what: string;
  protocol: 'TCP' | 'UDP';
  port: number;
}> = [
  { what: 'DNS', protocol: 'UDP', port: 53 },
  { what: 'DNS', protocol: 'TCP', port: 53 },
  { what: 'PostgreSQL', protocol: 'TCP', port: 5432 },
  { what: 'Redis', protocol: 'TCP', port: 6379 },
];
