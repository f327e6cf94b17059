import BitextCLI
BitextCommand.main()
