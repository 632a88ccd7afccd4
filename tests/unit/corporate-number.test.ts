import { describe, expect, it } from "vitest";
import {
  corporateCheckDigit,
  isValidCorporateNumber,
  makeCorporateNumber,
  normalizeCorporateNumber,
} from "../../app/utils/corporate-number";

describe("corporateCheckDigit", () => {
  it("matches published numbers", () => {
    // National Tax Agency: 7000012050002
    expect(corporateCheckDigit("000012050002")).toBe(7);
    expect(corporateCheckDigit("000011000005")).toBe(1);
    // Kita City itself (a local public body): 8000020131172
    expect(corporateCheckDigit("000020131172")).toBe(8);
  });

  it("is 9, never 0, when the weighted sum is a multiple of 9", () => {
    expect(corporateCheckDigit("000000000000")).toBe(9);
    expect(corporateCheckDigit("000000000009")).toBe(9);
  });

  it("rejects a base that is not 12 ASCII digits", () => {
    expect(() => corporateCheckDigit("12345")).toThrow();
    expect(() => corporateCheckDigit("00001205000a")).toThrow();
    expect(() => corporateCheckDigit("００００１２０５０００２")).toThrow();
  });
});

describe("isValidCorporateNumber", () => {
  it("accepts known valid numbers", () => {
    expect(isValidCorporateNumber("7000012050002")).toBe(true);
    expect(isValidCorporateNumber("1000011000005")).toBe(true);
    expect(isValidCorporateNumber("8000020131172")).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    expect(isValidCorporateNumber("6000012050002")).toBe(false);
    expect(isValidCorporateNumber("8000012050002")).toBe(false);
    expect(isValidCorporateNumber("0000012050002")).toBe(false);
  });

  it("rejects a transposition of neighbouring digits", () => {
    expect(isValidCorporateNumber("7000010250002")).toBe(false);
  });

  it("rejects the wrong length and anything but ASCII digits", () => {
    expect(isValidCorporateNumber("")).toBe(false);
    expect(isValidCorporateNumber("700001205000")).toBe(false);
    expect(isValidCorporateNumber("70000120500020")).toBe(false);
    expect(isValidCorporateNumber("7000-0120-50002")).toBe(false);
    expect(isValidCorporateNumber("７００００１２０５０００２")).toBe(false); // normalise first
    expect(isValidCorporateNumber(" 7000012050002")).toBe(false);
  });
});

describe("normalizeCorporateNumber", () => {
  it("turns full-width digits into ASCII", () => {
    expect(normalizeCorporateNumber("７００００１２０５０００２")).toBe("7000012050002");
    expect(isValidCorporateNumber(normalizeCorporateNumber("７００００１２０５０００２"))).toBe(true);
  });

  it("strips hyphens, dashes and spaces, half- or full-width", () => {
    expect(normalizeCorporateNumber("7-0000-1205-0002")).toBe("7000012050002");
    expect(normalizeCorporateNumber("７－００００－１２０５－０００２")).toBe("7000012050002");
    expect(normalizeCorporateNumber("7 0000 1205 0002")).toBe("7000012050002");
    expect(normalizeCorporateNumber("７　００００　１２０５　０００２")).toBe("7000012050002");
    expect(normalizeCorporateNumber(" 7‐0000−1205ー0002 ")).toBe("7000012050002");
  });

  it("leaves other characters for validation to reject", () => {
    expect(normalizeCorporateNumber("7000a12050002")).toBe("7000a12050002");
    expect(isValidCorporateNumber(normalizeCorporateNumber("7000a12050002"))).toBe(false);
  });
});

describe("makeCorporateNumber", () => {
  it("puts the check digit first", () => {
    expect(makeCorporateNumber("000012050002")).toBe("7000012050002");
  });

  it("always makes a valid number", () => {
    for (const base of ["011501012345", "011302000001", "999999999999", "123456789012"]) {
      const number = makeCorporateNumber(base);
      expect(number).toHaveLength(13);
      expect(number.slice(1)).toBe(base);
      expect(isValidCorporateNumber(number)).toBe(true);
    }
  });
});
