import { fail, type Handler, members, ok } from './query-double.js';

/** IAM returns policy documents URL-encoded (RFC 3986) inside the XML. */
export const encodeDoc = (doc: object) => encodeURIComponent(JSON.stringify(doc));

export const ACCOUNT = '123456789012';
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/ci/deployer`;

/**
 * An IAM user "deployer" (path /ci/) that can read its own policies:
 * - managed deploy-assets: put/delete objects in one bucket;
 * - inline lambda-deploy: iam:PassRole on lambda-* roles, lambda:CreateFunction and UpdateFunctionCode;
 * - group ops, inline read-secrets: secretsmanager:GetSecretValue on every secret;
 * - the key was created 2021-03-04 and last used with s3 in eu-west-1.
 */
export function readableUser(keyId: string): Record<string, Handler> {
  return {
    'sts:GetCallerIdentity': () =>
      ok(
        'sts',
        'GetCallerIdentity',
        `<Arn>${USER_ARN}</Arn><UserId>AIDASAMPLEUSERID12345</UserId><Account>${ACCOUNT}</Account>`,
      ),
    'iam:ListAttachedUserPolicies': (p) =>
      p.get('UserName') === 'deployer'
        ? ok(
            'iam',
            'ListAttachedUserPolicies',
            `<AttachedPolicies>${members([`<PolicyName>deploy-assets</PolicyName><PolicyArn>arn:aws:iam::${ACCOUNT}:policy/deploy-assets</PolicyArn>`])}</AttachedPolicies><IsTruncated>false</IsTruncated>`,
          )
        : fail(404, 'NoSuchEntity', 'The user cannot be found.'),
    'iam:ListUserPolicies': () =>
      ok(
        'iam',
        'ListUserPolicies',
        `<PolicyNames>${members(['lambda-deploy'])}</PolicyNames><IsTruncated>false</IsTruncated>`,
      ),
    'iam:GetUserPolicy': () =>
      ok(
        'iam',
        'GetUserPolicy',
        `<UserName>deployer</UserName><PolicyName>lambda-deploy</PolicyName><PolicyDocument>${encodeDoc({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/lambda-*` },
            { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:UpdateFunctionCode'], Resource: '*' },
          ],
        })}</PolicyDocument>`,
      ),
    'iam:ListGroupsForUser': () =>
      ok(
        'iam',
        'ListGroupsForUser',
        `<Groups>${members([`<Path>/</Path><GroupName>ops</GroupName><GroupId>AGPASAMPLEGROUPID1234</GroupId><Arn>arn:aws:iam::${ACCOUNT}:group/ops</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate>`])}</Groups><IsTruncated>false</IsTruncated>`,
      ),
    'iam:ListAttachedGroupPolicies': () =>
      ok('iam', 'ListAttachedGroupPolicies', '<AttachedPolicies/><IsTruncated>false</IsTruncated>'),
    'iam:ListGroupPolicies': () =>
      ok(
        'iam',
        'ListGroupPolicies',
        `<PolicyNames>${members(['read-secrets'])}</PolicyNames><IsTruncated>false</IsTruncated>`,
      ),
    'iam:GetGroupPolicy': () =>
      ok(
        'iam',
        'GetGroupPolicy',
        `<GroupName>ops</GroupName><PolicyName>read-secrets</PolicyName><PolicyDocument>${encodeDoc({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        })}</PolicyDocument>`,
      ),
    'iam:GetPolicy': () =>
      ok(
        'iam',
        'GetPolicy',
        `<Policy><PolicyName>deploy-assets</PolicyName><PolicyId>ANPASAMPLEPOLICY12345</PolicyId><Arn>arn:aws:iam::${ACCOUNT}:policy/deploy-assets</Arn><Path>/</Path><DefaultVersionId>v3</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable><CreateDate>2021-01-01T00:00:00Z</CreateDate><UpdateDate>2022-01-01T00:00:00Z</UpdateDate></Policy>`,
      ),
    'iam:GetPolicyVersion': (p) =>
      p.get('VersionId') === 'v3'
        ? ok(
            'iam',
            'GetPolicyVersion',
            `<PolicyVersion><Document>${encodeDoc({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::app-assets/*' },
              ],
            })}</Document><VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2022-01-01T00:00:00Z</CreateDate></PolicyVersion>`,
          )
        : fail(404, 'NoSuchEntity', 'no such version'),
    'iam:ListAccessKeys': () =>
      ok(
        'iam',
        'ListAccessKeys',
        `<UserName>deployer</UserName><AccessKeyMetadata>${members([`<UserName>deployer</UserName><AccessKeyId>${keyId}</AccessKeyId><Status>Active</Status><CreateDate>2021-03-04T10:00:00Z</CreateDate>`])}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
      ),
    'iam:GetAccessKeyLastUsed': () =>
      ok(
        'iam',
        'GetAccessKeyLastUsed',
        '<UserName>deployer</UserName><AccessKeyLastUsed><LastUsedDate>2024-05-06T07:08:09Z</LastUsedDate><ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>',
      ),
  };
}

const denied = (action: string) => () =>
  fail(
    403,
    'AccessDenied',
    `User: ${USER_ARN} is not authorized to perform: iam:${action} because no identity-based policy allows the iam:${action} action`,
  );

/**
 * The same user, but its key may read none of its policies; it may only ask the policy simulator,
 * which says iam:CreateAccessKey is allowed, s3:DeleteBucket depends on a condition (a missing
 * context key), and everything else is implicitly denied.
 */
export function narrowUser(): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    'sts:GetCallerIdentity': readableUser('')['sts:GetCallerIdentity']!,
  };
  for (const a of [
    'ListAttachedUserPolicies',
    'ListUserPolicies',
    'ListGroupsForUser',
    'GetAccountAuthorizationDetails',
    'ListAccessKeys',
    'GetAccessKeyLastUsed',
  ]) {
    handlers[`iam:${a}`] = denied(a);
  }
  handlers['iam:SimulatePrincipalPolicy'] = (p) => {
    const actions = [...p.entries()].filter(([k]) => k.startsWith('ActionNames.member.')).map(([, v]) => v);
    const results = actions.map((a) => {
      const decision = a === 'iam:CreateAccessKey' ? 'allowed' : 'implicitDeny';
      const missing =
        a === 's3:DeleteBucket'
          ? `<MissingContextValues>${members(['aws:MultiFactorAuthPresent'])}</MissingContextValues>`
          : '';
      return `<EvalActionName>${a}</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>${decision}</EvalDecision><MatchedStatements/>${missing}`;
    });
    return ok(
      'iam',
      'SimulatePrincipalPolicy',
      `<EvaluationResults>${members(results)}</EvaluationResults><IsTruncated>false</IsTruncated>`,
    );
  };
  return handlers;
}
