import { setFlagsFromString } from 'node:v8';

// Imported first by every entry (bin/tokenscope.js through build/bundle/tiering.js, and the
// Action's entry), so it is set before the rest runs. V8 optimises a function once it has run a
// while; by default so soon that a history audit spent about 1.3 CPU-s, a sixth of its work, in the
// optimising compiler (three threads each optimising much the same code, about 300 times in all,
// the plumbing as well as the hot loops). Waiting 16 times as long leaves about 45 compiles, the
// loops that matter. The flag is process-wide: scanning threads share it.
setFlagsFromString('--interrupt-budget=1081344');
