import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { UnknownStoredRuleIdError, isValidRuleId, parseRuleId, parseStoredRuleIds, ruleIdsOf, rulebookIds } from './index.ts';
import { parseRuleIdsInput } from './rule-id-input.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Type-checks a snippet as if it were a file of this folder, with the project's compiler options;
 * answers its diagnostics with their line and the code they point at.
 */
function typeErrors(source: string): { line: number; code: string; message: string }[] {
  const base = ts.readConfigFile(join(here, '../../../../tsconfig.base.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, here);
  options.types = [];
  const file = join(here, '__snippet__.ts');
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (
    (exists) => (p: string) =>
      p === file || exists(p)
  )(host.fileExists.bind(host));
  host.readFile = (p) => (p === file ? source : readFile(p));
  host.getSourceFile = (p, v, ...rest) => (p === file ? ts.createSourceFile(p, source, v) : getSourceFile(p, v, ...rest));
  const program = ts.createProgram({ rootNames: [file], options, host });
  const sf = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => ({
    line: sf.getLineAndCharacterOfPosition(d.start!).line + 1,
    code: source.slice(d.start!, d.start! + d.length!),
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('the type RuleId', () => {
  it('is read from the rulebook data: citing a rule the rulebooks lack does not compile', () => {
    const errors = typeErrors(
      [
        "import type { RuleId } from './rule-id.ts';",
        "import { fieldError } from '../registry/field-error.ts';",
        "export const cited: RuleId[] = ['KWO-8-1-2', 'ARK-3の2-1', 'MNT-11', 'KTM-10-5'];",
        // KWO article 8 has one paragraph; its four-eyes rule is item 2 of it.
        "export const decision: { allowed: boolean; ruleIds: RuleId[] } = { allowed: false, ruleIds: ['KWO-8-2'] };",
        // A refusal citing an item of KTM-10-4, which has none.
        "export const refusal = fieldError(['id'], 'INVALID_VALUE', 'No.', 'いいえ。', ['KTM-10-5', 'KTM-10-4-5']);",
        // ARK-16-1 has four items.
        "export const remit: RuleId = 'ARK-16-1-10';",
      ].join('\n'),
    );
    expect(errors.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 4, code: "'KWO-8-2'" },
      { line: 5, code: "'KTM-10-4-5'" },
      { line: 6, code: 'remit' },
    ]);
    for (const e of errors) expect(e.message).toMatch(/is not assignable to (parameter of )?type 'RuleId'/);
  }, 60_000);

  it('holds every rule of the five rulebooks', () => {
    const source = [
      "import type { RuleId } from './rule-id.ts';",
      `export const all: RuleId[] = ${JSON.stringify(rulebookIds.flatMap((id) => ruleIdsOf(id)))};`,
    ].join('\n');
    expect(typeErrors(source)).toEqual([]);
  }, 60_000);
});

describe('rule IDs from outside', () => {
  it('parses text to the RuleId it names, or refuses it', () => {
    expect(parseRuleId('ARK-3の2-1')).toBe('ARK-3の2-1');
    expect(parseRuleId('KWO-8-1-2')).toBe('KWO-8-1-2');
    for (const text of ['KWO-8-2', 'kwo-8-1-2', ' KWO-8-1-2', 'KWO-8-1-2 ', 'KWO', '', 'ARK-3-2の']) {
      expect(parseRuleId(text), text).toBeNull();
      expect(isValidRuleId(text), text).toBe(false);
    }
  });

  it('refuses API input naming no rule with a field error at its place in the list', () => {
    expect(parseRuleIdsInput(['ARK-16-1-2', 'ARK-12-4', 'ARK-16-1-2'], ['input', 'ruleIds'])).toEqual({ ruleIds: ['ARK-16-1-2', 'ARK-12-4'], errors: [] });
    const { ruleIds, errors } = parseRuleIdsInput(['ARK-12-4', 'ARK-16-1-10'], ['input', 'ruleIds']);
    expect(ruleIds).toEqual(['ARK-12-4']);
    expect(errors).toEqual([
      {
        path: ['input', 'ruleIds', 1],
        code: 'INVALID_VALUE',
        message: {
          en: expect.stringContaining('"ARK-16-1-10" is not a rule of the rulebooks'),
          ja: expect.stringContaining('「ARK-16-1-10」は規程にない条項です'),
        },
      },
    ]);
  });

  it('fails a read of stored rule IDs that names a rule the rulebooks lack, naming it and where', () => {
    expect(parseStoredRuleIds(['MNT-4-1-7', 'MNT-19-3'], 'audit_event')).toEqual(['MNT-4-1-7', 'MNT-19-3']);
    expect(() => parseStoredRuleIds(['MNT-19-3', 'KTM-10-4-5'], 'a row of notification')).toThrow(UnknownStoredRuleIdError);
    expect(() => parseStoredRuleIds(['KTM-10-4-5'], 'a row of notification')).toThrow(
      'a row of notification cites "KTM-10-4-5", which is not a rule of the rulebooks',
    );
  });
});
