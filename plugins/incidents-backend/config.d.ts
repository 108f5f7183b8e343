import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Incidents (plugin `incidents`). */
  incidents?: {
    /**
     * Incident levels merged over the operations manual's P1/P2/P3 (see
     * `@fdp/plugin-incidents-common`'s README): a map from level id to the
     * fields to change; a new level sets name, response, resolution and
     * escalation.
     */
    levels?: {
      [levelId: string]: {
        /** e.g. `critical` */
        name?: string;
        /** e.g. `complete service outage` */
        description?: string;
        /** What `responding` means at this level, e.g. `Assemble the emergency team`. */
        action?: string;
        /** Time from detection within which the incident must be responding. */
        response?: HumanDuration | string;
        /** Time from detection within which the incident must be resolved. */
        resolution?: HumanDuration | string;
        /** Roles notified in this order; each must be a key of `incidents.roles`. */
        escalation?: string[];
      };
    };
    /**
     * Escalation role → catalog users or groups notified for it, e.g.
     * `devops_lead: user:default/devops-lead`. Defaults: the catalog's users
     * of each role of the manual (devops-lead, system-architect, cto,
     * devops-engineer, team-lead, on-call-engineer). A role set here
     * replaces its default.
     */
    roles?: {
      [role: string]: string | string[];
    };
    /** The Alertmanager webhook, `POST /api/incidents/webhooks/alertmanager`. */
    webhook?: {
      /**
       * Bearer token Alertmanager sends (`http_config.authorization`).
       * Without it the webhook answers 401 to every request.
       * @visibility secret
       */
      token?: string;
      /**
       * Alert `priority` label → level of the incident a firing group opens
       * when no alert has an `incident_level` label; `none` opens nothing.
       * Default high → P2, medium → P3, low → none.
       */
      priorityLevels?: {
        [priority: string]: string;
      };
    };
    /** Optional Slack incoming webhooks that also receive a level's escalations. */
    slack?: {
      /** Level id → incoming-webhook URL. */
      webhookUrls?: {
        /** @visibility secret */
        [levelId: string]: string;
      };
    };
  };
}
