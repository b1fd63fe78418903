import type { Provider } from '../src/core/provider.js';
import { aws } from './aws/index.js';
import { github } from './github/index.js';
import { railway } from './railway/index.js';

/** Every provider tokenscope knows. Adding one: its folder, and one line here. */
export const PROVIDERS: Provider[] = [
  railway,
  github,
  aws,
];
