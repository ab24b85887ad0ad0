# Demo file: src/app.py
