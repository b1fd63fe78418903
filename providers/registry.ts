import type { Provider } from '../src/core/provider.js';
import { anthropic } from './anthropic/index.js';
import { aws } from './aws/index.js';
import { cloudflare } from './cloudflare/index.js';
import { database } from './database/index.js';
import { digitalocean } from './digitalocean/index.js';
import { flyio } from './flyio/index.js';
import { github } from './github/index.js';
import { gitlab } from './gitlab/index.js';
import { heroku } from './heroku/index.js';
import { google } from './google/index.js';
import { huggingface } from './huggingface/index.js';
import { netlify } from './netlify/index.js';
import { mysql } from './mysql/index.js';
import { neon } from './neon/index.js';
import { npm } from './npm/index.js';
import { openai } from './openai/index.js';
import { postgres } from './postgres/index.js';
import { privatekey } from './privatekey/index.js';
import { railway } from './railway/index.js';
import { render } from './render/index.js';
import { redis } from './redis/index.js';
import { sendgrid } from './sendgrid/index.js';
import { slack } from './slack/index.js';
import { stripe } from './stripe/index.js';
import { supabase } from './supabase/index.js';
import { vercel } from './vercel/index.js';

import { azure } from './azure/index.js';
import { alibaba } from './alibaba/index.js';
import { vault } from './vault/index.js';
import { onepassword } from './onepassword/index.js';
import { docker } from './docker/index.js';
import { pypi } from './pypi/index.js';
import { rubygems } from './rubygems/index.js';
import { nuget } from './nuget/index.js';
import { terraform } from './terraform/index.js';
import { pulumi } from './pulumi/index.js';
import { doppler } from './doppler/index.js';
import { circleci } from './circleci/index.js';
import { buildkite } from './buildkite/index.js';
import { travis } from './travis/index.js';
import { jfrog } from './jfrog/index.js';
import { twilio } from './twilio/index.js';
import { mailgun } from './mailgun/index.js';
import { mailchimp } from './mailchimp/index.js';
import { postmark } from './postmark/index.js';
import { discord } from './discord/index.js';
import { telegram } from './telegram/index.js';
import { teams } from './teams/index.js';
import { datadog } from './datadog/index.js';
import { newrelic } from './newrelic/index.js';
import { sentry } from './sentry/index.js';
import { grafana } from './grafana/index.js';
import { pagerduty } from './pagerduty/index.js';
import { honeycomb } from './honeycomb/index.js';
import { shopify } from './shopify/index.js';
import { atlassian } from './atlassian/index.js';
import { linear } from './linear/index.js';
import { notion } from './notion/index.js';
import { figma } from './figma/index.js';
import { airtable } from './airtable/index.js';
import { asana } from './asana/index.js';
import { okta } from './okta/index.js';
import { auth0 } from './auth0/index.js';
import { algolia } from './algolia/index.js';
import { mapbox } from './mapbox/index.js';
import { postman } from './postman/index.js';
import { braintree } from './braintree/index.js';
import { paypal } from './paypal/index.js';
import { square } from './square/index.js';
import { adyen } from './adyen/index.js';
import { plaid } from './plaid/index.js';
import { cohere } from './cohere/index.js';
import { mistral } from './mistral/index.js';
import { groq } from './groq/index.js';
import { replicate } from './replicate/index.js';
import { together } from './together/index.js';
import { perplexity } from './perplexity/index.js';
import { elevenlabs } from './elevenlabs/index.js';
import { tailscale } from './tailscale/index.js';
import { sonarqube } from './sonarqube/index.js';
import { databricks } from './databricks/index.js';
import { dynatrace } from './dynatrace/index.js';
import { planetscale } from './planetscale/index.js';
import { langsmith } from './langsmith/index.js';
import { openrouter } from './openrouter/index.js';
import { xai } from './xai/index.js';
import { hubspot } from './hubspot/index.js';
import { contentful } from './contentful/index.js';
import { age } from './age/index.js';
import { brevo } from './brevo/index.js';
import { nvidia } from './nvidia/index.js';
import { pinecone } from './pinecone/index.js';
import { sourcegraph } from './sourcegraph/index.js';
import { azuredevops } from './azuredevops/index.js';
import { snyk } from './snyk/index.js';
import { wandb } from './wandb/index.js';
import { deepgram } from './deepgram/index.js';
import { assemblyai } from './assemblyai/index.js';
import { ngrok } from './ngrok/index.js';
import { launchdarkly } from './launchdarkly/index.js';
import { cloudinary } from './cloudinary/index.js';
import { shippo } from './shippo/index.js';
import { easypost } from './easypost/index.js';
import { bitbucket } from './bitbucket/index.js';
import { posthog } from './posthog/index.js';
import { langfuse } from './langfuse/index.js';
import { paddle } from './paddle/index.js';
import { flutterwave } from './flutterwave/index.js';
import { stytch } from './stytch/index.js';
import { tavily } from './tavily/index.js';
import { firecrawl } from './firecrawl/index.js';
import { jina } from './jina/index.js';
import { e2b } from './e2b/index.js';
import { cerebras } from './cerebras/index.js';
import { youtrack } from './youtrack/index.js';
import { mailersend } from './mailersend/index.js';
import { clickup } from './clickup/index.js';
import { typeform } from './typeform/index.js';
import { prefect } from './prefect/index.js';
import { readme } from './readme/index.js';
import { adafruit } from './adafruit/index.js';
import { clojars } from './clojars/index.js';
import { infracost } from './infracost/index.js';
import { harness } from './harness/index.js';
import { bitwarden } from './bitwarden/index.js';
import { salesforce } from './salesforce/index.js';
import { akamai } from './akamai/index.js';
import { octopus } from './octopus/index.js';
import { cratesio } from './cratesio/index.js';
import { razorpay } from './razorpay/index.js';
import { hetzner } from './hetzner/index.js';
import { linode } from './linode/index.js';
import { fastly } from './fastly/index.js';
import { codecov } from './codecov/index.js';
import { expo } from './expo/index.js';
import { trello } from './trello/index.js';
import { meta } from './meta/index.js';
import { fal } from './fal/index.js';
import { convex } from './convex/index.js';
import { ably } from './ably/index.js';

/** Every provider tokenscope knows. Adding one: its folder, and one line here. */
export const PROVIDERS: Provider[] = [
  railway,
  github,
  aws,
  privatekey,
  slack,
  stripe,
  gitlab,
  npm,
  openai,
  anthropic,
  google,
  sendgrid,
  digitalocean,
  flyio,
  cloudflare,
  huggingface,
  supabase,
  neon,
  postgres,
  redis,
  mysql,
  database,
  vercel,
  heroku,
  netlify,
  render,
  azure,
  alibaba,
  vault,
  onepassword,
  docker,
  pypi,
  rubygems,
  nuget,
  terraform,
  pulumi,
  doppler,
  circleci,
  buildkite,
  travis,
  jfrog,
  twilio,
  mailgun,
  mailchimp,
  postmark,
  discord,
  telegram,
  teams,
  datadog,
  newrelic,
  sentry,
  grafana,
  pagerduty,
  honeycomb,
  shopify,
  atlassian,
  linear,
  notion,
  figma,
  airtable,
  asana,
  okta,
  auth0,
  algolia,
  mapbox,
  postman,
  braintree,
  paypal,
  square,
  adyen,
  plaid,
  cohere,
  mistral,
  groq,
  replicate,
  together,
  perplexity,
  elevenlabs,
  tailscale,
  sonarqube,
  databricks,
  dynatrace,
  planetscale,
  langsmith,
  openrouter,
  xai,
  hubspot,
  contentful,
  age,
  brevo,
  nvidia,
  pinecone,
  sourcegraph,
  azuredevops,
  snyk,
  wandb,
  deepgram,
  assemblyai,
  ngrok,
  launchdarkly,
  cloudinary,
  shippo,
  easypost,
  bitbucket,
  posthog,
  langfuse,
  paddle,
  flutterwave,
  stytch,
  tavily,
  firecrawl,
  jina,
  e2b,
  cerebras,
  youtrack,
  mailersend,
  clickup,
  typeform,
  prefect,
  readme,
  adafruit,
  clojars,
  infracost,
  harness,
  bitwarden,
  salesforce,
  akamai,
  octopus,
  cratesio,
  razorpay,
  hetzner,
  linode,
  fastly,
  codecov,
  expo,
  trello,
  meta,
  fal,
  convex,
  ably,
];
