// Demo file: src/main_test.go
