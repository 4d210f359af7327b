from jtr.cli import app

# The same program name as the console script, so usage lines and shell completion
# (_JTR_COMPLETE) work alike for `python -m jtr`.
app(prog_name="jtr")
