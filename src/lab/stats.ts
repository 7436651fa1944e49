/** z of a two-sided 95 % normal interval: Φ⁻¹(0.975). */
const z95 = 1.959963984540054;

/**
 * Wilson's 95 % score interval for a success rate of `successes` out of `trials`. Unlike
 * p ± z√(p(1 − p)/n), it stays inside [0, 1] and does not shrink to a point at 0 or n
 * successes, which matters with 20 seeds.
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  const p = successes / trials;
  const z2 = z95 * z95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
