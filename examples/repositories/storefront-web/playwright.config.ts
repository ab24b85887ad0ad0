// Demo file: playwright.config.ts
