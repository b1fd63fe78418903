/**
 * Every GraphQL document the Fly.io inspector sends, and nothing else may be sent (index.ts lists
 * them as the provider's operations). All are queries, validated against Fly's published schema in
 * test/flyio. None selects a field that holds another secret: not AddOn.password or .environment,
 * not App.secrets, not LimitedAccessToken.token, not Organization.sshCertificate or
 * delegatedWireGuardTokens.
 */

/** Who the token speaks for; Fly answers `viewer` for user tokens (for macaroons: UNCONFIRMED). */
export const VIEWER = `query TokenscopeFlyViewer {
  viewer { email }
  userOnlyToken
}`;

export const ORGANIZATIONS_PAGE = `query TokenscopeFlyOrganizations($first: Int!, $after: String) {
  organizations(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id internalNumericId slug name type viewerRole }
  }
}`;

/** One page of an organization's apps, each with its volumes and what it is (a Postgres cluster?). */
export const APPS_PAGE = `query TokenscopeFlyApps($slug: String!, $first: Int!, $after: String) {
  organization(slug: $slug) {
    apps(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        internalNumericId
        name
        status
        deployed
        role { __typename name }
        machines(first: 1) { totalCount }
        volumes(first: 50) {
          totalCount
          nodes { id name sizeGb region }
        }
      }
    }
  }
}`;

export const ALL_DOCUMENTS = { VIEWER, ORGANIZATIONS_PAGE, APPS_PAGE } as const;

/** Mutations in Fly's schema that destroy what the inspector reports (for messages and tests). */
export const DESTRUCTIVE_MUTATIONS = [
  'deleteApp',
  'deleteVolume',
  'deleteOrganization',
  'deleteAddOn',
  'removeMachine',
];
