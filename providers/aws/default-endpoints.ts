// Apart from endpoints.ts so that the provider's index (loaded by scanning threads) names the
// default without loading the endpoint checks of the network side.

/** Where the real AWS answers: STS's global endpoint (signed for us-east-1) and IAM's only one. */
export const DEFAULT_STS_ENDPOINT = 'https://sts.amazonaws.com';
export const DEFAULT_IAM_ENDPOINT = 'https://iam.amazonaws.com';
