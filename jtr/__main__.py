from jtr.cli import main

main()
