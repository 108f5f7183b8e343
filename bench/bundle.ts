/* eslint-disable no-console */
/**
 * Bundle budget: the scripts the production app loads before its first page,
 * ours against a stock Backstage app of the same release (`backstage.json`)
 * made by `@backstage/create-app` from the npm registry.
 *
 * Both are measured the same way: the `<script src>` tags of the built
 * `index.html` (the entry chunks webpack/rspack inject; everything else is
 * loaded on demand), each file's raw bytes and its bytes after gzip -9,
 * summed, and the count. Target (issue 13): ours ≤ 1.15 × the stock app's,
 * raw and gzip.
 *
 * The stock app is cached under `.bench-cache/` (gitignored): created with
 * `--skip-install`, its `packages/backend` removed (the frontend build does
 * not use it and it needs native builds), installed with
 * `yarn install --mode=skip-build`, built with `yarn workspace app build`.
 * Reruns reuse its build.
 *
 * Run: yarn bench:bundle [--skip-build]
 *   --skip-build  measure the existing packages/app/dist instead of building
 *   CREATE_APP_VERSION=x.y.z  the create-app version to use (by default the
 *   newest one whose template is of our release)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.bench-cache');
const BUDGET = 1.15;

type Script = { src: string; raw: number; gzip: number };
type Measure = { scripts: Script[]; raw: number; gzip: number };

function run(cmd: string, args: string[], cwd: string) {
  console.log(
    `$ (${path.relative(ROOT, cwd) || '.'}) ${cmd} ${args.join(' ')}`,
  );
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
}

function output(cmd: string, args: string[], cwd: string) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8' });
}

/** The scripts that `index.html` loads, each raw and gzip -9. */
export function measureDist(dist: string): Measure {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts: Script[] = [];
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = tag.match(/\bsrc="([^"]+)"/)?.[1];
    if (!src) continue;
    // src is relative to the public path (app.baseUrl's path): keep the part
    // from `static/`, where the build puts every script
    const file = path.join(dist, src.replace(/^.*?(?=static\/)/, ''));
    const bytes = fs.readFileSync(file);
    scripts.push({
      src: path.basename(file),
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    });
  }
  return {
    scripts,
    raw: scripts.reduce((sum, s) => sum + s.raw, 0),
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
  };
}

/** The newest create-app whose template writes `release` into backstage.json. */
function createAppVersionFor(release: string): string {
  if (process.env.CREATE_APP_VERSION) return process.env.CREATE_APP_VERSION;
  const known = path.join(CACHE, `create-app-version-${release}`);
  if (fs.existsSync(known)) return fs.readFileSync(known, 'utf8').trim();
  const versions: string[] = JSON.parse(
    output(
      'npm',
      ['view', '@backstage/create-app', 'versions', '--json'],
      ROOT,
    ),
  );
  const packs = path.join(CACHE, 'create-app-packs');
  fs.mkdirSync(packs, { recursive: true });
  for (const version of versions.filter(v => !v.includes('-')).reverse()) {
    const tgz = output(
      'npm',
      ['pack', `@backstage/create-app@${version}`, '--silent'],
      packs,
    ).trim();
    // the release is inlined into the CLI from the monorepo's package.json
    const cli = output(
      'tar',
      ['-xzOf', tgz, 'package/dist/package.json.cjs.js'],
      packs,
    );
    const templateRelease = cli.match(/var version = "([^"]+)"/)?.[1];
    console.log(`@backstage/create-app@${version}: release ${templateRelease}`);
    if (templateRelease === release) {
      fs.writeFileSync(known, version);
      return version;
    }
    if (templateRelease && templateRelease < release) break;
  }
  throw new Error(`no @backstage/create-app makes a ${release} app`);
}

/** The stock app's dist, created, installed and built on the first run. */
function stockAppDist(release: string): string {
  const dir = path.join(CACHE, `stock-app-${release}`);
  const dist = path.join(dir, 'packages', 'app', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) return dist;

  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    const version = createAppVersionFor(release);
    fs.mkdirSync(CACHE, { recursive: true });
    run(
      'npx',
      [
        '-y',
        `@backstage/create-app@${version}`,
        '--skip-install',
        '--path',
        path.basename(dir),
      ],
      CACHE,
    );
    const made = JSON.parse(
      fs.readFileSync(path.join(dir, 'backstage.json'), 'utf8'),
    ).version;
    if (made !== release) {
      throw new Error(
        `create-app@${version} made a ${made} app, not ${release}`,
      );
    }
    fs.rmSync(path.join(dir, 'packages', 'backend'), {
      recursive: true,
      force: true,
    });
  }
  run('yarn', ['install', '--mode=skip-build'], dir);
  run('yarn', ['workspace', 'app', 'build'], dir);
  return dist;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

function print(name: string, m: Measure) {
  console.log(
    `\n${name}: ${m.scripts.length} scripts, ${mib(m.raw)} raw / ${mib(
      m.gzip,
    )} gzip -9`,
  );
  for (const s of [...m.scripts].sort((a, b) => b.raw - a.raw)) {
    console.log(
      `  ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)}  ${s.src}`,
    );
  }
}

function main() {
  const release = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'backstage.json'), 'utf8'),
  ).version;
  const skipBuild = process.argv.includes('--skip-build');
  const ourDist = path.join(ROOT, 'packages', 'app', 'dist');
  if (!skipBuild || !fs.existsSync(path.join(ourDist, 'index.html'))) {
    run('yarn', ['workspace', 'app', 'build'], ROOT);
  }
  const stock = measureDist(stockAppDist(release));
  const ours = measureDist(ourDist);
  print(`stock create-app (Backstage ${release})`, stock);
  print('ours (packages/app)', ours);

  const rawRatio = ours.raw / stock.raw;
  const gzipRatio = ours.gzip / stock.gzip;
  const verdict = (r: number) => (r <= BUDGET ? 'met' : 'MISSED');
  console.log(
    `\nours / stock: ${ours.scripts.length} / ${
      stock.scripts.length
    } scripts, raw ${rawRatio.toFixed(3)}× (${verdict(
      rawRatio,
    )}), gzip ${gzipRatio.toFixed(3)}× (${verdict(
      gzipRatio,
    )}); budget ≤ ${BUDGET}×`,
  );
}

main();
