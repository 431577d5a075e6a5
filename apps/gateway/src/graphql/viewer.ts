// Who a request is from: a staff member's session or an integrator's API token.
export type Viewer =
  | {
      kind: 'staff';
      municipalityId: string;
      staffId: string;
      sessionId: string;
      registryAdmin: boolean;
    }
  | {
      kind: 'token';
      municipalityId: string;
      /** The administrator who created the token; actions are audited as the token. */
      staffId: string;
      tokenId: string;
      scopes: string[];
    };

export type FieldAuthorizationMode = 'enforce' | 'audit-only' | 'off';
