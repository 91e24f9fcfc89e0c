using UxRt.Camkes.Cli;

return CamkesCli.Run(args, Console.Out, Console.Error);
