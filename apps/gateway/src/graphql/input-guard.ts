// One check of every value an operation passes in, before anything runs: each argument of each field
// the operation selects (root fields and nested ones), walked through its input objects and lists
// with its path, as the resolver will receive it. What it refuses is refused here, for every query
// and mutation alike, with BAD_USER_INPUT and the path of the value at fault:
//
// - text with a control or invisible formatting character — a bidirectional override that makes
//   "abc\u202Egnp.exe" display as "abcexe.png", a zero-width space, a byte-order mark … — and, in
//   one-line text, a line break or tab (packages/domain registry/text-policy.ts). Every String and
//   ID is one line of text unless marked multi-line; the strings inside a JSONObject (request
//   forms, work records) may be multi-line, their keys not; a password is not text to check.
// - a date-time (DateTimeISO), or a real date or month in a text field marked as one, outside the
//   dates the product supports (packages/domain calendar/supported-dates.ts). Malformed dates are
//   left to the service, which reports them with the rest of what is wrong with the input.
//
// Fields and arguments are marked where they are declared (type-graphql extensions, read back from
// the built schema): `@TextFormat('multiline')` on an input field, `@ArgFormats({ reason:
// 'multiline' })` on a query, mutation or field resolver. Services keep their own checks; this is
// the common floor.
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { Extensions } from 'type-graphql';
import {
  isRealDate,
  isSupportedDate,
  isSupportedInstant,
  isSupportedMonth,
  textError,
  unsupportedDateError,
  type FieldError,
  type Path,
} from '@tsukasa/domain';
import type { Context } from './context.ts';
import { badInput } from './errors.ts';

/**
 * What a String value holds, when it is not one line of text: several lines; a date (YYYY-MM-DD);
 * a month (YYYY-MM); a secret (a password, never checked as text); a document (a CSV file: several
 * lines, a byte-order mark first allowed).
 */
export type TextFormatName = 'multiline' | 'date' | 'month' | 'secret' | 'document';

/** Marks an input field by what its String holds (see TextFormatName). */
export const TextFormat = (format: TextFormatName) => Extensions({ textFormat: format });

/** Marks arguments of a query, mutation or field resolver by name, like `TextFormat`. */
export const ArgFormats = (formats: Record<string, TextFormatName>) => Extensions({ argFormats: formats });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** At most this many problems are reported at once. */
const MAX_PROBLEMS = 20;

function checkValue(value: unknown, type: GraphQLInputType, path: Path, format: TextFormatName | undefined, out: FieldError[]): void {
  if (value === null || value === undefined || out.length >= MAX_PROBLEMS) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path, format, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, type.ofType, [...path, i], format, out));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(v, field.type, [...path, key], field.extensions.textFormat as TextFormatName | undefined, out);
    }
    return;
  }
  if (isEnumType(type)) return;
  if (value instanceof Date) {
    if (!isSupportedInstant(value)) out.push(unsupportedDateError(path, 'instant'));
    return;
  }
  if (isScalarType(type) && type.name === 'JSONObject') return checkJson(value, path, out);
  if (typeof value === 'string' && format !== 'secret') {
    const text = format === 'document' && value.startsWith('\uFEFF') ? value.slice(1) : value;
    const refused = textError(path, text, format === 'multiline' || format === 'document' ? 'multiline' : 'line');
    if (refused) return void out.push(refused);
  }
  // A real date or month outside the range. Malformed text is the service's to refuse, with the
  // rest of what is wrong with the input (and an empty optional date, to read as "none").
  if (typeof value === 'string') {
    if (format === 'date' && isRealDate(value) && !isSupportedDate(value)) out.push(unsupportedDateError(path, 'date'));
    else if (format === 'month' && MONTH.test(value) && !isSupportedMonth(value)) out.push(unsupportedDateError(path, 'month'));
  }
}

/** The strings of a JSON value (a request form, a work record): multi-line text, keys one line. */
function checkJson(value: unknown, path: Path, out: FieldError[]): void {
  if (out.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const refused = textError(path, value, 'multiline');
    if (refused) out.push(refused);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkJson(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const refused = textError([...path, key], key, 'line');
      if (refused) out.push(refused);
      else checkJson(v, [...path, key], out);
    }
  }
}

/**
 * The problems with the values an operation passes in ([] when none). Variables that do not coerce
 * and arguments that do not fit are left to the execution, which refuses them with its own errors.
 */
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): FieldError[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: FieldError[] = [];
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'query' ? schema.getQueryType() : null;
  if (!root) return out;
  const seen = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, prefix: Path): void => {
    for (const sel of set.selections) {
      if (out.length >= MAX_PROBLEMS) return;
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (on) walk(sel.selectionSet, on, prefix);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const on = f && schema.getType(f.typeCondition.name.value);
        // A fragment spread twice at one place is walked once (its arguments are the same).
        const key = `${prefix.join('.')}|${sel.name.value}`;
        if (f && on && !seen.has(key)) {
          seen.add(key);
          walk(f.selectionSet, on, prefix);
        }
      } else {
        const name = sel.name.value;
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const def: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
        if (!def) continue;
        // A root field's arguments are named by themselves (["input", "name"]); below the root, after
        // the response keys of the fields that lead there (["positions", "at"]).
        const here = parent === root ? [] : [...prefix, sel.alias?.value ?? name];
        if (def.args.length > 0 && sel.arguments?.length) {
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(def, sel, coerced.coerced);
          } catch {
            continue;
          }
          const formats = (def.extensions.argFormats ?? {}) as Record<string, TextFormatName>;
          for (const arg of def.args) checkValue(args[arg.name], arg.type, [...here, arg.name], formats[arg.name], out);
        }
        if (sel.selectionSet) walk(sel.selectionSet, getNamedType(def.type), here);
      }
    }
  };
  walk(operation.selectionSet, root, []);
  return out;
}

/** Refuses, before anything runs, an operation whose values `inputProblems` finds fault with. */
export function inputGuardPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const problems = inputProblems(schema, document, operation, request.variables ?? {});
          if (problems.length === 0) return;
          const e = badInput(problems);
          e.extensions.http = { status: 400 };
          throw e;
        },
      };
    },
  };
}
