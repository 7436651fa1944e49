import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/lab/stats.js';

describe('wilsonInterval', () => {
  it('17 of 20', () => {
    // p = 0.85, z² = 3.8415: centre (0.85 + 0.09604)/1.19207 = 0.79362,
    // half 1.95996·√(0.006375 + 0.0024009)/1.19207 = 0.15401 → [0.6396, 0.9476]
    const [low, high] = wilsonInterval(17, 20);
    expect(low).toBeCloseTo(0.6396, 4);
    expect(high).toBeCloseTo(0.9476, 4);
  });

  it('none and all', () => {
    // 0 of 20: [0, z²/(n + z²)] = [0, 3.8415/23.8415] = [0, 0.1611]
    const [low, high] = wilsonInterval(0, 20);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.1611, 4);
    const [allLow, allHigh] = wilsonInterval(20, 20);
    expect(allLow).toBeCloseTo(1 - 0.1611, 4);
    expect(allHigh).toBe(1);
  });
});
