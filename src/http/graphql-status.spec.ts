import { graphqlResponseStatus, negotiateMediaType } from './graphql-status';

const JSON_TYPE = 'application/json' as const;
const GQL_TYPE = 'application/graphql-response+json' as const;

describe('graphqlResponseStatus (the one place a GraphQL response gets its HTTP status)', () => {
  it('answers a request error 200 under application/json and 400 under graphql-response+json', () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'OPERATION_RESOLUTION_FAILURE']) {
      expect(graphqlResponseStatus({ mediaType: JSON_TYPE, data: 'absent', codes: [code], current: 500 })).toBe(200);
      expect(graphqlResponseStatus({ mediaType: GQL_TYPE, data: 'absent', codes: [code], current: 500 })).toBe(400);
    }
  });

  it('answers an executed operation 200 whatever its field errors', () => {
    for (const mediaType of [JSON_TYPE, GQL_TYPE]) {
      expect(graphqlResponseStatus({ mediaType, data: 'present', codes: ['UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR'] })).toBe(200);
      expect(graphqlResponseStatus({ mediaType, data: 'null', codes: ['FORBIDDEN'] })).toBe(200);
      expect(graphqlResponseStatus({ mediaType, data: 'present', codes: [] })).toBe(200);
    }
  });

  it('answers a server failure without usable data with its 5xx', () => {
    for (const mediaType of [JSON_TYPE, GQL_TYPE]) {
      expect(graphqlResponseStatus({ mediaType, data: 'null', codes: ['INTERNAL_SERVER_ERROR'] })).toBe(500);
      expect(graphqlResponseStatus({ mediaType, data: 'absent', codes: ['QUERY_TOO_COMPLEX', 'INTERNAL_SERVER_ERROR'] })).toBe(500);
    }
  });

  it('keeps protocol statuses, 400 for a malformed request, and the persisted-query protocol', () => {
    expect(graphqlResponseStatus({ mediaType: JSON_TYPE, data: 'absent', codes: ['BAD_REQUEST'], current: 405 })).toBe(405);
    expect(graphqlResponseStatus({ mediaType: JSON_TYPE, data: 'absent', codes: ['BAD_REQUEST'], current: 400 })).toBe(400);
    expect(graphqlResponseStatus({ mediaType: GQL_TYPE, data: 'absent', codes: ['PERSISTED_QUERY_NOT_FOUND'], current: 200 })).toBe(200);
  });
});

describe('negotiateMediaType', () => {
  it('picks what Apollo picks for the same Accept header', () => {
    expect(negotiateMediaType(undefined)?.mediaType).toBe(JSON_TYPE);
    expect(negotiateMediaType('*/*')?.mediaType).toBe(JSON_TYPE);
    expect(negotiateMediaType('application/graphql-response+json, application/json;q=0.9')?.mediaType).toBe(GQL_TYPE);
    expect(negotiateMediaType('application/json, application/graphql-response+json')?.mediaType).toBe(JSON_TYPE);
    expect(negotiateMediaType('text/html')).toBeNull();
  });
});
