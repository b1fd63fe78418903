/**
 * What an inspector may ask of the network, as a type the detection side can name without
 * loading the network side: src/inspect/http.ts implements it (the read-only, allowlisted door).
 */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** One request as the recorder sees it (tests assert on these). */
export interface RecordedRequest {
  method: string;
  url: string;
  body?: string;
}

export interface InspectHttp {
  /** What this door has sent (tests read it). */
  readonly sent: RecordedRequest[];
  /** A fetch for SDKs (Octokit) that goes through the same guards. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse>;
  /**
   * POST a body to an operation listed with `readOnlyBecause` (a read that is a POST by design,
   * such as Google's token exchange and testIamPermissions); refused for any other path.
   */
  post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse>;
  /** POST a GraphQL document; refused unless it is one of the provider's listed queries. */
  graphql(
    url: string,
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpResponse>;
}
