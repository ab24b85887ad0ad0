# Demo file: tests/unit/test_pipeline.py
