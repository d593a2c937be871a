/**
 * Intl formatters shared across calls and requests: creating an Intl.NumberFormat or
 * Intl.DateTimeFormat costs far more than using one (issue 25). One per locale and options, at most
 * MAX_HELD of each kind; past it that kind's cache starts again.
 */

const MAX_HELD = 1_000;

function memo<T>(create: (locales: Intl.LocalesArgument, options: object | undefined) => T) {
  const held = new Map<string, T>();
  return (locales?: Intl.LocalesArgument, options?: object): T => {
    const key = `${String(locales)}\u0001${options === undefined ? "" : JSON.stringify(options)}`;
    let value = held.get(key);
    if (value === undefined) {
      if (held.size >= MAX_HELD) held.clear();
      value = create(locales, options);
      held.set(key, value);
    }
    return value;
  };
}

export const numberFormat = memo((l, o) => new Intl.NumberFormat(l, o as Intl.NumberFormatOptions));
export const dateTimeFormat = memo((l, o) => new Intl.DateTimeFormat(l, o as Intl.DateTimeFormatOptions));
export const pluralRules = memo((l, o) => new Intl.PluralRules(l, o as Intl.PluralRulesOptions));
