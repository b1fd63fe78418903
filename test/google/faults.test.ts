import { google } from '../../providers/google/index.js';
import { describeFaults } from '../helpers/hosting-suites.js';
import { startGoogle } from './world.js';

// Each fault is played at the token endpoint (the first request); hangHalfway at the listing.
describeFaults(google, startGoogle, 'unexpected answer from Google Cloud: the token answer is not an object');
