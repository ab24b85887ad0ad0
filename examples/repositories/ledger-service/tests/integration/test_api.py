# Demo file: tests/integration/test_api.py
