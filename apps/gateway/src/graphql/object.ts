/** The data properties of a GraphQL object class (its field resolvers and methods left out). */
type Fields<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/**
 * An instance of a GraphQL object class with these fields set. Unlike `Object.assign(new X(), {...})`,
 * the values are checked against the class: a rule ID the rulebooks lack, or text where the class
 * has a RuleId, does not compile.
 */
export function graphqlObject<T extends object>(Class: new () => T, fields: Partial<Fields<T>>): T {
  return Object.assign(new Class(), fields);
}
