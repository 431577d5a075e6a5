import { graphql, type ResultOf } from './graphql.ts';

const ViewerFields = graphql(`
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
`);

export type Viewer = ResultOf<typeof ViewerFields>;

export const ViewerQuery = graphql(
  `
    query Viewer {
      viewer {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

/** The gateway also sets the HttpOnly session cookie; the app never keeps `token`. */
export const SignInMutation = graphql(
  `
    mutation SignIn($municipality: String!, $username: String!, $password: String!) {
      signIn(municipality: $municipality, username: $username, password: $password) {
        expiresAt
        viewer {
          ...ViewerFields
        }
      }
    }
  `,
  [ViewerFields],
);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
