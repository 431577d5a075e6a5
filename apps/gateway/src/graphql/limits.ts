// Query limits: what one GraphQL request may ask for. Checked before anything runs — as
// validation rules (depth, aliases, fields, cost, tokens, size, directives) and, where the
// request's variables or viewer matter, once the operation is resolved (the cost with the actual
// page sizes, introspection) — so a refused request reads and writes nothing.
//
// Depth, aliases, directives and tokens are counted by GraphQL Armor's rules (@escape.tech), their
// refusals reported as this API's errors. The cost is ours: Armor's cost limit weighs objects and
// scalars by depth and knows nothing of page sizes, whereas a list here counts as many times as the
// `first`/`limit` the request actually passes (checked again with its variables). Root fields and
// expanded fields, which Armor does not count, are ours too.
//
// Why: a document that asks for the registry a million times over is a denial of service
// (サービス不能攻撃, ARK-26-1-1) and the schema's shape is only for those who need it (アクセス制御,
// ARK-26-2-5). The regulations name the threat and the measure, not the figures: the limits below
// are ours, chosen so that every document of the admin app and of the test suites passes with room
// to spare (limits.test.ts checks the admin app's documents against the real schema).
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { NextFunction, Request, Response } from 'express';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldError } from '@tsukasa/domain';
import type { Context, Viewer } from './context.ts';
import { AppError, badInput, forbidden, type ErrorCode } from './errors.ts';

export interface QueryLimits {
  /**
   * Deepest field nesting of an operation (fragments expanded). Introspection below `__schema` is
   * bounded by graphql-js's own MaxIntrospectionDepthRule instead (the standard introspection query
   * nests `ofType` 15 deep).
   */
  maxDepth: number;
  /** Aliased fields in an operation (fragments expanded). */
  maxAliases: number;
  /** Fields selected at the root of an operation. */
  maxRootFields: number;
  /** Field selections of an operation with its fragments expanded (not multiplied by list sizes). */
  maxFields: number;
  /** Estimated values resolved: every field counts 1, times the sizes of the lists above it. */
  maxCost: number;
  /** Size assumed for a list without a `first`/`last`/`limit` argument (nor default). */
  defaultListSize: number;
  /**
   * Largest page any field serves (procedureDefinitions: 500; the others 200). A larger `first` is
   * counted at this size: the field itself refuses it with a field error, before reading anything.
   */
  maxPageSize: number;
  /** Lexer tokens of the document (punctuation, names, values; comments not counted). */
  maxTokens: number;
  /** UTF-8 bytes of the document (`query`). */
  maxDocumentBytes: number;
  /** Directives (`@include`, `@skip`) in an operation (fragments expanded). */
  maxDirectives: number;
}

/**
 * The product's limits, above what the product itself sends. Measured over every document of the
 * admin app and every request of the gateway and API suites (2026-11): depth 7; 50 aliases and 50
 * root fields (the dashboard asks the maintenance windows of 50 systems per request,
 * apps/admin/src/lib/maintenance/upcoming-stops.ts); 450 expanded fields; a cost of 111,000 (the
 * schema walk of tenancy.test.ts: every field three levels deep; the admin app's largest is 6,500,
 * the benchmark's 100-system list 14,000, the standard introspection query 52,000); 1,330 tokens;
 * 6 KB; no directives.
 *
 * The cost is an estimate: a list that leads back through a many-to-many link (an information
 * asset's systems: most of the registry for 住民記録情報) holds more than the default 10, so a
 * query of systems → assets → systems → assets is counted low. The rate limit bounds what remains.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 100,
  maxRootFields: 100,
  maxFields: 2_000,
  maxCost: 150_000,
  defaultListSize: 10,
  maxPageSize: 500,
  maxTokens: 5_000,
  maxDocumentBytes: 64 * 1024,
  maxDirectives: 50,
};

export type LimitCode = Extract<
  ErrorCode,
  'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_FIELDS' | 'QUERY_TOO_COSTLY' | 'QUERY_TOO_LARGE' | 'TOO_MANY_DIRECTIVES' | 'BATCH_NOT_ALLOWED'
>;

/** HTTP 400: a refusal of the request as sent (nothing ran). */
const badRequest = { status: 400 } as const;

function limitError(code: LimitCode, message: string, messageJa: string, figures: { limit?: number; actual?: number } = {}, http = false): GraphQLError {
  return new AppError(code, message, { messageJa, ...figures, ...(http ? { http: badRequest } : {}) });
}

export const limitErrors = {
  depth: (actual: number, limit: number, http = false) =>
    limitError(
      'QUERY_TOO_DEEP',
      `The query nests fields ${actual} levels deep; at most ${limit} are allowed. Ask for less at once.`,
      `クエリの階層が深すぎます（${actual}階層、上限${limit}階層）。一度に取得する範囲を減らしてください。`,
      { limit, actual },
      http,
    ),
  aliases: (actual: number, limit: number, http = false) =>
    limitError(
      'TOO_MANY_ALIASES',
      `The query uses ${actual} aliases; at most ${limit} are allowed.`,
      `クエリの別名（エイリアス）が多すぎます（${actual}個、上限${limit}個）。`,
      { limit, actual },
      http,
    ),
  rootFields: (actual: number, limit: number, http = false) =>
    limitError(
      'TOO_MANY_FIELDS',
      `The operation asks for ${actual} root fields; at most ${limit} are allowed. Send separate requests.`,
      `1つの操作で指定できるルートフィールドは${limit}個までです（${actual}個）。リクエストを分けてください。`,
      { limit, actual },
      http,
    ),
  fields: (actual: number, limit: number, http = false) =>
    limitError(
      'TOO_MANY_FIELDS',
      `The operation selects ${actual} fields (fragments expanded); at most ${limit} are allowed.`,
      `クエリのフィールド数が多すぎます（フラグメント展開後${actual}個、上限${limit}個）。`,
      { limit, actual },
      http,
    ),
  cost: (actual: number, limit: number, http = false) =>
    limitError(
      'QUERY_TOO_COSTLY',
      `The query would resolve about ${actual} values (lists counted at their page size); at most ${limit} are allowed. Ask for smaller pages or fewer nested lists.`,
      `クエリの推定取得件数が多すぎます（約${actual}件、上限${limit}件）。ページの件数や入れ子の一覧を減らしてください。`,
      { limit, actual },
      http,
    ),
  tokens: (actual: number | null, limit: number, http = false) =>
    limitError(
      'QUERY_TOO_LARGE',
      `The query has ${actual === null ? 'more than ' + limit : actual} tokens; at most ${limit} are allowed.`,
      `クエリが長すぎます（${actual === null ? limit + 'を超える' : actual}トークン、上限${limit}トークン）。`,
      { limit, ...(actual === null ? {} : { actual }) },
      http,
    ),
  bytes: (actual: number, limit: number, http = false) =>
    limitError(
      'QUERY_TOO_LARGE',
      `The query is ${actual} bytes long; at most ${limit} are allowed. Pass long values as variables.`,
      `クエリが大きすぎます（${actual}バイト、上限${limit}バイト）。長い値は変数で渡してください。`,
      { limit, actual },
      http,
    ),
  directives: (actual: number, limit: number, http = false) =>
    limitError(
      'TOO_MANY_DIRECTIVES',
      `The query uses ${actual} directives; at most ${limit} are allowed.`,
      `クエリのディレクティブが多すぎます（${actual}個、上限${limit}個）。`,
      { limit, actual },
      http,
    ),
  batch: () =>
    limitError(
      'BATCH_NOT_ALLOWED',
      'Send one operation per request: batched arrays of operations are not accepted.',
      '1回のリクエストで送信できる操作は1つです。複数の操作をまとめた配列は受け付けません。',
      {},
      true,
    ),
};

/** Introspection is for registry administrators and for API tokens (integrators generate clients from it). */
export function mayIntrospect(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.kind === 'token' || viewer.registryAdmin);
}

const introspectionRefused = () => {
  const e = forbidden(
    'Schema introspection is available to registry administrators and API tokens only. The schema is published as apps/gateway/schema.graphql.',
    [],
    'スキーマの取得（イントロスペクション）は、台帳管理者とAPIトークンだけが利用できます。',
  );
  e.extensions.http = { status: 403 };
  return e;
};

// ── Measuring an operation ─────────────────────────────────────────────────────

/**
 * An operation's figures. Root fields, fields and cost are checked from these; depth and aliases are
 * measured alongside (the same walk) for the figures, while their limits are Armor's rules.
 */
export interface OperationFigures {
  depth: number;
  aliases: number;
  rootFields: number;
  fields: number;
  cost: number;
  /** Selects `__schema` or `__type`. */
  introspection: boolean;
}

const SIZE_ARGS = ['first', 'last', 'limit'];

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
  introspection: boolean;
}

const ZERO: Measure = { depth: 0, aliases: 0, fields: 0, cost: 0, introspection: false };

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/**
 * The page size a field asks for: its `first`/`last`/`limit` argument as a literal, as a variable
 * (its value, else the variable's default), or the argument's default in the schema. Without the
 * request's variables (validation, once per document) a variable counts as 1: the document is
 * refused only if too costly whatever they are; the request's own values are counted once known.
 */
function pageSize(
  node: FieldNode,
  def: GraphQLField<unknown, unknown>,
  op: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxPageSize: number,
): number | undefined {
  for (const name of SIZE_ARGS) {
    const argDef = def.args.find((a) => a.name === name);
    if (!argDef) continue;
    const arg = node.arguments?.find((a) => a.name.value === name);
    let value: unknown = undefined;
    if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg?.value.kind === Kind.VARIABLE) {
      const v = arg.value.name.value;
      if (!variables) return 1;
      if (v in variables) value = variables[v];
      else {
        const d = op.variableDefinitions?.find((x) => x.variable.name.value === v)?.defaultValue;
        if (d?.kind === Kind.INT) value = Number(d.value);
      }
    }
    if (value === undefined || value === null) value = argDef.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.min(maxPageSize, Math.max(0, Math.trunc(value)));
  }
  return undefined;
}

/**
 * Measures one operation with its fragments expanded. Each fragment is measured once per page-size
 * context (memoized), so a document of fragments spreading fragments costs linear time to measure
 * however large it expands; a fragment cycle (refused by NoFragmentCycles) counts as empty.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  op: OperationDefinitionNode,
  limits: Pick<QueryLimits, 'defaultListSize' | 'maxPageSize'>,
  variables?: Record<string, unknown>,
): OperationFigures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const add = (a: Measure, b: Measure): Measure => ({
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    fields: a.fields + b.fields,
    cost: a.cost + b.cost,
    introspection: a.introspection || b.introspection,
  });

  // `pending`: the page size of a connection field above, applied to its first list (edges, nodes).
  const selectionSet = (set: SelectionSetNode, parent: GraphQLCompositeType, pending: number | undefined): Measure => {
    let m = ZERO;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def = fieldDefinition(schema, parent, sel.name.value);
        const introspection = sel.name.value === '__schema' || sel.name.value === '__type';
        const own: Measure = { depth: 1, aliases: sel.alias ? 1 : 0, fields: 1, cost: 1, introspection };
        if (!def || !sel.selectionSet) {
          m = add(m, own);
          continue;
        }
        const size = pageSize(sel, def, op, variables, limits.maxPageSize);
        const list = isListType(getNullableType(def.type));
        const factor = list ? (size ?? pending ?? limits.defaultListSize) : 1;
        const named = getNamedType(def.type);
        const child = isCompositeType(named) ? selectionSet(sel.selectionSet, named, list ? undefined : size) : ZERO;
        m = add(m, {
          depth: introspection ? 1 : 1 + child.depth,
          aliases: own.aliases + child.aliases,
          fields: 1 + child.fields,
          cost: 1 + factor * child.cost,
          introspection: introspection || child.introspection,
        });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        m = add(m, t && isCompositeType(t) ? selectionSet(sel.selectionSet, t, pending) : ZERO);
      } else {
        const name = sel.name.value;
        const key = `${name}|${pending ?? ''}`;
        let r = memo.get(key);
        if (!r) {
          const frag = fragments.get(name);
          const t = frag ? schema.getType(frag.typeCondition.name.value) : undefined;
          if (!frag || !t || visiting.has(name) || !isCompositeType(t)) r = ZERO;
          else {
            visiting.add(name);
            r = selectionSet(frag.selectionSet, t, pending);
            visiting.delete(name);
            memo.set(key, r);
          }
        }
        m = add(m, r);
      }
    }
    return m;
  };

  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { ...ZERO, rootFields: 0 };
  const rootMemo = new Map<string, number>();
  const rootFields = (set: SelectionSetNode): number =>
    set.selections.reduce((n, sel) => {
      if (sel.kind === Kind.FIELD) return n + 1;
      if (sel.kind === Kind.INLINE_FRAGMENT) return n + rootFields(sel.selectionSet);
      const name = sel.name.value;
      let count = rootMemo.get(name);
      if (count === undefined) {
        const frag = fragments.get(name);
        if (!frag || visiting.has(name)) return n;
        visiting.add(name);
        count = rootFields(frag.selectionSet);
        visiting.delete(name);
        rootMemo.set(name, count);
      }
      return n + count;
    }, 0);
  return { ...selectionSet(op.selectionSet, root, undefined), rootFields: rootFields(op.selectionSet) };
}

/**
 * Whether a document has more than `limit` lexer tokens: Armor's parser counts them and stops
 * there (a huge document is not read to its end). Over HTTP, Apollo's parser stops at the same
 * limit first (`parseOptions.maxTokens`, tokenLimitOf); this is for documents validated otherwise.
 */
export function tokensOver(body: string, limit: number): boolean {
  let over = false;
  try {
    new MaxTokensParserWLexer(body, { n: limit, onReject: [() => (over = true)], propagateOnRejection: true }).parseDocument();
  } catch {
    // The refusal itself, or a syntax error: the parser's to report.
  }
  return over;
}

/** The figure Armor found, from its message ("… limit of 12 exceeded, found 13."). */
function armorFound(e: GraphQLError): number {
  const m = /found (\d+)\.?$/.exec(e.message);
  if (!m) throw new Error(`unexpected GraphQL Armor message: ${e.message}`);
  return Number(m[1]);
}

/**
 * Armor's depth, alias and directive rules, reporting this API's errors (QUERY_TOO_DEEP,
 * TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES with `limit`, `actual` and `messageJa`) instead of its own.
 * Fragments count as what they expand to (flattened, each measured once), `__typename` aliases
 * count like any other, and `__schema` is left to MaxIntrospectionDepthRule.
 */
type GraphQLArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

function armorRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>) {
  const refuseAs = (refusal: (actual: number, limit: number) => GraphQLError, n: number) => ({
    n,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, e: GraphQLError) => context?.reportError(refusal(armorFound(e), n))],
  });
  // One protection at a time, so that the refusals come in the order this API reports them. The
  // cost is counted with page sizes (below); tokens by Apollo's parser and tokensOver; field
  // suggestions taken out by error-format.ts (Armor's mask misses enum-value suggestions).
  const none: GraphQLArmorConfig = {
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  };
  const only = (config: GraphQLArmorConfig): ValidationRule[] => new ApolloArmor({ ...none, ...config }).protect().validationRules;
  return {
    depth: only({ maxDepth: { ...refuseAs(limitErrors.depth, limits.maxDepth), flattenFragments: true, ignoreIntrospection: true } }),
    aliases: only({ maxAliases: { ...refuseAs(limitErrors.aliases, limits.maxAliases), allowList: [] } }),
    directives: only({ maxDirectives: refuseAs(limitErrors.directives, limits.maxDirectives) }),
  };
}

// ── Variables the database and the runtime cannot take ────────────────────────

/** Deepest nesting of a variable's value (lists and objects); the product's deepest is 4. */
export const MAX_VARIABLE_DEPTH = 32;

export type VariableProblem = { kind: 'nul' | 'depth'; path: (string | number)[] };

/**
 * What would fail as a server error further in: U+0000 in a string or key (PostgreSQL's text and
 * jsonb cannot hold it) and values nested so deep that serialising them overflows the stack. The
 * walk is iterative and linear: each step knows its parent, not its whole path.
 */
export function variableProblem(value: unknown, maxDepth = MAX_VARIABLE_DEPTH): VariableProblem | undefined {
  interface Step {
    value: unknown;
    key: string | number | null;
    parent: Step | null;
    depth: number;
  }
  const pathOf = (step: Step, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let s: Step | null = step; s && s.key !== null; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const stack: Step[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { kind: 'nul', path: pathOf(step) };
    } else if (v && typeof v === 'object') {
      if (step.depth > maxDepth) return { kind: 'depth', path: pathOf(step) };
      if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, key: i, parent: step, depth: step.depth + 1 }));
      else {
        for (const [k, x] of Object.entries(v)) {
          if (k.includes('\u0000')) return { kind: 'nul', path: pathOf(step, k) };
          stack.push({ value: x, key: k, parent: step, depth: step.depth + 1 });
        }
      }
    }
  }
  return undefined;
}

export const variableRefused = (problem: VariableProblem, http = false): GraphQLError => {
  const e = badInput([
    problem.kind === 'nul'
      ? fieldError(problem.path, 'INVALID_VALUE', 'Text may not contain the NUL character (U+0000).', '文字列にNUL文字（U+0000）は使用できません。')
      : fieldError(
          problem.path.slice(0, 3),
          'INVALID_VALUE',
          `The value is nested more than ${MAX_VARIABLE_DEPTH} levels deep.`,
          `値の入れ子が深すぎます（上限${MAX_VARIABLE_DEPTH}階層）。`,
        ),
  ]);
  if (http) e.extensions.http = badRequest;
  return e;
};

// ── Validation rules (before execution; cached with the parsed document) ───────

/** The limits as graphql-js validation rules, for Apollo's `validationRules` and for `validate()` in tests. */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const documentRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
    return {
      StringValue(node) {
        if (node.value.includes('\u0000')) context.reportError(variableRefused({ kind: 'nul', path: [] }));
      },
      Document(node) {
        const body = node.loc?.source.body;
        if (body === undefined) return;
        const bytes = Buffer.byteLength(body, 'utf8');
        if (bytes > limits.maxDocumentBytes) context.reportError(limitErrors.bytes(bytes, limits.maxDocumentBytes));
        if (tokensOver(body, limits.maxTokens)) context.reportError(limitErrors.tokens(null, limits.maxTokens));
      },
    };
  };
  const figuresRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
    return {
      OperationDefinition(op) {
        const f = measureOperation(context.getSchema(), context.getDocument(), op, limits);
        if (f.rootFields > limits.maxRootFields) context.reportError(limitErrors.rootFields(f.rootFields, limits.maxRootFields));
        if (f.fields > limits.maxFields) context.reportError(limitErrors.fields(f.fields, limits.maxFields));
        if (f.cost > limits.maxCost) context.reportError(limitErrors.cost(f.cost, limits.maxCost));
      },
    };
  };
  // graphql-js 16 validates an operation whose root type the schema lacks (a subscription here);
  // it would fail later, as a server error. Refused now, like any invalid document.
  const operationTypeRule: ValidationRule = (context) => ({
    OperationDefinition(op) {
      const schema = context.getSchema();
      const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) context.reportError(new GraphQLError(`This API serves no ${op.operation} operations.`, { nodes: [op] }));
    },
  });
  const armor = armorRules(limits);
  return [documentRule, ...armor.depth, ...armor.aliases, figuresRule, ...armor.directives, operationTypeRule];
}

// ── Per request: the actual page sizes, and who may introspect ─────────────────

/**
 * Once the operation is known (still before execution): variables without NUL characters nor
 * absurd nesting, the
 * cost again with the request's variables (validation counted each variable page size as 1), and
 * introspection refused to anyone but registry administrators and API tokens.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const problem = variableProblem(request.variables ?? {});
          if (problem) throw variableRefused(problem, true);
          const f = measureOperation(schema, document, operation, limits, request.variables ?? {});
          if (f.introspection && !mayIntrospect(contextValue.viewer)) throw introspectionRefused();
          if (f.cost > limits.maxCost) throw limitErrors.cost(f.cost, limits.maxCost, true);
        },
      };
    },
  };
}

/**
 * Before Apollo parses anything: one operation per request (no batched arrays) and a document of
 * at most `maxDocumentBytes`. Answers 400 with the same error shape as the API.
 */
export function documentGuard(limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (e: GraphQLError) => {
      const { http: _h, ...extensions } = e.extensions;
      res.status(400).json({ errors: [{ message: e.message, extensions }] });
    };
    const body: unknown = req.body;
    if (Array.isArray(body)) return refuse(limitErrors.batch());
    const query = req.method === 'GET' ? req.query.query : (body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string') {
      const bytes = Buffer.byteLength(query, 'utf8');
      if (bytes > limits.maxDocumentBytes) return refuse(limitErrors.bytes(bytes, limits.maxDocumentBytes));
    }
    next();
  };
}

/** Apollo's parser stops at `maxTokens` with a syntax error: the limit it names, reported as QUERY_TOO_LARGE. */
export function tokenLimitOf(parseErrorMessage: string): number | undefined {
  // graphql-js 16 words it "more that N tokens".
  const m = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/.exec(parseErrorMessage);
  return m ? Number(m[1]) : undefined;
}
