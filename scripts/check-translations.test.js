// The translation check of scripts/check-translations.js: what it flags,
// what it leaves, and that the plugins of translation-check.json pass it.
// Run by scripts/test.sh: node --test.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const {
  checkPlugin,
  checkSource,
  enforcedPlugins,
} = require('./check-translations');

const check = source =>
  checkSource('Card.tsx', source).map(v => `${v.line} ${v.kind}: ${v.text}`);

test('flags JSX text with letters, with its line', () => {
  assert.deepEqual(
    check(
      [
        'export const A = () => (',
        '  <p>',
        '    Open alerts',
        '  </p>',
        ');',
      ].join('\n'),
    ),
    ['3 JSX text: Open alerts'],
  );
});

test('flags string literals in user-facing props, plain or in braces', () => {
  assert.deepEqual(
    check(
      [
        '<>',
        '  <InfoCard title="Cluster health" />',
        "  <TextField label={'Title'} helperText={`At most ${n}`} />",
        '  <Empty description={ok ? "All fine" : t("x")} />',
        '  <IconButton aria-label="Close" />',
        '</>;',
      ].join('\n'),
    ),
    [
      '2 prop title: Cluster health',
      '3 prop label: Title',
      '3 prop helperText: At most',
      '4 prop description: All fine',
      '5 prop aria-label: Close',
    ],
  );
});

test('flags string literals as JSX children', () => {
  assert.deepEqual(check("<p>{'Nothing firing'}</p>;"), [
    '1 JSX child: Nothing firing',
  ]);
});

test('leaves translated text, punctuation, non-text props and ignored lines', () => {
  assert.deepEqual(
    check(
      [
        '<>',
        "  <InfoCard title={t('title')} />",
        "  <p>{t('a')} · {' — '} / {count}</p>",
        '  <Box data-testid="overview-alerts" variant="body2" color="error" />',
        '  {/* translation-check-ignore: a product name */}',
        '  <Logo title="Backstage" />',
        '  <Logo',
        '    // translation-check-ignore: a product name',
        '    title="Backstage"',
        '  />',
        '</>;',
      ].join('\n'),
    ),
    [],
  );
});

test('checks .tsx files of a plugin, skipping tests and test utilities', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'translation-check-'));
  const src = path.join(root, 'plugins', 'demo', 'src');
  fs.mkdirSync(path.join(src, '__testUtils__'), { recursive: true });
  fs.writeFileSync(path.join(src, 'Page.tsx'), '<p>\n  Hello\n</p>;\n');
  fs.writeFileSync(path.join(src, 'Page.test.tsx'), '<p>Hello</p>;\n');
  fs.writeFileSync(path.join(src, '__testUtils__', 'x.tsx'), '<p>Hi</p>;\n');
  fs.writeFileSync(path.join(src, 'plain.ts'), 'export const a = "Hello";\n');
  assert.deepEqual(checkPlugin('demo', root), [
    {
      file: path.join('plugins', 'demo', 'src', 'Page.tsx'),
      line: 2,
      kind: 'JSX text',
      text: 'Hello',
    },
  ]);
  fs.rmSync(root, { recursive: true });
});

test('every plugin of translation-check.json passes', () => {
  const plugins = enforcedPlugins();
  assert.ok(plugins.includes('operations'));
  for (const plugin of plugins) {
    assert.deepEqual(checkPlugin(plugin), [], plugin);
  }
});
