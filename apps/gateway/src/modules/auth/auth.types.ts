import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Municipality } from '../registry/index.ts';
import { graphqlEnum } from '../../graphql/enums.ts';

export const VIEWER_KIND_VALUES = ['staff', 'token'] as const;
export const ViewerKindEnum = graphqlEnum(VIEWER_KIND_VALUES, { name: 'ViewerKind', description: 'A staff member signed in, or an integrator token.' });

@ObjectType({ description: 'Who is asking: a signed-in staff member or an integrator token.' })
export class Viewer {
  @Field(() => ID) staffId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Boolean, { description: 'May edit the municipality’s registry.' }) isRegistryAdmin!: boolean;
  @Field(() => ViewerKindEnum) kind!: (typeof VIEWER_KIND_VALUES)[number];
  @Field(() => [String], { description: 'Scopes of the token (empty for staff sessions).' }) scopes!: string[];
}

@ObjectType({ description: 'What the viewer may do, for a client to show only the actions that will be accepted (the server decides anyway).' })
export class ViewerPermissions {
  @Field(() => Boolean) editRegistry!: boolean;
  @Field(() => Boolean, { description: 'MNT-19-3 and equivalents, or a registry administrator.' }) readAuditLog!: boolean;
  @Field(() => Boolean) decideAccess!: boolean;
  @Field(() => Boolean) explainAccess!: boolean;
  @Field(() => Boolean) manageApiTokens!: boolean;
}

@ObjectType()
export class SignInPayload {
  @Field(() => String, { description: 'Bearer token for API clients; the admin app uses the HTTP-only cookie set with it.' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Viewer) viewer!: Viewer;
}

@ObjectType({ description: 'An integrator API token (the secret itself is shown only once, at creation).' })
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreateApiTokenPayload {
  @Field(() => String, { description: 'The secret. Store it now: it is never shown again.' }) token!: string;
  @Field(() => ApiToken) apiToken!: ApiToken;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String) name!: string;
  @Field(() => [String], {
    description:
      'registry:read, registry:write, access:read (access decisions and the accounts feed), committees:read (committees, meetings, agendas, minutes)',
  })
  scopes!: string[];
}
