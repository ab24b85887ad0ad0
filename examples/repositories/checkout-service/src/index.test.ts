// Demo file: src/index.test.ts
