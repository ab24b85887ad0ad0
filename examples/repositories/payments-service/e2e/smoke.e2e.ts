// Demo file: e2e/smoke.e2e.ts
