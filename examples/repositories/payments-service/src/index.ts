// Demo file: src/index.ts
