using SpeechGate.Cli;

return await CliApplication.RunAsync(args, CliContext.FromConsole());
