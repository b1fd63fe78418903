import { randomInt } from 'node:crypto';

const URLSAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const pick = (n: number) => Array.from({ length: n }, () => URLSAFE[randomInt(64)]).join('');

/** A fresh SendGrid-shaped key known to nobody: `SG.` + 22 + `.` + 43 (69 characters, no checksum). */
export const sendgridKey = () => `SG.${pick(22)}.${pick(43)}`;
