import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';

// No 0/O or 1/I/L: the number is read out loud at windows and typed from paper.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * OS + the filing date in Shanghai + six random characters, e.g. OS260303-7K4QXM. The random
 * part makes numbers unguessable, since a number and a name are all the public tracking asks.
 */
export function makeTrackingNo(at: Date): string {
  const day = DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' }).toFormat('yyMMdd');
  let suffix = '';
  for (let index = 0; index < 6; index += 1) {
    suffix += alphabet[randomInt(alphabet.length)];
  }
  return `OS${day}-${suffix}`;
}
