import { supabase } from '../../providers/supabase/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startSupabase } from './world.js';

// A personal access token kept "for deploys" in a staging file that can delete the production project.
describeIncident(supabase, startSupabase, {
  file: 'deploy/staging/.env',
  variable: 'SUPABASE_DEPLOY_TOKEN',
  token: 'account',
  otherToken: 'hobbyOnly',
  names: 'the project "shop-production" (qwertyuiopasdfghjklz) of "acme" with its database',
  reach: ['production projects', 'acme/shop-production'],
});
