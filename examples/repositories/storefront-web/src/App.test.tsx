// Demo file: src/App.test.tsx
