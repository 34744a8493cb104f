import { expect } from 'chai';
import fc from 'fast-check';
import { murmur2 } from '../../src/key-hash';

describe('murmur2: the partition hash of the Java client', () => {
  it("when given the Java client's own test vectors, then it returns the same hashes", () => {
    // Apache Kafka, clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java (testMurmur2).
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    expect(vectors.map(([text]) => murmur2(Buffer.from(text)))).to.deep.equal(
      vectors.map(([, hash]) => hash),
    );
  });

  it('when given any bytes, then it agrees with the port in @platformatic/kafka', async () => {
    const { murmur2: reference } = await import('@platformatic/kafka');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const data = Buffer.from(bytes);
        expect(murmur2(data)).to.equal(reference(data));
      }),
      { numRuns: 2000 },
    );
  });
});
