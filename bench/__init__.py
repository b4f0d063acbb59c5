"""`make bench`: the project measures its own speed (see README, "Measuring performance").

- `datagen`: valid synthetic data at N times the seed's, replicated along the models;
- `measure`: timing of data -> Markdown, of the full and the plain build, and of `mkdocs serve`;
- `run`: runs every measurement and prints one table (and bench/results/bench.json).
"""
