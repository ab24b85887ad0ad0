// Demo file: load-tests/k6/fraud-model-serving.k6.js
