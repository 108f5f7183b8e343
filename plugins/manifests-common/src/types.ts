/** A Kubernetes object as read from YAML or built here (JSON as the API takes it). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** kind/namespace/name of the object a finding is about. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export type Severity = 'error' | 'warning';

/** One policy finding. `ruleId`, `severity` and `fix` come from the rule catalogue. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  object: ObjectRef;
  message: string;
  /** one line: what to change */
  fix: string;
}
