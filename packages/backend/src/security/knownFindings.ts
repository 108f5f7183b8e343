/**
 * Fuzz findings of the route inventory that are reported but not fixed yet
 * (route, input, status and body excerpt went to the lead): each entry keeps
 * the suite green for that one route and input until the fix lands, then
 * goes (the test prints entries that no longer reproduce, except those that
 * reproduce only sometimes).
 */
export const KNOWN_FINDINGS: ReadonlyArray<{
  /** `METHOD /path` as in ROUTES */
  route: string;
  /** the FuzzCase input */
  input: string;
  /** what happens, and whose it is */
  finding: string;
  /** depends on timing: not reported when it does not reproduce */
  sometimes?: true;
}> = [
  // plugins/alerts-backend: the simulator answers like Alertmanager 0.25
  // (DELETE of an unknown silence is a 500 "silence not found"), which the
  // router passes on as an upstream failure instead of a 404
  {
    route: 'DELETE /api/alerts/silences/:id',
    input: 'param id: unknown, well-formed',
    finding: '502 SourceError "Alertmanager \'default\' answered 500"',
  },
  // @backstage/plugin-kubernetes-backend 0.21: POST /services/:serviceId
  // reads body.entity.metadata without checking the body
  ...[
    'body: JSON sent as text/plain',
    'body: empty',
    'body: array instead of an object',
    'body: object nested 10,000 levels instead of an object',
    'body: array nested 10,000 levels instead of an object',
    'body.entity: null',
  ].map(input => ({
    route: 'POST /api/kubernetes/services/:name',
    input,
    finding: '500 "Cannot read properties of undefined (reading \'metadata\')"',
  })),
  // the same backend's custom resource query builds paths from unchecked
  // customResources values: a deeply nested array overflows the stack
  ...['group', 'apiVersion', 'plural'].map(field => ({
    route: 'POST /api/kubernetes/resources/custom/query',
    input: `body.customResources[0].${field}: array nested 10,000 levels`,
    finding: '500 RangeError "Maximum call stack size exceeded"',
  })),
  // ... and a 64 KB value gets a request past the API server's header limit;
  // when the API server resets the connection instead of answering 431 the
  // error names the cluster's internal URL (depends on timing)
  ...['group', 'apiVersion', 'plural'].map(field => ({
    route: 'POST /api/kubernetes/resources/custom/query',
    input: `body.customResources[0].${field}: 64 KB string`,
    finding:
      '200 whose errors[].message is "Invalid response body while trying to fetch https://<cluster host:port>/apis/..."',
    sometimes: true as const,
  })),
  // its proxy decodes the path and answers a bad percent-encoding with 500
  ...['lone percent', 'bad percent-encoding'].map(what => ({
    route: 'GET /api/kubernetes/proxy/*',
    input: `param *: ${what}`,
    finding: '500 Status "Internal error occurred: URI malformed"',
  })),
];
