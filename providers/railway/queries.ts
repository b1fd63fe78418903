/**
 * Every GraphQL document the Railway inspector can send, in one place so that one test can check
 * each against Railway's published schema and prove none is a mutation or a subscription.
 * Fragments are appended to the documents that use them (a document must carry its fragments).
 */

const PAGE_INFO = /* GraphQL */ `
fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`;

// Volumes are walked through the environment they live in: that gives each instance its
// environment for free, and a root `environment(id)` query to page through when there are many.
const VOLUME_INSTANCE = /* GraphQL */ `
fragment VolumeInstanceFields on VolumeInstance {
  id
  mountPath
  sizeMB
  currentSizeMB
  serviceId
  volume {
    id
    name
  }
}`;

const ENVIRONMENT = /* GraphQL */ `
fragment EnvironmentFields on Environment {
  id
  name
  volumeInstances(first: $first) {
    edges {
      node {
        ...VolumeInstanceFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}`;

const PROJECT = /* GraphQL */ `
fragment ProjectFields on Project {
  id
  name
  baseEnvironmentId
  primaryEnvironmentId
  workspace {
    id
    name
  }
  environments(first: $first) {
    edges {
      node {
        ...EnvironmentFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
  services(first: $first) {
    edges {
      node {
        id
        name
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
  buckets(first: $first) {
    edges {
      node {
        id
        name
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}`;

/** Answers only for a project token sent as `Project-Access-Token`. */
export const PROJECT_TOKEN_PROBE = /* GraphQL */ `
query RailwayProjectToken {
  projectToken {
    projectId
    environmentId
    project {
      id
      name
      baseEnvironmentId
      primaryEnvironmentId
    }
    environment {
      id
      name
    }
  }
}`;

/** Answers only for an account token. */
export const ACCOUNT_PROBE = /* GraphQL */ `
query RailwayAccount {
  me {
    id
    email
    workspaces {
      id
      name
    }
  }
}`;

/** The workspaces a (workspace) token may operate on. */
export const TOKEN_WORKSPACES = /* GraphQL */ `
query RailwayTokenWorkspaces {
  apiToken {
    workspaces {
      id
      name
    }
  }
}`;

/**
 * One page of projects, each with the first page of its environments (and their volumes),
 * services and buckets: usually one request per page of projects. Without `workspaceId` it is
 * also the probe that tells a workspace token apart.
 */
export const PROJECTS_PAGE = /* GraphQL */ `
query RailwayProjects($first: Int!, $after: String, $workspaceId: String) {
  projects(first: $first, after: $after, workspaceId: $workspaceId) {
    edges {
      node {
        ...ProjectFields
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
${PROJECT}
${ENVIRONMENT}
${VOLUME_INSTANCE}
${PAGE_INFO}`;

export const PROJECT_ENVIRONMENTS_PAGE = /* GraphQL */ `
query RailwayProjectEnvironments($projectId: String!, $first: Int!, $after: String) {
  project(id: $projectId) {
    environments(first: $first, after: $after) {
      edges {
        node {
          ...EnvironmentFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${ENVIRONMENT}
${VOLUME_INSTANCE}
${PAGE_INFO}`;

export const PROJECT_SERVICES_PAGE = /* GraphQL */ `
query RailwayProjectServices($projectId: String!, $first: Int!, $after: String) {
  project(id: $projectId) {
    services(first: $first, after: $after) {
      edges {
        node {
          id
          name
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${PAGE_INFO}`;

export const PROJECT_BUCKETS_PAGE = /* GraphQL */ `
query RailwayProjectBuckets($projectId: String!, $first: Int!, $after: String) {
  project(id: $projectId) {
    buckets(first: $first, after: $after) {
      edges {
        node {
          id
          name
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${PAGE_INFO}`;

export const ENVIRONMENT_VOLUME_INSTANCES_PAGE = /* GraphQL */ `
query RailwayEnvironmentVolumes($environmentId: String!, $first: Int!, $after: String) {
  environment(id: $environmentId) {
    volumeInstances(first: $first, after: $after) {
      edges {
        node {
          ...VolumeInstanceFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${VOLUME_INSTANCE}
${PAGE_INFO}`;

/** The one environment a project token reaches: its volumes and the services deployed there. */
export const TOKEN_ENVIRONMENT = /* GraphQL */ `
query RailwayTokenEnvironment($environmentId: String!, $first: Int!) {
  environment(id: $environmentId) {
    ...EnvironmentFields
    serviceInstances(first: $first) {
      edges {
        node {
          serviceId
          serviceName
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${ENVIRONMENT}
${VOLUME_INSTANCE}
${PAGE_INFO}`;

export const ENVIRONMENT_SERVICE_INSTANCES_PAGE = /* GraphQL */ `
query RailwayEnvironmentServices($environmentId: String!, $first: Int!, $after: String) {
  environment(id: $environmentId) {
    serviceInstances(first: $first, after: $after) {
      edges {
        node {
          serviceId
          serviceName
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
}
${PAGE_INFO}`;

/** The user's API tokens with their expiry: the only place Railway says whether a token expires. */
export const API_TOKENS_PAGE = /* GraphQL */ `
query RailwayApiTokens($first: Int!, $after: String) {
  apiTokens(first: $first, after: $after) {
    edges {
      node {
        id
        name
        expiresAt
        workspaceId
      }
    }
    pageInfo {
      ...PageInfoFields
    }
  }
}
${PAGE_INFO}`;

/** Every document above, by name: the schema test walks this list. */
export const ALL_DOCUMENTS: Record<string, string> = {
  PROJECT_TOKEN_PROBE,
  ACCOUNT_PROBE,
  TOKEN_WORKSPACES,
  PROJECTS_PAGE,
  PROJECT_ENVIRONMENTS_PAGE,
  PROJECT_SERVICES_PAGE,
  PROJECT_BUCKETS_PAGE,
  ENVIRONMENT_VOLUME_INSTANCES_PAGE,
  TOKEN_ENVIRONMENT,
  ENVIRONMENT_SERVICE_INSTANCES_PAGE,
  API_TOKENS_PAGE,
};

/** Mutations a token kind can call, in Railway's words (checked against the schema by a test). */
export const DESTRUCTIVE_MUTATIONS = {
  account: [
    'workspaceDelete',
    'projectDelete',
    'environmentDelete',
    'serviceDelete',
    'volumeDelete',
    'volumeInstanceBackupDelete',
    'variableUpsert',
    'variableDelete',
    'bucketCredentialsReset',
  ],
  workspace: [
    'projectDelete',
    'environmentDelete',
    'serviceDelete',
    'volumeDelete',
    'volumeInstanceBackupDelete',
    'variableUpsert',
    'variableDelete',
    'bucketCredentialsReset',
  ],
  project: ['serviceInstanceDeploy', 'variableUpsert', 'variableDelete', 'volumeInstanceUpdate'],
} as const;
