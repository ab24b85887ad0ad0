// Demo file: load-tests/k6/payments-service.k6.js
