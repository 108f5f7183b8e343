#!/usr/bin/env node
// Fails on user-facing text that bypasses a plugin's translation ref: JSX
// text with letters, and string literals with letters in user-facing props
// (title, label, placeholder, aria-label, …) or as JSX children, in the
// non-test .tsx files of plugins/<name>/src. The plugins held to it are
// listed in scripts/translation-check.json; `--all` checks every plugin
// (to see which are not there yet), names on the command line check those.
// A line after `// translation-check-ignore: <why>` (or `{/* … */}` in JSX)
// is skipped.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const CONFIG = path.join(__dirname, 'translation-check.json');

/** Props whose value people read. */
const USER_FACING_PROPS = new Set([
  'title',
  'subtitle',
  'subheader',
  'label',
  'placeholder',
  'aria-label',
  'helperText',
  'emptyMessage',
  'description',
  'tooltip',
  'alt',
  'message',
  'missing-title',
  'primary',
  'secondary',
  'deniedReason',
  'headerName',
  'caption',
  'text',
]);

const LETTER = /\p{L}/u;
const IGNORE = /(\/\/|\/\*)\s*translation-check-ignore\b/;

function isTestFile(file) {
  return (
    /\.test\.tsx$/.test(file) ||
    file.split(path.sep).some(part => part === '__testUtils__')
  );
}

function tsxFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(full));
    else if (entry.name.endsWith('.tsx') && !isTestFile(full)) out.push(full);
  }
  return out.sort();
}

/** Literal text of a string-ish expression, or undefined. */
function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text;
  }
  if (ts.isTemplateExpression(node)) {
    return [
      node.head.text,
      ...node.templateSpans.map(s => s.literal.text),
    ].join(' ');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [literalText(node.whenTrue), literalText(node.whenFalse)]
      .filter(Boolean)
      .join(' ');
  }
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
  ) {
    return literalText(node.right);
  }
  return undefined;
}

/** The violations of one file's source text: `{ line, text, kind }`. */
function checkSource(fileName, source) {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const lines = source.split('\n');
  const found = [];
  const report = (node, kind, text) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    if (line > 0 && IGNORE.test(lines[line - 1])) return;
    found.push({ line: line + 1, kind, text: text.trim().slice(0, 60) });
  };
  const visit = node => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, 'JSX text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (USER_FACING_PROPS.has(name) && init) {
        const text = ts.isStringLiteral(init)
          ? init.text
          : ts.isJsxExpression(init) && init.expression
          ? literalText(init.expression)
          : undefined;
        if (text && LETTER.test(text)) report(node, `prop ${name}`, text);
      }
      return; // other props (keys, test ids, class names) are not read
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const text = literalText(node.expression);
      if (text && LETTER.test(text)) report(node, 'JSX child', text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every violation in plugins/<plugin>/src, with its file relative to the repo. */
function checkPlugin(plugin, root = ROOT) {
  const results = [];
  for (const file of tsxFiles(path.join(root, 'plugins', plugin, 'src'))) {
    for (const v of checkSource(file, fs.readFileSync(file, 'utf8'))) {
      results.push({ file: path.relative(root, file), ...v });
    }
  }
  return results;
}

function enforcedPlugins(configFile = CONFIG) {
  return JSON.parse(fs.readFileSync(configFile, 'utf8')).enforced;
}

function frontendPlugins(root = ROOT) {
  return fs
    .readdirSync(path.join(root, 'plugins'))
    .filter(name => {
      const pkg = path.join(root, 'plugins', name, 'package.json');
      if (!fs.existsSync(pkg)) return false;
      const role = JSON.parse(fs.readFileSync(pkg, 'utf8')).backstage?.role;
      return role === 'frontend-plugin' || role === 'web-library';
    })
    .sort();
}

function main(argv) {
  const args = argv.slice(2);
  const plugins = args.includes('--all')
    ? frontendPlugins()
    : args.length
    ? args
    : enforcedPlugins();
  let failed = 0;
  for (const plugin of plugins) {
    const violations = checkPlugin(plugin);
    if (violations.length === 0) {
      console.log(`ok   ${plugin}`);
      continue;
    }
    failed += 1;
    console.log(
      `FAIL ${plugin}: ${violations.length} strings bypass its translation ref`,
    );
    for (const v of violations) {
      console.log(`  ${v.file}:${v.line} ${v.kind}: ${JSON.stringify(v.text)}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

module.exports = {
  USER_FACING_PROPS,
  checkSource,
  checkPlugin,
  enforcedPlugins,
  frontendPlugins,
};

if (require.main === module) {
  process.exitCode = main(process.argv);
}
