// The error a call throws, which must be one of ours (a CodedError); fails the test otherwise.
import { expect } from 'vitest';
import { CodedError } from '../../src/errors.ts';

export function thrown(call: () => unknown): CodedError {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(CodedError);
    return err as CodedError;
  }
  throw new Error('expected the call to throw');
}
