from jtr.cli import app
from jtr.fileio import survive_console_encoding

# The same program name as the console script, so usage lines and shell completion
# (_JTR_COMPLETE) work alike for `python -m jtr`.
survive_console_encoding()  # as jtr.cli.main does
app(prog_name="jtr")
