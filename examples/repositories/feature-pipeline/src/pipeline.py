# Demo file: src/pipeline.py
