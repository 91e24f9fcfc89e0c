// Builds the system described by FileServer.camkes and runs it until the client's control thread returns.
return FileServer.FileServerSystem.Run();
