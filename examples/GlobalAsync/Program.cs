return GlobalAsync.GlobalAsyncSystem.Run();
