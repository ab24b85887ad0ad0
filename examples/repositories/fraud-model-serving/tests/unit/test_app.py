# Demo file: tests/unit/test_app.py
