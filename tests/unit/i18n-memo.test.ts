import { createInstance, type i18n } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n";
import { memoiseTranslations } from "~/utils/i18n-memo";

async function pair() {
  const plain = createInstance();
  await plain.init({ ...i18nConfig, lng: "ja" });
  const memoised = createInstance();
  await memoised.init({ ...i18nConfig, lng: "ja" });
  memoiseTranslations(memoised);
  return { plain, memoised };
}

/** Every translation i18next makes from now on answers `text`. */
function answerFromNowOn(instance: i18n, text: string) {
  (instance as unknown as { translator: { translate: () => string } }).translator.translate = () => text;
}

describe("memoiseTranslations", () => {
  it("answers every kind of call as i18next does, in both languages, the second time too", async () => {
    const { plain, memoised } = await pair();
    for (const lng of ["ja", "en"] as const) {
      const expected = plain.getFixedT(lng);
      const actual = memoised.getFixedT(lng);
      for (let round = 0; round < 2; round++) {
        expect(actual("nav.home")).toBe(expected("nav.home"));
        expect(actual("accessibility.jsOn")).toBe(expected("accessibility.jsOn"));
        expect(actual("no.such.key")).toBe("no.such.key");
        // Values, counts and defaults are not memoised: each call gets its own answer.
        expect(actual("accessibility.reflowWidths", { widths: `${round}` })).toBe(
          expected("accessibility.reflowWidths", { widths: `${round}` }),
        );
        expect(actual("missing.key", "a default")).toBe("a default");
      }
    }
    expect(memoised.getFixedT("ja")("nav.home")).toBe("ホーム");
    expect(memoised.getFixedT("en")("accessibility.jsOn")).not.toBe(memoised.getFixedT("ja")("accessibility.jsOn"));
  });

  it("keeps an answer with plain values: a second call does not reach i18next; other options always do", async () => {
    const { memoised } = await pair();
    const t = memoised.getFixedT("ja");
    const first = t("accessibility.title");
    const withValues = t("accessibility.reflowWidths", { widths: "320" });
    const counted = t("pairing.move.hostOption", { name: "A社", n: 2 });
    answerFromNowOn(memoised, "changed");
    expect(t("accessibility.title")).toBe(first);
    expect(t("accessibility.reflowWidths", { widths: "320" })).toBe(withValues);
    expect(t("pairing.move.hostOption", { name: "A社", n: 2 })).toBe(counted);
    // Not asked before, or not plain values: i18next answers.
    expect(t("accessibility.lead")).toBe("changed");
    expect(t("accessibility.reflowWidths", { widths: "375" })).toBe("changed");
    expect(t("accessibility.reflowWidths", { widths: ["320"] })).toBe("changed");
    expect(t("accessibility.title", { interpolation: { escapeValue: true } })).toBe("changed");
  });

  it("hands out one t per language and namespace; a t without a language follows the instance's", async () => {
    const { memoised } = await pair();
    expect(memoised.getFixedT("ja")).toBe(memoised.getFixedT("ja"));
    expect(memoised.getFixedT("en")).not.toBe(memoised.getFixedT("ja"));
    expect(memoised.getFixedT("ja", "translation")).not.toBe(memoised.getFixedT("ja"));
    const current = memoised.getFixedT(null, "translation");
    expect(current("nav.home")).toBe("ホーム");
    await memoised.changeLanguage("en");
    expect(current("nav.home")).toBe("Home");
    expect(memoised.getFixedT("ja")("nav.home")).toBe("ホーム");
  });

  it("empties itself at its limit, so values taken from requests cannot fill memory", async () => {
    const { memoised } = await pair();
    const t = memoised.getFixedT("ja");
    for (let i = 0; i < 6_000; i++) t("accessibility.reflowWidths", { widths: `hostile ${i}` });
    answerFromNowOn(memoised, "changed");
    expect(t("accessibility.reflowWidths", { widths: "hostile 10" })).toBe("changed");
    expect(t("accessibility.reflowWidths", { widths: "hostile 5999" })).toBe("幅 hostile 5999 px");
  });
});
