// Demo file: src/App.tsx
