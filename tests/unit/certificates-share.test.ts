import { describe, expect, it } from "vitest";
import { CERTIFICATE_ID_LENGTH, isCertificateId, newCertificateId, normalizeCertificateId } from "~/certificates/ids";
import { cvLine, linkedInAddToProfileUrl, linkedInLinkFor } from "~/certificates/share";
import { certificateData } from "../factories/certificates";

const VERIFY = "https://collab.city.kita.example/verify/0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("certificate ids", () => {
  it("are 160 random bits in 32 URL-safe Crockford base32 characters", () => {
    const ids = Array.from({ length: 5000 }, newCertificateId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) {
      expect(id).toHaveLength(CERTIFICATE_ID_LENGTH);
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/);
      expect(encodeURIComponent(id)).toBe(id);
      expect(isCertificateId(id)).toBe(true);
    }
    expect(CERTIFICATE_ID_LENGTH * 5).toBeGreaterThanOrEqual(128);
    // Every character position varies: no fixed prefix or padding.
    for (let i = 0; i < CERTIFICATE_ID_LENGTH; i++) expect(new Set(ids.map((id) => id[i])).size).toBe(32);
  });

  it("tell canonical ids from anything else, and read back ids as people type them", () => {
    expect(isCertificateId("0123456789abcdefghjkmnpqrstvwxyz")).toBe(false);
    expect(isCertificateId("0123456789ABCDEFGHJKMNPQRSTVWXYU")).toBe(false); // U is not in the alphabet
    expect(isCertificateId("0123456789ABCDEFGHJKMNPQRSTVWXY")).toBe(false);
    expect(isCertificateId(42)).toBe(false);
    expect(normalizeCertificateId("o123-4567 89ab cdef ghjk mnpq rstv wxyz")).toBe("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    expect(normalizeCertificateId("I123456789ABCDEFGHJKMNPQRSTVWXYL")).toBe("1123456789ABCDEFGHJKMNPQRSTVWXY1");
    expect(normalizeCertificateId("../../etc/passwd")).toBeNull();
  });
});

describe("Add to LinkedIn", () => {
  it("builds LinkedIn's add-to-profile URL for a certification", () => {
    const url = new URL(
      linkedInAddToProfileUrl({
        name: "Certificate of Participation: Kita City",
        organizationName: "Industry Promotion Section, Kita City, Tokyo",
        issueYear: 2027,
        issueMonth: 2,
        certUrl: VERIFY,
        certId: "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: "Certificate of Participation: Kita City",
      organizationName: "Industry Promotion Section, Kita City, Tokyo",
      issueYear: "2027",
      issueMonth: "2",
      certUrl: VERIFY,
      certId: "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
    });
    expect(url.search).toContain(`certUrl=${encodeURIComponent(VERIFY)}`);
  });

  it("fills it from a certificate in the student's language, dated in Tokyo", () => {
    // 2027-01-31T16:00Z is already 1 February in Tokyo.
    const data = certificateData({ issuedAt: "2027-01-31T16:00:00.000Z" });
    const ja = new URL(linkedInLinkFor(data, VERIFY, "ja")).searchParams;
    expect(ja.get("name")).toBe("参加証明書（北区産学連携 企業取材プロジェクト）");
    expect(ja.get("organizationName")).toBe("東京都北区 産業振興課");
    expect([ja.get("issueYear"), ja.get("issueMonth")]).toEqual(["2027", "2"]);
    expect(ja.get("certId")).toBe(data.certificateId);
    const en = new URL(linkedInLinkFor(data, VERIFY, "en")).searchParams;
    expect(en.get("name")).toBe(
      "Certificate of Participation: Kita City (Tokyo) industry–academia company-interview project",
    );
    expect(en.get("organizationName")).toBe("Industry Promotion Section, Kita City, Tokyo");
  });
});

describe("CV line", () => {
  const data = certificateData({ certificateId: "0123456789ABCDEFGHJKMNPQRSTVWXYZ" });

  it("reads naturally in Japanese", () => {
    expect(cvLine(data, VERIFY, "ja")).toBe(
      "2027年2月 東京都北区 産学連携企業取材プロジェクト（東洋大学 マーケティングゼミ）に参加し、" +
        `区内企業への取材結果を北区産学連携発表会で発表（証明書ID: 0123456789ABCDEFGHJKMNPQRSTVWXYZ、検証: ${VERIFY}）`,
    );
  });

  it("reads naturally in English, falling back to Japanese names that have no English", () => {
    expect(cvLine(data, VERIFY, "en")).toBe(
      "Feb 2027 — Participated in the Kita City (Tokyo) industry–academia company-interview project " +
        "(Toyo University, Marketing Seminar) and presented the research at the Kita City Industry–Academia Presentation Day " +
        `(certificate ID 0123456789ABCDEFGHJKMNPQRSTVWXYZ, verify at ${VERIFY})`,
    );
    const noEnglish = certificateData({
      seminar: { ja: "山本ゼミ" },
      event: { name: { ja: "北区ビジネスフェア" }, date: "2026-11-05" },
    });
    expect(cvLine(noEnglish, VERIFY, "en")).toMatch(
      /^Nov 2026 — .*\(Toyo University, 山本ゼミ\) .* at the 北区ビジネスフェア \(/,
    );
  });
});
