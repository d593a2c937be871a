/**
 * Reference data of docs/DOMAIN.md: the three tiers, their default SLA target matrix, and the three
 * regional support calendars with their public holidays. Shared by the demo seed, the scale seed
 * and the tests.
 */
import type { CalendarMode, Region, TierCode } from "../schema/enums";

type Priority = "P0" | "P1" | "P2" | "P3";
type Metric = "firstResponse" | "workaround" | "resolution";

/** One business day of a 09:00-17:30 calendar, in minutes. */
export const BUSINESS_DAY_MINUTES = 510;
const bd = (days: number) => days * BUSINESS_DAY_MINUTES;

export const TIER_DEFAULTS: {
  code: TierCode;
  rank: number;
  channels: ("ticket" | "email" | "chat" | "dedicated_group" | "phone_hotline")[];
  namedContacts: "none" | "am" | "am_tam";
  reviewCadence: "none" | "quarterly" | "quarterly_monthly";
  proactiveAlerts: boolean;
  availabilityCommitment: number;
  hotline: string | null;
}[] = [
  {
    code: "basic",
    rank: 1,
    channels: ["ticket", "email"],
    namedContacts: "none",
    reviewCadence: "none",
    proactiveAlerts: false,
    availabilityCommitment: 99.9,
    hotline: null,
  },
  {
    code: "advanced",
    rank: 2,
    channels: ["ticket", "email", "chat"],
    namedContacts: "am",
    reviewCadence: "quarterly",
    proactiveAlerts: false,
    availabilityCommitment: 99.95,
    hotline: null,
  },
  {
    code: "enterprise",
    rank: 3,
    channels: ["ticket", "email", "chat", "dedicated_group", "phone_hotline"],
    namedContacts: "am_tam",
    reviewCadence: "quarterly_monthly",
    proactiveAlerts: true,
    availabilityCommitment: 99.99,
    hotline: "+1 888 555 0199",
  },
];

/** Credit schedule below the commitment (docs/DOMAIN.md defaults); `below: null` means the commitment itself. */
export function defaultCreditSchedule(commitment: number): { below: number; percent: number }[] {
  return [
    { below: commitment, percent: 10 },
    { below: 99.0, percent: 25 },
    { below: 95.0, percent: 50 },
  ];
}

type Cell = { minutes: number; calendarMode: CalendarMode };
const always = (minutes: number): Cell => ({ minutes, calendarMode: "always" });
const business = (minutes: number): Cell => ({ minutes, calendarMode: "business" });

export const TARGET_DEFAULTS: Record<TierCode, Record<Priority, Partial<Record<Metric, Cell>>>> = {
  enterprise: {
    P0: { firstResponse: always(15), workaround: always(240), resolution: business(bd(5)) },
    P1: { firstResponse: always(30), workaround: always(480), resolution: business(bd(10)) },
    P2: { firstResponse: always(120), resolution: business(bd(20)) },
    P3: { firstResponse: business(240), resolution: business(bd(20)) },
  },
  advanced: {
    P0: { firstResponse: always(60), workaround: always(480), resolution: business(bd(10)) },
    P1: { firstResponse: always(120), workaround: always(1440), resolution: business(bd(15)) },
    P2: { firstResponse: business(240), resolution: business(bd(30)) },
    P3: { firstResponse: business(bd(1)), resolution: business(bd(30)) },
  },
  basic: {
    P0: { firstResponse: business(240), workaround: business(bd(2)), resolution: business(bd(15)) },
    P1: { firstResponse: business(480), workaround: business(bd(3)), resolution: business(bd(20)) },
    P2: { firstResponse: business(bd(1)), resolution: business(bd(40)) },
    P3: { firstResponse: business(bd(2)), resolution: business(bd(40)) },
  },
};

const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

const range = (from: string, days: number): string[] => {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
};

type HolidaySpec = { date: string; name: string };
const many = (from: string, days: number, name: string): HolidaySpec[] =>
  range(from, days).map((date) => ({ date, name }));

const CHINA_HOLIDAYS: HolidaySpec[] = [
  ...many("2024-01-01", 1, "New Year's Day"),
  ...many("2024-02-10", 8, "Spring Festival"),
  ...many("2024-04-04", 3, "Qingming Festival"),
  ...many("2024-05-01", 5, "Labour Day"),
  ...many("2024-06-10", 1, "Dragon Boat Festival"),
  ...many("2024-09-15", 3, "Mid-Autumn Festival"),
  ...many("2024-10-01", 7, "National Day"),
  ...many("2025-01-01", 1, "New Year's Day"),
  ...many("2025-01-28", 8, "Spring Festival"),
  ...many("2025-04-04", 3, "Qingming Festival"),
  ...many("2025-05-01", 5, "Labour Day"),
  ...many("2025-05-31", 3, "Dragon Boat Festival"),
  ...many("2025-10-01", 8, "National Day and Mid-Autumn Festival"),
  ...many("2026-01-01", 3, "New Year's Day"),
  ...many("2026-02-15", 9, "Spring Festival"),
  ...many("2026-04-04", 3, "Qingming Festival"),
  ...many("2026-05-01", 5, "Labour Day"),
  ...many("2026-06-19", 3, "Dragon Boat Festival"),
  ...many("2026-09-25", 3, "Mid-Autumn Festival"),
  ...many("2026-10-01", 7, "National Day"),
  ...many("2027-01-01", 1, "New Year's Day"),
  ...many("2027-02-06", 7, "Spring Festival"),
  ...many("2027-04-05", 1, "Qingming Festival"),
  ...many("2027-05-01", 5, "Labour Day"),
  ...many("2027-06-09", 1, "Dragon Boat Festival"),
  ...many("2027-09-15", 1, "Mid-Autumn Festival"),
  ...many("2027-10-01", 7, "National Day"),
];

const US_HOLIDAYS: HolidaySpec[] = [
  ["2024-01-01", "New Year's Day"],
  ["2024-01-15", "Martin Luther King Jr. Day"],
  ["2024-02-19", "Presidents' Day"],
  ["2024-05-27", "Memorial Day"],
  ["2024-06-19", "Juneteenth"],
  ["2024-07-04", "Independence Day"],
  ["2024-09-02", "Labor Day"],
  ["2024-11-28", "Thanksgiving"],
  ["2024-12-25", "Christmas Day"],
  ["2025-01-01", "New Year's Day"],
  ["2025-01-20", "Martin Luther King Jr. Day"],
  ["2025-02-17", "Presidents' Day"],
  ["2025-05-26", "Memorial Day"],
  ["2025-06-19", "Juneteenth"],
  ["2025-07-04", "Independence Day"],
  ["2025-09-01", "Labor Day"],
  ["2025-11-27", "Thanksgiving"],
  ["2025-12-25", "Christmas Day"],
  ["2026-01-01", "New Year's Day"],
  ["2026-01-19", "Martin Luther King Jr. Day"],
  ["2026-02-16", "Presidents' Day"],
  ["2026-05-25", "Memorial Day"],
  ["2026-06-19", "Juneteenth"],
  ["2026-07-03", "Independence Day (observed)"],
  ["2026-09-07", "Labor Day"],
  ["2026-11-26", "Thanksgiving"],
  ["2026-12-25", "Christmas Day"],
  ["2027-01-01", "New Year's Day"],
  ["2027-01-18", "Martin Luther King Jr. Day"],
  ["2027-02-15", "Presidents' Day"],
  ["2027-05-31", "Memorial Day"],
  ["2027-06-18", "Juneteenth (observed)"],
  ["2027-07-05", "Independence Day (observed)"],
  ["2027-09-06", "Labor Day"],
  ["2027-11-25", "Thanksgiving"],
  ["2027-12-24", "Christmas Day (observed)"],
].map(([date, name]) => ({ date: date!, name: name! }));

const UK_HOLIDAYS: HolidaySpec[] = [
  ["2024-01-01", "New Year's Day"],
  ["2024-03-29", "Good Friday"],
  ["2024-04-01", "Easter Monday"],
  ["2024-05-06", "Early May bank holiday"],
  ["2024-05-27", "Spring bank holiday"],
  ["2024-08-26", "Summer bank holiday"],
  ["2024-12-25", "Christmas Day"],
  ["2024-12-26", "Boxing Day"],
  ["2025-01-01", "New Year's Day"],
  ["2025-04-18", "Good Friday"],
  ["2025-04-21", "Easter Monday"],
  ["2025-05-05", "Early May bank holiday"],
  ["2025-05-26", "Spring bank holiday"],
  ["2025-08-25", "Summer bank holiday"],
  ["2025-12-25", "Christmas Day"],
  ["2025-12-26", "Boxing Day"],
  ["2026-01-01", "New Year's Day"],
  ["2026-04-03", "Good Friday"],
  ["2026-04-06", "Easter Monday"],
  ["2026-05-04", "Early May bank holiday"],
  ["2026-05-25", "Spring bank holiday"],
  ["2026-08-31", "Summer bank holiday"],
  ["2026-12-25", "Christmas Day"],
  ["2026-12-28", "Boxing Day (substitute day)"],
  ["2027-01-01", "New Year's Day"],
  ["2027-03-26", "Good Friday"],
  ["2027-03-29", "Easter Monday"],
  ["2027-05-03", "Early May bank holiday"],
  ["2027-05-31", "Spring bank holiday"],
  ["2027-08-30", "Summer bank holiday"],
  ["2027-12-27", "Christmas Day (substitute day)"],
  ["2027-12-28", "Boxing Day (substitute day)"],
].map(([date, name]) => ({ date: date!, name: name! }));

export const CALENDAR_DEFAULTS: {
  code: string;
  name: string;
  region: Region;
  timeZone: string;
  hours: { day: 0 | 1 | 2 | 3 | 4 | 5 | 6; start: string; end: string }[];
  holidays: HolidaySpec[];
  holidaySource: string;
}[] = [
  {
    code: "china",
    name: "China support",
    region: "china",
    timeZone: "Asia/Shanghai",
    hours: weekdays("09:00", "17:30"),
    holidays: CHINA_HOLIDAYS,
    holidaySource: "State Council public holiday notice",
  },
  {
    code: "americas",
    name: "Americas support",
    region: "americas",
    timeZone: "America/Los_Angeles",
    hours: weekdays("09:00", "17:30"),
    holidays: US_HOLIDAYS,
    holidaySource: "US federal holidays",
  },
  {
    code: "emea",
    name: "EMEA support",
    region: "emea",
    timeZone: "Europe/London",
    hours: weekdays("09:00", "17:30"),
    holidays: UK_HOLIDAYS,
    holidaySource: "UK bank holidays (England and Wales)",
  },
];
