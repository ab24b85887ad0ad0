/** A Prometheus instant-vector answer with these values. */
export function vector(
  ...samples: Array<{ labels?: Record<string, string>; value: string }>
) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: samples.map(s => ({
        metric: s.labels ?? {},
        value: [1700000000.123, s.value],
      })),
    },
  };
}
