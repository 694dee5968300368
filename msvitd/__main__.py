from msvitd.cli import main

main()
