import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MESSAGE, decodeAuthMessage, encodeAuthMessage } from './messages';

describe('auth message', () => {
  it('round-trips a token and reads as a y-protocols auth message', () => {
    const token = `v1.${'x'.repeat(300)}.sig`;
    const message = encodeAuthMessage(token);
    expect(decodeAuthMessage(message)).toBe(token);
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE.auth);
    expect(decoding.readVarString(decoder)).toBe(token);
  });

  it('refuses other messages, trailing bytes, truncation and oversized tokens', () => {
    const message = encodeAuthMessage('abc');
    expect(decodeAuthMessage(new Uint8Array([MESSAGE.sync, 0, 0]))).toBeUndefined();
    expect(decodeAuthMessage(new Uint8Array([...message, 1]))).toBeUndefined();
    expect(decodeAuthMessage(message.subarray(0, message.length - 1))).toBeUndefined();
    expect(decodeAuthMessage(encodeAuthMessage('y'.repeat(5000)))).toBeUndefined();
    expect(decodeAuthMessage(new Uint8Array([MESSAGE.auth, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBeUndefined();
  });
});
