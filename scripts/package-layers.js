#!/usr/bin/env node
// Dependencies between the workspace packages point one way: down the layers
// that `backstage.role` in each package.json names, never sideways between
// features. Also draws that picture (a mermaid graph) into README.md.
//
//   node scripts/package-layers.js                 check; exit 1 naming each bad pair
//   node scripts/package-layers.js --write-readme  regenerate README's picture
//
// Checked by scripts/package-layers.test.js (node --test, in scripts/test.sh).
const fs = require('node:fs');
const path = require('node:path');

/**
 * The layers, lowest first. A package may depend on packages of a lower
 * layer on its side (or isomorphic); within a layer only as `sameLayer` says.
 */
const LAYERS = {
  'common-library': { rank: 0, side: 'isomorphic' },
  'node-library': { rank: 1, side: 'node' },
  'web-library': { rank: 1, side: 'web' },
  // tools (the simulator, the lint CLI): test doubles other packages may use
  cli: { rank: 1, side: 'node' },
  'backend-plugin': { rank: 2, side: 'node' },
  'backend-plugin-module': { rank: 2, side: 'node' },
  'frontend-plugin': { rank: 2, side: 'web' },
  'frontend-plugin-module': { rank: 2, side: 'web' },
  backend: { rank: 3, side: 'node' },
  frontend: { rank: 3, side: 'web' },
};

const LAYER_TITLES = [
  '-common (isomorphic)',
  'libraries and tools',
  'plugins and modules',
  'app and backend',
];

/**
 * Known exceptions, each with its reason: a pair `from -> to` listed here is
 * reported but does not fail. Keep it empty; an entry is a debt.
 */
const EXCEPTIONS = {
  '@fdp/plugin-operations -> @fdp/plugin-alerts':
    'operations composes the feature cards; to be replaced by extensions or -react libraries',
  '@fdp/plugin-operations -> @fdp/plugin-backups':
    'operations composes the feature cards; to be replaced by extensions or -react libraries',
  '@fdp/plugin-operations -> @fdp/plugin-cluster-health':
    'operations composes the feature cards; to be replaced by extensions or -react libraries',
  '@fdp/plugin-operations -> @fdp/plugin-incidents':
    'operations composes the feature cards; to be replaced by extensions or -react libraries',
};

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'devDependencies',
];

/** The workspace packages under `root` (packages/*, plugins/*). */
function readWorkspace(root) {
  const packages = [];
  for (const group of ['packages', 'plugins']) {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      packages.push({
        name: json.name,
        dir: `${group}/${name}`,
        role: json.backstage?.role,
        pluginId: json.backstage?.pluginId,
        ...Object.fromEntries(DEPENDENCY_FIELDS.map(f => [f, json[f] ?? {}])),
      });
    }
  }
  return packages;
}

/** Every dependency between workspace packages: { from, to, field }. */
function edges(packages) {
  const names = new Set(packages.map(p => p.name));
  const out = [];
  for (const p of packages) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const dep of Object.keys(p[field] ?? {}).sort()) {
        if (names.has(dep)) out.push({ from: p.name, to: dep, field });
      }
    }
  }
  return out;
}

/** Why `from` may not depend on `to`, or undefined when it may. */
function violation(from, to) {
  const a = LAYERS[from.role];
  const b = LAYERS[to.role];
  if (!a || !b) return undefined; // reported once per package below
  // the backend serves the app's bundle (app-backend), as upstream does
  if (from.role === 'backend' && to.role === 'frontend') return undefined;
  if (b.side !== 'isomorphic' && a.side !== 'isomorphic' && a.side !== b.side) {
    return `a ${from.role} (${a.side}) depends on a ${to.role} (${b.side})`;
  }
  if (a.side === 'isomorphic' && b.side !== 'isomorphic') {
    return `a ${from.role} must stay isomorphic but depends on a ${to.role}`;
  }
  if (b.rank > a.rank) {
    return `points upward: a ${from.role} depends on a ${to.role}`;
  }
  // a generic library (no pluginId) sits below every feature, -common too
  const library = from.role === 'node-library' || from.role === 'web-library';
  if (library && !from.pluginId && to.pluginId) {
    return `a generic ${from.role} depends on the ${to.pluginId} feature's ${to.role}`;
  }
  if (b.rank === a.rank && a.rank >= 2) {
    const moduleOfIt =
      from.role.endsWith('-module') &&
      !to.role.endsWith('-module') &&
      from.pluginId !== undefined &&
      from.pluginId === to.pluginId;
    if (!moduleOfIt) {
      return `sideways between features: a ${from.role} depends on a ${to.role}`;
    }
  }
  return undefined;
}

/** Dependency cycles between workspace packages, each as a list of names. */
function cycles(packages) {
  const graph = new Map(packages.map(p => [p.name, []]));
  for (const e of edges(packages)) graph.get(e.from).push(e.to);
  const found = [];
  const state = new Map(); // 1 visiting, 2 done
  const stack = [];
  const visit = name => {
    state.set(name, 1);
    stack.push(name);
    for (const next of graph.get(name)) {
      if (state.get(next) === 1) {
        found.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(name, 2);
  };
  for (const name of graph.keys()) if (!state.has(name)) visit(name);
  return found;
}

/**
 * The layering verdict: `problems` fail (each names the pair), `excused` are
 * violations listed in `exceptions` with their reason.
 */
function check(packages, exceptions = EXCEPTIONS) {
  const byName = new Map(packages.map(p => [p.name, p]));
  const problems = [];
  const excused = [];
  for (const p of packages) {
    if (!LAYERS[p.role]) {
      problems.push(
        `${p.name} (${p.dir}): backstage.role '${
          p.role
        }' is not one of ${Object.keys(LAYERS).join(', ')}`,
      );
    }
  }
  for (const e of edges(packages)) {
    const why = violation(byName.get(e.from), byName.get(e.to));
    if (!why) continue;
    const pair = `${e.from} -> ${e.to}`;
    if (exceptions[pair]) {
      excused.push(
        `${pair} (${e.field}): ${why}; excepted: ${exceptions[pair]}`,
      );
    } else {
      problems.push(`${pair} (${e.field}): ${why}`);
    }
  }
  for (const cycle of cycles(packages)) {
    problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
  }
  return { problems, excused };
}

const README_START =
  '<!-- package-graph:start (node scripts/package-layers.js --write-readme) -->';
const README_END = '<!-- package-graph:end -->';

const id = name => name.replace(/^@fdp\//, '').replace(/[^a-zA-Z0-9]/g, '_');

/** The README section: a mermaid graph of the packages by layer. */
function graph(packages) {
  const lines = [README_START, '', '```mermaid', 'flowchart BT'];
  LAYER_TITLES.forEach((title, rank) => {
    const members = packages.filter(p => LAYERS[p.role]?.rank === rank);
    if (members.length === 0) return;
    lines.push(`  subgraph layer${rank}["${title}"]`);
    for (const p of members) {
      lines.push(`    ${id(p.name)}["${p.name}<br/>${p.role}"]`);
    }
    lines.push('  end');
  });
  for (const e of edges(packages)) {
    const arrow = e.field === 'devDependencies' ? '-.->' : '-->';
    lines.push(`  ${id(e.from)} ${arrow} ${id(e.to)}`);
  }
  lines.push(
    '```',
    '',
    'Arrows point from a package to what it depends on (dotted: test-only',
    'devDependencies). `scripts/package-layers.test.js` fails when a dependency',
    'points up a layer or sideways between features, and when this picture is',
    'out of date.',
    '',
    README_END,
  );
  return lines.join('\n');
}

/** README text with its picture replaced by `section`. */
function withGraph(readme, section) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  }
  return (
    readme.slice(0, start) + section + readme.slice(end + README_END.length)
  );
}

module.exports = {
  LAYERS,
  EXCEPTIONS,
  readWorkspace,
  edges,
  violation,
  check,
  cycles,
  graph,
  withGraph,
  README_START,
  README_END,
};

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const packages = readWorkspace(root);
  if (process.argv.includes('--write-readme')) {
    const file = path.join(root, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, withGraph(readme, graph(packages)));
    console.log('README.md: package graph written');
  }
  const { problems, excused } = check(packages);
  excused.forEach(line => console.log(`excepted: ${line}`));
  problems.forEach(line => console.error(`layering: ${line}`));
  process.exitCode = problems.length > 0 ? 1 : 0;
}
