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
];
