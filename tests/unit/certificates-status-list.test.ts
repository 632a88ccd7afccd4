import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { issuerProfile, proveCredential, signCredential, verifyCredentialJwt } from "~/certificates/credential.server";
import { verifyDataIntegrityProof } from "~/certificates/data-integrity.server";
import {
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  isRevoked,
  randomStatusListIndex,
  STATUS_LIST_BITS,
} from "~/certificates/status-list";

describe("bitstring status list", () => {
  it("is a multibase base64url GZIP of at least 131,072 bits", () => {
    const encoded = encodeStatusList([]);
    expect(encoded.startsWith("u")).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    expect(bits.length * 8).toBe(STATUS_LIST_BITS);
    expect(STATUS_LIST_BITS).toBeGreaterThanOrEqual(131_072);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it("puts index 0 in the most significant bit of the first byte", () => {
    const bits = decodeStatusList(encodeStatusList([0, 9]));
    expect([...bits.subarray(0, 3)]).toEqual([0b1000_0000, 0b0100_0000, 0]);
  });

  it("round-trips, and a revocation flips exactly its own bit", () => {
    const revoked = [1, 7, 8, 4242, 65_536, STATUS_LIST_BITS - 1];
    const before = decodeStatusList(encodeStatusList(revoked));
    const after = decodeStatusList(encodeStatusList([...revoked, 4243]));
    for (const index of revoked) expect(isRevoked(after, index)).toBe(true);
    expect(isRevoked(before, 4243)).toBe(false);
    expect(isRevoked(after, 4243)).toBe(true);
    const differingBytes = before.map((byte, i) => byte ^ after[i]);
    expect([...differingBytes.filter(Boolean)]).toEqual([0x80 >> (4243 % 8)]);
    expect(isRevoked(encodeStatusList(revoked), 0)).toBe(false); // also reads an encodedList directly
  });

  it("refuses indexes outside the list and lists shorter than the minimum", () => {
    expect(() => encodeStatusList([STATUS_LIST_BITS])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
    expect(() => encodeStatusList([], 1024)).toThrow(RangeError);
    expect(() => isRevoked(encodeStatusList([]), 1.5)).toThrow(RangeError);
    expect(() => decodeStatusList("zNotBase64url")).toThrow(/multibase/);
  });

  it("draws indexes at random across the whole list", () => {
    const indexes = Array.from({ length: 200 }, () => randomStatusListIndex());
    expect(indexes.every((i) => Number.isInteger(i) && i >= 0 && i < STATUS_LIST_BITS)).toBe(true);
    expect(new Set(indexes).size).toBeGreaterThan(190);
  });
});

describe("status list credential", () => {
  it("is a BitstringStatusListCredential, signed and verifiable like the certificates", async () => {
    const id = "https://collab.city.kita.example/credentials/status/1";
    const encodedList = encodeStatusList([4242]);
    const credential = buildStatusListCredential({
      id,
      issuer: issuerProfile("https://collab.city.kita.example").id,
      encodedList,
      validFrom: "2026-03-01T00:00:00.500Z",
    });
    expect(credential).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: "did:web:collab.city.kita.example",
      validFrom: "2026-03-01T00:00:00Z",
      credentialSubject: { id: `${id}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList },
    });
    const result = await verifyCredentialJwt(await signCredential(credential));
    expect(result.valid).toBe(true);
    const subject = (result.payload as unknown as typeof credential).credentialSubject;
    expect(isRevoked(subject.encodedList, 4242)).toBe(true);
    expect(isRevoked(subject.encodedList, 4241)).toBe(false);

    // Wallets read it as JSON-LD with an embedded proof.
    const proved = await proveCredential(credential, "https://collab.city.kita.example");
    expect(await verifyDataIntegrityProof(proved, "https://collab.city.kita.example")).toMatchObject({ valid: true });
    const flipped = {
      ...proved,
      credentialSubject: { ...proved.credentialSubject, encodedList: encodeStatusList([]) },
    };
    expect(await verifyDataIntegrityProof(flipped, "https://collab.city.kita.example")).toMatchObject({ valid: false });
  });
});
