import { gql } from '@urql/core';
import type { DateTime, Viewer } from './types.ts';

const VIEWER_FIELDS = gql`
  fragment ViewerFields on Viewer {
    staffId
    displayName
    username
    isRegistryAdmin
    permissions {
      editRegistry
      readAuditLog
      decideAccess
      explainAccess
      manageApiTokens
    }
    municipality {
      id
      code
      name
      nameEn
      prefecture
      classificationScale
    }
  }
`;

export const ViewerQuery = gql<{ viewer: Viewer }, Record<string, never>>`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
  ${VIEWER_FIELDS}
`;

export interface SignInVariables {
  municipality: string;
  username: string;
  password: string;
}

/** The gateway also sets the HttpOnly session cookie; the app never keeps `token`. */
export const SignInMutation = gql<
  { signIn: { expiresAt: DateTime; viewer: Viewer } },
  SignInVariables
>`
  mutation SignIn($municipality: String!, $username: String!, $password: String!) {
    signIn(municipality: $municipality, username: $username, password: $password) {
      expiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
  ${VIEWER_FIELDS}
`;

export const SignOutMutation = gql<{ signOut: boolean }, Record<string, never>>`
  mutation SignOut {
    signOut
  }
`;
