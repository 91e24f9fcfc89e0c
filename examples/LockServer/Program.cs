// Builds the system described by lockserver.camkes and runs it until every client has finished.
return LockServer.LockServerSystem.Run();
