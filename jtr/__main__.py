from jtr.cli import main

# The same program name as the console script, so usage lines and shell completion
# (_JTR_COMPLETE) work alike for `python -m jtr`; main makes a cp932 console print any text.
main(prog_name="jtr")
