// Certificates for tests and the certificate benchmark: realistic bilingual data, no database.
import type { CertificateData } from "~/certificates/data";
import { newCertificateId } from "~/certificates/ids";

export function certificateData(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    certificateId: newCertificateId(),
    issuedAt: "2027-02-20T06:30:00.000Z",
    student: { name: "山田 太郎", nameLatin: "Taro YAMADA" },
    project: {
      id: 12,
      title: { ja: "北区発・新製品の販路を探る", en: "Finding markets for new products made in Kita City" },
    },
    seminar: { ja: "マーケティングゼミ", en: "Marketing Seminar" },
    university: { ja: "東洋大学", en: "Toyo University" },
    firms: [
      { ja: "株式会社赤羽精密", en: "Akabane Precision Co., Ltd." },
      { ja: "王子製函株式会社", en: "Oji Box Manufacturing Co., Ltd." },
    ],
    event: {
      name: { ja: "北区産学連携発表会", en: "Kita City Industry–Academia Presentation Day" },
      date: "2027-02-20",
    },
    ...overrides,
  };
}
