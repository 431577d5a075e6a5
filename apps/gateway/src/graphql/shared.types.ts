// GraphQL types every module uses: a text in both languages, and the page info of a connection.
import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Bilingual {
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
