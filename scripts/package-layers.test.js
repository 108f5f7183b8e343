// The workspace's dependencies point one way (scripts/package-layers.js), and
// README.md's package picture is the one the package.json files draw.
// Run by scripts/test.sh: node --test.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const {
  check,
  graph,
  readWorkspace,
  withGraph,
  README_START,
} = require('./package-layers');

const root = path.resolve(__dirname, '..');
const fixture = path.join(__dirname, 'fixtures', 'package-layers');

test('the workspace has no dependency pointing up a layer or sideways between features', () => {
  const { problems, excused } = check(readWorkspace(root));
  excused.forEach(line => console.log(`excepted: ${line}`));
  assert.deepEqual(problems, []);
});

test('README.md shows the current package picture (node scripts/package-layers.js --write-readme)', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(README_START), 'README.md has the section');
  const current = withGraph(readme, graph(readWorkspace(root)));
  assert.equal(
    readme,
    current,
    'README.md package picture is out of date: run node scripts/package-layers.js --write-readme',
  );
});

test('a fixture workspace with bad dependencies fails, naming each pair', () => {
  const { problems } = check(readWorkspace(fixture), {});
  assert.deepEqual(
    problems.sort(),
    [
      "@x/cache-node -> @x/plugin-health-common (dependencies): a generic node-library depends on the health feature's common-library",
      '@x/cache-node -> @x/plugin-health-backend (dependencies): points upward: a node-library depends on a backend-plugin',
      '@x/plugin-health -> @x/cache-node (dependencies): a frontend-plugin (web) depends on a node-library (node)',
      '@x/plugin-health -> @x/plugin-other (dependencies): sideways between features: a frontend-plugin depends on a frontend-plugin',
      '@x/plugin-health-common -> @x/web-lib (dependencies): a common-library must stay isomorphic but depends on a web-library',
      'dependency cycle: @x/cache-node -> @x/plugin-health-backend -> @x/cache-node',
      "odd (plugins/odd): backstage.role 'plugin' is not one of common-library, node-library, web-library, cli, backend-plugin, backend-plugin-module, frontend-plugin, frontend-plugin-module, backend, frontend",
    ].sort(),
  );
});

test('a module may depend on its own plugin, the backend on the app, anything on a -common', () => {
  const pkg = (name, role, deps = [], pluginId) => ({
    name,
    dir: `plugins/${name}`,
    role,
    pluginId,
    dependencies: Object.fromEntries(deps.map(d => [d, 'workspace:^'])),
  });
  const { problems } = check(
    [
      pkg('common', 'common-library'),
      pkg('plugin', 'backend-plugin', ['common'], 'a'),
      pkg('module', 'backend-plugin-module', ['plugin', 'common'], 'a'),
      pkg('other-module', 'backend-plugin-module', ['plugin'], 'b'),
      pkg('app', 'frontend', ['common']),
      pkg('backend', 'backend', ['app', 'plugin', 'module']),
    ],
    {},
  );
  assert.deepEqual(problems, [
    'other-module -> plugin (dependencies): sideways between features: a backend-plugin-module depends on a backend-plugin',
  ]);
});

test('an excepted pair is reported with its reason, not failed', () => {
  const { problems, excused } = check(readWorkspace(fixture), {
    '@x/plugin-health -> @x/plugin-other': 'being moved',
  });
  assert.ok(
    !problems.some(p => p.startsWith('@x/plugin-health -> @x/plugin-other')),
  );
  assert.deepEqual(excused, [
    '@x/plugin-health -> @x/plugin-other (dependencies): sideways between features: a frontend-plugin depends on a frontend-plugin; excepted: being moved',
  ]);
});
