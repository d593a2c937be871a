/** Target outcomes counted: met, breached, excluded; n and attainment derived from them. Pure, for server and browser. */
export type Figures = { met: number; breached: number; excluded: number; n: number; attainment: number | null };

/** Builds figures from counts, deriving n and the attainment ratio in one place. */
export function figures(met: number, breached: number, excluded: number): Figures {
  const n = met + breached;
  return { met, breached, excluded, n, attainment: n > 0 ? met / n : null };
}
