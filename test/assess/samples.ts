import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const random = (n: number, alphabet = BASE62) =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** Fresh keys in each provider's documented shape, known to nobody (these formats carry no checksum). */
export const stripeLiveKey = () => `sk_live_${random(32)}`;
export const slackBotToken = () => `xoxb-${random(13, '0123456789')}-${random(13, '0123456789')}-${random(24)}`;
/** OpenAI keys carry the T3BlbkFJ marker with at least 20 characters on each side. */
export const openaiKey = () => `sk-proj-${random(40)}T3BlbkFJ${random(40)}`;
