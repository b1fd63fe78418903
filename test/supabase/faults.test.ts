import { supabase } from '../../providers/supabase/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startSupabase } from './world.js';

describeFaults(supabase, startSupabase, 'unexpected answer from Supabase: organizations[0] is not an object');

describeTokenLifecycle(supabase, startSupabase, {
  revoked: 'Supabase rejects it (HTTP 401: Unauthorized): expired, revoked or never issued',
  firstPath: '/v1/organizations',
});
