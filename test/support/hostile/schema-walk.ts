// Operations built from the schema (read by introspection, as an integrator's codegen would):
// selections, argument lists and variable values — well-formed ones, and hostile ones.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { INJECTIONS, hostileString, type Rng } from './random.ts';
import { testCalendar } from '@tsukasa/domain/testing';

/** Dates the walk sends, counted from the day it runs. */
const T = testCalendar();

export type Field = GraphQLField<unknown, unknown>;

/** A selection for a field's type: nothing for a leaf; for an object its leaf fields without required arguments. */
export function selection(type: GraphQLOutputType, withLeaves = true): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (!withLeaves || !isObjectType(named)) return '{ __typename }';
  const leaves = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .filter((f) => {
      const n = getNamedType(f.type);
      return isScalarType(n) || isEnumType(n);
    })
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

/** Whether an input type holds an ID anywhere (an argument, a list of them, a field of an input object). */
export function holdsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => holdsId(f.type, seen));
}

export interface ValueSource {
  /** The value of an ID. */
  id(): string;
  /** The value of a String (default: a short harmless text). */
  string?(): string;
}

/**
 * A value of the right type: every ID from `ids.id()`, required fields always, optional ones
 * holding an ID always (so no valid id slips through by omission), other optional ones sometimes.
 */
export function valueOf(type: GraphQLInputType, r: Rng, ids: ValueSource, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, r, ids, depth);
  if (isListType(type)) return Array.from({ length: r.int(1, 3) }, () => valueOf(type.ofType, r, ids, depth + 1));
  const named = getNamedType(type);
  if (named.name === 'ID') return ids.id();
  if (named.name === 'String') return ids.string ? ids.string() : r.pick(['x', '住民記録', 'テスト']);
  if (named.name === 'Int') return r.pick([1, 2, 2026, 0]);
  if (named.name === 'Float') return r.pick([1, 0.5]);
  if (named.name === 'Boolean') return r.chance(0.5);
  if (named.name === 'DateTimeISO' || named.name === 'DateTime')
    return r.pick([T.iso(T.businessDay(1), '10:00'), T.at(T.nextMonthDay('01-05'), '09:00').toISOString()]);
  if (named.name === 'JSONObject' || named.name === 'JSON') return r.pick([{}, { reason: 'x' }]);
  if (isEnumType(named)) return r.pick(named.getValues()).name;
  if (isInputObjectType(named)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (isNonNullType(f.type) || holdsId(f.type) || r.chance(0.3)) out[f.name] = valueOf(f.type, r, ids, depth + 1);
    }
    return out;
  }
  // Custom scalars (dates as YYYY-MM-DD and the like).
  return r.pick([T.businessDay(1), 'x']);
}

/** A value of the wrong type for `type` (a coercion error before anything runs). */
export function wrongValueOf(type: GraphQLInputType, r: Rng): unknown {
  if (isNonNullType(type) && r.chance(0.3)) return null;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return r.pick([{ not: 'a list' }, [wrongValueOf(inner.ofType, r)], [[[[]]]]]);
  const named = getNamedType(inner);
  switch (named.name) {
    case 'Int':
      return r.pick(['ten', 1.5, 2 ** 31, -(2 ** 31) - 1, 1e300, true, {}, [], '1']);
    case 'Float':
      return r.pick(['x', true, {}, []]);
    case 'Boolean':
      return r.pick(['true', 1, 0, {}, [], 'yes']);
    case 'String':
    case 'ID':
      return r.pick([{}, { $gt: '' }, [[]], true, 1.5]);
    case 'DateTimeISO':
      return r.pick(['yesterday', '2026-13-45T99:99:99Z', 'R5-12-01', {}, []]);
    default:
      if (isEnumType(named)) return r.pick([`${named.getValues()[0]!.name}X`, named.getValues()[0]!.name.toLowerCase(), 'DELETED', 0, '', true]);
      if (isInputObjectType(named))
        return r.pick(['x', [], 42, JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'), { unknownField: 1 }]);
      if (named.name === 'JSONObject' || named.name === 'JSON') return r.pick(['x', [], 1.5, true]);
      return r.pick([{}, [], true, 1.5]);
  }
}

/** `query` / `mutation` text of one root field, every argument passed as a variable. */
export function operation(
  kind: 'query' | 'mutation',
  field: Field,
  values: (arg: GraphQLArgument, index: number) => unknown,
  withLeaves = true,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  field.args.forEach((a, i) => {
    defs.push(`$a${i}: ${String(a.type)}`);
    args.push(`${a.name}: $a${i}`);
    variables[`a${i}`] = values(a, i);
  });
  const query = `${kind}${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field.type, withLeaves)} }`;
  return { query, variables };
}

export const rootFields = (schema: GraphQLSchema, kind: 'query' | 'mutation'): Field[] =>
  Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).sort((a, b) => a.name.localeCompare(b.name));

/** A hostile text for a String argument: injections, control characters, long runs. */
export const hostileText = (r: Rng): string =>
  r.pick([() => r.pick(INJECTIONS), () => hostileString(r, 80), () => 'あ'.repeat(r.int(1000, 20_000)), () => ''])();

/** A valid chain of fields nested `levels` deep (org units up their parents). */
export function deepSelection(levels: number): string {
  const inner = Math.max(1, levels - 1);
  return `{ orgUnits { ${'parent { '.repeat(inner - 1)}name${' }'.repeat(inner - 1)} } }`;
}

export const isObjectResult = (f: Field) => isObjectType(getNamedType(f.type));
