import { randomInt } from 'node:crypto';

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[randomInt(16)]).join('');
const alnum = (n: number) =>
  Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[randomInt(62)]).join(
    '',
  );

/** Fresh Slack-shaped tokens known to nobody (Slack publishes no checksum). */
export const slackBot = () => `xoxb-${digits(13)}-${digits(13)}-${alnum(24)}`;
export const slackUser = () => `xoxp-${digits(12)}-${digits(12)}-${digits(12)}-${hex(32)}`;
export const slackApp = () => `xapp-1-A${alnum(10).toUpperCase()}-${digits(13)}-${hex(64)}`;
export const slackRefresh = () => `xoxe-1-${alnum(146)}`;
export const slackConfig = () => `xoxe.xoxp-1-${alnum(164)}`;
export const slackWebhook = () =>
  `https://hooks.slack.com/services/T${alnum(9).toUpperCase()}/B${alnum(10).toUpperCase()}/${alnum(24)}`;
