import { expect } from 'chai';
import fc from 'fast-check';
import { AppError } from '@teamseat/errors';
import { MAX_USER_ID_LENGTH, requireUserId, userIdProblem, userIdSchema } from '@teamseat/contracts';

const hexDigit = fc.constantFrom(...'0123456789abcdef');
/** The ids RevenueCat's SDKs make for users who have not logged in. */
const anonymousId = fc
  .string({ unit: hexDigit, minLength: 32, maxLength: 32 })
  .map((hex) => `$RCAnonymousID:${hex}`);
/** Printable code points (control characters and lone surrogates left out), astral ones included. */
const printable = fc
  .integer({ min: 0x20, max: 0x10ffff })
  .filter((cp) => !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff))
  .map((cp) => String.fromCodePoint(cp));
const validId = fc
  .string({ unit: printable, minLength: 1, maxLength: MAX_USER_ID_LENGTH })
  .filter((id) => id.trim().length > 0);
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((cp) => String.fromCodePoint(cp));

function refusal(field: string, value: unknown): { field: unknown; message: string } {
  try {
    requireUserId(field, value);
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).to.equal('INVALID_ARGUMENT');
    return { field: appError.details.field, message: appError.message };
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('user id rule', () => {
  it('when an id is an anonymous RevenueCat id, then it is valid', () => {
    fc.assert(
      fc.property(anonymousId, (id) => {
        expect(requireUserId('user_id', id)).to.equal(id);
      }),
    );
  });

  it('when an id has 1 to 1500 printable characters, then it is valid as it is, whatever the characters', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(requireUserId('user_id', id)).to.equal(id);
        // It can reach RevenueCat: URL-encoding (the v1 path) takes it and gives it back unchanged.
        expect(decodeURIComponent(encodeURIComponent(id))).to.equal(id);
      }),
    );
    for (const id of ['user-1456', 'ada@example.org', 'a/b?c=%20#d', '{"$ne": null}', ' padded ', '名前']) {
      expect(userIdProblem(id), id).to.equal(undefined);
    }
  });

  it('when an id is longer than 1500 characters, then it is refused naming the field and the limit', () => {
    expect(refusal('actor_user_id', 'x'.repeat(1501))).to.deep.equal({
      field: 'actor_user_id',
      message: 'actor_user_id: must be at most 1500 characters',
    });
    // Characters are code points, as RevenueCat counts them: 1500 emoji are 3000 UTF-16 units and still valid.
    expect(userIdProblem('😀'.repeat(1500))).to.equal(undefined);
    expect(userIdProblem('😀'.repeat(1501))).to.equal('must be at most 1500 characters');
  });

  it('when an id contains a control character anywhere, then it is refused naming the field', () => {
    fc.assert(
      fc.property(validId, control, fc.nat(), (id, bad, at) => {
        const position = at % (id.length + 1);
        const withControl = id.slice(0, position) + bad + id.slice(position);
        fc.pre([...withControl].length <= MAX_USER_ID_LENGTH);
        expect(refusal('user_id', withControl)).to.deep.equal({
          field: 'user_id',
          message: 'user_id: must not contain control characters',
        });
      }),
    );
  });

  it('when an id is empty, blank, not a string or broken UTF-16, then the message says which', () => {
    expect(refusal('user_id', '').message).to.equal('user_id: must not be empty');
    expect(refusal('user_id', undefined).message).to.equal('user_id: must not be empty');
    expect(refusal('user_id', '   ').message).to.equal('user_id: must not be blank');
    expect(refusal('user_id', '\u3000').message).to.equal('user_id: must not be blank');
    expect(refusal('user_id', 42).message).to.equal('user_id: must be a string');
    expect(refusal('user_id', 'a\ud800b').message).to.equal('user_id: must be valid Unicode text');
    expect(refusal('user_id', '\udc00').message).to.equal('user_id: must be valid Unicode text');
  });

  it('when any string is checked, then it is valid exactly when it meets every part of the rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1600 }), (value) => {
        const meetsRule =
          value.trim().length > 0 &&
          [...value].length <= MAX_USER_ID_LENGTH &&
          [...value].every((char) => {
            const cp = char.codePointAt(0)!;
            return cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff);
          });
        expect(userIdProblem(value) === undefined).to.equal(meetsRule);
        expect(userIdSchema.safeParse(value).success).to.equal(meetsRule);
      }),
    );
  });

  it('when the zod schema refuses an id, then the issue carries the same problem', () => {
    const result = userIdSchema.safeParse('a\nb');
    expect(result.success).to.equal(false);
    expect(result.error?.issues[0]?.message).to.equal('must not contain control characters');
  });
});
