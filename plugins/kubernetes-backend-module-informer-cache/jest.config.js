/*
 * The Backstage CLI's jest config for a Node.js package, with one change:
 * `import()` inside JavaScript dependencies is compiled to `require()`.
 *
 * @backstage/plugin-kubernetes-backend loads the ESM-only
 * @kubernetes/client-node with `await import(...)`; the CLI's default config
 * keeps dynamic imports native for Node.js packages, and jest cannot run
 * those without `--experimental-vm-modules`, so starting the official
 * backend in the comparison test fails. Compiling them to `require()` lets
 * jest's own transform load @kubernetes/client-node, exactly as it does for
 * our sources' static imports. Our TypeScript sources keep the CLI defaults.
 */
const path = require('node:path');

const swc = require.resolve('@backstage/cli/config/jestSwcTransform');
const moduleOptions = ignoreDynamic => ({
  module: { ignoreDynamic, exportInteropAnnotation: true },
});

// the CLI's list of node_modules that are never transformed
const transformIgnorePattern = [
  '@material-ui',
  'ajv',
  'core-js',
  'jest-.*',
  'jsdom',
  'knex',
  'react',
  'react-dom',
  'highlight\\.js',
  'prismjs',
  'json-schema',
  'react-use/lib',
  'typescript',
].join('|');

module.exports = {
  displayName: require('./package.json').name,
  rootDir: path.resolve(__dirname, 'src'),
  testMatch: ['**/*.test.{ts,js,tsx,jsx,mts,cts,mjs,cjs}'],
  testEnvironment: require.resolve('jest-environment-node'),
  moduleFileExtensions: [
    'ts',
    'js',
    'tsx',
    'jsx',
    'mts',
    'cts',
    'mjs',
    'cjs',
    'json',
    'node',
  ],
  transformIgnorePatterns: [`/node_modules/(?:${transformIgnorePattern})/`],
  transform: {
    '\\.(mjs|cjs|js)$': [
      swc,
      { ...moduleOptions(false), jsc: { parser: { syntax: 'ecmascript' } } },
    ],
    '\\.(mts|cts|ts)$': [
      swc,
      { ...moduleOptions(true), jsc: { parser: { syntax: 'typescript' } } },
    ],
    '\\.(yaml)$': require.resolve('@backstage/cli/config/jestYamlTransform'),
  },
  coverageProvider: 'babel',
  collectCoverageFrom: ['**/*.{js,jsx,ts,tsx,mjs,cjs}', '!**/*.d.ts'],
};
