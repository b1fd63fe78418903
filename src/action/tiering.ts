import { setFlagsFromString } from 'node:v8';

// Imported first by the Action's entry, so it is set before the rest runs. As bin/tokenscope.js
// says for the command line: V8's default tier-up sent a history scan's plumbing through the
// optimising compiler in every thread (about 300 compiles, a sixth of the run's CPU); waiting 16
// times as long optimises the loops that matter and little else. Process-wide: threads share it.
setFlagsFromString('--interrupt-budget=1081344');
