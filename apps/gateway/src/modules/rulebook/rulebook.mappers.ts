// A rulebook of packages/domain as its GraphQL type.
import { graphqlObject } from '../../graphql/object.ts';
import { rulebooks, type RulebookId } from '@tsukasa/domain';
import { Rulebook } from './rulebook.types.ts';

export function toRulebook(id: string): Rulebook | null {
  const book = rulebooks[id as RulebookId];
  if (!book) return null;
  return graphqlObject(Rulebook, {
    id: book.id,
    title: book.title,
    titleEn: book.titleEn,
    reference: book.reference,
    effectiveOn: book.effectiveOn,
    articles: book.articles,
    roles: book.roles,
  });
}
