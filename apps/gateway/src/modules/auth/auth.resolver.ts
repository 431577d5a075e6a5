import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { auditReaders, decideDuty } from '@tsukasa/domain';
import { auditRepo, authRepo, toDate, toDateOrNull } from '@tsukasa/db';
import type { Context } from '../../graphql/context.ts';
import { notFound } from '../../graphql/errors.ts';
import { RequestDb } from '../../graphql/request-db.ts';
import { Rule, viewerHasScope } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { Municipality } from '../registry/index.ts';
import * as auth from './auth.service.ts';
import { SESSION_COOKIE } from './tokens.ts';
import { ApiToken, CreateApiTokenInput, CreateApiTokenPayload, SignInPayload, Viewer, ViewerPermissions } from './auth.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';
import { graphqlObject } from '../../graphql/object.ts';

function toMunicipality(m: authRepo.MunicipalityRow): Municipality {
  return graphqlObject(Municipality, {
    id: m.id,
    code: m.code,
    name: m.name,
    nameEn: m.name_en,
    prefecture: m.prefecture,
    classificationScale: m.classification_scale,
  });
}

const toApiToken = (r: authRepo.ApiTokenRow): ApiToken =>
  graphqlObject(ApiToken, {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    createdAt: toDate(r.created_at),
    lastUsedAt: toDateOrNull(r.last_used_at),
    revokedAt: toDateOrNull(r.revoked_at),
  });

async function loadViewer(ctx: Context): Promise<Viewer> {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const [staff, municipality] = await Promise.all([authRepo.viewerStaff(db, v.staffId), authRepo.municipalityById(db, v.municipalityId)]);
  if (!staff || !municipality) throw notFound('Viewer');
  return graphqlObject(Viewer, {
    staffId: staff.id,
    displayName: `${staff.family_name} ${staff.given_name}`,
    username: staff.username,
    municipality: toMunicipality(municipality),
    isRegistryAdmin: v.kind === 'staff' ? staff.registry_admin : v.scopes.includes('registry:write'),
    kind: v.kind,
    scopes: v.kind === 'token' ? v.scopes : [],
  });
}

@Resolver(() => Viewer)
export class ViewerPermissionsResolver {
  @FieldResolver(() => ViewerPermissions)
  async permissions(@Ctx() ctx: Context): Promise<ViewerPermissions> {
    const v = ctx.viewer;
    const staffAdmin = v?.kind === 'staff' && v.registryAdmin;
    let audit = staffAdmin;
    if (!audit && v?.kind === 'staff') {
      const facts = await ctx.authz.facts();
      audit = !!facts && decideDuty(auditReaders, facts.viewer.roles, { rulebookId: null }, (p) => facts.positionOrgUnit.get(p)).allowed;
    }
    return graphqlObject(ViewerPermissions, {
      editRegistry: viewerHasScope(ctx, 'registry:write'),
      readAuditLog: audit,
      decideAccess: viewerHasScope(ctx, 'access:read'),
      explainAccess: staffAdmin,
      manageApiTokens: staffAdmin,
    });
  }
}

@Resolver()
export class AuthResolver {
  @Rule('public')
  @Mutation(() => SignInPayload, { description: 'Signs in a staff member. The token is also set as an HTTP-only cookie for the admin app.' })
  @ArgFormats({ password: 'secret' })
  async signIn(
    @Ctx() ctx: Context,
    @Arg('municipality', () => String, { description: 'minato, kawasaki, kitami or arakawa' }) municipality: string,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<SignInPayload> {
    const result = await auth.signIn(
      ctx.orm,
      ctx.tenants,
      { requestId: ctx.requestId, clientAddress: ctx.clientAddress },
      { municipality, username, password },
      ctx.sessionTtlHours,
    );
    ctx.setCookie(SESSION_COOKIE, result.token, { maxAgeSeconds: ctx.sessionTtlHours * 3600 });
    ctx.viewer = { kind: 'staff', municipalityId: result.municipalityId, staffId: result.staffId, sessionId: '', registryAdmin: result.registryAdmin };
    // The rest of this request runs as the signed-in staff member, in their municipality.
    ctx.db = new RequestDb(ctx.tenants, result.municipalityId, true);
    return graphqlObject(SignInPayload, { token: result.token, expiresAt: result.expiresAt, viewer: await loadViewer(ctx) });
  }

  @Rule('signedIn')
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    const v = ctx.viewer!;
    ctx.clearCookie(SESSION_COOKIE);
    if (v.kind !== 'staff') return false;
    const db = await ctx.db.em();
    await authRepo.revokeSession(db, v.sessionId);
    await auditRepo.appendAuditEvents(db, v.municipalityId, [
      { actorStaffId: v.staffId, action: 'auth.sign_out', targetType: 'session', targetId: v.sessionId, ruleIds: [], requestId: ctx.requestId },
    ]);
    return true;
  }

  @Rule('signedIn')
  @Query(() => Viewer)
  viewer(@Ctx() ctx: Context): Promise<Viewer> {
    return loadViewer(ctx);
  }

  @Rule('signedIn')
  @Query(() => Municipality, { description: "The viewer's municipality." })
  async municipality(@Ctx() ctx: Context): Promise<Municipality> {
    const m = await authRepo.municipalityById(await ctx.db.em(), ctx.viewer!.municipalityId);
    if (!m) throw notFound('Municipality');
    return toMunicipality(m);
  }

  @Rule('tokens:manage')
  @Query(() => [ApiToken])
  async apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return (await authRepo.listApiTokens(await ctx.db.em())).map(toApiToken);
  }

  @Rule('tokens:manage')
  @Mutation(() => CreateApiTokenPayload, { description: 'Creates a named, scoped integrator token; the secret is returned once.' })
  async createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput): Promise<CreateApiTokenPayload> {
    const { token, row } = await auth.createApiToken(ctx, input);
    return graphqlObject(CreateApiTokenPayload, { token, apiToken: toApiToken(row) });
  }

  @Rule('tokens:manage')
  @Mutation(() => ApiToken)
  async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiToken> {
    const db = await ctx.db.em();
    const row = isUuid(id) ? await authRepo.revokeApiToken(db, id) : undefined;
    if (!row) throw notFound('API token', ['id']);
    await auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [
      { actorStaffId: ctx.viewer!.staffId, action: 'api_token.revoke', targetType: 'api_token', targetId: row.id, ruleIds: [], requestId: ctx.requestId },
    ]);
    return toApiToken(row);
  }
}
