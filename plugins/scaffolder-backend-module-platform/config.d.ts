export interface Config {
  scaffolder?: {
    platform?: {
      /**
       * Directory `platform:publish:local` creates service repositories in
       * (relative to the backend's working directory, e.g. `../../data/repos`
       * when started from packages/backend).
       */
      publishDir?: string;
    };
  };
}
