import { huggingface } from '../../providers/huggingface/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startHuggingFace } from './world.js';

describeFaults(huggingface, startHuggingFace, 'unexpected answer from Hugging Face: body is not an object');

describeTokenLifecycle(huggingface, startHuggingFace, {
  revoked:
    'Hugging Face rejects it (HTTP 401: Invalid credentials in Authorization header): revoked, expired or never issued',
  firstPath: '/api/whoami-v2',
});
