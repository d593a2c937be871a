/** Shared by the CSV builders' unit tests: the real translators and one set of figures. */
import { createTranslator } from "next-intl";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import type { Translate } from "./csv-builders";

export const tEn = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
export const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;

const fig = (met: number, breached: number, attainment: number | null, excluded = 0) => ({
  met,
  breached,
  excluded,
  n: met + breached,
  attainment,
});
/** First response 123 met of 124 (99.19... %), workaround all met, resolution none yet. */
export const byMetric = {
  firstResponse: fig(123, 1, 0.9919354838),
  workaround: fig(3, 0, 1),
  resolution: fig(0, 0, null),
};
