import { max, min, quantileSorted } from 'simple-statistics';

export interface LatencySummary {
  min: number;
  median: number;
  p95: number;
  max: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Latency figures in milliseconds, one decimal; zeros when nothing was measured. */
export function summarizeLatency(samples: number[]): LatencySummary {
  if (samples.length === 0) return { min: 0, median: 0, p95: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  return {
    min: round(min(values)),
    median: round(quantileSorted(values, 0.5)),
    p95: round(quantileSorted(values, 0.95)),
    max: round(max(values)),
  };
}
