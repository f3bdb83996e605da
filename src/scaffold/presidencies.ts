import { halfYearOf, presidencyOn } from '../model/presidencies.js';

/**
 * The presidency a new meeting on `date` is offered: the one in office by the table, else an
 * earlier meeting's (`new meeting --from`) only when that meeting fell in the same half-year.
 * Another half-year had another presidency, so copying it would name the wrong country.
 */
export function presidencyDefault(date: string, earlier?: { date: string; presidency: string }): string | undefined {
  return presidencyOn(date) ?? (earlier !== undefined && halfYearOf(earlier.date) === halfYearOf(date) ? earlier.presidency : undefined);
}
