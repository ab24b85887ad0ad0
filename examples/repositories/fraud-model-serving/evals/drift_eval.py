# Demo file: evals/drift_eval.py
