import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Backups (plugin `backups`): backup targets checked against the backup policies. */
  backups?: {
    /**
     * Backup policies by name. The defaults are the documented ones:
     * `postgresql` (database) and `cluster-snapshots` (snapshot); see the
     * README of `@fdp/plugin-backups-common` for every field.
     */
    policies?: { [name: string]: any };
    /**
     * Time between two reads of every source, e.g. `{ minutes: 1 }` or `60s`.
     * Default 1 minute.
     */
    refreshInterval?: HumanDuration | string;
    /** @deprecated use `refreshInterval`; seconds, still read (with a warning) when it is absent */
    refreshSeconds?: number;
    /** pgBackRest repositories, read with `pgbackrest info --output=json`. */
    pgbackrest?: Array<{
      /** The source's name, shown with its errors. */
      name: string;
      /**
       * The command and its arguments, run without a shell, e.g.
       * `[pgbackrest, --config=/etc/pgbackrest/pgbackrest.conf, info, --output=json]`.
       * Set this or `file`.
       */
      command?: string[];
      /** The output of `pgbackrest info --output=json` a CronJob writes. Set this or `command`. */
      file?: string;
      /** The command is killed after this long, e.g. `{ seconds: 30 }` or `30s`. Default 30 seconds. */
      timeout?: HumanDuration | string;
      /** @deprecated use `timeout`; seconds, still read (with a warning) when it is absent */
      timeoutSeconds?: number;
      /** The command is killed (the file refused) past this many bytes. Default 16 MiB. */
      maxOutputBytes?: number;
      /** The targets of this repository: one per stanza. */
      stanzas: Array<{
        /** The target's name (`fdp.io/backup-targets`), unique across sources. */
        target: string;
        /** The pgBackRest stanza. Default: the target's name. */
        stanza?: string;
        /** A database policy. Default `postgresql`. */
        policy?: string;
        /** Where the WAL lag is read from: the database's `pg_stat_archiver`. */
        archiver?: {
          /**
           * A PostgreSQL connection string of the backed-up database
           * (any user may read pg_stat_archiver).
           * @visibility secret
           */
          connection: string;
        };
      }>;
    }>;
    /** Velero installations, read through the shared Kubernetes informer cache. */
    velero?: Array<{
      /** The source's name, shown with its errors. */
      name: string;
      /** A cluster of `kubernetes.clusterLocatorMethods`. */
      cluster: string;
      /** Velero's namespace. Default `velero`. */
      namespace?: string;
      /** The targets: one per Velero Schedule. */
      schedules: Array<{
        /** The target's name (`fdp.io/backup-targets`), unique across sources. */
        target: string;
        /** The Velero Schedule whose backups (label velero.io/schedule-name) are the target's. */
        schedule: string;
        /** A snapshot policy. Default `cluster-snapshots`. */
        policy?: string;
      }>;
    }>;
  };
}
