"""Review tools: the roadmap across git revisions (semantic diff, textconv, history, burn-up).

Kept out of the views' import path: nothing here is imported by `jtr status` and friends
unless a command asks for it.
"""
