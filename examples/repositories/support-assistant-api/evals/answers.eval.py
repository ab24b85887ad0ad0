# Demo file: evals/answers.eval.py
