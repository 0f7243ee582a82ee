// Tokenises every rulebook of the repository with the TextMate grammar, as
// VS Code does (vscode-textmate on the Oniguruma regex engine), and checks
// the scopes against an independent scan of the same text: comments,
// strings, raw strings, numbers, field paths, every reserved word of the
// grammar (read from grammar/lexical.hpp, so a new keyword must be
// highlighted), declared codes and function calls.
//   node test/tokenize.js REPO_ROOT [FILE.qual...]
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(process.argv[2] || path.join(__dirname, '../../..'));
const grammarPath = path.join(__dirname, '../syntaxes/qual.tmLanguage.json');

function rulebookFiles() {
  if (process.argv.length > 3) return process.argv.slice(3);
  const out = [];
  for (const dir of ['rulebooks', 'examples']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).sort())
      if (name.endsWith('.qual')) out.push(path.join(full, name));
  }
  return out;
}

// The reserved words, from the X-macro the parser is built from.
function reservedWords() {
  const text = fs.readFileSync(path.join(root, 'grammar/lexical.hpp'), 'utf8');
  const start = text.indexOf('#define QUALIFY_RESERVED_WORDS(X)');
  if (start < 0) throw new Error('QUALIFY_RESERVED_WORDS not found in grammar/lexical.hpp');
  const body = text.slice(start).split('\n\n')[0];
  const words = [...body.matchAll(/X\((\w+)\)/g)].map((m) => m[1]);
  if (words.length < 20) throw new Error('too few reserved words read: ' + words.length);
  return new Set(words);
}

// An independent scan of one line: what each token is, where it starts.
function scan(line) {
  const tokens = [];
  let i = 0;
  const push = (kind, end) => {
    tokens.push({ kind, text: line.slice(i, end), start: i });
    i = end;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { push('comment', line.length); continue; }
    if (c === 'r' && line[i + 1] === '"' && !/\w/.test(line[i - 1] || '')) {
      const end = line.indexOf('"', i + 2);
      push('raw', end < 0 ? line.length : end + 1);
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      push('string', Math.min(j + 1, line.length));
      continue;
    }
    let m = /^\d+(\.\d+)?(?!\.\d)/.exec(line.slice(i));
    if (m) { push('number', i + m[0].length); continue; }
    m = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*/.exec(line.slice(i));
    if (m) { push(m[0].includes('.') ? 'field' : 'word', i + m[0].length); continue; }
    push('punct', i + 1);
  }
  return tokens;
}

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.qual'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar('source.qual');
  const reserved = reservedWords();

  const failures = [];
  const counts = {};
  const files = rulebookFiles();
  if (files.length === 0) throw new Error('no rulebooks found under ' + root);

  // `expect(kind, file, n, token, scopes, pattern)`: one assertion.
  function expect(kind, where, token, scopes, pattern) {
    counts[kind] = (counts[kind] || 0) + 1;
    if (!scopes.some((s) => pattern.test(s)))
      failures.push(`${where}:${token.start + 1}: ${kind} '${token.text}' has scopes ${scopes.join(' ')}, wanted ${pattern}`);
  }

  function checkText(text, name) {
    let state = vsctm.INITIAL;
    text.split('\n').forEach((line, n) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      const scopesAt = (offset) => {
        const t = result.tokens.find((t) => t.startIndex <= offset && offset < t.endIndex);
        return t ? t.scopes : [];
      };
      const tokens = scan(line);
      const where = `${name}:${n + 1}`;
      tokens.forEach((t, k) => {
        const scopes = scopesAt(t.start);
        const prev = tokens[k - 1];
        const next = tokens[k + 1];
        if (t.kind === 'comment') expect('comment', where, t, scopes, /^comment\.line\.number-sign\.qual$/);
        else if (t.kind === 'raw') expect('raw string', where, t, scopes, /^string\.quoted\.raw\.qual$/);
        else if (t.kind === 'string') expect('string', where, t, scopes, /^string\.quoted\.double\.qual$/);
        else if (t.kind === 'number') expect('number', where, t, scopes, /^constant\.numeric\.qual$/);
        else if (t.kind === 'field') expect('field path', where, t, scopes, /^variable\.other\.field\.qual$/);
        else if (t.kind === 'word' && ['true', 'false', 'null'].includes(t.text))
          expect('constant', where, t, scopes, /^constant\.language\.qual$/);
        else if (t.kind === 'word' && reserved.has(t.text))
          expect('keyword', where, t, scopes, /^(keyword|storage)\./);
        else if (t.kind === 'word' && prev && prev.kind === 'word' &&
                 ['disqualify', 'criterion', 'escalate', 'route', 'motion', 'let', 'model'].includes(prev.text))
          expect('declared code', where, t, scopes, /^entity\.name\.rule\.qual$/);
        else if (t.kind === 'word' && next && next.text === '(' && next.start === t.start + t.text.length)
          expect('call', where, t, scopes, /^support\.function\.qual$/);
      });
      // Strings and comments do not leak: the line's last token is closed.
      if (tokens.length && tokens[tokens.length - 1].kind !== 'string' && tokens[tokens.length - 1].kind !== 'comment') {
        const last = result.tokens[result.tokens.length - 1];
        if (last && last.scopes.some((s) => s.startsWith('string.quoted.double')))
          failures.push(`${where}: a string runs past its closing quote`);
      }
    });
  }

  for (const file of files) checkText(fs.readFileSync(file, 'utf8'), path.relative(root, file));

  // Cases the repository's rulebooks may not show, written here.
  checkText([
    'let re = r"^[a-z]+#not-a-comment$"   # a comment after a raw string',
    'let s = "a # inside a string \\" still inside" # the comment',
    'disqualify academic when domain matches r"\\.(edu|ac\\.[a-z]{2})$"',
    'review 2.5% of nurture',
    'criterion size weight -5 "Size" = proximity(company.employees, ideal: 200..2000, zero: 10..20000)',
  ].join('\n'), '<inline>');

  for (const kind of ['comment', 'raw string', 'string', 'number', 'field path', 'keyword', 'constant', 'declared code', 'call'])
    if (!counts[kind]) failures.push(`no ${kind} was checked at all`);

  if (failures.length) {
    console.log(failures.slice(0, 50).join('\n'));
    console.log(`FAIL: ${failures.length} of ${Object.values(counts).reduce((a, b) => a + b, 0)} checks`);
    process.exit(1);
  }
  const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`ok: ${files.length} rulebooks; ${summary}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
