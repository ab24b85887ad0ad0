// Demo file: src/main.go
