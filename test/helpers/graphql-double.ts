// The GraphQL doubles' shared pieces live with the demo, which ships one (src/demo/).
export * from '../../src/demo/graphql-double.js';
